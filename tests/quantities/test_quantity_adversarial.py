"""Linear time on hostile input, and Unicode oddities.

The time bound is deliberately generous (60 s for 1 MB on a slow CI runner,
where a run takes a few seconds): it is there to catch catastrophic
backtracking -- exponential or quadratic blowup would take hours on 1 MB --
not to measure speed.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from checks.quantities import (
    Qualifier,
    extract_statements,
    parse_quantities,
    parse_quantity,
    resolve_relative_dates,
)

BOUND_SECONDS = 60.0
MB = 1_000_000

ADVERSARIAL = {
    "ones": "1 " * (MB // 2),
    "more_than": "more than " * (MB // 10),
    "digit_run": "9" * MB,
    "digit_run_then_letter": "9" * (MB - 1) + "x",
    "parens": "(" * MB,
    "spaces": "1" + " " * MB + "x",
    "dashes": "1" + "-" * MB,
    "dash_chain": "1-" * (MB // 2),
    "comma_groups": "1,000" * (MB // 5),
    "died": "some died " * (MB // 10),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_linear_time(name: str) -> None:
    text = ADVERSARIAL[name]
    t0 = time.perf_counter()
    parse_quantities(text)
    extract_statements(text)
    resolve_relative_dates(text, dt.date(2020, 1, 1))
    assert time.perf_counter() - t0 < BOUND_SECONDS, name


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
