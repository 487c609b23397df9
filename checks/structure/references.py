"""Checks across tables and against the file system state the loader recorded.

References (article_id, incident_id, actor ids, parents), article files present,
safe and unchanged (sha256), and dates that are real and plausible. All vectorized:
`isin` against key sets, comparisons over whole columns. Each rule selects its failing
rows here and words them in a `*_findings` builder, which the Spark engine reuses on
the rows it selects, so both engines say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.structure.dates import published_range
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
        bad = claims[claims[column].notna() & ~claims[column].isin(target[target_key])]
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
        bad = frame[frame[column].notna() & ~frame[column].isin(ds.tables[linked][key])]
        findings += self_reference_findings(ds.files[name], name, column, linked, bad)
    return findings


def unusable_file_findings(
    file: str, bad: pd.DataFrame, details: Sequence[object], statuses: Sequence[object]
) -> list[Finding]:
    """Article rows whose text file is missing, unsafe, not a file or not UTF-8."""
    return row_findings(
        "structure.article-file",
        "articles",
        file,
        bad,
        (
            f"text_file {show(path)}: {detail}"
            for path, detail in zip(bad["text_file"], details, strict=True)
        ),
        ("text_file",),
        ({"status": s} for s in statuses),
    )


def sha256_findings(
    file: str, bad: pd.DataFrame, actual: Sequence[object], declared: Sequence[object]
) -> list[Finding]:
    """Article rows whose text's sha256 differs from the declared one."""
    return row_findings(
        "structure.sha256-mismatch",
        "articles",
        file,
        bad,
        (
            f"{path} has sha256 {got}, articles.csv says {want}: the text changed after "
            "extraction; re-check its claims, then update sha256"
            for path, got, want in zip(bad["text_file"], actual, declared, strict=True)
        ),
        ("sha256",),
        ({"declared": want, "actual": got} for got, want in zip(actual, declared, strict=True)),
    )


def article_file_findings(ds: Dataset) -> list[Finding]:
    """Each article's text file is present, safe to read, UTF-8, and matches its sha256."""
    articles, texts = ds.tables["articles"], ds.texts
    unusable = texts["status"] != "ok"
    unusable &= articles["text_file"].notna() | (texts["status"] != "missing")
    bad = articles[unusable]
    findings = unusable_file_findings(
        ds.files["articles"],
        bad,
        list(texts.loc[bad.index, "detail"]),
        list(texts.loc[bad.index, "status"]),
    )
    declared = articles["sha256"]
    actual = texts["sha256"]
    mismatch = actual.notna() & declared.notna() & (actual != declared)
    findings += sha256_findings(
        ds.files["articles"], articles[mismatch], list(actual[mismatch]), list(declared[mismatch])
    )
    return findings


def unreal_published_findings(file: str, bad: pd.DataFrame) -> list[Finding]:
    """Publication dates shaped like dates that the calendar does not have."""
    return row_findings(
        "structure.type",
        "articles",
        file,
        bad,
        (f"published {show(v)} is not a date in the calendar" for v in bad["published"]),
        ("published",),
        ({"value": v} for v in bad["published"]),
    )


def implausible_published_findings(
    file: str, bad: pd.DataFrame, earliest: pd.Timestamp, today: dt.date
) -> list[Finding]:
    """Publication dates outside earliest..today."""
    return row_findings(
        "structure.date-plausible",
        "articles",
        file,
        bad,
        (f"published {show(v)} is outside {earliest.date()}..{today}" for v in bad["published"]),
        ("published",),
        ({"value": v} for v in bad["published"]),
    )


def implausible_incident_date_findings(
    file: str, column: str, bad: pd.DataFrame, earliest: pd.Timestamp, today: dt.date
) -> list[Finding]:
    """Incident start / end dates outside earliest..today."""
    return row_findings(
        "structure.date-plausible",
        "incidents",
        file,
        bad,
        (f"{column} {show(v)} is outside {earliest.date()}..{today}" for v in bad[column]),
        (column,),
        ({"value": show(v)} for v in bad[column]),
    )


def date_findings(ds: Dataset, typed_incidents: pd.DataFrame, today: dt.date) -> list[Finding]:
    """Dates exist in the calendar and lie between the rules' earliest date and today."""
    earliest = pd.Timestamp(ds.rules.earliest_date)
    latest = pd.Timestamp(today)
    articles = ds.tables["articles"]
    start, end, _ = published_range(articles["published"])
    shaped = articles["published"].str.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?").fillna(False)
    findings = unreal_published_findings(ds.files["articles"], articles[shaped & start.isna()])
    out = start.notna() & ((end < earliest) | (start > latest))
    findings += implausible_published_findings(ds.files["articles"], articles[out], earliest, today)
    for column in ("start_date", "end_date"):
        values = typed_incidents[column]
        out = values.notna() & ((values < earliest) | (values > latest))
        findings += implausible_incident_date_findings(
            ds.files["incidents"], column, typed_incidents[out], earliest, today
        )
    return findings
