"""Revised tolls (claims.superseded_by) on the real-reporting dataset: a revision is a
notice and leaves the consensus; a broken chain is an error naming the claim."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.findings import Finding, Severity
from checks.pipeline import validate
from tests.conftest import REPORTING, EditCell, read_rows

TODAY = dt.date(2026, 11, 30)
CLAIMS = read_rows(REPORTING / "claims.csv")
SUPERSEDED = {row["claim_id"]: row["superseded_by"] for row in CLAIMS if row["superseded_by"]}


def _rule(findings: tuple[Finding, ...], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


def test_every_revision_is_a_notice_with_its_successor(reporting_copy: Path) -> None:
    result = validate(reporting_copy, today=TODAY)
    notices = _rule(result.findings, "consistency.superseded-claim")
    assert {f.row_key: f.evidence["superseded_by"] for f in notices} == SUPERSEDED
    assert all(f.severity is Severity.NOTICE for f in notices)
    assert not _rule(result.findings, "consistency.revision-invalid")
    assert result.exit_code == 0


def test_same_article_revision_is_allowed(reporting_copy: Path) -> None:
    # 'The toll had been put at 321 on Tuesday' -> 'rose to 359', both in r15
    assert SUPERSEDED["c113"] == "c112"
    result = validate(reporting_copy, today=TODAY)
    (notice,) = [f for f in result.notices if f.row_key == "c113"]
    assert "superseded by c112" in notice.message


INVALID: list[tuple[str, str, str, str]] = [
    ("c101", "c9999", "missing", "which is not a claim of incident lk-2019-easter-bombings"),
    ("c002", "c010", "missing", "which is not a claim of incident nz-2019-christchurch-al-noor"),
    ("c102", "c112", "field", "c102 (injured) is superseded_by c112, a killed claim"),
    ("c121", "c101", "earlier", "published 2019-04-22, before it"),
    ("c101", "c101", "loop", "comes back to a claim already passed"),
]


@pytest.mark.parametrize(("claim", "target", "problem", "said"), INVALID)
def test_broken_revision_fails_naming_the_claim(
    reporting_copy: Path, edit_reporting: EditCell, claim: str, target: str, problem: str, said: str
) -> None:
    line = edit_reporting("claims", claim, "superseded_by", target)
    result = validate(reporting_copy, today=TODAY)
    hits = _rule(result.findings, "consistency.revision-invalid")
    (hit,) = [f for f in hits if f.row_key == claim]
    assert hit.evidence["problem"] == problem
    assert said in hit.message
    assert hit.line == line
    assert result.exit_code == 1


def test_a_cycle_of_two_fails_on_both(reporting_copy: Path, edit_reporting: EditCell) -> None:
    edit_reporting("claims", "c117", "superseded_by", "c112")  # c112 -> c117 already
    result = validate(reporting_copy, today=TODAY)
    looped = {
        f.row_key
        for f in _rule(result.findings, "consistency.revision-invalid")
        if f.evidence["problem"] == "loop"
    }
    assert {"c112", "c117"} <= looped


def test_unmarked_downward_revision_warns_and_disagrees(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    # without 'c112 superseded_by c117' the 359 -> 253 correction is a later, lower toll
    edit_reporting("claims", "c112", "superseded_by", "")
    result = validate(reporting_copy, today=TODAY)
    lower = _rule(result.findings, "consistency.later-lower-toll")
    assert {f.row_key for f in lower} <= {"c117", "c121"}
    assert any("mark c112 superseded_by" in f.message for f in lower)
    assert {"c112"} <= {f.row_key for f in _rule(result.findings, "consistency.claims-disagree")}


def test_superseded_claims_leave_the_consensus(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    # the 359 is superseded: an incident best of 359 is outside what the claims allow
    edit_reporting("incidents", "lk-2019-easter-bombings", "killed_best", "359")
    edit_reporting("incidents", "lk-2019-easter-bombings", "killed_high", "359")
    result = validate(reporting_copy, today=TODAY)
    (hit,) = _rule(result.findings, "consistency.incident-outside-consensus")
    assert hit.row_key == "lk-2019-easter-bombings"
    assert "killed_best=359" in hit.message
