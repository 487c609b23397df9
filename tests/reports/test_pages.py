"""The page policy: which incident pages the report writes, and what the index lists."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest

from checks.change.model import CHANGED, Change, RowChange, TableChange, VerdictChange
from checks.consistency.verdicts import CONFLICT, CONSISTENT
from checks.findings import Finding, Layer, Severity, ValidationResult
from checks.pipeline import run_gate
from checks.reports import views as views_module
from checks.reports.html import write_html_report
from checks.reports.pages import ALL, ALL_PAGES_UP_TO, RELEVANT, choose_pages
from checks.reports.views import build_report_views
from tests.conftest import REPORTING, SEED

IDS = ("i1", "i2", "i3", "i4", "i5")


def _typed() -> dict[str, pd.DataFrame]:
    """Five incidents with one killed claim each (c1 on i1 ... c5 on i5), one dispute."""

    def text(values: list[str]) -> pd.Series:
        return pd.Series(values, dtype="string")

    return {
        "incidents": pd.DataFrame(
            {"incident_id": text(list(IDS)), "name": text([f"Incident {i}" for i in IDS])}
        ),
        "claims": pd.DataFrame(
            {
                "claim_id": text([f"c{n}" for n in range(1, 6)]),
                "incident_id": text(list(IDS)),
                "article_id": text(["a1", "a2", "a2", "a3", "a3"]),
                "field": text(["killed"] * 5),
                "low": pd.array([3, 3, 3, 3, 3], dtype="Int64"),
                "high": pd.array([3, 3, 3, 3, 3], dtype="Int64"),
            }
        ),
        "disputes": pd.DataFrame({"dispute_id": text(["d1"]), "incident_id": text(["i5"])}),
    }


def _finding(severity: Severity, table: str, key: str) -> Finding:
    return Finding(
        rule_id="consistency.test",
        severity=severity,
        layer=Layer.CONSISTENCY,
        message="test",
        table=table,
        row_key=key,
    )


FINDINGS = (
    _finding(Severity.WARNING, "claims", "c2"),
    _finding(Severity.NOTICE, "incidents", "i3"),
)


def _change(table: str = "", key: str = "", verdict_of: str = "") -> Change:
    tables = (TableChange(table, (), (), (RowChange(table, key, CHANGED, 2),)),) if table else ()
    verdicts = (VerdictChange(verdict_of, CONSISTENT, CONFLICT),) if verdict_of else ()
    return Change("main", "0" * 40, True, tables, verdicts)


@pytest.mark.parametrize(
    ("mode", "threshold", "change", "written"),
    [
        pytest.param(RELEVANT, ALL_PAGES_UP_TO, None, set(IDS), id="small-dataset-all"),
        pytest.param(RELEVANT, len(IDS), None, set(IDS), id="at-threshold-all"),
        pytest.param(RELEVANT, 2, None, {"i2", "i3"}, id="big-findings-only"),
        pytest.param(ALL, 2, None, set(IDS), id="big-pages-all"),
        pytest.param(RELEVANT, 2, _change("claims", "c4"), {"i2", "i3", "i4"}, id="claim"),
        pytest.param(RELEVANT, 2, _change("incidents", "i1"), {"i1", "i2", "i3"}, id="incident"),
        pytest.param(
            RELEVANT, 2, _change("articles", "a3"), {"i2", "i3", "i4", "i5"}, id="article"
        ),
        pytest.param(RELEVANT, 2, _change("disputes", "d1"), {"i2", "i3", "i5"}, id="dispute"),
        pytest.param(RELEVANT, 2, _change(verdict_of="i1"), {"i1", "i2", "i3"}, id="verdict"),
        pytest.param(RELEVANT, 2, _change("actors", "x"), {"i2", "i3"}, id="untouched"),
    ],
)
def test_page_policy(mode: str, threshold: int, change: Change | None, written: set[str]) -> None:
    choice = choose_pages(_typed(), FINDINGS, change, mode, threshold)
    assert set(choice.written) == written
    assert choice.total == len(IDS)
    assert choice.every_page is (written == set(IDS))


def _views(
    threshold: int, clean_rows: int, monkeypatch: pytest.MonkeyPatch
) -> Mapping[str, object]:
    monkeypatch.setattr(views_module, "INDEX_CLEAN_ROWS", clean_rows)
    typed = _typed()
    result = ValidationResult("d", FINDINGS, {}, (Layer.CONSISTENCY,))
    views = build_report_views(
        typed, result, pages=choose_pages(typed, FINDINGS, None, RELEVANT, threshold)
    )
    return {
        "pages": [i.incident_id for i in views.incidents],
        "rows": [(r.incident_id, r.file is not None) for r in views.rows],
        "omitted": views.rows_omitted,
        "links": [f.incident_file for f in views.findings],
    }


def test_big_dataset_index_lists_conflicts_first_then_a_few_clean(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    got = _views(threshold=2, clean_rows=1, monkeypatch=monkeypatch)
    assert got["pages"] == ["i2", "i3"]
    assert got["rows"] == [("i2", True), ("i3", True), ("i1", False)]
    assert got["omitted"] == 2
    assert got["links"] == ["incidents/i2.html", "incidents/i3.html"]


def test_small_dataset_index_lists_every_incident_in_file_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    got = _views(threshold=ALL_PAGES_UP_TO, clean_rows=1, monkeypatch=monkeypatch)
    assert got["pages"] == list(IDS)
    assert got["rows"] == [(i, True) for i in IDS]
    assert got["omitted"] == 0


_HREF = re.compile(r'href="([^"]*)"')


def _dangling(report: Path) -> list[str]:
    """Every relative href of every written page whose file does not exist."""
    missing = []
    for page in report.rglob("*.html"):
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            target = href.split("#", 1)[0]
            if not target or re.match(r"^[a-z]+:", target):
                continue
            if not (page.parent / target).resolve().is_file():
                missing.append(f"{page.relative_to(report)} -> {href}")
    return missing


@pytest.mark.parametrize("dataset", [SEED, REPORTING], ids=["seed", "reporting"])
@pytest.mark.parametrize(("mode", "threshold"), [(RELEVANT, 0), (ALL, 0), (RELEVANT, 500)])
def test_no_link_points_at_a_page_not_written(
    dataset: Path, mode: str, threshold: int, tmp_path: Path
) -> None:
    run = run_gate(dataset, None)
    pages = choose_pages(run.typed, run.result.findings, None, mode, threshold)
    views = build_report_views(run.typed, run.result, pages=pages)
    write_html_report(views, run.result, tmp_path, None)
    written = {p.stem for p in (tmp_path / "incidents").glob("*.html")}
    assert len(written) == len(pages.written)
    assert _dangling(tmp_path) == []
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert ("--pages all" in index) is (not pages.every_page)


def _write(report: Path, threshold: int) -> None:
    typed = _typed()
    result = ValidationResult("d", FINDINGS, {}, (Layer.CONSISTENCY,))
    pages = choose_pages(typed, FINDINGS, None, RELEVANT, threshold)
    write_html_report(build_report_views(typed, result, pages=pages), result, report, None)


@pytest.mark.parametrize(
    ("per_page", "files"),
    [(2, ["index-2.html", "index-3.html", "index.html"]), (500, ["index.html"])],
)
def test_the_incident_list_runs_on_index_pages(
    per_page: int, files: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_module, "ROWS_PER_INDEX_PAGE", per_page)
    monkeypatch.setattr(views_module, "INDEX_CLEAN_ROWS", 10)
    _write(tmp_path, threshold=2)
    assert sorted(p.name for p in tmp_path.glob("index*.html")) == files
    assert _dangling(tmp_path) == []
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert ('class="pager"' in index) is (len(files) > 1)
    listed = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("index*.html"))
    assert all(f">{i}<" in listed for i in IDS), "every incident is on one index page"


def test_pages_of_an_earlier_run_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views_module, "ROWS_PER_INDEX_PAGE", 2)
    _write(tmp_path, threshold=ALL_PAGES_UP_TO)
    assert len(list((tmp_path / "incidents").glob("*.html"))) == len(IDS)
    assert (tmp_path / "index-3.html").is_file()
    monkeypatch.setattr(views_module, "ROWS_PER_INDEX_PAGE", 500)
    _write(tmp_path, threshold=2)
    assert sorted(p.stem for p in (tmp_path / "incidents").glob("*.html")) == ["i2", "i3"]
    assert sorted(p.name for p in tmp_path.glob("index*.html")) == ["index.html"]
