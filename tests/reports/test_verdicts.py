"""The shared incident verdict: a reviewed dispute alone is *reviewed*, not a conflict."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.consistency.verdicts import (
    CONFLICT,
    CONSISTENT,
    REVIEWED,
    UNCHECKED,
    incident_verdicts,
)
from checks.findings import Finding, Layer, Severity


def _typed() -> dict[str, pd.DataFrame]:
    incidents = pd.DataFrame({"incident_id": ["a", "b"], "name": ["A", "B"]})
    claims = pd.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3"],
            "incident_id": ["a", "a", "b"],
            "field": ["killed", "killed", "perpetrator"],
            "low": pd.array([10, 20, None], dtype="Int64"),
        }
    )
    disputes = pd.DataFrame({"dispute_id": ["d1"], "incident_id": ["a"]})
    return {"incidents": incidents, "claims": claims, "disputes": disputes}


def _f(rule: str, severity: Severity, **where: object) -> Finding:
    return Finding(rule, severity, Layer.CONSISTENCY, "m", **where)  # type: ignore[arg-type]


REVIEW = _f("consistency.reviewed-dispute", Severity.NOTICE, table="disputes", row_key="d1")
SUPERSEDED = _f(
    "consistency.superseded-claim",
    Severity.NOTICE,
    table="claims",
    row_key="c1",
    evidence={"claim_ids": ["c1", "c2"]},
)
STALE = _f("consistency.review-stale", Severity.WARNING, table="disputes", row_key="d1")
DISAGREE = _f("consistency.claims-disagree", Severity.ERROR, table="claims", row_key="c2")


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ((), CONSISTENT),
        ((REVIEW,), REVIEWED),
        ((SUPERSEDED,), CONSISTENT),
        ((REVIEW, SUPERSEDED), REVIEWED),
        ((REVIEW, STALE), CONFLICT),
        ((REVIEW, DISAGREE), CONFLICT),
        ((DISAGREE,), CONFLICT),
    ],
    ids=[
        "none",
        "reviewed",
        "superseded-only",
        "reviewed+superseded",
        "stale",
        "disagree",
        "error",
    ],
)
def test_verdict_of_an_incident(findings: tuple[Finding, ...], expected: str) -> None:
    verdicts = incident_verdicts(_typed(), findings)
    assert verdicts["a"] == expected
    assert verdicts["b"] == UNCHECKED, "an incident without figures stays unchecked"


def test_a_dispute_finding_without_evidence_finds_its_incident_by_row() -> None:
    """review-invalid names only its disputes.csv row: the row's incident is in conflict."""
    invalid = _f("consistency.review-invalid", Severity.ERROR, table="disputes", row_key="d1")
    assert incident_verdicts(_typed(), [invalid])["a"] == CONFLICT
    assert incident_verdicts({**_typed(), "disputes": pd.DataFrame()}, [invalid])["a"] == CONSISTENT
