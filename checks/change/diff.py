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


def diff_table(name: str, base: pd.DataFrame | None, head: pd.DataFrame | None) -> TableChange:
    """Compare one table; `base` None (absent at the ref) makes every row added."""
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
