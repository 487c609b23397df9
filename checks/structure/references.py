"""Checks across tables and against the file system state the loader recorded.

References (article_id, incident_id, actor ids, parents), article files present,
safe and unchanged (sha256), and dates that are real and plausible. All vectorized:
`isin` against key sets, comparisons over whole columns.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.structure.dates import published_range
from checks.structure.vocab import ACTOR_LIST_SEPARATOR


def reference_findings(ds: Dataset) -> list[Finding]:
    """Every value that names a row of another table must name an existing one."""
    articles, incidents = ds.tables["articles"], ds.tables["incidents"]
    claims, actors = ds.tables["claims"], ds.tables["actors"]
    findings: list[Finding] = []
    for column, target, target_key in (
        ("article_id", articles, "article_id"),
        ("incident_id", incidents, "incident_id"),
    ):
        bad = claims[claims[column].notna() & ~claims[column].isin(target[target_key])]
        findings += row_findings(
            "structure.reference",
            "claims",
            ds.files["claims"],
            bad,
            (f"{column} {show(v)} is not in {target_key.split('_')[0]}s.csv" for v in bad[column]),
            (column,),
            ({"value": v} for v in bad[column]),
        )
    actor_ids = set(actors["actor_id"].dropna())
    for column in ("perpetrator", "claimed_by"):
        if column not in incidents:
            continue
        exploded = incidents[column].str.split(ACTOR_LIST_SEPARATOR).explode().str.strip().dropna()
        unknown = exploded[~exploded.isin(actor_ids)]
        if unknown.empty:
            continue
        grouped = unknown.groupby(level=0).agg(list)
        rows = incidents.loc[grouped.index]
        findings += row_findings(
            "structure.reference",
            "incidents",
            ds.files["incidents"],
            rows,
            (
                f"{column} names {', '.join(map(repr, ids))}, not an actor_id in actors.csv"
                for ids in grouped
            ),
            (column,),
            ({"unknown": ids} for ids in grouped),
        )
    if "parent" in actors:
        bad = actors[actors["parent"].notna() & ~actors["parent"].isin(actor_ids)]
        findings += row_findings(
            "structure.reference",
            "actors",
            ds.files["actors"],
            bad,
            (f"parent {show(v)} is not an actor_id in actors.csv" for v in bad["parent"]),
            ("parent",),
            ({"value": v} for v in bad["parent"]),
        )
    return findings


def article_file_findings(ds: Dataset) -> list[Finding]:
    """Each article's text file is present, safe to read, UTF-8, and matches its sha256."""
    articles, texts = ds.tables["articles"], ds.texts
    findings: list[Finding] = []
    unusable = texts["status"] != "ok"
    unusable &= articles["text_file"].notna() | (texts["status"] != "missing")
    bad = articles[unusable]
    findings += row_findings(
        "structure.article-file",
        "articles",
        ds.files["articles"],
        bad,
        (
            f"text_file {show(path)}: {detail}"
            for path, detail in zip(bad["text_file"], texts.loc[bad.index, "detail"], strict=True)
        ),
        ("text_file",),
        ({"status": s} for s in texts.loc[bad.index, "status"]),
    )
    declared = articles["sha256"]
    actual = texts["sha256"]
    mismatch = actual.notna() & declared.notna() & (actual != declared)
    bad = articles[mismatch]
    findings += row_findings(
        "structure.sha256-mismatch",
        "articles",
        ds.files["articles"],
        bad,
        (
            f"{path} has sha256 {got}, articles.csv says {want}: the text changed after "
            "extraction; re-check its claims, then update sha256"
            for path, got, want in zip(
                bad["text_file"], actual[mismatch], declared[mismatch], strict=True
            )
        ),
        ("sha256",),
        (
            {"declared": want, "actual": got}
            for got, want in zip(actual[mismatch], declared[mismatch], strict=True)
        ),
    )
    return findings


def date_findings(ds: Dataset, typed_incidents: pd.DataFrame, today: dt.date) -> list[Finding]:
    """Dates exist in the calendar and lie between the rules' earliest date and today."""
    earliest = pd.Timestamp(ds.rules.earliest_date)
    latest = pd.Timestamp(today)
    findings: list[Finding] = []
    articles = ds.tables["articles"]
    start, end, _ = published_range(articles["published"])
    shaped = articles["published"].str.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?").fillna(False)
    unreal = shaped & start.isna()
    bad = articles[unreal]
    findings += row_findings(
        "structure.type",
        "articles",
        ds.files["articles"],
        bad,
        (f"published {show(v)} is not a date in the calendar" for v in bad["published"]),
        ("published",),
        ({"value": v} for v in bad["published"]),
    )
    out = start.notna() & ((end < earliest) | (start > latest))
    bad = articles[out]
    findings += row_findings(
        "structure.date-plausible",
        "articles",
        ds.files["articles"],
        bad,
        (f"published {show(v)} is outside {earliest.date()}..{today}" for v in bad["published"]),
        ("published",),
        ({"value": v} for v in bad["published"]),
    )
    for column in ("start_date", "end_date"):
        values = typed_incidents[column]
        out = values.notna() & ((values < earliest) | (values > latest))
        bad = typed_incidents[out]
        findings += row_findings(
            "structure.date-plausible",
            "incidents",
            ds.files["incidents"],
            bad,
            (f"{column} {show(v)} is outside {earliest.date()}..{today}" for v in bad[column]),
            (column,),
            ({"value": show(v)} for v in bad[column]),
        )
    return findings
