"""Round 10 of readings for real reporting: "a" between a hedge and a figure in digits
("injured more than a 130", "over a 150 people", common in Indian English copy) is the
hedge's interval, not an exact count that drops the hedge. Each reading has sentences
where it must be read and near-misses where it must not.
"""

from __future__ import annotations

import pytest

from checks.quantities import parse_quantities
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

Reading = tuple[str, int, int | None]
"""(qualifier, low, high) of one quantity the grammar parses."""


def _readings(text: str) -> list[Reading]:
    return [(q.qualifier.value, q.low, q.high) for q in parse_quantities(text)]


# ----------------------------------------- "more than a 130": the hedge kept ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("injured more than a 130", [("more_than", 131, None)]),
        ("injuring over a 150 people", [("more_than", 151, None)]),
        ("at least a 100 people", [("at_least", 100, None)]),
        ("nearly a 1000 people", [("nearly", 900, 999)]),
        ("More than a 100 people", [("more_than", 101, None)]),
    ],
)
def test_a_between_the_hedge_and_a_figure_keeps_the_hedge(
    text: str, expected: list[Reading]
) -> None:
    assert _readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A pair of bombs killed three people, injured more than a 130, and jarred a nation.",
            [("killed", "exact", 3, 3), ("injured", "more_than", 131, None)],
        ),
        (
            "The blast killed 12 people, injuring over a 150 people.",
            [("killed", "exact", 12, 12), ("injured", "more_than", 151, None)],
        ),
    ],
)
def test_the_extractor_reads_the_hedge_with_a(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure, not a count: refused as before
        ("over a 10-year period", []),
        ("more than a 100-metre stretch", []),
        # no hedge: "a" alone adds nothing, the figure is read as printed
        ("a 100 people", [("exact", 100, 100)]),
        # "a" before a number word is the grammar's "a hundred", as before
        ("more than a hundred people", [("more_than", 101, None)]),
    ],
)
def test_no_hedge_read_through_a_where_it_does_not_belong(
    text: str, expected: list[Reading]
) -> None:
    assert _readings(text) == expected
