"""grounding.weekday-mismatch: a weekday printed beside its date must be that date's."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.grounding.weekdays import dated_weekdays
from checks.pipeline import validate
from tests.conftest import EditCell

TODAY = dt.date(2026, 11, 30)

READINGS = [
    # text, publication date, the date read, the weekday it really was
    ("on Tuesday 24 October", "2016-10-28", "2016-10-24", "Monday"),
    ("Wednesday, December 6, 2023", "2016-10-28", "2023-12-06", "Wednesday"),
    ("police said on Wednesday (Apr 24) without", "2019-04-24", "2019-04-24", "Wednesday"),
    ("Friday, Nov. 13", "2015-11-14", "2015-11-13", "Friday"),
    ("late on Thursday 31 December", "2021-01-02", "2020-12-31", "Thursday"),
    ("Saturday, the 21st of September 2013", "2013-09-25", "2013-09-21", "Saturday"),
    ("Sunday 21 April", "2019-04-25", "2019-04-21", "Sunday"),
]


@pytest.mark.parametrize(("text", "published", "date", "actual"), READINGS)
def test_dated_weekday_readings(text: str, published: str, date: str, actual: str) -> None:
    (mention,) = dated_weekdays(text, dt.date.fromisoformat(published))
    assert mention.date.isoformat() == date
    assert mention.actual == actual


@pytest.mark.parametrize(
    "text",
    [
        "Friday Prayer on 15 March 2019",  # a weekday that names no date
        "the Monday night raid",
        "Monday 30 February",  # no such date
        "on Tuesday, 2,000 people",
        "Tuesdays 24 October",
    ],
)
def test_no_dated_weekday(text: str) -> None:
    assert list(dated_weekdays(text, dt.date(2016, 10, 28))) == []


@given(
    st.dates(dt.date(1950, 1, 1), dt.date(2200, 12, 31)),
    st.integers(-150, 150),
    st.booleans(),
    st.integers(0, 6),
)
def test_the_date_of_a_rendered_weekday_comes_back(
    date: dt.date, offset: int, day_first: bool, shift: int
) -> None:
    published = date + dt.timedelta(days=offset)
    said = calendar.day_name[(date.weekday() + shift) % 7]
    month = calendar.month_name[date.month]
    text = f"on {said} {date.day} {month} it" if day_first else f"{said}, {month} {date.day}"
    (mention,) = dated_weekdays(text, published)
    assert mention.date == date
    assert (mention.weekday == mention.actual) == (shift == 0)


def test_contradiction_in_an_article_warns(reporting_copy: Path, edit_reporting: EditCell) -> None:
    # r15 says 'on Wednesday (Apr 24)'; dated 2018, Apr 24 was a Tuesday
    line = edit_reporting("articles", "r15-cna-srilanka-359", "published", "2018-04-24")
    result = validate(reporting_copy, today=TODAY)
    (hit,) = [f for f in result.findings if f.rule_id == "grounding.weekday-mismatch"]
    assert (hit.row_key, hit.line) == ("r15-cna-srilanka-359", line)
    assert "'Wednesday (Apr 24)'" in hit.message
    assert "24 April 2018 (year from its publication date 2018-04-24) was a Tuesday" in hit.message
    assert hit.severity.value == "warning"


def test_shipped_texts_agree_with_their_weekdays(seed_copy: Path, reporting_copy: Path) -> None:
    for root in (seed_copy, reporting_copy):
        result = validate(root, today=TODAY)
        assert not [f for f in result.findings if f.rule_id == "grounding.weekday-mismatch"]
