"""Item 7: the quantity grammar stays linear on adversarial strings, and a dataset
with 100k-character quotes completes with the exact outcome.

Linearity is checked as a growth ratio, not a time limit: the CPU time (of this
process, best of three) at 4n over the time at n. Linear work gives about 4,
quadratic about 16; the bound 10 sits between with room for noise.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from checks.quantities import extract_statements, parse_quantities
from tests.hostile.builder import Hostile

N = 5_000
GROWTH_BOUND = 10.0

FAMILIES: dict[str, Callable[[int], str]] = {
    "nested-parens": lambda n: "(" * n + "61" + ")" * n,
    "nested-hedges": lambda n: "more than (about (nearly " * (n // 25) + "60",
    "digit-groups": lambda n: "1," * (n // 2) + "000",
    "spaced-digits": lambda n: "1 000 " * (n // 6),
    "dotted-digits": lambda n: "1.2." * (n // 4),
    "digits-and-dashes": lambda n: "12-" * (n // 3) + "people",
    "number-words": lambda n: "twenty-" * (n // 7) + "one killed",
    "spaces-between": lambda n: "between " + " " * n + "40 and" + " " * n + "50",
    "unclosed-of": lambda n: "two of the " * (n // 11),
}


def _cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        parse_quantities(text)
        extract_statements(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_growth_is_linear(name: str) -> None:
    make = FAMILIES[name]
    small, large = make(N), make(4 * N)
    assert 3.5 * len(small) <= len(large) <= 4.5 * len(small)
    t_small, t_large = _cpu_seconds(small), _cpu_seconds(large)
    floor = 0.002  # below this the clock's resolution dominates; linearity is moot
    ratio = t_large / max(t_small, floor)
    assert ratio < GROWTH_BOUND, (name, t_small, t_large)


def test_100k_character_quote_is_grounded(hostile: Hostile) -> None:
    """The article (a private copy) gets 100k characters of filler after the statement
    the claim quotes; the claim quotes statement and filler verbatim: found, parsed."""
    article = hostile.path("articles/000_0a0d7547dc9b15ac.txt")
    quote = next(r["quote"] for r in hostile.rows("claims.csv") if r["claim_id"] == "c0001")
    text = article.read_text(encoding="utf-8")
    filler = " la" * 33_334
    assert quote in text
    article.write_text(text.replace(quote, quote + filler, 1), encoding="utf-8")
    hostile.rehash("000_0a0d7547dc9b15ac")
    hostile.set_cell("claims.csv", "c0001", "quote", quote + filler)
    run = hostile.validate()
    assert run.code == 0
    assert run.findings() == []


def test_100k_character_quote_not_in_the_article(hostile: Hostile) -> None:
    quote = next(r["quote"] for r in hostile.rows("claims.csv") if r["claim_id"] == "c0001")
    line = hostile.set_cell("claims.csv", "c0001", "quote", quote + " la" * 33_334)
    run = hostile.validate()
    assert run.code == 1
    not_found = [f for f in run.findings() if f["rule_id"] == "grounding.quote-not-found"]
    assert [(f["line"], f["columns"]) for f in not_found] == [(line, ["quote"])]
    assert not_found[0]["evidence"]["similarity"] < 0.01  # the nearest passage is far off
