"""The real-reporting dataset's report, as a reviewer opens it in a browser: its pages
show the reviewed disputes, the revised tolls and the sub-events (headless Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPORTING, judgements_on_record, run_checks_cli
from tests.reports.test_html_report import dump_dom, needs_chromium, screenshot, visible_text


@pytest.fixture(scope="module")
def reporting_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reporting") / "reports"
    run = run_checks_cli(
        "validate", "datasets/reporting", "--no-expectations", "--report-dir", str(out)
    )
    assert run.returncode == 0, run.stdout + run.stderr
    notices = judgements_on_record(REPORTING)
    assert f"PASSED: 0 errors, 0 warning(s), {notices} notice(s)" in run.stdout
    return out


@needs_chromium
def test_parent_page_shows_dispute_sites_and_revisions(
    reporting_report: Path, tmp_path: Path
) -> None:
    page = reporting_report / "incidents" / "nz-2019-christchurch-mosques.html"
    text = visible_text(dump_dom(page, tmp_path))
    for shown in (
        "reviewed",  # the verdict badge
        "Reviewed disputes",
        "d04 · injured",
        "police count at the time",
        "How the toll was reported over time",
        "Sub-events",
        "nz-2019-christchurch-al-noor",
        "nz-2019-christchurch-linwood",
        "sum of sub-events",
        "superseded by c010",
        "superseded by c020",
    ):
        assert shown in text, shown
    screenshot(page, tmp_path, "reporting-christchurch.png")


@needs_chromium
def test_downward_revision_is_drawn_as_superseded(reporting_report: Path, tmp_path: Path) -> None:
    page = reporting_report / "incidents" / "lk-2019-easter-bombings.html"
    dom = dump_dom(page, tmp_path)
    text = visible_text(dom)
    assert "superseded by c117" in text  # 359 -> 253
    assert 'id="claim-c112"' in dom
    assert dom.count('class="connector"') >= 1
    assert "consistent" in text
    screenshot(page, tmp_path, "reporting-sri-lanka.png")


@needs_chromium
def test_index_counts_notices_apart(reporting_report: Path, tmp_path: Path) -> None:
    text = visible_text(dump_dom(reporting_report / "index.html", tmp_path))
    assert f"0 error(s), 0 warning(s), {judgements_on_record(REPORTING)} notice(s)" in text
    assert "consistency.reviewed-dispute" in text
