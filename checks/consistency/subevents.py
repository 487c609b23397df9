"""Sub-events: an attack on several sites recorded as a parent incident and one per site.

Reporting gives both the total ("88 in all") and the sites ("19 at one mosque, another
69 at the other"); the dataset keeps both, and this family checks that they add up:
the parent's interval must meet the sum of its children's intervals (lows add, highs
add, an open or unknown child makes the sum open above) once both are widened by the
field's tolerance, and every child lies within its parent's dates. `subevent_sums` is
shared with the report, which draws the parent with its children and their sum.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from checks.consistency import rules as R
from checks.consistency.chains import follow
from checks.consistency.evidence import num
from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding
from checks.rulesfile import Rules
from checks.structure.vocab import INCIDENT_FIELDS

PARENT = "parent_incident"


def _linked(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incident rows that name a parent (unique ids only; duplicates are a structure error)."""
    if PARENT not in incidents:
        return incidents.iloc[0:0]
    rows = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    return rows[rows[PARENT].notna()]


def _ancestry(incidents: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(root, looping) per incident_id: its topmost ancestor, and whether its parent
    chain loops (then the root is the cycle's smallest id, shared by the family, so the
    Spark engine can group a family by it)."""
    rows = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    ids = rows["incident_id"].astype(str).to_numpy(dtype=object)
    parent = (
        rows[PARENT].astype(object).to_numpy()
        if PARENT in rows
        else np.full(len(ids), None, dtype=object)
    )
    end, looping = follow(ids, parent)
    return pd.Series(end, index=ids, name="root"), pd.Series(looping, index=ids)


def family_roots(incidents: pd.DataFrame) -> pd.Series:
    """incident_id -> the id its family is grouped by (its top incident; a cycle's
    smallest member for a chain that loops)."""
    return _ancestry(incidents)[0]


def in_cycle(incidents: pd.DataFrame) -> pd.Series:
    """incident_id -> True where the parent chain loops instead of reaching a top."""
    return _ancestry(incidents)[1]


def subevent_sums(incidents: pd.DataFrame) -> pd.DataFrame:
    """Per parent incident and field: how many children, the sum of their intervals.

    Columns parent, field, children, low, high (float; high = inf when a child is open
    or has no figure, whose interval is [0, open)). Parents with no child are absent.
    """
    children = _linked(incidents)
    if children.empty:
        return pd.DataFrame(
            {
                "parent": pd.Series([], dtype=object),
                "field": pd.Series([], dtype=object),
                "children": pd.Series([], dtype="int64"),
                "low": pd.Series([], dtype=float),
                "high": pd.Series([], dtype=float),
            }
        )
    pieces = []
    for field in INCIDENT_FIELDS:
        low = children[f"{field}_low"].astype("Float64")
        high = children[f"{field}_high"].astype("Float64")
        pieces.append(
            pd.DataFrame(
                {
                    "parent": children[PARENT].astype(object).to_numpy(),
                    "field": field,
                    "low": low.fillna(0).to_numpy(dtype=float),
                    "high": high.where(low.notna()).to_numpy(dtype=float, na_value=np.inf),
                }
            )
        )
    frame = pd.concat(pieces, ignore_index=True)
    sums = (
        frame.groupby(["parent", "field"], sort=True)
        .agg(children=("low", "size"), low=("low", "sum"), high=("high", "sum"))
        .reset_index()
    )
    return sums


def check_subevents(ds: Dataset, incidents: pd.DataFrame) -> list[Finding]:
    """Every sub-event rule, in order: hierarchy, sums, dates."""
    findings = _hierarchy(ds, incidents)
    findings += _sums(ds, incidents, ds.rules)
    findings += _dates(ds, incidents)
    return findings


def _hierarchy(ds: Dataset, incidents: pd.DataFrame) -> list[Finding]:
    linked = _linked(incidents)
    if linked.empty:
        return []
    cyclic = in_cycle(incidents)
    bad = linked[cyclic.reindex(linked["incident_id"].astype(str)).fillna(False).to_numpy()]
    return row_findings(
        R.SUBEVENT_INVALID,
        "incidents",
        ds.files["incidents"],
        bad,
        (
            f"incident {i} names {p!r} as parent_incident, which leads back to {i}: "
            "a sub-event cannot contain itself"
            if i != p
            else f"incident {i} names itself as parent_incident"
            for i, p in zip(bad["incident_id"], bad[PARENT], strict=True)
        ),
        (PARENT,),
        (
            {"incident_id": i, "parent_incident": p}
            for i, p in zip(bad["incident_id"], bad[PARENT], strict=True)
        ),
    )


def _widen(value: np.ndarray, absolute: np.ndarray, relative: np.ndarray, sign: int) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        margin = np.maximum(absolute, relative * np.where(np.isinf(value), 0, value))
    return np.where(np.isinf(value), value, value + sign * margin)


def _sums(ds: Dataset, incidents: pd.DataFrame, rules: Rules) -> list[Finding]:
    sums = subevent_sums(incidents)
    if sums.empty:
        return []
    rows = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    parents = []
    for field in INCIDENT_FIELDS:
        parents.append(
            pd.DataFrame(
                {
                    "row": rows.index,
                    "parent": rows["incident_id"].astype(object).to_numpy(),
                    "field": field,
                    "p_low": rows[f"{field}_low"]
                    .astype("Float64")
                    .to_numpy(dtype=float, na_value=np.nan),
                    "p_high": rows[f"{field}_high"]
                    .astype("Float64")
                    .to_numpy(dtype=float, na_value=np.inf),
                }
            )
        )
    joined = pd.concat(parents, ignore_index=True).merge(sums, on=["parent", "field"])
    joined = joined[joined["p_low"].notna()]
    if joined.empty:
        return []
    absolute = joined["field"].map(lambda f: rules.tolerance(f).absolute).to_numpy(dtype=float)
    relative = joined["field"].map(lambda f: rules.tolerance(f).relative).to_numpy(dtype=float)
    p_low = _widen(joined["p_low"].to_numpy(), absolute, relative, -1)
    p_high = _widen(joined["p_high"].to_numpy(), absolute, relative, 1)
    s_low = _widen(joined["low"].to_numpy(), absolute, relative, -1)
    s_high = _widen(joined["high"].to_numpy(), absolute, relative, 1)
    apart = (p_low > s_high) | (s_low > p_high)
    bad = joined[apart]
    if bad.empty:
        return []
    linked = _linked(incidents)
    kids = {
        parent: group.sort_values("incident_id")
        for parent, group in linked.groupby(PARENT, sort=False)
    }
    messages = []
    evidence = []
    for _, row in bad.iterrows():
        field = row["field"]
        group = kids[row["parent"]]
        listed = [
            {
                "incident_id": str(i),
                "low": num(lo),
                "high": None if pd.isna(lo) else num(hi),
            }
            for i, lo, hi in zip(
                group["incident_id"], group[f"{field}_low"], group[f"{field}_high"], strict=True
            )
        ]
        said = "; ".join(
            f"{c['incident_id']} [{'?' if c['low'] is None else c['low']}, "
            f"{'open' if c['high'] is None else c['high']}]"
            for c in listed
        )
        total = f"[{num(row['low'])}, {'open' if np.isinf(row['high']) else num(row['high'])}]"
        own = f"[{num(row['p_low'])}, {'open' if np.isinf(row['p_high']) else num(row['p_high'])}]"
        tol = rules.tolerance(field)
        messages.append(
            f"incident {row['parent']}: {field} {own} does not meet the sum {total} of its "
            f"{int(row['children'])} sub-event(s) ({said}) within the tolerance "
            f"max({num(tol.absolute)}, {num(tol.relative)} x bound)"
        )
        evidence.append(
            {
                "incident_id": row["parent"],
                "field": field,
                "incident": [num(row["p_low"]), num(row["p_high"])],
                "sum": [num(row["low"]), num(row["high"])],
                "children": listed,
                "tolerance": {
                    "absolute": rules.tolerance(field).absolute,
                    "relative": rules.tolerance(field).relative,
                },
            }
        )
    return row_findings(
        R.SUBEVENT_SUM,
        "incidents",
        ds.files["incidents"],
        incidents.loc[bad["row"].to_numpy()],
        messages,
        tuple(f"{f}_{p}" for f in bad["field"].iloc[:1] for p in ("low", "high")),
        evidence,
    )


def _dates(ds: Dataset, incidents: pd.DataFrame) -> list[Finding]:
    children = _linked(incidents)
    if children.empty:
        return []
    rows = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    parents = rows[["incident_id", "start_date", "end_date"]].rename(
        columns={"incident_id": PARENT, "start_date": "p_start", "end_date": "p_end"}
    )
    joined = children.assign(row=children.index).merge(parents, on=PARENT)
    outside = (
        ((joined["start_date"] < joined["p_start"]) | (joined["end_date"] > joined["p_end"]))
        .fillna(False)
        .astype(bool)
    )
    bad = joined[outside.to_numpy()]
    if bad.empty:
        return []
    keys = list(
        zip(
            bad["incident_id"],
            bad["start_date"],
            bad["end_date"],
            bad[PARENT],
            bad["p_start"],
            bad["p_end"],
            strict=True,
        )
    )
    return row_findings(
        R.SUBEVENT_DATES,
        "incidents",
        ds.files["incidents"],
        incidents.loc[bad["row"].to_numpy()],
        (
            f"incident {i} ({s.date()}..{e.date()}) is a sub-event of {p}, but lies outside "
            f"its dates {ps.date()}..{pe.date()}"
            for i, s, e, p, ps, pe in keys
        ),
        ("start_date", "end_date"),
        (
            {
                "incident_id": i,
                "parent_incident": p,
                "dates": [s.date().isoformat(), e.date().isoformat()],
                "parent_dates": [ps.date().isoformat(), pe.date().isoformat()],
            }
            for i, s, e, p, ps, pe in keys
        ),
    )
