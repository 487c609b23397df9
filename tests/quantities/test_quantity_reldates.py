"""Relative dates against a publication date (rules in reldates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.quantities import resolve_relative_dates

WED = dt.date(2016, 10, 26)  # a Wednesday


def _one(text: str, published: dt.date = WED, precision: str = "day") -> tuple[str, str, str]:
    ms = resolve_relative_dates(text, published, precision)
    assert len(ms) == 1, ms
    m = ms[0]
    return m.resolved_start.isoformat(), m.resolved_end.isoformat(), m.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Monday night raid", ("2016-10-24", "2016-10-24", "day")),
        ("a spokesman said Wednesday", ("2016-10-26", "2016-10-26", "day")),
        ("on Thursday", ("2016-10-20", "2016-10-20", "day")),
        ("last Wednesday", ("2016-10-19", "2016-10-19", "day")),
        ("Sunday's attack", ("2016-10-23", "2016-10-23", "day")),
        ("yesterday", ("2016-10-25", "2016-10-25", "day")),
        ("today", ("2016-10-26", "2016-10-26", "day")),
        ("earlier this week", ("2016-10-24", "2016-10-26", "week")),
        ("last week", ("2016-10-17", "2016-10-23", "week")),
        ("this month", ("2016-10-01", "2016-10-26", "month")),
        ("last month", ("2016-09-01", "2016-09-30", "month")),
        ("last year", ("2015-01-01", "2015-12-31", "year")),
        ("earlier this year", ("2016-01-01", "2016-10-26", "year")),
    ],
)
def test_day_precision(text: str, expected: tuple[str, str, str]) -> None:
    assert _one(text) == expected


def test_last_month_across_new_year() -> None:
    assert _one("last month", dt.date(2009, 1, 5)) == ("2008-12-01", "2008-12-31", "month")


def test_month_precision_gives_ranges_not_fake_days() -> None:
    june = dt.date(2015, 6, 1)
    assert _one("last month", june, "month") == ("2015-05-01", "2015-05-31", "month")
    start, end, precision = _one("on Monday", june, "month")
    assert precision == "month"
    assert start <= "2015-06-01"
    assert end == "2015-06-29"
    assert _one("this week", june, "month")[2] == "month"


@pytest.mark.parametrize(
    "text", ["next Monday", "Wednesday, December 6, 2023", "Monday 24 October", "Mondays"]
)
def test_not_relative(text: str) -> None:
    assert resolve_relative_dates(text, WED) == []


def test_bad_precision() -> None:
    with pytest.raises(ValueError, match="published_precision"):
        resolve_relative_dates("today", WED, "hour")


def test_to_json() -> None:
    (m,) = resolve_relative_dates("last month", WED)
    assert m.to_json()["resolved_start"] == "2016-09-01"
    assert m.to_json()["kind"] == "last_month"
