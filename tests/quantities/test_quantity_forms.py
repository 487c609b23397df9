"""Number forms and bounds added for issue 13 (real reporting beyond the seeds)."""

from __future__ import annotations

import pytest

from checks.quantities import parse_quantities, parse_quantity


@pytest.mark.parametrize(
    ("phrase", "qualifier", "low", "high"),
    [
        ("one thousand five hundred people", "exact", 1500, 1500),
        ("two thousand and two hundred people", "exact", 2200, 2200),
        ("3 hundred and 21 people", "exact", 321, 321),
        ("fifty - two people", "exact", 52, 52),
        ("fifty-two people", "exact", 52, 52),
        ("half a million people", "exact", 500_000, 500_000),
        ("10k people", "exact", 10_000, 10_000),
        ("2 lakh people", "exact", 200_000, 200_000),
        ("1.5 crore people", "exact", 15_000_000, 15_000_000),
        ("as many as 2 000 people", "at_most", 1, 2000),
        ("almost two dozen", "nearly", 21, 23),
        ("more than a dozen", "more_than", 13, None),
        ("20 through 100", "range", 20, 100),
        ("under 170", "fewer_than", 1, 169),
        ("below 170", "fewer_than", 1, 169),
        ("500 or more", "at_least", 500, None),
        ("500 and above", "at_least", 500, None),
        ("500 or less", "at_most", 1, 500),
        ("exceeding 150", "more_than", 151, None),
        ("not exceeding 150", "at_most", 1, 150),
        ("well over 100", "more_than", 101, None),
        ("above 1,000 and below 1,500", "range", 1001, 1499),
        ("at most 100 and at least 20", "range", 20, 100),
        ("4 out of 10 terrorists", "exact", 4, 4),
        ("A suicide bomber attacked the shrine", "exact", 1, 1),
        ("the suicide attacker was in the front row", "exact", 1, 1),
        ("a Jaish-e-Mohammed terrorist rammed a bus", "exact", 1, 1),
    ],
)
def test_forms(phrase: str, qualifier: str, low: int, high: int | None) -> None:
    q = parse_quantity(phrase)
    assert q is not None
    assert (q.qualifier.value, q.low, q.high) == (qualifier, low, high)


@pytest.mark.parametrize(
    "phrase",
    [
        "a terrorist attack on the school",
        "the attacker was identified",  # "the attacker" names one already counted
        "Rs 5 lakh to each family",
        "ex-gratia of ₹10 lakh",
        "in 2013 or so",
        "1.5 people",
    ],
)
def test_still_not_counts(phrase: str) -> None:
    assert [q.text for q in parse_quantities(phrase) if q.low >= 5] == []


def test_second_figure_after_and_is_its_own() -> None:
    got = [(q.text, q.qualifier.value) for q in parse_quantities("killed 88 and over 200 injured")]
    assert got == [("88", "exact"), ("over 200", "more_than")]
