"""A weekday printed beside a calendar date must be that date's weekday.

"Tuesday 24 October" in a report published in October 2016 is wrong: 24 October 2016
was a Monday. One of the two readings is a typo (or the page header's year is not the
publication year), and a relative date resolved from either would land on a different
day, so the text is flagged before anything is resolved against it. A date printed
without its year takes the year that puts it nearest the article's publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pandas as pd
import regex

from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding
from checks.grounding import rules as R
from checks.structure.dates import published_range

_WEEKDAYS = tuple(calendar.day_name)
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_S = r"[\s\u00a0]{1,3}"
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?" + _S + r"(?P<year>1[6-9][0-9][0-9]|2[0-2][0-9][0-9])(?![0-9]))?"
_PATTERN = regex.compile(
    r"(?<![\w-])(?P<weekday>" + "|".join(_WEEKDAYS) + r")(?![\w-]),?" + _S + r"(?P<paren>\()?"
    r"(?:(?:the" + _S + r")?" + _DAY + _S + r"(?:of" + _S + r")?" + _MONTH + r"(?![\w-])"
    r"|" + _MONTH + _S + _DAY + r"(?![\w-]))" + _YEAR + r"(?(paren)\)?)"
)


@dataclass(frozen=True, slots=True)
class DatedWeekday:
    """'Tuesday 24 October': what the text says, and the date it names."""

    start: int
    end: int
    text: str
    weekday: str
    date: dt.date
    year_printed: bool

    @property
    def actual(self) -> str:
        """The weekday `date` really fell on."""
        return _WEEKDAYS[self.date.weekday()]


def dated_weekdays(text: str, published: dt.date) -> Iterator[DatedWeekday]:
    """Every weekday printed with a day and month; without a year, the year that puts
    the date nearest `published`. Dates the calendar does not have are skipped."""
    for m in _PATTERN.finditer(text):
        month = _MONTHS[m.group("month").lower()]
        day = int(m.group("day"))
        printed = m.group("year")
        years = (
            [int(printed)] if printed else [published.year - 1, published.year, published.year + 1]
        )
        dates = []
        for year in years:
            try:
                dates.append(dt.date(year, month, day))
            except ValueError:
                continue
        if not dates:
            continue
        date = min(dates, key=lambda d: abs((d - published).days))
        yield DatedWeekday(m.start(), m.end(), m.group(0), m.group("weekday"), date, bool(printed))


def weekday_findings(ds: Dataset, texts: Mapping[str, str]) -> list[Finding]:
    """grounding.weekday-mismatch on the articles row, one per contradicting mention."""
    articles = ds.tables["articles"]
    first = articles[articles["article_id"].notna()].drop_duplicates("article_id")
    start, _, _ = published_range(first["published"])
    rows: list[object] = []
    messages: list[str] = []
    evidence: list[dict[str, object]] = []
    for index, article_id, published, anchor in zip(
        first.index.tolist(),
        first["article_id"].tolist(),
        first["published"].tolist(),
        start,
        strict=True,
    ):
        text = texts.get(article_id)
        if text is None or pd.isna(anchor) or not any(day in text for day in _WEEKDAYS):
            continue
        for mention in dated_weekdays(text, anchor.date()):
            if mention.weekday == mention.actual:
                continue
            year = "printed" if mention.year_printed else f"from its publication date {published}"
            rows.append(index)
            messages.append(
                f"article {article_id} says {mention.text!r}, but {mention.date:%d %B %Y} "
                f"(year {year}) was a {mention.actual}: the weekday or the date is wrong, "
                "and relative dates resolved from either differ"
            )
            evidence.append(
                {
                    "article_id": article_id,
                    "text": mention.text,
                    "start": mention.start,
                    "weekday": mention.weekday,
                    "date": mention.date.isoformat(),
                    "actual_weekday": mention.actual,
                    "year_printed": mention.year_printed,
                    "published": published,
                }
            )
    return row_findings(
        R.WEEKDAY_MISMATCH,
        "articles",
        ds.files["articles"],
        articles.loc[rows],
        messages,
        ("published",),
        evidence,
    )
