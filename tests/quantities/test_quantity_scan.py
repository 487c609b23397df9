"""The start-position scan finds exactly the matches of QUANTITY_RE.finditer."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities.grammar import QUANTITY_RE, quantity_matches
from tests.conftest import SEED

TOKENS = st.sampled_from(
    [
        "12",
        "1,200",
        "3.5",
        "2015",
        "-",
        "–",
        "/",
        ":",
        "$",
        "£",
        "₹",
        "Rs",
        "US$",
        "May",
        "20",
        "Oct",
        "pm",
        "a.m.",
        "at least",
        "more than",
        "nearly",
        "some",
        "between",
        "and",
        "from",
        "to",
        "or",
        "more",
        "so",
        "of the",
        "seven",
        "twenty-one",
        "a dozen",
        "dozens",
        "hundreds of thousands",
        "several",
        "many",
        "the latest",
        "another",
        "x",
        "killed",
        "people",
        "é",
        "İ",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "(",
        ")",
        "'",
        "\u2019",
    ]
)


def spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return [m.span() for m in QUANTITY_RE.finditer(text)], [
        m.span() for m in quantity_matches(text)
    ]


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, max_size=25).map("".join))
def test_scan_equals_finditer_on_token_soup(text: str) -> None:
    full, scanned = spans(text)
    assert scanned == full


@given(st.text(max_size=60))
def test_scan_equals_finditer_on_any_text(text: str) -> None:
    full, scanned = spans(text)
    assert scanned == full


def test_scan_equals_finditer_on_the_seed_articles() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(SEED, "articles").glob("*.txt"))]
    assert texts
    for text in texts:
        full, scanned = spans(text)
        assert scanned == full
        assert full
