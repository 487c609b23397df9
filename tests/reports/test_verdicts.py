"""The shared incident verdict: a reviewed dispute alone is *reviewed*, not a conflict."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.consistency.verdicts import (
    CONFLICT,
    CONSISTENT,
    REVIEWED,
    UNCHECKED,
    claim_incidents,
    incident_verdicts,
)
from checks.findings import Finding, Layer, Severity, named_claim_ids


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


ANYWHERE = _f(
    "consistency.claims-disagree",
    Severity.ERROR,
    table="consistency_results",
    row_key="a/killed",
    evidence={"claims": [{"claim_id": "c3"}, "c1"]},
)


def test_the_claims_findings_name_are_their_row_keys_and_evidence() -> None:
    """named_claim_ids: a claims row's key and the claims of any finding's evidence;
    the key of a row of another table is no claim."""
    assert named_claim_ids([DISAGREE, SUPERSEDED, ANYWHERE, REVIEW]) == {"c1", "c2", "c3"}
    assert named_claim_ids([]) == set()


@pytest.mark.parametrize("only", [None, set(), {"c2"}, {"c1", "c3", "c9"}])
def test_claim_lookup_for_named_claims_is_the_full_lookup_cut_to_them(
    only: set[str] | None,
) -> None:
    """claim_incidents(claims, only) answers like the lookup of every claim for the ids
    it is given, and holds no other."""
    claims = _typed()["claims"]
    full = claim_incidents(claims)
    assert claim_incidents(claims, only) == (
        full if only is None else {k: v for k, v in full.items() if k in only}
    )


@pytest.mark.parametrize("findings", [(DISAGREE,), (SUPERSEDED, REVIEW), (ANYWHERE,), ()])
def test_verdicts_look_up_only_the_claims_findings_name(
    findings: tuple[Finding, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """incident_verdicts asks the claim lookup for the named claims alone, and decides as
    with the lookup of every claim."""
    from checks.consistency import verdicts as module

    asked: list[object] = []
    real = module.claim_incidents

    def spy(claims: pd.DataFrame | None, only: set[str] | None = None) -> dict[str, str]:
        asked.append(only)
        return real(claims, only)

    monkeypatch.setattr(module, "claim_incidents", spy)
    typed = _typed()
    got = incident_verdicts(typed, iter(findings))
    assert asked == [named_claim_ids(findings)]
    monkeypatch.setattr(module, "claim_incidents", lambda claims, only=None: real(claims))
    assert got == incident_verdicts(typed, findings)
