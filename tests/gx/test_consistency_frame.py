"""The consistency_results batch built by merges gives the frame the per-pair loop gave:
the loop is kept here as the oracle, and hypothesis draws claims tables and consistency
findings (ids shared, repeated or missing, notices, reviewed disputes, incident-wide
rules), then the two frames must be equal, dtypes and order included."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.expectations.consistency import (
    COLUMNS,
    REVIEWED_DISPUTE,
    _status,
    conflict_keys,
    consistency_results_frame,
)
from checks.findings import Finding, Layer, Severity
from checks.structure.vocab import COUNT_FIELDS


def _oracle_conflict_keys(
    findings: Iterable[Finding], claims: pd.DataFrame
) -> dict[tuple[str, str], tuple[set[str], set[str]]]:
    """conflict_keys as it was: every claim of the table in a dict first."""
    from checks.expectations.consistency import INCIDENT_WIDE, _claim_ids, _field_from_columns

    by_claim: dict[str, tuple[str, str]] = {}
    if {"claim_id", "incident_id", "field"} <= set(claims.columns):
        columns = (claims[name].tolist() for name in ("claim_id", "incident_id", "field"))
        for claim_id, incident_id, field in zip(*columns, strict=True):
            if isinstance(claim_id, str) and isinstance(incident_id, str):
                by_claim[claim_id] = (incident_id, field if isinstance(field, str) else "")
    out: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for finding in findings:
        if finding.layer is not Layer.CONSISTENCY or not finding.rule_id.startswith("consistency."):
            continue
        claim_ids = _claim_ids(finding)
        evidence_field = finding.evidence.get("field")
        field = evidence_field if isinstance(evidence_field, str) else None
        incident = finding.evidence.get("incident_id")
        incident_id = incident if isinstance(incident, str) else None
        if incident_id is None and finding.table == "incidents":
            incident_id = finding.row_key
        for claim_id in claim_ids:
            if claim_id in by_claim:
                incident_id = incident_id or by_claim[claim_id][0]
                field = field or by_claim[claim_id][1]
        field = field or _field_from_columns(finding.columns) or INCIDENT_WIDE
        if incident_id is None:
            continue
        ids, rules = out.setdefault((incident_id, field), (set(), set()))
        if finding.severity is Severity.NOTICE and finding.rule_id != REVIEWED_DISPUTE:
            continue
        ids.update(claim_ids)
        rules.add(finding.rule_id)
    return out


def _oracle_frame(claims: pd.DataFrame, findings: list[Finding]) -> pd.DataFrame:
    """consistency_results_frame as it was: a dict per (incident, field), then a frame."""
    conflicts = _oracle_conflict_keys(findings, claims)
    keys: set[tuple[str, str]] = set(conflicts)
    if {"incident_id", "field"} <= set(claims.columns):
        pairs = claims.loc[claims["field"].isin(COUNT_FIELDS), ["incident_id", "field"]].dropna()
        pairs = pairs.drop_duplicates()
        keys.update(
            zip(
                pairs["incident_id"].astype(str).tolist(),
                pairs["field"].astype(str).tolist(),
                strict=True,
            )
        )
    rows = []
    for incident_id, field in sorted(keys):
        claim_ids, rules = conflicts.get((incident_id, field), (set(), set()))
        rows.append(
            {
                "incident_id": incident_id,
                "field": field,
                "status": _status(rules),
                "claims": ";".join(sorted(claim_ids)),
                "rules": ";".join(sorted(rules)),
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS), dtype="string")


_IDS = st.sampled_from(["c1", "c2", "c3", "c4", "c10", "c2b"])
_INCIDENTS = st.one_of(st.none(), st.sampled_from(["inc-a", "inc-b", "inc-é", "Inc-c", "inc-a "]))
_FIELDS = st.one_of(
    st.none(), st.sampled_from(["killed", "injured", "attackers", "perpetrator", "arrested"])
)
_RULES = st.sampled_from(
    [
        "consistency.interval-disagreement",
        "consistency.date-mismatch",
        REVIEWED_DISPUTE,
        "consistency.superseded",
        "grounding.figure-mismatch",
    ]
)


@st.composite
def _claims(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(min_value=0, max_value=12))
    rows = [(draw(st.one_of(st.none(), _IDS)), draw(_INCIDENTS), draw(_FIELDS)) for _ in range(n)]
    frame = pd.DataFrame(rows, columns=["claim_id", "incident_id", "field"], dtype=object)
    if draw(st.booleans()):  # as read with pyarrow: Arrow-backed strings
        frame = frame.astype(pd.StringDtype("pyarrow", na_value=np.nan))
    return frame


@st.composite
def _findings(draw: st.DrawFn) -> list[Finding]:
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        rule = draw(_RULES)
        evidence: dict[str, object] = {}
        if draw(st.booleans()):
            evidence["claims"] = draw(
                st.lists(st.one_of(_IDS, st.builds(lambda c: {"claim_id": c}, _IDS)), max_size=3)
            )
        if draw(st.booleans()):
            evidence["field"] = draw(_FIELDS)
        if draw(st.booleans()):
            evidence["incident_id"] = draw(_INCIDENTS)
        table = draw(st.sampled_from(["claims", "incidents", None]))
        out.append(
            Finding(
                rule_id=rule,
                severity=draw(st.sampled_from(list(Severity))),
                layer=Layer.GROUNDING if rule.startswith("grounding.") else Layer.CONSISTENCY,
                message="m",
                table=table,
                row_key=draw(st.one_of(st.none(), _IDS, _INCIDENTS)),
                columns=tuple(
                    draw(st.lists(st.sampled_from(["killed_low", "injured", "x"]), max_size=2))
                ),
                evidence=evidence,
            )
        )
    return out


@settings(max_examples=300, deadline=None)
@given(claims=_claims(), findings=_findings())
def test_frame_equals_the_loop(claims: pd.DataFrame, findings: list[Finding]) -> None:
    assert conflict_keys(findings, claims) == _oracle_conflict_keys(findings, claims)
    pd.testing.assert_frame_equal(
        consistency_results_frame(claims, findings), _oracle_frame(claims, findings)
    )


def test_no_pairs_gives_an_empty_frame_of_the_columns() -> None:
    claims = pd.DataFrame({"claim_id": [], "incident_id": [], "field": []}, dtype="str")
    frame = consistency_results_frame(claims, [])
    pd.testing.assert_frame_equal(frame, _oracle_frame(claims, []))
    assert list(frame.columns) == list(COLUMNS)
