"""The cheap pre-filter of resolve_relative_dates never hides an expression the scan finds."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from checks.quantities import resolve_relative_dates
from checks.quantities.reldates import _RE, may_mention

_FRAGMENTS = st.sampled_from(
    [
        "Monday",
        "SUNDAY",
        "last",
        "LAST ",
        " ",
        "\u200b",
        "month",
        "MoNtH",
        "wee\u212a",
        "year",
        "Yesterday",
        "TODAY",
        "this ",
        "earlier in the ",
        "week",
        "said ",
        "7",
        "May",
        ", ",
        "da",
        "y",
    ]
)


@given(st.lists(_FRAGMENTS, max_size=12).map("".join))
def test_prefilter_keeps_every_text_the_scan_matches(text: str) -> None:
    if _RE.search(text) is not None:
        assert may_mention(text)


@given(st.lists(_FRAGMENTS, max_size=12).map("".join))
def test_resolving_equals_the_unfiltered_scan(text: str) -> None:
    found = resolve_relative_dates(text, dt.date(2024, 3, 13))
    assert [(m.start, m.end) for m in found] == [
        (m.start(), m.end())
        for m in _RE.finditer(text)
        if (m.group("mod") or "").lower() not in {"next", "this"}  # skipped weekdays
    ]


def test_texts_without_anchor_words_are_skipped() -> None:
    assert not may_mention("Police arrested 3 men on the 4th.")
    assert may_mention("It happened on MONDAY.")
    assert resolve_relative_dates("Police arrested 3 men.", dt.date(2024, 3, 13)) == []
