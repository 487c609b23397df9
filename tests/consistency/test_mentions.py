"""Which weekdays date the event (and may contradict it) and which date the reporting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.consistency.mentions import dates_event
from checks.pipeline import validate
from checks.quantities import resolve_relative_dates
from tests.conftest import EditCell


def _reads(sentence: str) -> bool:
    (mention,) = resolve_relative_dates(sentence, dt.date(2019, 4, 26))
    before = sentence[max(0, mention.start - 60) : mention.start]
    return dates_event(mention.kind, before, sentence[mention.end : mention.end + 60])


@pytest.mark.parametrize(
    "sentence",
    [
        "to carry out the Monday night raid that killed four militants",
        "Friday's attacks on two mosques left 93 dead",
        "the Sunday bombings of three churches",
        "gunmen stormed the mosque on Friday and killed 40",
        "the operation was carried out late Thursday following a tip",
        "20 people were killed in the attack on Friday",
        "a suicide bomber struck yesterday in the market",
    ],
)
def test_weekday_that_dates_the_event_counts(sentence: str) -> None:
    assert _reads(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "the death toll rose to 321 on Tuesday",
        "The toll had been put at 321 on Tuesday, with about 500 wounded.",
        "The attacks were claimed on Tuesday by the Islamic State group",
        "the director general issued the correction on Thursday",
        "The Islamic State group today claimed a series of bombings",
        "Fifty other people were injured in the attacks, which occurred during Friday prayers.",
        "The report, released on Tuesday, disputed the findings",
    ],
)
def test_weekday_that_dates_the_reporting_does_not(sentence: str) -> None:
    assert not _reads(sentence)


def test_longer_periods_always_count() -> None:
    assert dates_event("last_month", "the attack ", " on the bus")
    assert dates_event("this_week", "said ", "")


def test_toll_dates_are_quiet_and_event_dates_still_fail(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    today = dt.date(2026, 11, 30)
    # 'rose to 321 on Tuesday' (c104) dates the toll, two days after the Sunday attack
    result = validate(reporting_copy, today=today)
    assert not [f for f in result.findings if f.rule_id == "consistency.relative-date-mismatch"]
    # 'stormed ... yesterday' dates the attack: moved a week on, it misses it
    edit_reporting("articles", "r25-independent-westgate-witnesses", "published", "2013-09-29")
    result = validate(reporting_copy, today=today)
    hits = [f for f in result.findings if f.rule_id == "consistency.relative-date-mismatch"]
    assert {f.row_key for f in hits} == {"c304", "c335"}  # both claims of that sentence
    assert "'yesterday' -> 2013-09-28" in hits[0].message
