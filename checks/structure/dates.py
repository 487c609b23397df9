"""Dates: publication dates as ranges, and the rules that dates are real and plausible.

Publication dates have reduced precision (YYYY, YYYY-MM, YYYY-MM-DD): an article known
only to the month is a range of days, not a made-up day, and every rule that compares
dates works on these ranges (`published_range`). The rules here: a publication date
shaped like a date that the calendar does not have (structure.type), and publication
and incident dates outside the rules' earliest date..today (structure.date-plausible).
The Spark engine reuses the `*_findings` builders.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.structure.vocab import DATE_SHAPE_PATTERN, PARTIAL_DATE_PATTERN


def published_range(published: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(first day, last day, precision) per value; NaT / missing where it is not a real date."""
    text = published.where(published.str.fullmatch(PARTIAL_DATE_PATTERN).fillna(False))
    length = text.str.len()
    precision = length.map({4: "year", 7: "month", 10: "day"})
    padded = text.where(length != 4, text + "-01-01")
    padded = padded.where(length != 7, text + "-01")
    start = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce").astype("datetime64[ns]")
    end = start.copy()
    end = end.where(length != 7, start + pd.offsets.MonthEnd(0))
    end = end.where(length != 4, start + pd.offsets.YearEnd(0))
    return start, end, precision.where(start.notna())


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
    shaped = articles["published"].str.match(DATE_SHAPE_PATTERN).fillna(False)
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
