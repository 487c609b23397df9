"""The next free claim ids: numbering, prefix and width continued; never a taken id."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.scaffold.claimids import next_ids, plan_ids
from checks.structure.vocab import ID_PATTERN
from tests.conftest import REPORTING, SEED, read_rows


def _take(existing: list[str], n: int = 3) -> list[str]:
    return list(itertools.islice(next_ids(existing), n))


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ([f"c{i:04d}" for i in range(1, 31)], ["c0031", "c0032", "c0033"]),
        (["c1", "c2", "c9"], ["c10", "c11", "c12"]),
        (["r-098", "r-099"], ["r-100", "r-101", "r-102"]),
        (["c0003", "c0001"], ["c0004", "c0005", "c0006"]),
        (["c9999"], ["c10000", "c10001", "c10002"]),
        (["x.7", "x.12"], ["x.13", "x.14", "x.15"]),
        ([], ["c0001", "c0002", "c0003"]),
    ],
)
def test_continues_the_numbering(existing: list[str], expected: list[str]) -> None:
    assert _take(existing) == expected
    assert plan_ids(existing).note is None


def test_shipped_datasets_continue_after_their_last_claim() -> None:
    seed = [r["claim_id"] for r in read_rows(SEED / "claims.csv")]
    assert _take(seed, 1) == ["c0031"]
    assert plan_ids(seed).note is None
    reporting = [r["claim_id"] for r in read_rows(REPORTING / "claims.csv")]
    plan = plan_ids(reporting)
    assert plan.note is not None
    assert "'c009a'" in plan.note, "the one id that does not end in a number is named"
    first = _take(reporting, 1)[0]
    assert first not in reporting
    assert int(first[1:]) > max(int(i[1:]) for i in reporting if i[1:].isdigit())


def test_mixed_patterns_say_so_and_continue_the_most_frequent() -> None:
    existing = ["a1", "a2", "a3", "b7", "free"]
    plan = plan_ids(existing)
    assert plan.note is not None
    assert "'b7', 'free' do not fit 'a' + number" in plan.note
    assert _take(existing, 2) == ["a4", "a5"]


def test_no_number_at_all_uses_the_default_prefix_and_skips_taken_ids() -> None:
    existing = ["alpha", "beta", "c0001"]
    plan = plan_ids(["alpha", "beta"])
    assert plan.note is not None
    assert "no claim id ends in a number" in plan.note
    assert _take(["alpha", "beta"], 1) == ["c0001"]
    assert "c0001" not in _take(existing, 3)


_ID = re.compile(ID_PATTERN)
ids = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.\-]{0,12}\Z")


@given(st.lists(ids, max_size=30), st.integers(min_value=1, max_value=20))
def test_new_ids_are_fresh_distinct_and_well_formed(existing: list[str], n: int) -> None:
    new = _take(existing, n)
    assert len(set(new)) == n
    assert not set(new) & set(existing)
    assert all(_ID.match(i) for i in new)


@given(
    st.from_regex(r"\A[a-z][a-z_.\-]{0,5}\Z"),
    st.sets(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=30),
    st.integers(min_value=1, max_value=8),
)
def test_one_pattern_continues_above_its_largest_number(
    prefix: str, numbers: set[int], width: int
) -> None:
    existing = [f"{prefix}{n:0{width}d}" for n in numbers]
    plan = plan_ids(existing)
    assert plan.note is None
    assert plan.prefix == prefix
    (first,) = _take(existing, 1)
    assert first.startswith(prefix)
    assert int(first[len(prefix) :]) == max(numbers) + 1
    padded = any(len(str(n)) < width for n in numbers)
    if padded:
        assert len(first) - len(prefix) >= width
