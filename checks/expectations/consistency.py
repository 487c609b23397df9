"""The consistency_results batch: one row per (incident_id, field) with its verdict.

Computed from the consistency layer's findings (rule ids `consistency.*`), so a
conflict the gate found shows in the Data Docs as an unexpected `status` value. A
disagreement a reviewer judged (only notices, one a reviewed dispute) is `reviewed`;
a superseded claim alone leaves the pair `consistent`, as in the incident verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from checks.findings import Finding, Layer, Severity, evidence_claim_ids
from checks.structure.vocab import COUNT_FIELDS

COLUMNS = ("incident_id", "field", "status", "claims", "rules")
INCIDENT_WIDE = "*"
REVIEWED_DISPUTE = "consistency.reviewed-dispute"
"""The field of a consistency finding that names no single field (e.g. dates)."""


def _field_from_columns(columns: Iterable[str]) -> str | None:
    for column in columns:
        for field in sorted(COUNT_FIELDS, key=len, reverse=True):
            if column == field or column.startswith(field + "_"):
                return field
    return None


def _claim_ids(finding: Finding) -> list[str]:
    own = [finding.row_key] if finding.table == "claims" and finding.row_key else []
    return list(dict.fromkeys(own + evidence_claim_ids(finding.evidence)))


def conflict_keys(
    findings: Iterable[Finding], claims: pd.DataFrame
) -> dict[tuple[str, str], tuple[set[str], set[str]]]:
    """(incident_id, field) -> (claim ids, rule ids) of every consistency finding naming it."""
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
            continue  # a superseded claim is a recorded revision, not a disagreement
        ids.update(claim_ids)
        rules.add(finding.rule_id)
    return out


def consistency_results_frame(claims: pd.DataFrame, findings: Iterable[Finding]) -> pd.DataFrame:
    """Every (incident_id, count field) the claims cover, plus any a finding names."""
    conflicts = conflict_keys(findings, claims)
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


def _status(rules: set[str]) -> str:
    if not rules:
        return "consistent"
    return "reviewed" if rules == {REVIEWED_DISPUTE} else "conflict"
