"""Issue 6 "Done when": a pull request that changes a Quetta claim to 45 and adds an article.

A temporary git repository (real git) holds two commits; `python -m checks validate
--base HEAD~1` runs in it as a subprocess with GITHUB_ACTIONS=true, exactly as the
workflow runs it on GitHub (through nox).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from checks.change.diff import diff_table
from checks.change.model import Change
from checks.findings import Layer, ValidationResult
from checks.pipeline import run_gate
from checks.reports.html import write_html_report
from checks.reports.views import build_report_views
from tests.conftest import REPO, read_rows, run_checks_cli, tree_hashes
from tests.gitrepo import (
    ADDED_ARTICLE,
    ADDED_INCIDENT,
    CHANGED_CLAIM,
    DATASET,
    QUETTA,
    git,
    init_repo,
    scenario_repo,
)


def run_checks(
    cwd: Path, *args: str, summary: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {"GITHUB_ACTIONS": "true"}
    if summary is not None:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    return run_checks_cli(*args, cwd=cwd, env=env)


@dataclass(frozen=True)
class Scenario:
    repo: Path
    done: subprocess.CompletedProcess[str]
    summary: str
    hashes_before: dict[str, str]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    repo = scenario_repo(tmp_path_factory.mktemp("ci") / "repo")
    hashes = tree_hashes(repo / DATASET)
    summary = repo.parent / "step_summary.md"
    summary.write_text("<!-- an earlier step -->\n", encoding="utf-8")
    done = run_checks(repo, "validate", "--base", "HEAD~1", summary=summary)
    return Scenario(repo, done, summary.read_text(encoding="utf-8"), hashes)


def _claim_line(repo: Path, claim_id: str) -> int:
    rows = read_rows(repo / DATASET / "claims.csv")
    return next(i for i, row in enumerate(rows) if row["claim_id"] == claim_id) + 2


def test_exits_1_and_leaves_the_dataset_alone(scenario: Scenario) -> None:
    assert scenario.done.returncode == 1, scenario.done.stderr
    assert scenario.done.stderr == ""
    assert tree_hashes(scenario.repo / DATASET) == scenario.hashes_before
    assert not git(scenario.repo, "status", "--porcelain", "--", str(DATASET)).strip()


def test_error_annotation_at_the_changed_claims_line(scenario: Scenario) -> None:
    line = _claim_line(scenario.repo, CHANGED_CLAIM)
    expected = (
        f"::error file=datasets/seed/claims.csv,line={line},"
        "title=grounding.figure-mismatch%3A Figures do not match the quote::"
        "quote 'the Monday night raid that killed 61 people' reads as exact [61, 61], "
        "the claim says exact [45, 45] [changed in this change]"
    )
    assert expected in scenario.done.stdout.splitlines()
    commands = [x for x in scenario.done.stdout.splitlines() if x.startswith("::")]
    assert all(x.startswith(("::error file=", "::warning file=")) for x in commands)


def test_summary_names_the_quetta_conflict_and_the_added_article(scenario: Scenario) -> None:
    summary = scenario.summary
    assert summary.startswith("<!-- an earlier step -->\n"), "appended, not overwritten"
    assert "## Incident data gate: FAILED" in summary
    conflicts = summary.split("### Incidents in conflict", 1)[1].split("###", 1)[0]
    assert f"`{QUETTA}`" in conflicts
    assert ADDED_INCIDENT not in conflicts
    change = summary.split("### This change", 1)[1]
    assert "**articles**: 1 added, 0 removed, 0 changed" in change
    assert f"- added `{ADDED_ARTICLE}`" in change
    line = _claim_line(scenario.repo, CHANGED_CLAIM)
    assert f"- changed `{CHANGED_CLAIM}` (line {line}): `low`: 61 → 45; `high`: 61 → 45" in change
    assert f"`{QUETTA}` (Raid on the Balochistan Police College in Quetta): " in change
    assert "consistent → conflict" in change
    assert f"- `{ADDED_INCIDENT}` (Mumbai terror attacks): absent → consistent" in change


def test_junit_xml_parses_and_fails_the_right_cases(scenario: Scenario) -> None:
    root = ET.parse(scenario.repo / "build" / "reports" / "junit.xml").getroot()
    failed = {
        (c.get("classname"), c.get("name"))
        for c in root.iter("testcase")
        if c.find("failure") is not None
    }
    assert failed == {
        ("grounding.figure-mismatch", "claims"),
        ("consistency.claims-disagree", "claims"),
    }
    assert root.find("testsuite[@name='expectations']/testcase/skipped") is None, "GX ran"


def test_results_json_carries_the_change(scenario: Scenario) -> None:
    document = json.loads((scenario.repo / "build/reports/results.json").read_text("utf-8"))
    change = document["change"]
    assert change["base"]["commit"] == git(scenario.repo, "rev-parse", "HEAD~1").strip()
    assert [r["key"] for r in change["tables"]["articles"]["added"]] == [ADDED_ARTICLE]
    assert {"incident_id": QUETTA, "before": "consistent", "after": "conflict"} in change[
        "verdicts"
    ]
    marked = {
        (f["rule_id"], f["row_key"]) for f in document["findings"] if f["changed_in_this_change"]
    }
    assert ("grounding.figure-mismatch", CHANGED_CLAIM) in marked
    assert all(key == CHANGED_CLAIM for _, key in marked)


def test_html_index_has_this_change(scenario: Scenario) -> None:
    index = (scenario.repo / "build/reports/index.html").read_text(encoding="utf-8")
    section = index.split('<h2 id="this-change">This change</h2>', 1)[1].split("<h2>", 1)[0]
    assert ADDED_ARTICLE in section
    assert "<del>61</del> → <ins>45</ins>" in section
    assert f"{QUETTA}</span>: consistent → conflict" in section
    findings = index.split("<h2>Findings</h2>", 1)[1].split("<h2>", 1)[0]
    rows = findings.split("<tr>")[2:]
    touched = [r for r in rows if 'class="touched"' in r]
    assert touched
    assert all(CHANGED_CLAIM in r or "claims.csv:" in r for r in touched)
    assert len(touched) < len(rows), "the c0014 finding is not on a changed row"


def test_unknown_ref_is_one_line_exit_2(scenario: Scenario) -> None:
    done = run_checks(scenario.repo, "validate", "--no-expectations", "--base", "nope/branch")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "'nope/branch'" in done.stderr
    assert "Traceback" not in done.stderr
    assert "::error file=datasets/seed,title=checks%3A cannot run::" in done.stdout


def test_base_needs_a_git_repository(tmp_path: Path) -> None:
    repo_less = tmp_path / "plain" / "seed"
    shutil.copytree(REPO / DATASET, repo_less)
    done = run_checks(
        tmp_path,
        "validate",
        str(repo_less),
        "--no-expectations",
        "--report-dir",
        str(tmp_path / "r"),
        "--base",
        "HEAD",
    )
    assert done.returncode == 2
    assert "inside a git repository" in done.stderr
    assert "Traceback" not in done.stderr


def test_first_commit_of_a_dataset_adds_every_row(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    (repo / "README").write_text("x\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    shutil.copytree(REPO / DATASET, repo / DATASET)
    done = run_checks(repo, "validate", "--no-expectations", "--base", "HEAD")
    assert done.returncode == 0, done.stdout + done.stderr
    change = json.loads((repo / "build/reports/results.json").read_text("utf-8"))["change"]
    assert change["base"]["present"] is False
    claims = read_rows(repo / DATASET / "claims.csv")
    assert len(change["tables"]["claims"]["added"]) == len(claims)


def test_html_change_lists_are_bounded(tmp_path: Path) -> None:
    """A first commit of a large table lists 200 rows per kind in the page, not all."""
    run = run_gate(REPO / DATASET, gx=None)
    assert run.dataset is not None
    claims = run.dataset.tables["claims"]
    big = claims.loc[claims.index.repeat(10)].reset_index(drop=True)
    big["claim_id"] = [f"x{i:05d}" for i in range(len(big))]
    change = Change("HEAD", "0" * 40, False, (diff_table("claims", None, big),), ())
    result = ValidationResult("d", (), {"claims": len(big)}, (Layer.LOAD,))
    index = write_html_report(
        build_report_views({}, result, change), result, tmp_path, None, change
    )
    page = index.read_text(encoding="utf-8")
    assert page.count("<tr><td>added</td>") == 201
    assert f"… and {len(big) - 200} more added row(s)" in page
