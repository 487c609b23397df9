"""Notices (reviewed disputes, superseded claims) are counted apart in every output and
never fail: terminal, results.json, junit.xml, job summary, annotations, HTML index."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checks.consistency.verdicts import CONFLICT, REVIEWED
from checks.findings import ExitCode, Finding, Layer, Severity, ValidationResult
from checks.reports import github as G
from checks.reports.html import write_html_report
from checks.reports.json_report import result_document, write_json_report
from checks.reports.junit import render_junit
from checks.reports.terminal import render_terminal
from checks.reports.views import build_report_views
from tests.conftest import read_rows, run_checks_cli, write_rows
from tests.reports.test_github import parse_command

ROOT = Path("/repo")


def notice(dispute: str = "d1", line: int = 2) -> Finding:
    return Finding(
        "consistency.reviewed-dispute",
        Severity.NOTICE,
        Layer.CONSISTENCY,
        f"reviewed dispute {dispute}: police count vs community count",
        table="disputes",
        row_key=dispute,
        file="/repo/datasets/x/disputes.csv",
        line=line,
        evidence={"incident_id": "inc", "field": "killed", "dispute_id": dispute},
    )


def superseded() -> Finding:
    return Finding(
        "consistency.superseded-claim",
        Severity.NOTICE,
        Layer.CONSISTENCY,
        "c1 is superseded by c2",
        table="claims",
        row_key="c1",
        file="/repo/datasets/x/claims.csv",
        line=2,
        evidence={"incident_id": "inc", "field": "killed", "claim_ids": ["c1", "c2"]},
    )


def warning() -> Finding:
    return Finding(
        "consistency.later-lower-toll",
        Severity.WARNING,
        Layer.CONSISTENCY,
        "later lower",
        table="claims",
        row_key="c3",
        file="/repo/datasets/x/claims.csv",
        line=4,
    )


def error() -> Finding:
    return Finding(
        "structure.required",
        Severity.ERROR,
        Layer.STRUCTURE,
        "empty quote",
        table="claims",
        row_key="c4",
        file="/repo/datasets/x/claims.csv",
        line=5,
    )


def result_of(*findings: Finding) -> ValidationResult:
    return ValidationResult("/repo/datasets/x", findings, {"claims": 4}, tuple(Layer))


NOTICES_ONLY = result_of(notice(), superseded())


def test_a_run_with_only_notices_passes() -> None:
    assert NOTICES_ONLY.exit_code is ExitCode.OK
    assert len(NOTICES_ONLY.notices) == 2
    assert not NOTICES_ONLY.errors
    assert not NOTICES_ONLY.warnings


@pytest.mark.parametrize(
    ("result", "verdict", "layers"),
    [
        (NOTICES_ONLY, "PASSED: 0 errors, 0 warning(s), 2 notice(s)", "consistency 0E/0W/2N"),
        (
            result_of(warning()),
            "PASSED: 0 errors, 1 warning(s), 0 notice(s)",
            "consistency 0E/1W/0N",
        ),
        (
            result_of(error(), warning(), notice()),
            "FAILED: 1 error(s), 1 warning(s), 1 notice(s)",
            "structure 1E/0W/0N",
        ),
    ],
    ids=["notices-only", "no-notice", "all-three"],
)
def test_terminal_counts_notices_apart(result: ValidationResult, verdict: str, layers: str) -> None:
    text = render_terminal(result)
    assert text.splitlines()[-1] == verdict
    assert layers in text
    assert ("notice [consistency.reviewed-dispute]" in text) == bool(result.notices)


def test_results_json_counts_notices_per_layer(tmp_path: Path) -> None:
    path = write_json_report(NOTICES_ONLY, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["passed"] is True
    assert document["exit_code"] == 0
    assert document["totals"]["consistency"] == {"error": 0, "warning": 0, "notice": 2}
    assert [f["severity"] for f in document["findings"]] == ["notice", "notice"]
    quiet = result_document(result_of(warning()))
    assert quiet["totals"]["consistency"]["notice"] == 0


def _case(xml: str, rule_id: str, table: str) -> ET.Element:
    root = ET.fromstring(xml)
    return next(
        c for c in root.iter("testcase") if (c.get("classname"), c.get("name")) == (rule_id, table)
    )


def test_junit_lists_notices_apart_and_never_fails() -> None:
    xml = render_junit(result_of(notice(), notice("d2", 3), warning()))
    root = ET.fromstring(xml)
    assert root.get("failures") == "0"
    case = _case(xml, "consistency.reviewed-dispute", "disputes")
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None
    lines = (out.text or "").splitlines()
    assert len(lines) == 2
    assert all(line.startswith("notice: ") for line in lines)
    assert "[d2]: reviewed dispute d2" in lines[1]
    later = _case(xml, "consistency.later-lower-toll", "claims").find("system-out")
    assert later is not None
    assert (later.text or "").startswith("warning: ")
    assert "notice:" not in (later.text or "")


def test_junit_puts_warnings_before_notices_in_one_case() -> None:
    stale = Finding(
        "consistency.reviewed-dispute",
        Severity.WARNING,
        Layer.CONSISTENCY,
        "odd",
        table="disputes",
        row_key="d9",
    )
    xml = render_junit(result_of(notice(), stale))
    out = _case(xml, "consistency.reviewed-dispute", "disputes").find("system-out")
    assert out is not None
    assert [line.split(":")[0] for line in (out.text or "").splitlines()] == ["warning", "notice"]


def test_annotations_are_notice_commands_after_errors_and_warnings() -> None:
    lines = G.annotation_lines(result_of(notice(), warning(), error()), ROOT)
    parsed = [parse_command(line) for line in lines]
    assert [name for name, _, _ in parsed] == ["error", "warning", "notice"]
    _, props, data = parsed[-1]
    assert props == {
        "file": "datasets/x/disputes.csv",
        "line": "2",
        "title": "consistency.reviewed-dispute: Reviewed dispute",
    }
    assert data == "reviewed dispute d1: police count vs community count"
    assert lines[-1].startswith("::notice file=datasets/x/disputes.csv,line=2,title=")


def test_notice_annotations_escape_like_the_others() -> None:
    hostile = Finding(
        "consistency.reviewed-dispute",
        Severity.NOTICE,
        Layer.CONSISTENCY,
        "reason: 100%\n::error::forged, a, b",
        file="/repo/d,x:y.csv",
        line=3,
    )
    line = G.annotation(hostile, ROOT)
    assert "\n" not in line
    assert line.startswith("::notice file=d%2Cx%3Ay.csv,line=3,")
    assert line.endswith("::reason: 100%25%0A::error::forged, a, b")
    assert parse_command(line)[2] == hostile.message


def test_the_cap_drops_notices_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(G, "MAX_ANNOTATIONS", 2)
    lines = G.annotation_lines(result_of(notice(), notice("d2"), warning(), error()), ROOT)
    names = [parse_command(line)[0] for line in lines]
    assert names == ["error", "warning", "notice"]
    assert parse_command(lines[-1])[2] == "2 more finding(s) not annotated"


def test_job_summary_has_a_notices_column_and_lists_them() -> None:
    incidents = [
        G.IncidentLine("inc", "Reviewed one", REVIEWED),
        G.IncidentLine("other", "Bad one", CONFLICT),
    ]
    summary = G.job_summary(result_of(notice(), warning()), ROOT, incidents)
    assert "## Incident data gate: PASSED" in summary
    assert "0 error(s), 1 warning(s), 1 notice(s)." in summary
    assert "| Layer | Errors | Warnings | Notices |" in summary
    assert "| consistency | 0 | 1 | 1 |" in summary
    assert "| **total** | 0 | 1 | 1 |" in summary
    rows = [line for line in summary.splitlines() if line.startswith(("| warning", "| notice"))]
    assert [r.split(" | ")[0] for r in rows] == ["| warning", "| notice"]
    assert "### Incidents reviewed" in summary
    assert "| `inc` | Reviewed one |" in summary
    conflicts = summary.split("### Incidents in conflict")[1].split("###")[0]
    assert "`other`" in conflicts
    assert "`inc`" not in conflicts


def test_job_summary_without_notices_has_no_reviewed_section() -> None:
    summary = G.job_summary(result_of(warning()), ROOT, [G.IncidentLine("i", "n", CONFLICT)])
    assert "| consistency | 0 | 1 | 0 |" in summary
    assert "Incidents reviewed" not in summary
    assert "| notice" not in summary


def test_html_index_counts_notices_and_styles_them(tmp_path: Path) -> None:
    result = result_of(notice(), warning())
    index = write_html_report(build_report_views({}, result), result, tmp_path, None)
    page = index.read_text(encoding="utf-8")
    assert "0 error(s), 1 warning(s), 1 notice(s)" in page
    assert re.search(r"<th class=\"num\">Notices</th>", page)
    totals = re.search(r'<table class="totals">(.*?)</table>', page, re.S)
    assert totals is not None
    consistency = re.search(r"<tr><td>consistency</td>(.*?)</tr>", totals.group(1), re.S)
    assert consistency is not None
    assert re.findall(r">(\d+)</td>", consistency.group(1)) == ["0", "1", "1"]
    assert '<td class="sev-notice">notice</td>' in page
    assert "PASSED" in page
    quiet = result_of(warning())
    write_html_report(build_report_views({}, quiet), quiet, tmp_path / "q", None)
    page = (tmp_path / "q" / "index.html").read_text(encoding="utf-8")
    assert '<td class="sev-notice">' not in page
    assert "0 error(s), 1 warning(s), 0 notice(s)" in page


def test_a_notices_only_run_passes_end_to_end(seed_copy: Path, tmp_path: Path) -> None:
    """rules.toml may lower a rule to notice: the CLI then exits 0 and every output
    counts the notice apart (an unknown column is the simplest finding to plant)."""
    actors = seed_copy / "actors.csv"
    rows = read_rows(actors)
    write_rows(actors, [row | {"extra": ""} for row in rows])
    rules = seed_copy / "rules.toml"
    rules.write_text(
        rules.read_text(encoding="utf-8") + '"load.unknown-column" = "notice"\n', encoding="utf-8"
    )
    out = tmp_path / "reports"
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(seed_copy.parent),
    }
    args = ["validate", str(seed_copy), "--no-expectations", "--report-dir", str(out)]
    done = run_checks_cli(*args, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASSED: 0 errors, 0 warning(s), 1 notice(s)" in done.stdout
    assert "load 0E/0W/1N" in done.stdout
    commands = [parse_command(line) for line in done.stdout.splitlines() if line.startswith("::")]
    assert [(name, props["file"], props["line"]) for name, props, _ in commands] == [
        ("notice", "dataset/actors.csv", "1")
    ]
    document = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert (document["passed"], document["exit_code"]) == (True, 0)
    assert document["totals"]["load"] == {"error": 0, "warning": 0, "notice": 1}
    junit = ET.parse(out / "junit.xml").getroot()
    assert junit.get("failures") == "0"
    outs = [o.text or "" for o in junit.iter("system-out")]
    assert outs == [outs[0]]
    assert outs[0].startswith("notice: ")
    text = summary.read_text(encoding="utf-8")
    assert "## Incident data gate: PASSED" in text
    assert "| load | 0 | 0 | 1 |" in text
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "0 error(s), 0 warning(s), 1 notice(s)" in index
