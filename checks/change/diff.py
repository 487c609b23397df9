"""Rows added, removed and changed between two versions of a table, found by key with merge.

Tables are compared as read (strings, empty = missing), so a cell diff shows exactly
what the file says on each side. Rows without a key, or repeating one, are left to
the structure layer: only the first row of a key takes part.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from checks.change.model import ADDED, CHANGED, REMOVED, CellChange, RowChange, TableChange
from checks.emit import is_missing
from checks.loading.csvtable import LINE
from checks.structure.schemas import KEYS

_OLD, _NEW = "\x00old", "\x00new"
_HASH = "\x00hash"


def _keyed(frame: pd.DataFrame | None, key: str, columns: list[str]) -> pd.DataFrame:
    if frame is None or key not in frame:
        empty = pd.DataFrame({c: pd.array([], dtype="str") for c in [key, *columns]})
        empty[LINE] = pd.array([], dtype="Int64")
        return empty
    out = frame[frame[key].notna()].drop_duplicates(key)
    out = out.reindex(columns=[key, *columns, LINE])
    out[key] = out[key].astype(str)
    return out


def _first_of_key(frame: pd.DataFrame, key: str) -> pd.Series:
    """The rows that take part in the diff: those with a key, the first row of it."""
    keys = frame[key]
    return keys.notna() & ~keys.duplicated()


def _equal_rows(a: pd.DataFrame, b: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Row i of `a` has the same cells as row i of `b` (equal lengths; both missing is
    the same). A column whose dtypes differ counts as different: left to the merge."""
    same = np.ones(len(a), dtype=bool)
    for column in columns:
        left, right = a[column].array, b[column].array
        if left.dtype != right.dtype:
            return np.zeros(len(a), dtype=bool)
        equal = pd.array(left == right).fillna(False).to_numpy(dtype=bool)
        same &= equal | (np.asarray(left.isna()) & np.asarray(right.isna()))
    return same


def _without_same_rows(
    base: pd.DataFrame | None, head: pd.DataFrame | None, key: str, columns: list[str]
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Both tables without the rows that are the same on both sides and in the same
    place: a pull request changes ten rows of a million, and only the others need the
    merge by key.

    The place is counted from the top and from the bottom, so rows edited in place,
    added at the end, or added or removed in one block leave every other row matched.
    A row is left out when the row in the same place on the other side has the same
    key and cells (the key included, so it is that key's row there) and both are the
    first row of their key (the only ones the diff reads): such a key is neither
    added, removed nor changed, and leaving it out on both sides leaves every other
    key's outcome, and the key order of the result, as they were. Cells are compared
    column by column, with no hashing: nothing different can be left out.
    """
    if base is None or head is None or key not in base or key not in head:
        return base, head
    named = [key, *columns]
    if any(c not in base or c not in head for c in named):
        return base, head
    first_old = _first_of_key(base, key).to_numpy()
    first_new = _first_of_key(head, key).to_numpy()
    same_old = np.zeros(len(base), dtype=bool)
    same_new = np.zeros(len(head), dtype=bool)
    n = min(len(base), len(head))
    places = [(slice(0, n), slice(0, n))]
    if n and len(base) != len(head):
        places.append((slice(len(base) - n, len(base)), slice(len(head) - n, len(head))))
    for old_rows, new_rows in places:
        same = _equal_rows(base.iloc[old_rows], head.iloc[new_rows], named)
        same &= first_old[old_rows] & first_new[new_rows]
        same_old[old_rows] |= same
        same_new[new_rows] |= same
    # Only first rows take part: the later rows of a key whose first row is left out
    # must not stand in for it.
    return base[first_old & ~same_old], head[first_new & ~same_new]


def _hashed(frame: pd.DataFrame, key: str, columns: list[str]) -> pd.DataFrame:
    """key, LINE and a 64-bit hash of the row's other cells.

    Equal cells give equal hashes; unequal cells give unequal hashes except for a
    2^-64 collision. A row whose hash differs only by the dtype of an empty column is
    still compared cell by cell, so nothing is reported that the cells do not show.
    """
    hashes = (
        pd.util.hash_pandas_object(frame[columns], index=False).to_numpy()
        if columns
        else np.zeros(len(frame), dtype="uint64")
    )
    return pd.DataFrame({key: frame[key], _HASH: hashes, LINE: frame[LINE]})


def _text(value: object) -> str | None:
    return None if is_missing(value) else str(value)


def _line(value: object) -> int | None:
    return None if is_missing(value) else int(value)  # type: ignore[call-overload]


def diff_table(
    name: str, base: pd.DataFrame | None, head: pd.DataFrame | None, *, skip_same: bool = True
) -> TableChange:
    """Compare one table; `base` None (absent at the ref) makes every row added.

    `skip_same=False` merges every row by key, without first leaving out the rows that
    are the same in the same place: the same result, slower; the tests hold the fast
    path to it.
    """
    key = KEYS[name]
    columns = list(
        dict.fromkeys(
            c
            for frame in (base, head)
            if frame is not None
            for c in frame.columns
            if c not in (key, LINE)
        )
    )
    if skip_same:
        base, head = _without_same_rows(base, head, key, columns)
    old, new = _keyed(base, key, columns), _keyed(head, key, columns)
    keys = _hashed(old, key, columns).merge(
        _hashed(new, key, columns), on=key, how="outer", suffixes=(_OLD, _NEW), indicator=True
    )
    side = keys["_merge"]
    added = keys[side == "right_only"]
    removed = keys[side == "left_only"]
    both_keys = keys[side == "both"]
    # Only rows whose hash differs can differ: compare their cells, not every row's.
    suspects = both_keys.loc[both_keys[_HASH + _OLD] != both_keys[_HASH + _NEW], key]
    both = old[old[key].isin(suspects)].merge(
        new[new[key].isin(suspects)], on=key, how="outer", suffixes=(_OLD, _NEW)
    )
    differs = pd.DataFrame(
        {
            c: both[c + _OLD].astype("string").fillna("\x00")
            != both[c + _NEW].astype("string").fillna("\x00")
            for c in columns
        },
        index=both.index,
    )
    changed_mask = differs.any(axis=1) if columns else pd.Series(False, index=both.index)
    changed = both[changed_mask]
    stacked = differs[changed_mask].stack()
    hits = stacked.index[stacked.to_numpy(dtype=bool)]
    per_row: dict[object, list[CellChange]] = {}
    for index, column in hits:
        per_row.setdefault(index, []).append(
            CellChange(
                str(column),
                _text(both.at[index, f"{column}{_OLD}"]),
                _text(both.at[index, f"{column}{_NEW}"]),
            )
        )
    return TableChange(
        table=name,
        added=tuple(
            RowChange(name, k, ADDED, _line(n))
            for k, n in zip(added[key], added[LINE + _NEW], strict=True)
        ),
        removed=tuple(
            RowChange(name, k, REMOVED, _line(n))
            for k, n in zip(removed[key], removed[LINE + _OLD], strict=True)
        ),
        changed=tuple(
            RowChange(name, k, CHANGED, _line(n), tuple(per_row[i]))
            for i, k, n in zip(changed.index, changed[key], changed[LINE + _NEW], strict=True)
        ),
    )
