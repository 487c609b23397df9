"""Item 5 (HTML report): markup, scripts, Markdown and workflow commands planted in a
dataset show as text in the report a real headless Chromium renders.

One failing run (exit 1) on a seed copy whose folder name, incident names, places,
outlets and claim quotes are payloads (tests/hostile/payloads.py). For every page:
no element or event handler from a payload exists in the DOM Chromium built, no
planted script changed `document.title`, and the payload text is visible. A control
page proves the title probe does detect a script that runs.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from checks.cli import main
from tests.conftest import SEED, tree_hashes
from tests.hostile import payloads
from tests.hostile.builder import Hostile
from tests.reports.test_html_report import dump_dom, needs_chromium, visible_text

FOLDER = "ds <b id=injected-folder>x</b> %0A::error::folder"
INJECTED = (*payloads.INJECTED_IDS, "injected-folder")


def _title(dom: str) -> str:
    found = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert found is not None
    return found.group(1)


def _squash(text: str) -> str:
    return " ".join(text.split())


class Planted:
    """The report folder of the hostile run, and which payloads went to which page."""

    def __init__(self, reports: Path, pages: dict[str, list[str]], code: int, log: str) -> None:
        self.reports = reports
        self.pages = pages
        self.code = code
        self.log = log


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Planted:
    tmp = tmp_path_factory.mktemp("inert")
    root = tmp / FOLDER
    shutil.copytree(SEED, root)
    hostile = Hostile(root, tmp / "reports", capsys=None)  # type: ignore[arg-type]
    names = list(payloads.ALL.values())
    incidents = hostile.rows("incidents.csv")
    claims = hostile.rows("claims.csv")
    articles = hostile.rows("articles.csv")
    pages: dict[str, list[str]] = {"index.html": []}
    cursor = 0

    def take() -> str:
        nonlocal cursor
        value = names[cursor % len(names)]
        cursor += 1
        return value

    for row in incidents:
        row["name"], row["city"] = take(), take()
        page = f"incidents/{row['incident_id']}.html"
        pages[page] = [row["name"], row["city"]]
        pages["index.html"] += [row["name"], row["city"]]
    for row in articles:
        row["outlet"] = take()
    outlets = {row["article_id"]: row["outlet"] for row in articles}
    for row in claims[::3]:
        row["quote"] = take()
    for row in claims:
        pages[f"incidents/{row['incident_id']}.html"] += [outlets[row["article_id"]]]
        if row in claims[::3]:
            pages[f"incidents/{row['incident_id']}.html"].append(row["quote"])
    assert cursor >= len(names), "every payload is planted at least once"
    hostile.write_rows("incidents.csv", incidents, hostile.header("incidents.csv"))
    hostile.write_rows("claims.csv", claims, hostile.header("claims.csv"))
    hostile.write_rows("articles.csv", articles, hostile.header("articles.csv"))

    before = tree_hashes(root)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(
            ["validate", str(root), "--report-dir", str(tmp / "reports"), "--no-expectations"]
        )
    assert tree_hashes(root) == before
    assert err.getvalue() == ""
    return Planted(tmp / "reports", pages, code, out.getvalue())


def test_hostile_run_fails_and_still_writes_every_page(planted: Planted) -> None:
    assert planted.code == 1  # quotes that are payloads are not in the articles
    for page in planted.pages:
        assert (planted.reports / page).is_file(), page
    assert (planted.reports / "results.json").is_file()


def test_terminal_log_keeps_every_finding_on_one_line(planted: Planted) -> None:
    """The CI log: a payload's newline or `::command::` never starts a line of its own."""
    document = json.loads((planted.reports / "results.json").read_text(encoding="utf-8"))
    lines = planted.log.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")]
    finding_lines = [line for line in lines if " [" in line and "] " in line]
    assert len(finding_lines) == len(document["findings"])
    assert all(line.startswith(str(planted.reports.parent)) for line in finding_lines)


def test_sources_hold_no_raw_payload_markup(planted: Planted) -> None:
    """Before any browser: the escaped HTML holds no tag a payload brought."""
    for page in planted.pages:
        source = (planted.reports / page).read_text(encoding="utf-8")
        lowered = source.lower()
        for tag in ("<script", "<img", "<iframe", "<details", "<b id", "</style><b"):
            assert tag not in lowered, (page, tag)
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", lowered), page
        assert 'http-equiv="content-security-policy"' in lowered


@needs_chromium
def test_payloads_render_as_text_in_chromium(planted: Planted, tmp_path: Path) -> None:
    for page, planted_here in planted.pages.items():
        path = planted.reports / page
        source = path.read_text(encoding="utf-8")
        dom = dump_dom(path, tmp_path)
        assert _title(dom) != payloads.TITLE_MARK, page
        assert html.unescape(_title(dom)) == html.unescape(_title(source)), page  # unchanged
        lowered = dom.lower()
        for tag in ("<script", "<img", "<iframe", "<details", "<summary"):
            assert tag not in lowered, (page, tag)
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", lowered), page  # no handlers
        for element_id in INJECTED:
            assert f'id="{element_id}"' not in dom, (page, element_id)
        hrefs = re.findall(r'href="([^"]*)"', dom)
        assert hrefs
        assert all(re.fullmatch(r"[\w./-]+\.html(#[\w-]+)?", h) for h in hrefs), hrefs
        text = visible_text(dom)
        for value in planted_here:
            assert _squash(value) in text, (page, value)


@needs_chromium
@pytest.mark.parametrize("csp", [False, True])
def test_title_probe_detects_a_script_that_runs(tmp_path: Path, csp: bool) -> None:
    """Control: the probe above can fail. Without the report's CSP a planted script runs
    and changes the title; with the CSP the report pages carry, it does not."""
    meta = ""
    if csp:
        index = (SEED.parent.parent / "checks" / "reports" / "templates" / "base.j2").read_text()
        found = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', index)
        assert found is not None
        meta = found.group(0)
    page = tmp_path / "control.html"
    page.write_text(
        f"<!DOCTYPE html><html><head>{meta}<title>before</title></head><body>"
        f"{payloads.HTML['script']}</body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(page, tmp_path)
    assert _title(dom) == ("before" if csp else payloads.TITLE_MARK)
