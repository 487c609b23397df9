"""The start-word pre-filter of quantity_matches never skips a place a match begins.

`_MATCH_START` lets the big pattern be tried only at a digit, a currency sign or a
word that can begin one of its alternatives. These tests try the pattern at *every*
position (the full path) and check that the pre-filter admits each one that matches,
and that the filtered scan, with and without a window, gives the same matches.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities.grammar import _MATCH_START, QUANTITY_RE, quantity_matches
from tests.conftest import REPO, SEED

DATA = REPO / "tests" / "accuracy" / "data"

#: the words that begin an alternative, their look-alikes, and case-folding oddities
#: (the long s and the Kelvin sign fold to "s" and "k" under IGNORECASE)
TOKENS = st.sampled_from(
    [
        *("12", "1,200", "3.5", "2015", "2 000", "10k", "-", "–", "/", ":", "$", "£", "₹"),
        *("Rs", "Rs.", "US$", "USD", "rupees", "May", "Sept.", "Oct", "20", "6:50", "pm"),
        *("at least", "atleast", "at", "more than", "more", "nearly", "some", "ſome"),
        *("an estimated", "estimated", "approx.", "no fewer than", "not more than", "up to"),
        *("well over", "over", "in excess of", "in", "close to", "as many as", "as"),
        *("above", "and below", "between", "and", "from", "to", "or", "of the", "out of"),
        *("seven", "seventeen", "SEVEN", "twenty-one", "fifty - two", "a", "an", "A", "half"),
        *("a dozen", "dozen", "dozens", "hundreds of thousands", "several", "many", "tens"),
        *("scores", "numerous", "multiple", "countless", "a number of", "a few", "a pair of"),
        *("the", "The", "the latest", "latest", "another", "further", "additional"),
        *("the suicide", "the apparent", "would-be", "suicide", "lone", "armed", "man"),
        *("Gunman", "gunman", "Bomber", "attacker", "militant", "Terrorist", "\u212aills"),
        *("killed", "people", "x", "é", "İ", " ", "  ", "\u00a0", "\u200b", "\n", ",", "."),
        *("(", ")", "'", "\u2019", "“"),
        # digits after a dash, a slash or a currency sign: only dates and times begin there
        *("Town-095005", "Group-0070", "-12", "/7", "12th", "6:50", "12/11/2015", "2015-06-01"),
        *("£5", "$12.5", "\u20133", "3\u2013", "4 May", "21st of May", "7 am", "7.30"),
        # "a"/"an" and what may follow them
        *("a large", "a “number of", "a pair of", "an armed man", "an attack", "a cell"),
        *("a hundred", "a thousand", "half a dozen", "a further", "an additional"),
        *("a minimum of", "a would-be attacker", "an apparent", "Jaish-e-Mohammed", "a few"),
    ]
)


def every_match_start(text: str) -> Iterator[int]:
    """Each position where the big pattern matches (the full path, no filter)."""
    return (i for i in range(len(text) + 1) if QUANTITY_RE.match(text, i) is not None)


def unfiltered_matches(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """quantity_matches without the pre-filter: the pattern tried at every position."""
    found = []
    i = pos
    while i < endpos:
        m = QUANTITY_RE.match(text, i)
        if m is None:
            i += 1
            continue
        found.append(m.span())
        i = max(m.end(), i + 1)
    return found


def filtered_matches(text: str, pos: int, endpos: int | None) -> list[tuple[int, int]]:
    return [m.span() for m in quantity_matches(text, pos, endpos)]


def assert_same(text: str) -> None:
    for i in every_match_start(text):
        assert _MATCH_START.match(text, i) is not None, (text, i)
    assert filtered_matches(text, 0, None) == [m.span() for m in QUANTITY_RE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(TOKENS, max_size=25).map("".join))
def test_prefilter_admits_every_match_on_token_soup(text: str) -> None:
    assert_same(text)


@settings(deadline=None)
@given(st.text(max_size=60))
def test_prefilter_admits_every_match_on_any_text(text: str) -> None:
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=25).map("".join), st.data())
def test_windowed_scan_equals_the_full_path(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    assert filtered_matches(text, pos, endpos) == unfiltered_matches(text, pos, endpos)
    assert filtered_matches(text, pos, None) == unfiltered_matches(text, pos, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "Town-12/11/2015 attack",
        "Group-6:50 pm",
        "/12 May 2015",
        "$2015-06-01",
        "\u20137 am",
        "Group-21st of May",
        "Town-0950 05",
        "Attack:147 students",
        "a would-be suicide bomber",
        "an apparent suicide attacker",
        "a lone gunman who fired",
        "a “number of people",
        "a significant number of",
        "An armed man opened fire",
    ],
)
def test_prefilter_admits_every_match_in_hard_cases(text: str) -> None:
    assert_same(text)
    assert QUANTITY_RE.search(text) is not None


def _evaluation_sentences() -> list[str]:
    return [
        json.loads(line)["sentence"]
        for path in sorted(DATA.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_prefilter_admits_every_match_in_the_evaluation_sets() -> None:
    sentences = _evaluation_sentences()
    assert len(sentences) > 1000
    for sentence in sentences:
        assert_same(sentence)


def test_prefilter_admits_every_match_in_the_seed_articles() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(SEED, "articles").glob("*.txt"))]
    assert texts
    for text in texts:
        starts = set(every_match_start(text))
        admitted = {m.start() for m in _MATCH_START.finditer(text)}
        assert starts <= admitted
        assert len(admitted) < len(regex.findall(r"(?<!\w)\w", text))  # it does filter
