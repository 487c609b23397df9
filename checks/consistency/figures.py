"""The incident row against its claims: low, best and high inside the consensus.

The consensus of an incident and field is the intersection of its claims' widened
intervals (superseded claims are out). Where the claims disagree, claims-disagree or a
reviewed dispute (`disputes`) speaks instead, so the comparison is skipped there.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from checks.consistency import rules as R
from checks.consistency.evidence import bounds, claim_evidence, num
from checks.consistency.intervals import GROUP, consensus
from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding
from checks.structure.vocab import INCIDENT_FIELDS


def outside_consensus(
    ds: Dataset, widened: pd.DataFrame, disputed: pd.DataFrame, incidents: pd.DataFrame
) -> list[Finding]:
    """The incident row against the consensus of its claims (`disputed`: the incident
    and field pairs whose claims disagree, left to the dispute rules).

    Policy for best: it must lie inside the consensus (error, like low and high). Where
    sources differ (more than one distinct stated interval), best is also expected to
    be the most conservative figure consistent with all of them, ACLED's practice: the
    smallest figure a source states that lies inside the consensus (none: no advice).
    A different best is a warning (consistency.best-not-conservative), not an error,
    because a maintainer may rightly prefer the better source; the report shows both.
    """
    claims = widened[widened["field"].isin(INCIDENT_FIELDS)]
    if claims.empty:
        return []
    agg = consensus(claims)
    if not disputed.empty:
        skip = pd.MultiIndex.from_frame(disputed[GROUP])
        agg = agg[~agg.index.isin(skip)]
    agg = agg.reset_index()
    keep = incidents[incidents["incident_id"].notna()]
    long = []
    for field in INCIDENT_FIELDS:
        piece = pd.DataFrame(
            {
                "row": keep.index,
                "incident_id": keep["incident_id"].to_numpy(),
                "field": field,
                "low_v": keep[f"{field}_low"].to_numpy(),
                "best_v": keep[f"{field}_best"].to_numpy(),
                "high_v": keep[f"{field}_high"].to_numpy(),
            }
        )
        long.append(piece)
    joined = pd.concat(long, ignore_index=True).merge(agg, on=GROUP, how="inner")
    if joined.empty:
        return []
    outside: dict[str, pd.Series] = {}
    for part in ("low", "best", "high"):
        value = joined[f"{part}_v"].astype("Float64")
        outside[part] = ((value < joined["low"]) | (value > joined["high"])).fillna(False)
        joined[f"out_{part}"] = outside[part].astype(bool)
    bad = outside["low"] | outside["best"] | outside["high"]
    best = joined["best_v"].astype("Float64")
    off_best = (
        (joined["shapes"] > 1)
        & best.notna()
        & ~outside["best"]
        & joined["conservative"].notna()
        & (best != joined["conservative"])
    ).fillna(False)
    findings = _incident_findings(ds, incidents, joined[bad.to_numpy()], claims, False)
    findings += _incident_findings(ds, incidents, joined[off_best.to_numpy()], claims, True)
    return findings


def _incident_findings(
    ds: Dataset,
    incidents: pd.DataFrame,
    joined: pd.DataFrame,
    claims: pd.DataFrame,
    about_best: bool,
) -> list[Finding]:
    if joined.empty:
        return []
    rows = incidents.loc[joined["row"].to_numpy()]
    # the isin first: a two-string-key merge over every claim costs more than the filter
    involved = claims[claims["incident_id"].isin(joined["incident_id"])].merge(
        joined[GROUP], on=GROUP
    )
    # one pass in (incident, field, claim_id) order, not a sort and a row loop per group
    ordered = involved.sort_values([*GROUP, "claim_id"], kind="stable")
    listed: dict[tuple[object, object], list[dict[str, Any]]] = {}
    for key, (_, claim) in zip(
        zip(ordered["incident_id"], ordered["field"], strict=True), ordered.iterrows(), strict=True
    ):
        listed.setdefault(key, []).append(claim_evidence(claim))
    messages = []
    evidence = []
    columns: list[str] = []
    for _, row in joined.iterrows():
        field = row["field"]
        key = (row["incident_id"], field)
        cons = bounds(row["low"], row["high"])
        quotes = "; ".join(f"{c['claim_id']} {c['quote']!r}" for c in listed.get(key, []))
        if about_best:
            wanted = num(row["conservative"])
            messages.append(
                f"incident {row['incident_id']}: {field}_best is {num(row['best_v'])}, but its "
                f"sources differ and the most conservative figure a source states within "
                f"their consensus is "
                f"{wanted} (consensus {cons}; {quotes})"
            )
            columns = [f"{field}_best"]
        else:
            parts = [p for p in ("low", "best", "high") if bool(row[f"out_{p}"])]
            values = ", ".join(f"{field}_{p}={num(row[f'{p}_v'])}" for p in parts)
            empty = " (the claims have no common interval)" if row["low"] > row["high"] else ""
            messages.append(
                f"incident {row['incident_id']}: {values} outside the consensus {cons} of "
                f"its {int(row['claims'])} {field} claim(s){empty}: {quotes}"
            )
            columns = [f"{field}_{p}" for p in ("low", "best", "high")]
        evidence.append(
            {
                "incident_id": row["incident_id"],
                "field": field,
                "incident": {p: num(row[f"{p}_v"]) for p in ("low", "best", "high")},
                "consensus": [num(row["low"]), num(row["high"])],
                "conservative": num(row["conservative"]),
                "claims": listed.get(key, []),
            }
        )
    rule_id = R.BEST_NOT_CONSERVATIVE if about_best else R.OUTSIDE_CONSENSUS
    return row_findings(
        rule_id, "incidents", ds.files["incidents"], rows, messages, columns, evidence
    )
