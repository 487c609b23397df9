"""The literal search on collapsed text finds exactly what the per-quote pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.grounding.text import Located, fold, locate, nfc, quote_pattern

PIECES = st.sampled_from(["a", "b", "ab", " ", "  ", "\n", "\u00a0", "\u2019", "'", "\u2014", "İ"])


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(PIECES, max_size=30).map("".join), quote=st.lists(PIECES, max_size=6).map("".join)
)
def test_locate_matches_the_white_space_tolerant_pattern(text: str, quote: str) -> None:
    folded = fold(nfc(text))
    pattern = quote_pattern(quote)
    match = None if pattern is None else pattern.search(folded)
    expected = None if match is None else Located(match.start(), match.end())
    assert locate(folded, quote) == expected
