"""Chart geometry for the HTML report: where each bar, tick and band goes, in SVG units.

Kept apart from the view models (views.py) so the layout can be tested as numbers and
grow (new chart kinds) without the assembly of incidents and findings around it.
Pure functions of plain values: no pandas, no markup.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

DASH = "—"


def interval_label(low: int | None, high: int | None) -> str:
    """[61, ∞) / [61, 61] / —."""
    if low is None and high is None:
        return DASH
    lo = "?" if low is None else str(low)
    return f"[{lo}, ∞)" if high is None else f"[{lo}, {high}]"


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class ChartBar:
    """One claim's interval: a bar from x1 to x2 in row y; `open_ended` draws an arrow."""

    claim_id: str
    label: str
    y: float
    x1: float
    x2: float
    open_ended: bool
    tol_x1: float | None
    tol_x2: float | None
    conflict: bool
    note: str
    title: str


@dataclass(frozen=True, slots=True)
class IntervalChart:
    """Geometry of one incident and field's chart (SVG user units = CSS pixels)."""

    field: str
    width: float
    height: float
    plot_left: float
    plot_right: float
    axis_y: float
    axis_max: int
    ticks: tuple[Tick, ...]
    bars: tuple[ChartBar, ...]
    consensus_x1: float | None
    consensus_x2: float | None
    consensus_open: bool
    consensus_label: str
    row_height: float
    bar_height: float


# ---------------------------------------------------------------- chart geometry

CHART_WIDTH = 720.0
PLOT_LEFT = 150.0
PLOT_RIGHT = 560.0
ROW_HEIGHT = 30.0
BAR_HEIGHT = 12.0
TOP = 34.0


def nice_ceiling(value: float) -> int:
    """The smallest 1/2/5 x 10^k at or above `value` (at least 1)."""
    if value <= 1:
        return 1
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * exponent >= value:
            return int(math.ceil(step * exponent))  # noqa: RUF046 (mypy: ceil of float is Any here)
    return int(10 * exponent)


def widen(low: int, high: int | None, tolerance: Mapping[str, float]) -> tuple[float, float | None]:
    """[low, high] widened on each side by max(absolute, relative * bound), floored at 0."""
    absolute = float(tolerance.get("absolute", 0.0))
    relative = float(tolerance.get("relative", 0.0))
    lo = max(0.0, low - max(absolute, relative * low))
    hi = None if high is None else high + max(absolute, relative * high)
    return lo, hi


def overlaps(a: tuple[float, float | None], b: tuple[float, float | None]) -> bool:
    """Closed intervals with None as +infinity."""
    a_hi = math.inf if a[1] is None else a[1]
    b_hi = math.inf if b[1] is None else b[1]
    return a[0] <= b_hi and b[0] <= a_hi


@dataclass(frozen=True, slots=True)
class ChartInput:
    """One claim as the chart needs it."""

    claim_id: str
    label: str
    low: int
    high: int | None
    named_in_conflict: bool = False


def build_chart(
    field_name: str,
    claims: Sequence[ChartInput],
    consensus: tuple[int, int | None] | None,
    consensus_label: str,
    tolerance: Mapping[str, float] | None,
) -> IntervalChart:
    """Lay out the interval chart: x = PLOT_LEFT + value / axis_max * plot width.

    Open-ended highs run to the axis end (drawn as an arrow); the tolerance band is
    each interval widened by the tolerance; a claim is a conflict when a consistency
    finding names it or when its (widened) interval misses the consensus interval.
    """
    values: list[float] = [1.0]
    for claim in claims:
        values.append(claim.low)
        if claim.high is not None:
            values.append(claim.high)
            if tolerance:
                widened = widen(claim.low, claim.high, tolerance)[1]
                values.append(widened if widened is not None else claim.high)
    if consensus is not None:
        values.append(consensus[0])
        if consensus[1] is not None:
            values.append(consensus[1])
    axis_max = nice_ceiling(max(values) * 1.15)
    span = PLOT_RIGHT - PLOT_LEFT

    def x(value: float | None) -> float:
        if value is None:
            return PLOT_RIGHT
        return round(PLOT_LEFT + min(value, axis_max) / axis_max * span, 2)

    bars: list[ChartBar] = []
    for row, claim in enumerate(claims):
        y = TOP + row * ROW_HEIGHT
        band = widen(claim.low, claim.high, tolerance) if tolerance else None
        reach = band if band is not None else (float(claim.low), claim.high)
        outside = consensus is not None and not overlaps(reach, (float(consensus[0]), consensus[1]))
        conflict = claim.named_in_conflict or outside
        if outside:
            note = "outside consensus"
        elif claim.named_in_conflict:
            note = "conflict"
        else:
            note = ""
        interval = interval_label(claim.low, claim.high)
        bars.append(
            ChartBar(
                claim_id=claim.claim_id,
                label=claim.label,
                y=y,
                x1=x(claim.low),
                x2=x(claim.high),
                open_ended=claim.high is None,
                tol_x1=None if band is None else x(band[0]),
                tol_x2=None if band is None else x(band[1]),
                conflict=conflict,
                note=note,
                title=f"{claim.claim_id}: {interval}" + (f" ({note})" if note else ""),
            )
        )
    axis_y = TOP + len(claims) * ROW_HEIGHT + 4
    tick_values = sorted({round(axis_max * i / 4) for i in range(5)})
    ticks = tuple(Tick(x(value), str(value)) for value in tick_values)
    return IntervalChart(
        field=field_name,
        width=CHART_WIDTH,
        height=axis_y + 30,
        plot_left=PLOT_LEFT,
        plot_right=PLOT_RIGHT,
        axis_y=axis_y,
        axis_max=axis_max,
        ticks=ticks,
        bars=tuple(bars),
        consensus_x1=None if consensus is None else x(consensus[0]),
        consensus_x2=None if consensus is None else x(consensus[1]),
        consensus_open=consensus is not None and consensus[1] is None,
        consensus_label=consensus_label,
        row_height=ROW_HEIGHT,
        bar_height=BAR_HEIGHT,
    )
