"""structure.reference: ids that name a row of another table (or of their own).

Claims' article_id and incident_id, incidents' perpetrator and claimed_by actor lists,
actors' parents, and the optional tables' references. All vectorized: `isin` against
key sets. Each rule selects its failing rows here and words them in a `*_findings`
builder, which the Spark engine reuses on the rows it selects, so both engines say the
same thing. Article files are in files.py, dates in dates.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.membership import isin
from checks.structure.vocab import ACTOR_LIST_SEPARATOR

CLAIM_REFERENCES = (("article_id", "article_id"), ("incident_id", "incident_id"))
"""(claims column, key column of the table it names)."""


def claim_reference_findings(
    file: str, column: str, target_key: str, bad: pd.DataFrame
) -> list[Finding]:
    """Claims rows whose `column` names no row of the target table."""
    return row_findings(
        "structure.reference",
        "claims",
        file,
        bad,
        (f"{column} {show(v)} is not in {target_key.split('_')[0]}s.csv" for v in bad[column]),
        (column,),
        ({"value": v} for v in bad[column]),
    )


def actor_list_findings(
    file: str, column: str, rows: pd.DataFrame, unknown: Sequence[list[str]]
) -> list[Finding]:
    """Incident rows whose perpetrator / claimed_by list names unknown actor ids."""
    return row_findings(
        "structure.reference",
        "incidents",
        file,
        rows,
        (
            f"{column} names {', '.join(map(repr, ids))}, not an actor_id in actors.csv"
            for ids in unknown
        ),
        (column,),
        ({"unknown": ids} for ids in unknown),
    )


def parent_findings(file: str, bad: pd.DataFrame) -> list[Finding]:
    """Actor rows whose parent is not an actor_id."""
    return row_findings(
        "structure.reference",
        "actors",
        file,
        bad,
        (f"parent {show(v)} is not an actor_id in actors.csv" for v in bad["parent"]),
        ("parent",),
        ({"value": v} for v in bad["parent"]),
    )


def self_reference_findings(
    file: str, table: str, column: str, target: str, bad: pd.DataFrame
) -> list[Finding]:
    """Rows whose `column` (superseded_by, parent_incident) names no row of `target`.csv."""
    return row_findings(
        "structure.reference",
        table,
        file,
        bad,
        (f"{column} {show(v)} is not in {target}.csv" for v in bad[column]),
        (column,),
        ({"value": v} for v in bad[column]),
    )


SELF_REFERENCES = (
    ("claims", "superseded_by", "claims", "claim_id"),
    ("incidents", "parent_incident", "incidents", "incident_id"),
    ("disputes", "incident_id", "incidents", "incident_id"),
)
"""(table, column, target table, target key) of the optional links a dataset may hold."""


def reference_findings(ds: Dataset) -> list[Finding]:
    """Every value that names a row of another table must name an existing one."""
    articles, incidents = ds.tables["articles"], ds.tables["incidents"]
    claims, actors = ds.tables["claims"], ds.tables["actors"]
    targets = {"article_id": articles, "incident_id": incidents}
    findings: list[Finding] = []
    for column, target_key in CLAIM_REFERENCES:
        target = targets[column]
        bad = claims[claims[column].notna() & ~isin(claims[column], target[target_key])]
        findings += claim_reference_findings(ds.files["claims"], column, target_key, bad)
    actor_ids = set(actors["actor_id"].dropna())
    for column in ("perpetrator", "claimed_by"):
        if column not in incidents:
            continue
        exploded = (
            incidents[column]
            .str.split(ACTOR_LIST_SEPARATOR)
            .explode()
            .astype("str")
            .str.strip()
            .dropna()
        )
        unknown = exploded[~exploded.isin(actor_ids)]
        if unknown.empty:
            continue
        grouped = unknown.groupby(level=0).agg(list)
        rows = incidents.loc[grouped.index]
        findings += actor_list_findings(ds.files["incidents"], column, rows, list(grouped))
    if "parent" in actors:
        bad = actors[actors["parent"].notna() & ~actors["parent"].isin(actor_ids)]
        findings += parent_findings(ds.files["actors"], bad)
    for name, column, linked, key in SELF_REFERENCES:
        frame = ds.tables[name]
        if column not in frame:
            continue
        bad = frame[frame[column].notna() & ~isin(frame[column], ds.tables[linked][key])]
        findings += self_reference_findings(ds.files[name], name, column, linked, bad)
    return findings
