"""The incident page tells the story: toll over time, superseded claims, reviewed
disputes, sub-events and the *reviewed* verdict (tests/reports/story.py builds it)."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest

from checks.findings import Finding, Layer, ValidationResult, sort_findings
from checks.reports.charts import (
    TOLL_BOTTOM,
    TOLL_GAP,
    TOLL_LEFT,
    TOLL_RIGHT,
    TOLL_TOP,
    TollInput,
    build_toll_chart,
    publication_range,
    value_axis,
)
from checks.reports.html import write_html_report
from checks.reports.views import IncidentView, ReportViews, build_report_views
from tests.reports.story import NORTH, PARENT, REVIEWED, SOUTH, STALE, SUPERSEDED, typed_story
from tests.reports.test_html_report import dump_dom, needs_chromium, screenshot, visible_text

# ---------------------------------------------------------------- toll chart geometry


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2020-03-02", (date(2020, 3, 2), date(2020, 3, 2))),
        ("2020-02", (date(2020, 2, 1), date(2020, 2, 29))),
        ("2019-12", (date(2019, 12, 1), date(2019, 12, 31))),
        ("2015", (date(2015, 1, 1), date(2015, 12, 31))),
        ("2015-13", None),
        ("2015-02-30", None),
        ("", None),
        ("March 2015", None),
    ],
)
def test_publication_range(published: str, expected: tuple[date, date] | None) -> None:
    assert publication_range(published) == expected


@pytest.mark.parametrize(
    ("top", "axis"), [(0.5, (1, 1)), (7, (8, 2)), (102.6, (125, 25)), (950, (1000, 200))]
)
def test_value_axis_has_at_most_five_round_steps(top: float, axis: tuple[int, int]) -> None:
    assert value_axis(top) == axis
    assert axis[0] >= top


def test_a_rising_toll_is_a_rising_staircase() -> None:
    chart = build_toll_chart(
        "killed",
        [
            TollInput("late", "late", "2020-03-03", 40, 40),
            TollInput("early", "early", "2020-03-01", 10, 10),
            TollInput("mid", "mid", "2020-03-02", 20, 25),
        ],
    )
    assert chart is not None
    assert [m.claim_id for m in chart.marks] == ["early", "mid", "late"]
    xs = [m.x for m in chart.marks]
    assert xs == sorted(xs)
    assert len(set(xs)) == 3
    lows = [m.y_low for m in chart.marks]
    assert lows == sorted(lows, reverse=True), "a higher figure is drawn higher (smaller y)"
    mid = chart.marks[1]
    assert mid.y_high < mid.y_low
    assert [m.exact for m in chart.marks] == [True, False, True]
    assert [t.label for t in chart.x_ticks] == ["2020-03-01", "2020-03-02", "2020-03-03"]
    assert chart.y_ticks[0].label == "0"
    assert chart.y_ticks[0].at == TOLL_BOTTOM
    assert chart.band_bottom is None
    assert chart.connectors == ()


def test_open_ended_claim_runs_to_the_top() -> None:
    chart = build_toll_chart(
        "killed",
        [TollInput("a", "a", "2020-03-01", 61, None), TollInput("b", "b", "2020-03-01", 61, 61)],
        (61, None, None),
    )
    assert chart is not None
    b, a = chart.marks
    assert (b.claim_id, a.claim_id) == ("b", "a"), "the closed claim first at one date"
    assert a.open_ended
    assert a.y_high == TOLL_TOP
    assert not b.open_ended
    assert b.y_high == b.y_low
    assert chart.band_open
    assert chart.band_top == TOLL_TOP
    assert chart.band_label == "incident [61, ∞)"
    assert chart.best_y is None


def test_one_claim_stands_in_the_middle_with_its_label() -> None:
    chart = build_toll_chart("injured", [TollInput("only", "only", "2020-03-01", 5, 5)])
    assert chart is not None
    (mark,) = chart.marks
    assert mark.x == pytest.approx((TOLL_LEFT + TOLL_RIGHT) / 2)
    assert mark.show_label
    assert [t.label for t in chart.x_ticks] == ["2020-03-01"]


def test_many_claims_of_one_date_stand_side_by_side() -> None:
    claims = [TollInput(f"c{i}", f"c{i}", "2020-03-01", 10 + i, 10 + i) for i in range(30)]
    chart = build_toll_chart("killed", claims)
    assert chart is not None
    xs = [m.x for m in chart.marks]
    assert all(b > a for a, b in itertools.pairwise(xs))
    assert min(xs) >= TOLL_LEFT
    assert max(xs) <= TOLL_RIGHT
    assert xs[1] - xs[0] <= TOLL_GAP
    centre = (TOLL_LEFT + TOLL_RIGHT) / 2
    assert (xs[0] + xs[-1]) / 2 == pytest.approx(centre, abs=0.1)
    assert not all(m.show_label for m in chart.marks), "crowded labels are left out"
    assert any(m.show_label for m in chart.marks)


def test_a_month_only_date_stands_at_its_first_day_and_shows_its_width() -> None:
    chart = build_toll_chart(
        "killed",
        [
            TollInput("day", "day", "2020-03-01", 10, 10),
            TollInput("month", "month", "2020-03", 20, 20),
            TollInput("later", "later", "2020-04-10", 30, 30),
        ],
    )
    assert chart is not None
    marks = {m.claim_id: m for m in chart.marks}
    assert abs(marks["month"].x - marks["day"].x) <= TOLL_GAP, "both on 2020-03-01"
    assert marks["day"].range_x2 == marks["day"].x
    assert marks["month"].range_x2 > marks["month"].x
    assert marks["month"].range_x2 < marks["later"].x, "2020-03-31 comes before 2020-04-10"
    assert "may be as late as 2020-03-31" in marks["month"].title
    ticks = {t.label: t.minor for t in chart.x_ticks}
    assert ticks == {"2020-03-01": False, "2020-03-31": True, "2020-04-10": False}


def test_superseded_claims_connect_to_their_successor_and_undated_ones_are_named() -> None:
    chart = build_toll_chart(
        "killed",
        [
            TollInput("old", "old", "2020-03-01", 20, None, superseded_by="new"),
            TollInput("new", "new", "2020-03-02", 86, 86),
            TollInput("gone", "gone", "", 5, 5, superseded_by="new"),
        ],
        (86, 86, 95),
        ["inc: an increment, not a total"],
    )
    assert chart is not None
    old, new = chart.marks
    assert old.superseded
    assert not new.superseded
    (line,) = chart.connectors
    assert (line.x1, line.x2) == (old.x, new.x)
    assert line.y2 == new.y_low
    assert chart.left_out == (
        "inc: an increment, not a total",
        "gone: no readable publication date",
    )
    assert chart.best_label == "best 86"
    assert chart.band_top is not None
    assert chart.band_bottom is not None
    assert chart.best_y == chart.band_bottom, "best 86 is the low"
    assert chart.band_top < chart.band_bottom


def test_no_dated_claim_no_chart() -> None:
    assert build_toll_chart("killed", [TollInput("a", "a", "soon", 1, 1)]) is None


# ---------------------------------------------------------------- views


def _views(*findings: Finding) -> ReportViews:
    typed = typed_story()
    result = ValidationResult(
        "story", tuple(sort_findings(findings)), {k: len(v) for k, v in typed.items()}, tuple(Layer)
    )
    return build_report_views(typed, result)


def _incident(views: ReportViews, incident_id: str) -> IncidentView:
    return next(i for i in views.incidents if i.incident_id == incident_id)


def test_views_of_the_story() -> None:
    attack = _incident(_views(REVIEWED, SUPERSEDED, STALE), PARENT)
    claims = {c.claim_id: c for c in attack.claims}
    assert claims["c1"].superseded_by == "c3"
    assert claims["c3"].superseded_by == ""
    assert not claims["c1"].conflict, "a superseded-claim notice is no conflict"
    assert not claims["c3"].conflict, "nor is a reviewed dispute"
    assert claims["c7"].conflict, "a stale review is a warning: its claims show it"
    assert [t.field for t in attack.tolls] == ["killed", "injured"]
    killed = attack.tolls[0]
    assert [m.claim_id for m in killed.marks] == ["c1", "c2", "c5", "c4", "c3", "c6"]
    assert {(m.claim_id, m.superseded) for m in killed.marks if m.superseded} == {
        ("c1", True),
        ("c2", True),
    }
    assert len(killed.connectors) == 2
    assert killed.band_label == "incident [86, 95]"
    d1, d2 = attack.disputes
    assert (d1.dispute_id, d1.status, d1.span, d1.best) == ("d1", "reviewed", "[86, 95]", "86")
    assert d1.claims == (("c3", True), ("c5", True))
    assert d1.best_reason == "police count, matched by hospital lists"
    assert (d2.status, d2.best, d2.claims[-1]) == ("stale", "", ("c99", False))
    assert attack.subevents is not None
    assert [c.incident_id for c in attack.subevents.children] == [NORTH, SOUTH]
    assert attack.subevents.children[0].file == f"incidents/{NORTH}.html"
    assert attack.subevents.killed_sum == ("80", "∞"), "the south site is open-ended"
    assert attack.subevents.injured_sum == ("40", "∞"), "the south site has no figure"
    assert attack.parent is None
    south = _incident(_views(), SOUTH)
    assert south.parent is not None
    assert (south.parent.incident_id, south.parent.file) == (PARENT, f"incidents/{PARENT}.html")
    assert south.subevents is None
    assert south.disputes == ()


@pytest.mark.parametrize(
    ("findings", "verdict"),
    [
        ((REVIEWED, SUPERSEDED), "reviewed"),
        ((REVIEWED,), "reviewed"),
        ((SUPERSEDED,), "consistent"),
        ((), "consistent"),
        ((REVIEWED, SUPERSEDED, STALE), "conflict"),
    ],
    ids=["reviewed+superseded", "reviewed", "superseded", "none", "stale"],
)
def test_verdict_badge(findings: tuple[Finding, ...], verdict: str) -> None:
    assert _incident(_views(*findings), PARENT).verdict == verdict


def test_dispute_status_without_findings_is_not_checked() -> None:
    d1, d2 = _incident(_views(), PARENT).disputes
    assert d1.status == d2.status == "not checked"
    assert d1.messages == ()


# ---------------------------------------------------------------- rendered page


@pytest.fixture(scope="module")
def story_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("story") / "reports"
    views = _views(REVIEWED, SUPERSEDED, STALE)
    result = ValidationResult("story", (REVIEWED, SUPERSEDED, STALE), {}, tuple(Layer))
    write_html_report(views, result, out, None)
    return out


def _page(report: Path, incident_id: str) -> str:
    return (report / "incidents" / f"{incident_id}.html").read_text(encoding="utf-8")


def test_superseded_claims_are_struck_through_with_a_link(story_report: Path) -> None:
    page = _page(story_report, PARENT)
    row = re.search(r'<tr class="claim superseded-row" id="claim-c1">.*?</tr>', page, re.S)
    assert row is not None
    assert '<del class="superseded">[20, ∞)</del>' in row.group(0)
    assert 'superseded by <a href="#claim-c3">c3</a>' in row.group(0)
    kept = re.search(r'<tr class="claim" id="claim-c3">.*?</tr>', page, re.S)
    assert kept is not None
    assert "<del" not in kept.group(0)
    assert "superseded by" not in kept.group(0)


def test_disputes_section_lists_each_review(story_report: Path) -> None:
    page = _page(story_report, PARENT)
    section = re.search(
        r'<section class="dispute status-reviewed" id="dispute-d1">.*?</section>', page, re.S
    )
    assert section is not None
    body = section.group(0)
    assert "police count vs community count &lt;i&gt;" in body, "reasons stay escaped"
    assert "the incident spans both counts" in body
    assert "[86, 95]" in body
    assert '<a class="mono" href="#claim-c3">c3</a>' in body
    assert '<a class="mono" href="#claim-c5">c5</a>' in body
    assert "86: police count, matched by hospital lists" in body
    assert "reports it as a notice (consistency.reviewed-dispute)" in body
    stale = re.search(
        r'<section class="dispute status-stale" id="dispute-d2">.*?</section>', page, re.S
    )
    assert stale is not None
    assert "consistency.review-stale" in stale.group(0)
    assert 'href="#claim-c99"' not in stale.group(0)
    assert "<dt>Best</dt>" not in stale.group(0)
    for quiet in (NORTH, SOUTH):
        assert "Reviewed disputes" not in _page(story_report, quiet)


def test_subevents_table_and_parent_link(story_report: Path) -> None:
    page = _page(story_report, PARENT)
    table = re.search(r'<table class="subevents">.*?</table>', page, re.S)
    assert table is not None
    assert f'<a href="../incidents/{SOUTH}.html">{SOUTH}</a>' in table.group(0)
    total = re.search(r'<tr class="sum">(.*?)</tr>', table.group(0), re.S)
    assert total is not None
    assert re.findall(r'<th class="num">([^<]*)</th>', total.group(1)) == [
        "80", "—", "∞", "40", "—", "∞",
    ]  # fmt: skip
    south = _page(story_report, SOUTH)
    assert f'<a href="../incidents/{PARENT}.html">Attack on two &lt;sites&gt;</a>' in south
    assert '<table class="subevents">' not in south
    assert "Sub-event of" not in page


def test_toll_chart_is_drawn_once_per_field(story_report: Path) -> None:
    page = _page(story_report, PARENT)
    assert page.count('<figure class="chart toll">') == 2
    assert page.count('class="connector"') == 2
    assert 'class="date-range"' in page
    assert "<script" not in page.lower()
    north = _page(story_report, NORTH)
    assert '<figure class="chart toll">' not in north, "no claims, no chart"


@needs_chromium
def test_story_page_renders_in_chromium(story_report: Path, tmp_path: Path) -> None:
    page = story_report / "incidents" / f"{PARENT}.html"
    dom = dump_dom(page, tmp_path)
    text = visible_text(dom)
    for heading in (
        "How the toll was reported over time",
        "killed: the toll over time",
        "Reviewed disputes",
        "Sub-events",
        "sum of sub-events",
    ):
        assert heading in text
    assert "superseded by c3" in text
    assert dom.count("<svg") == 4
    assert "<i>" not in dom
    screenshot(page, tmp_path, "report-story-incident.png")
    screenshot(story_report / "incidents" / f"{SOUTH}.html", tmp_path, "report-story-subevent.png")
