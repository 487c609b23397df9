"""The report's view model: quote highlighting and interval-chart geometry."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.findings import Finding, Layer, Severity, ValidationResult
from checks.loading.loader import load_dataset
from checks.reports.charts import (
    PLOT_LEFT,
    PLOT_RIGHT,
    ChartInput,
    build_chart,
    nice_ceiling,
    widen,
)
from checks.reports.views import build_report_views, highlight, incident_slug
from checks.structure.run import check_structure

SEED = Path(__file__).resolve().parents[2] / "datasets" / "seed"


@pytest.mark.parametrize(
    ("quote", "low", "high", "figure"),
    [
        ("left more than 60 dead", 61, None, "more than 60"),
        ("the Monday night raid that killed 61 people", 61, 61, "61"),
        ("At least two of the seven attackers were captured", 2, 7, "At least two"),
        ("LeJ, founded in 1996, killed 45 members", 45, 45, "45"),
        ("some 1,200 people fled", 1200, 1200, "some 1,200"),
        ("twenty-one were hurt", 21, 21, "twenty-one"),
        ("nobody was hurt", None, None, ""),
    ],
)
def test_highlight_finds_the_figure(
    quote: str, low: int | None, high: int | None, figure: str
) -> None:
    parts = highlight(quote, low, high)
    assert parts.figure == figure
    assert parts.before + parts.figure + parts.after == quote


def test_highlight_prefers_the_claimed_value_and_actor_names() -> None:
    assert highlight("two of the seven attackers", 7, 7).figure == "seven"
    parts = highlight("claimed by the Islamic State group", None, None, "islamic state")
    assert parts.figure == "Islamic State"


def test_nice_ceiling_and_widen() -> None:
    assert [nice_ceiling(v) for v in (0.5, 1, 7, 11, 70.15, 230)] == [1, 1, 10, 20, 100, 250]
    assert widen(61, 61, {"absolute": 2, "relative": 0.05}) == (57.95, 64.05)
    assert widen(1, None, {"absolute": 2, "relative": 0.0}) == (0.0, None)


def test_chart_geometry_open_ended_tolerance_and_conflict() -> None:
    chart = build_chart(
        "killed",
        [
            ChartInput("a", "a", 61, None),
            ChartInput("b", "b", 61, 61),
            ChartInput("c", "c", 10, 12),
        ],
        consensus=(60, 62),
        consensus_label="consensus",
        tolerance={"absolute": 2, "relative": 0.0},
    )
    assert chart.axis_max == 100  # 62 * 1.15 = 71.3 -> 100
    scale = (PLOT_RIGHT - PLOT_LEFT) / 100
    a, b, c = chart.bars
    assert a.open_ended
    assert a.x2 == PLOT_RIGHT
    assert a.x1 == pytest.approx(PLOT_LEFT + 61 * scale)
    assert not b.open_ended
    assert b.x1 == b.x2 == pytest.approx(PLOT_LEFT + 61 * scale)
    assert b.tol_x1 == pytest.approx(PLOT_LEFT + 59 * scale)
    assert b.tol_x2 == pytest.approx(PLOT_LEFT + 63 * scale)
    assert chart.consensus_x1 == pytest.approx(PLOT_LEFT + 60 * scale)
    assert not a.conflict
    assert not b.conflict
    assert c.conflict
    assert c.note == "outside consensus"
    assert [bar.y for bar in chart.bars] == sorted(bar.y for bar in chart.bars)
    assert [t.label for t in chart.ticks] == ["0", "25", "50", "75", "100"]
    assert chart.axis_y > c.y


def test_small_axis_has_integer_ticks() -> None:
    chart = build_chart("attackers", [ChartInput("a", "a", 1, 1)], None, "", None)
    assert [t.label for t in chart.ticks] == ["0", "1", "2"]
    assert chart.consensus_x1 is None


def test_incident_slug_is_a_safe_file_name() -> None:
    assert incident_slug("quetta-2016-police-academy") == "quetta-2016-police-academy"
    for bad in ("../../etc/passwd", "a/b", "<script>", "..", "x" * 200):
        slug = incident_slug(bad)
        assert "/" not in slug
        assert slug not in ("", ".", "..")
        assert len(slug) <= 64
    assert incident_slug("a/b") != incident_slug("a_b")


def test_views_attach_a_consistency_finding_to_incident_and_claims() -> None:
    dataset, _ = load_dataset(SEED)
    typed = check_structure(dataset).typed
    finding = Finding(
        "consistency.claims-disagree",
        Severity.ERROR,
        Layer.CONSISTENCY,
        "disagree",
        table="claims",
        row_key="c0014",
        evidence={"field": "killed", "claims": ["c0014", "c0018"], "consensus": [70, 80]},
    )
    result = ValidationResult("seed", (finding,), {}, tuple(Layer))
    views = build_report_views(typed, result)
    quetta = next(i for i in views.incidents if i.incident_id == "quetta-2016-police-academy")
    assert quetta.verdict == "conflict"
    assert quetta.findings[0].incident_file == "incidents/quetta-2016-police-academy.html"
    claims = {c.claim_id: c for c in quetta.claims}
    assert claims["c0014"].conflict
    assert claims["c0018"].conflict
    assert claims["c0014"].findings
    assert not claims["c0015"].findings
    killed = next(c for c in quetta.charts if c.field == "killed")
    assert {b.claim_id: b.note for b in killed.bars} == {
        "c0014": "conflict",  # [61, inf) reaches the consensus, but the finding names it
        "c0018": "outside consensus",
    }
    mumbai = next(i for i in views.incidents if i.incident_id == "mumbai-2008")
    assert mumbai.verdict == "consistent"
    assert views.totals[0].layer == "load"
