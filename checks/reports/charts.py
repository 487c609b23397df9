"""Chart geometry for the HTML report: where each bar, tick and band goes, in SVG units.

Kept apart from the view models (views.py) so the layout can be tested as numbers and
grow (new chart kinds) without the assembly of incidents and findings around it.
Pure functions of plain values: no pandas, no markup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

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
    superseded: bool = False
    """Replaced by a later claim: drawn hollow, never judged against the consensus."""


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
    superseded: bool = False


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
        # A superseded claim left the consensus on purpose (an early toll): never red for it.
        outside = (
            not claim.superseded
            and consensus is not None
            and not overlaps(reach, (float(consensus[0]), consensus[1]))
        )
        conflict = claim.named_in_conflict or outside
        if outside:
            note = "outside consensus"
        elif claim.named_in_conflict:
            note = "conflict"
        elif claim.superseded:
            note = "superseded"
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
                superseded=claim.superseded,
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


# ---------------------------------------------------------------- toll over time

TOLL_WIDTH = 720.0
TOLL_LEFT = 56.0
TOLL_RIGHT = 580.0
TOLL_TOP = 40.0
TOLL_BOTTOM = 260.0
TOLL_GAP = 14.0
"""Horizontal pixels between the bars of claims published on one date, side by side."""
LABEL_BOX = (38.0, 12.0)
"""Room (width, height) a claim id needs above its bar; a label that would overlap one
already placed is left out (the bar keeps its tooltip)."""
DATE_ROOM = 78.0
"""Horizontal pixels an axis date label needs; a date closer to the previous is unlabelled."""
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def publication_range(published: str) -> tuple[date, date] | None:
    """The days a publication date may mean: one day, a whole month or a whole year.

    articles.csv may know a date only to the month or the year; the toll chart draws
    such a claim at the range's first day and shows how far it could lie.
    """
    match = _PARTIAL_DATE.match(published.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        if day is not None:
            start = date(int(year), int(month), int(day))
            return start, start
        if month is not None:
            start = date(int(year), int(month), 1)
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, following - timedelta(days=1)
        return date(int(year), 1, 1), date(int(year), 12, 31)
    except ValueError:
        return None


def value_axis(top: float, ticks: int = 5) -> tuple[int, int]:
    """(axis_max, step): the smallest 1/2/2.5/5 x 10^k step giving at most `ticks`
    intervals up to `top`, and the first multiple of it at or above `top`."""
    step = nice_ceiling(max(top, 1.0) / ticks)
    return step * math.ceil(max(top, 1.0) / step), step


@dataclass(frozen=True, slots=True)
class TollInput:
    """One count claim as the toll chart needs it: when it was published and what it said."""

    claim_id: str
    label: str
    published: str
    low: int
    high: int | None
    superseded_by: str | None = None
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class AxisTick:
    """A tick at `at` along its axis (x for dates, y for figures)."""

    at: float
    label: str
    minor: bool = False
    """The last day of a month- or year-only date: drawn lighter, no claim stands there."""


@dataclass(frozen=True, slots=True)
class TollMark:
    """One claim: a vertical bar at x from y_low (its low) up to y_high (its high).

    An open-ended claim runs to the top of the plot (`open_ended` draws an arrow);
    `range_x2` > x when the publication date is a month or a year, not a day.
    """

    claim_id: str
    label: str
    show_label: bool
    x: float
    range_x2: float
    y_low: float
    y_high: float
    open_ended: bool
    superseded: bool
    conflict: bool
    title: str
    exact: bool = False
    """low == high: drawn as a dot, which a 2-pixel bar would not show."""


@dataclass(frozen=True, slots=True)
class Connector:
    """A thin line from a superseded claim's bar to the bar of the claim replacing it."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class TollChart:
    """Geometry of one incident and field's toll-over-time chart (SVG units = CSS px)."""

    field: str
    width: float
    height: float
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    axis_max: int
    y_ticks: tuple[AxisTick, ...]
    x_ticks: tuple[AxisTick, ...]
    marks: tuple[TollMark, ...]
    connectors: tuple[Connector, ...]
    band_top: float | None
    band_bottom: float | None
    band_open: bool
    band_label: str
    best_y: float | None
    best_label: str
    left_out: tuple[str, ...]
    """Claims not drawn, with why (an increment, no readable publication date)."""


def _date_axis(days: Sequence[date]) -> dict[date, float]:
    """x of each date: one column per distinct date, in order, centred in its column.

    Reporting bunches up (five articles on day one, one a month later): a linear time
    axis would squeeze the first days into a few pixels. Columns keep every date
    readable; the axis stays ordered and every tick says its date.
    """
    distinct = sorted(set(days))
    width = (TOLL_RIGHT - TOLL_LEFT) / len(distinct)
    return {day: round(TOLL_LEFT + width * (i + 0.5), 2) for i, day in enumerate(distinct)}


def _free(box: tuple[float, float], placed: list[tuple[float, float]]) -> bool:
    width, height = LABEL_BOX
    return all(abs(box[0] - x) >= width or abs(box[1] - y) >= height for x, y in placed)


def build_toll_chart(
    field_name: str,
    claims: Sequence[TollInput],
    incident: tuple[int | None, int | None, int | None] | None = None,
    left_out: Sequence[str] = (),
) -> TollChart | None:
    """Lay out the toll over time: x = publication date, y = figure, one bar per claim.

    Claims are ordered by date, then figure, so a rising toll reads as a rising
    staircase; claims of one date stand side by side in its column; a month- or
    year-only date stands at its first day with a dotted line to its last. `incident`
    is the row's (low, best, high), drawn as a band with a line at best. `left_out`
    names claims the caller did not pass (increments); undated claims are added to it.
    None when no claim has a readable publication date (nothing to draw).
    """
    dated: list[tuple[TollInput, date, date]] = []
    skipped = list(left_out)
    for claim in claims:
        days = publication_range(claim.published)
        if days is None:
            skipped.append(f"{claim.claim_id}: no readable publication date")
        else:
            dated.append((claim, *days))
    if not dated:
        return None
    dated.sort(
        key=lambda d: (d[1], d[0].low, math.inf if d[0].high is None else d[0].high, d[0].claim_id)
    )
    column = _date_axis([d for _, start, end in dated for d in (start, end)])
    room = (TOLL_RIGHT - TOLL_LEFT) / len(column)
    by_day: dict[date, int] = {}
    for _, start, _ in dated:
        by_day[start] = by_day.get(start, 0) + 1

    values: list[float] = [1.0]
    for claim, _, _ in dated:
        values += [claim.low] + ([] if claim.high is None else [claim.high])
    if incident is not None:
        values += [v for v in incident if v is not None]
    axis_max, step = value_axis(max(values) * 1.08)
    height = TOLL_BOTTOM - TOLL_TOP

    def y_of(value: float) -> float:
        return round(TOLL_BOTTOM - min(value, axis_max) / axis_max * height, 2)

    marks: list[TollMark] = []
    labels: list[tuple[float, float]] = []
    seen: dict[date, int] = {}
    for claim, start, end in dated:
        count, index = by_day[start], seen.get(start, 0)
        seen[start] = index + 1
        gap = min(TOLL_GAP, (room - 8) / count)
        x = round(column[start] + (index - (count - 1) / 2) * gap, 2)
        y_high = TOLL_TOP if claim.high is None else y_of(claim.high)
        label_at = (x, TOLL_TOP - 14 if claim.high is None else y_high - 8)
        show = _free(label_at, labels)
        if show:
            labels.append(label_at)
        notes = [f"published {claim.published.strip()}"]
        if end > start:
            notes.append(f"drawn at {start.isoformat()}, may be as late as {end.isoformat()}")
        if claim.superseded_by:
            notes.append(f"superseded by {claim.superseded_by}")
        if claim.conflict:
            notes.append("conflict")
        marks.append(
            TollMark(
                claim_id=claim.claim_id,
                label=claim.claim_id,
                show_label=show,
                x=x,
                range_x2=round(x + column[end] - column[start], 2),
                y_low=y_of(claim.low),
                y_high=y_high,
                open_ended=claim.high is None,
                superseded=bool(claim.superseded_by),
                conflict=claim.conflict,
                title=f"{claim.label}: {interval_label(claim.low, claim.high)}; "
                + "; ".join(notes),
                exact=claim.high == claim.low,
            )
        )
    at = {m.claim_id: m for m in marks}
    connectors = tuple(
        Connector(old.x, round((old.y_low + old.y_high) / 2, 2), new.x, new.y_low)
        for claim, _, _ in dated
        if claim.superseded_by
        and (new := at.get(claim.superseded_by)) is not None
        and (old := at[claim.claim_id]) is not new
    )
    starts = {start: claim.published.strip() for claim, start, _ in reversed(dated)}
    ends = {end: end.isoformat() for _, start, end in dated if end > start and end not in starts}
    x_ticks = _spaced(
        sorted(
            [AxisTick(column[day], label) for day, label in starts.items()]
            + [AxisTick(column[day], label, minor=True) for day, label in ends.items()],
            key=lambda t: t.at,
        ),
        DATE_ROOM,
    )
    y_ticks = tuple(AxisTick(y_of(v), str(v)) for v in range(0, axis_max + 1, step))
    band_top = band_bottom = best_y = None
    band_label = best_label = ""
    low, best, high = incident if incident is not None else (None, None, None)
    if low is not None:
        band_bottom = y_of(low)
        band_top = TOLL_TOP if high is None else y_of(high)
        band_label = f"incident {interval_label(low, high)}"
        if best is not None:
            best_y, best_label = y_of(best), f"best {best}"
    return TollChart(
        field=field_name,
        width=TOLL_WIDTH,
        height=TOLL_BOTTOM + 44,
        plot_left=TOLL_LEFT,
        plot_right=TOLL_RIGHT,
        plot_top=TOLL_TOP,
        plot_bottom=TOLL_BOTTOM,
        axis_max=axis_max,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        marks=tuple(marks),
        connectors=connectors,
        band_top=band_top,
        band_bottom=band_bottom,
        band_open=low is not None and high is None,
        band_label=band_label,
        best_y=best_y,
        best_label=best_label,
        left_out=tuple(skipped),
    )


def _spaced(ticks: Sequence[AxisTick], room: float) -> tuple[AxisTick, ...]:
    kept: list[AxisTick] = []
    for tick in ticks:
        if not kept or tick.at - kept[-1].at >= room:
            kept.append(tick)
    return tuple(kept)
