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
from checks.membership import isin
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
    named = [
        (finding, _claim_ids(finding))
        for finding in findings
        if finding.layer is Layer.CONSISTENCY and finding.rule_id.startswith("consistency.")
    ]
    wanted = {claim_id for _, claim_ids in named for claim_id in claim_ids}
    by_claim: dict[str, tuple[str, str]] = {}
    if wanted and {"claim_id", "incident_id", "field"} <= set(claims.columns):
        # only the claims the findings name (listing all 1M claims was most of this batch)
        rows = claims.loc[isin(claims["claim_id"], wanted), ["claim_id", "incident_id", "field"]]
        columns = (rows[name].tolist() for name in ("claim_id", "incident_id", "field"))
        for claim_id, incident_id, field in zip(*columns, strict=True):
            if isinstance(claim_id, str) and isinstance(incident_id, str):
                by_claim[claim_id] = (incident_id, field if isinstance(field, str) else "")
    out: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for finding, claim_ids in named:
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
    """Every (incident_id, count field) the claims cover, plus any a finding names, in
    (incident_id, field) order; the pairs no finding names are `consistent`. Built by
    a sort and a merge: a dict per pair cost a second at 100,000 incidents."""
    conflicts = conflict_keys(findings, claims)
    incidents = [incident_id for incident_id, _ in conflicts]
    fields = [field for _, field in conflicts]
    if {"incident_id", "field"} <= set(claims.columns):
        pairs = claims.loc[claims["field"].isin(COUNT_FIELDS), ["incident_id", "field"]].dropna()
        incidents += pairs["incident_id"].astype(str).tolist()
        fields += pairs["field"].astype(str).tolist()
    if not incidents:
        return pd.DataFrame([], columns=list(COLUMNS), dtype="string")
    keys = pd.DataFrame({"incident_id": incidents, "field": fields}, dtype=object)
    # object columns sort with Python's str order, the order sorted() gave the tuples
    keys = keys.drop_duplicates().sort_values(["incident_id", "field"])
    judged = pd.DataFrame(
        [
            (incident_id, field, _status(rules), ";".join(sorted(ids)), ";".join(sorted(rules)))
            for (incident_id, field), (ids, rules) in conflicts.items()
        ],
        columns=list(COLUMNS),
        dtype=object,
    )
    frame = keys.merge(judged, on=["incident_id", "field"], how="left", validate="one_to_one")
    frame = frame.fillna({"status": "consistent", "claims": "", "rules": ""})
    return frame[list(COLUMNS)].reset_index(drop=True).astype("string")


def _status(rules: set[str]) -> str:
    if not rules:
        return "consistent"
    return "reviewed" if rules == {REVIEWED_DISPUTE} else "conflict"
