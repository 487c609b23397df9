"""Statements survive the cache exactly; anything `encode` did not write is refused."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.cache.codec import FORMAT, decode, encode
from checks.quantities import extract_statements
from tests.conftest import SEED

REFUSED = r"cache entry|statement|string|integer|qualifier"
"""What every refusal of `decode` says."""

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((SEED / "articles").glob("*.txt"))]

WORDS = st.sampled_from(
    [
        "killed",
        "at least",
        "more than",
        "61",
        "dozens of",
        "people",
        "were",
        "injured",
        "wounded",
        "another",
        "12",
        "two",
        "attackers",
        "arrested",
        "police",
        "said",
        ".",
        "in 2019",
        "aged 17",
        "Rs 5 lakh",
        "“",
        "”",
        "-",
        "\n",
        "some",
        "died",
        "of the",
        "seven",
        "gunmen",
        "martyred",
        "1,200",
        "nearly 200",
        "between 40 and 50",
    ]
)


def test_seed_statements_round_trip() -> None:
    found = 0
    for text in SEED_TEXTS:
        statements = tuple(extract_statements(text))
        found += len(statements)
        assert decode(encode(statements)) == statements
    assert found > 10


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_any_extraction_round_trips(text: str) -> None:
    statements = tuple(extract_statements(text))
    assert decode(encode(statements)) == statements


def _payload() -> bytes:
    statements = tuple(extract_statements(SEED_TEXTS[0]))
    assert statements
    return encode(statements)


def test_every_truncation_is_refused() -> None:
    payload = _payload()
    for cut in range(len(payload)):
        with pytest.raises(ValueError, match=REFUSED):
            decode(payload[:cut])


def _row() -> list[object]:
    data = json.loads(_payload())
    row: list[object] = data[1][0]
    return row


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"\xff\xfe",
        b"null",
        b"{}",
        json.dumps([FORMAT + 1, []]).encode(),
        json.dumps(["statements", []]).encode(),
        json.dumps([FORMAT, {}]).encode(),
        json.dumps([FORMAT, [[1, 2, 3]]]).encode(),
    ],
)
def test_foreign_payloads_are_refused(payload: bytes) -> None:
    with pytest.raises(ValueError, match=REFUSED):
        decode(payload)


@pytest.mark.parametrize(
    ("position", "value"),
    [(0, 5), (2, -1), (2, "3"), (3, 1.5), (8, "roughly"), (9, True), (10, -2), (12, "no")],
)
def test_a_wrong_value_is_refused(position: int, value: object) -> None:
    row = _row()
    row[position] = value
    with pytest.raises(ValueError, match=REFUSED):
        decode(json.dumps([FORMAT, [row]]).encode())


def test_an_empty_list_is_a_valid_entry() -> None:
    assert decode(encode(())) == ()
