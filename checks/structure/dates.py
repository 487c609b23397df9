"""Publication dates of reduced precision (YYYY, YYYY-MM, YYYY-MM-DD) as date ranges.

An article known only to the month is a range of days, not a made-up day; every rule
that compares dates works on these ranges.
"""

from __future__ import annotations

import pandas as pd

from checks.structure.vocab import PARTIAL_DATE_PATTERN


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
