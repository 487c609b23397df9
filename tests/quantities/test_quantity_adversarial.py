"""Hostile input is read to its end and read right, and Unicode oddities.

How the time grows with the size of hostile input is a benchmark, not a test:
`python -m checks.bench.quantities` times every input below at two sizes in one
process and reports the ratio of time per character (1.0 is linear; quadratic
backtracking shows up as the ratio of the sizes). Here the same inputs, at a size
that reads in a second, must give exactly the readings they stand for.
"""

from __future__ import annotations

import datetime as dt

import pytest

from checks.quantities import (
    Qualifier,
    extract_statements,
    parse_quantities,
    parse_quantity,
    resolve_relative_dates,
)
from checks.quantities.adversarial import ADVERSARIAL

SIZE = 64_000

# name -> (quantities, statements): what a reader takes from each hostile text.
# Nothing in them is a count but the lone "1"s and the repeated "some ... died".
EXPECTED = {
    "ones": (SIZE // 2, 0),
    "more_than": (0, 0),
    "digit_run": (0, 0),
    "digit_run_then_letter": (0, 0),
    "parens": (0, 0),
    "spaces": (1, 0),
    "dashes": (1, 0),
    "dash_chain": (0, 0),
    "comma_groups": (0, 0),
    "died": (SIZE // 10, SIZE // 10),
}


def test_every_hostile_input_has_an_expectation() -> None:
    assert set(EXPECTED) == set(ADVERSARIAL)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_hostile_input_read_to_its_end(name: str) -> None:
    text = ADVERSARIAL[name](SIZE)
    quantities = parse_quantities(text)
    statements = extract_statements(text)
    assert (len(quantities), len(statements)) == EXPECTED[name]
    assert all(0 <= q.start < q.end <= len(text) for q in quantities)
    assert all(q.low is not None and q.low >= 1 for q in quantities)
    assert {s.field for s in statements} <= {"killed"}
    assert resolve_relative_dates(text, dt.date(2020, 1, 1)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more\u00a0than\u00a060 dead", (Qualifier.more_than, 61, None)),
        ("more\u2009than\u200960", (Qualifier.more_than, 61, None)),
        ("40\u201350 people", (Qualifier.range, 40, 50)),
        ("40\u201450 people", (Qualifier.range, 40, 50)),
        ("40 \u2212 50 people", (Qualifier.range, 40, 50)),
        ("twenty\u2011one people", (Qualifier.exact, 21, 21)),
        ("“at least 93” people", (Qualifier.at_least, 93, None)),
    ],
)
def test_unicode_spaces_dashes_quotes(
    text: str, expected: tuple[Qualifier, int, int | None]
) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.qualifier, q.low, q.high) == expected


def test_other_script_digits_refused() -> None:
    assert parse_quantities("\u0666\u0661") == []
    assert parse_quantities("\u0967\u0968 people") == []
