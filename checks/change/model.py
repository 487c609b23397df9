"""What a change did to a dataset: rows added, removed and changed per table, verdict changes.

Plain values, computed once by `checks.change.run`; results.json, the HTML index and
the GitHub job summary only render them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.findings import Finding

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True, slots=True)
class CellChange:
    """One cell of a row present on both sides: its value at the base and now (None: empty)."""

    column: str
    old: str | None
    new: str | None

    def to_json(self) -> dict[str, Any]:
        return {"column": self.column, "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class RowChange:
    """A row, named by its table's key; `line` is in the new file (the base file if removed)."""

    table: str
    key: str
    kind: str
    line: int | None
    cells: tuple[CellChange, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "line": self.line,
            "cells": [cell.to_json() for cell in self.cells],
        }


@dataclass(frozen=True, slots=True)
class TableChange:
    table: str
    added: tuple[RowChange, ...]
    removed: tuple[RowChange, ...]
    changed: tuple[RowChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": [row.to_json() for row in self.added],
            "removed": [row.to_json() for row in self.removed],
            "changed": [row.to_json() for row in self.changed],
        }


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """An incident whose verdict differs; None on a side where the incident did not exist."""

    incident_id: str
    before: str | None
    after: str | None

    def to_json(self) -> dict[str, Any]:
        return {"incident_id": self.incident_id, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class Change:
    """The dataset compared with its state at `ref` (resolved to `commit`)."""

    ref: str
    commit: str
    base_present: bool
    """False when the dataset folder did not exist at the ref: every row is added."""
    tables: tuple[TableChange, ...]
    verdicts: tuple[VerdictChange, ...]
    base_error: str | None = None
    """Why the base could not be loaded (then `tables` and `verdicts` are empty)."""
    touched: frozenset[tuple[str, str]] = field(init=False)
    """(table, key) of every row the change added or changed."""

    def __post_init__(self) -> None:
        rows = {(r.table, r.key) for t in self.tables for r in (*t.added, *t.changed)}
        object.__setattr__(self, "touched", frozenset(rows))

    def touches(self, finding: Finding) -> bool:
        """True when the finding is on a row this change added or changed."""
        if finding.table is None or finding.row_key is None:
            return False
        return (finding.table, finding.row_key) in self.touched

    @property
    def empty(self) -> bool:
        return all(t.empty for t in self.tables) and not self.verdicts

    def to_json(self) -> dict[str, Any]:
        return {
            "base": {"ref": self.ref, "commit": self.commit, "present": self.base_present},
            "base_error": self.base_error,
            "tables": {t.table: t.to_json() for t in self.tables},
            "verdicts": [v.to_json() for v in self.verdicts],
        }
