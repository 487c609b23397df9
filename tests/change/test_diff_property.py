"""diff_table against a plain-Python reading of the same two tables, on random edits."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.change.diff import _without_same_rows, diff_table
from checks.loading.csvtable import LINE

CELLS = st.one_of(st.none(), st.sampled_from(["", "1", "2", "a", "a ", "61", "Quetta"]))
ROWS = st.lists(st.tuples(st.sampled_from([f"c{i}" for i in range(8)]), CELLS, CELLS), max_size=8)


def _frame(rows: list[tuple[str, str | None, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": pd.array([r[0] for r in rows], dtype="str"),
            "low": pd.array([r[1] or None for r in rows], dtype="str"),
            "quote": pd.array([r[2] or None for r in rows], dtype="str"),
            LINE: pd.array(range(2, len(rows) + 2), dtype="int64"),
        }
    )


def _reference(
    base: list[tuple[str, str | None, str | None]], head: list[tuple[str, str | None, str | None]]
) -> tuple[set[str], set[str], dict[str, set[tuple[str, str | None, str | None]]]]:
    def first(rows: list[tuple[str, str | None, str | None]]) -> dict[str, tuple[str | None, ...]]:
        out: dict[str, tuple[str | None, ...]] = {}
        for key, low, quote in rows:
            out.setdefault(key, (low or None, quote or None))
        return out

    old, new = first(base), first(head)
    changed = {}
    for key in set(old) & set(new):
        cells = {
            (column, a, b)
            for column, a, b in zip(("low", "quote"), old[key], new[key], strict=True)
            if a != b
        }
        if cells:
            changed[key] = cells
    return set(new) - set(old), set(old) - set(new), changed


@settings(max_examples=200, deadline=None)
@given(base=ROWS, head=ROWS)
def test_diff_matches_the_reference(
    base: list[tuple[str, str | None, str | None]], head: list[tuple[str, str | None, str | None]]
) -> None:
    change = diff_table("claims", _frame(base), _frame(head))
    added, removed, changed = _reference(base, head)
    assert {r.key for r in change.added} == added
    assert {r.key for r in change.removed} == removed
    got = {r.key: {(c.column, c.old, c.new) for c in r.cells} for r in change.changed}
    assert got == changed
    keys = [r.key for r in change.changed]
    assert keys == sorted(keys)


Row = tuple[str, str | None, str | None]
EDITS = st.sampled_from(["cell", "insert", "delete", "append", "swap", "duplicate"])


def _edited(base: list[Row], edit: str, at: int, block: list[Row]) -> list[Row]:
    """The head a pull request makes of `base`: edits in place, a block inserted,
    deleted or appended, two rows swapped, a key repeated."""
    i = at % (len(base) + 1)
    if edit == "cell" and base:
        key, low, _quote = base[i % len(base)]
        return [*base[: i % len(base)], (key, low, "edited"), *base[i % len(base) + 1 :]]
    if edit == "insert":
        return [*base[:i], *block, *base[i:]]
    if edit == "delete":
        return [*base[:i], *base[i + len(block) :]]
    if edit == "append":
        return [*base, *block]
    if edit == "swap" and len(base) > 1:
        j = (i + 1) % len(base)
        rows = list(base)
        rows[i % len(base)], rows[j] = rows[j], rows[i % len(base)]
        return rows
    if edit == "duplicate" and base:
        return [*base[:i], (base[i % len(base)][0], "2", None), *base[i:]]
    return list(base)


@settings(max_examples=300, deadline=None)
@given(base=ROWS, edits=st.lists(st.tuples(EDITS, st.integers(0, 20), ROWS), max_size=3))
def test_leaving_out_same_rows_changes_nothing(
    base: list[Row], edits: list[tuple[str, int, list[Row]]]
) -> None:
    """The fast path (rows the same in the same place left out before the merge) gives
    the very TableChange of the merge of every row: keys, kinds, cells, lines, order."""
    head = base
    for edit, at, block in edits:
        head = _edited(head, edit, at, block)
    fast = diff_table("claims", _frame(base), _frame(head))
    assert fast == diff_table("claims", _frame(base), _frame(head), skip_same=False)


@pytest.mark.parametrize(("low_dtype", "kept"), [("str", 0), ("object", 1)])
def test_a_column_read_as_another_dtype_is_compared_cell_by_cell(
    low_dtype: Literal["str", "object"], kept: int
) -> None:
    """Rows whose cells are the same are left out only when both sides hold the column
    in the same dtype; otherwise they go to the merge, which still finds no change."""
    rows: list[Row] = [("c1", "1", "a"), ("c2", "2", "b")]
    base, head = _frame(rows), _frame(rows)
    head["low"] = head["low"].astype(low_dtype)
    old, new = _without_same_rows(base, head, "claim_id", ["low", "quote"])
    assert old is not None
    assert new is not None
    assert (len(old), len(new)) == (kept * 2, kept * 2)
    assert diff_table("claims", base, head).empty
