"""Each incident's verdict (consistent / reviewed / conflict), decided once for every output.

The HTML report, the GitHub job summary and the change model (`--base`) all show
whether an incident's sources agree; they must agree with each other, so the rule
lives here: an incident is in *conflict* when a consistency-layer error or warning
attaches to it; it is *reviewed* when its only consistency findings are notices and
one of them is a reviewed dispute (sources disagree, a reviewer judged it); it is
*consistent* when it has count claims and nothing else applies (a superseded claim
alone is a revision on record, not a disagreement); it is *unchecked* when no count
claim gives a figure to compare.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import pandas as pd

from checks.consistency.rules import REVIEWED_DISPUTE
from checks.findings import Finding, Layer, Severity, evidence_claim_ids, named_claim_ids
from checks.membership import isin
from checks.structure.vocab import COUNT_FIELDS

CONFLICT = "conflict"
CONSISTENT = "consistent"
REVIEWED = "reviewed"
UNCHECKED = "unchecked"


def claim_incidents(
    claims: pd.DataFrame | None, only: Collection[str] | None = None
) -> dict[str, str]:
    """claim_id -> incident_id for the claims that name both; with `only`, for those of
    these ids alone (`named_claim_ids`: the claims findings name)."""
    if claims is None or claims.empty:
        return {}
    named = claims[claims["claim_id"].notna() & claims["incident_id"].notna()]
    if only is not None:
        named = named[isin(named["claim_id"], only)]
    ids = named["claim_id"].astype(str).tolist()
    return dict(zip(ids, named["incident_id"].astype(str).tolist(), strict=True))


def dispute_incidents(disputes: pd.DataFrame | None) -> dict[str, str]:
    """dispute_id -> incident_id for the disputes.csv rows that name both."""
    if disputes is None or disputes.empty:
        return {}
    named = disputes[disputes["dispute_id"].notna() & disputes["incident_id"].notna()]
    ids = named["dispute_id"].astype(str).tolist()
    return dict(zip(ids, named["incident_id"].astype(str).tolist(), strict=True))


def finding_incident(
    finding: Finding,
    claim_incident: Mapping[str, str],
    dispute_incident: Mapping[str, str] | None = None,
) -> str | None:
    """The incident a finding is about: named in its evidence, its row, or its claims."""
    evidence_id = finding.evidence.get("incident_id")
    if isinstance(evidence_id, str):
        return evidence_id
    key = finding.row_key or ""
    if finding.table == "incidents" and key:
        return key
    if finding.table == "claims" and key in claim_incident:
        return claim_incident[key]
    if finding.table == "disputes" and dispute_incident and key in dispute_incident:
        return dispute_incident[key]
    if finding.table == "consistency_results" and "/" in key:
        return key.split("/", 1)[0]
    for claim_id in evidence_claim_ids(finding.evidence):
        if claim_id in claim_incident:
            return claim_incident[claim_id]
    return None


def incident_verdicts(
    typed: Mapping[str, pd.DataFrame], findings: Iterable[Finding]
) -> dict[str, str]:
    """incident_id -> CONFLICT | REVIEWED | CONSISTENT | UNCHECKED for every incident row."""
    incidents = typed.get("incidents")
    if incidents is None or incidents.empty:
        return {}
    ids = incidents["incident_id"].dropna().astype(str).drop_duplicates().tolist()
    claims = typed.get("claims")
    with_figures: set[str] = set()
    if claims is not None and not claims.empty:
        counted = claims["field"].isin(COUNT_FIELDS) & claims["low"].notna()
        with_figures = set(claims.loc[counted, "incident_id"].dropna().astype(str))
    findings = tuple(findings)
    lookup = claim_incidents(claims, named_claim_ids(findings))
    disputes = dispute_incidents(typed.get("disputes"))
    conflicted: set[str] = set()
    reviewed: set[str] = set()
    for finding in findings:
        if finding.layer is not Layer.CONSISTENCY:
            continue
        found = finding_incident(finding, lookup, disputes)
        if found is None:
            continue
        if finding.severity is not Severity.NOTICE:
            conflicted.add(found)
        elif finding.rule_id == REVIEWED_DISPUTE:
            reviewed.add(found)
    verdicts: dict[str, str] = {}
    for incident_id in ids:
        if incident_id in conflicted:
            verdicts[incident_id] = CONFLICT
        elif incident_id in reviewed:
            verdicts[incident_id] = REVIEWED
        else:
            verdicts[incident_id] = CONSISTENT if incident_id in with_figures else UNCHECKED
    return verdicts


def incident_names(typed: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """incident_id -> name (empty when missing), for outputs that list incidents."""
    incidents = typed.get("incidents")
    if incidents is None or incidents.empty:
        return {}
    named = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    names = named["name"].astype("string").fillna("")
    return dict(zip(named["incident_id"].astype(str), names.astype(str), strict=True))
