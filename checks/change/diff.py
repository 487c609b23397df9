"""Rows added, removed and changed between two versions of a table, found by key with merge.

Tables are compared as read (strings, empty = missing), so a cell diff shows exactly
what the file says on each side. Rows without a key, or repeating one, are left to
the structure layer: only the first row of a key takes part.
"""

from __future__ import annotations

import pandas as pd

from checks.change.model import ADDED, CHANGED, REMOVED, CellChange, RowChange, TableChange
from checks.emit import is_missing
from checks.loading.csvtable import LINE
from checks.structure.schemas import KEYS

_OLD, _NEW = "\x00old", "\x00new"


def _keyed(frame: pd.DataFrame | None, key: str, columns: list[str]) -> pd.DataFrame:
    if frame is None or key not in frame:
        empty = pd.DataFrame({c: pd.array([], dtype="str") for c in [key, *columns]})
        empty[LINE] = pd.array([], dtype="Int64")
        return empty
    out = frame[frame[key].notna()].drop_duplicates(key)
    out = out.reindex(columns=[key, *columns, LINE])
    out[key] = out[key].astype(str)
    return out


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
    merged = old.merge(new, on=key, how="outer", suffixes=(_OLD, _NEW), indicator=True)
    side = merged["_merge"]
    added = merged[side == "right_only"]
    removed = merged[side == "left_only"]
    both = merged[side == "both"]
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
