"""diff_table against a plain-Python reading of the same two tables, on random edits."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.change.diff import diff_table
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
