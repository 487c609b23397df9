"""Turn the failing rows a vectorized rule selected into `Finding` values.

Rules compute a boolean mask over a whole table; only the rows that fail reach this
module, so the per-row Python here is proportional to the findings, not the data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from checks.catalogue import rule as lookup
from checks.findings import Finding
from checks.loading.csvtable import LINE
from checks.structure.schemas import KEYS


def row_findings(
    rule_id: str,
    table: str,
    file: str,
    rows: pd.DataFrame,
    messages: Iterable[str],
    columns: Sequence[str],
    evidence: Iterable[Mapping[str, Any]] | None = None,
) -> list[Finding]:
    """One finding per row of `rows` (a slice of a loaded table, LINE column included)."""
    spec = lookup(rule_id)
    key_column = KEYS[table]
    keys = rows[key_column] if key_column in rows else pd.Series(None, index=rows.index)
    lines = rows[LINE] if LINE in rows else pd.Series(None, index=rows.index)
    evidences: Iterable[Mapping[str, Any]] = (
        evidence if evidence is not None else ({} for _ in range(len(rows)))
    )
    return [
        Finding(
            rule_id=spec.id,
            severity=spec.severity,
            layer=spec.layer,
            message=message,
            table=table,
            row_key=None if is_missing(key) else str(key),
            file=file,
            line=None if is_missing(line) else int(line),
            columns=tuple(columns),
            evidence=dict(ev),
        )
        for key, line, message, ev in zip(keys, lines, messages, evidences, strict=True)
    ]


def is_missing(value: object) -> bool:
    """True for every spelling of a missing cell pandas may hand back."""
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
    )


def show(value: object) -> str:
    """A cell as a message shows it: quoted text, 'empty' for a missing value."""
    if is_missing(value):
        return "empty"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return repr(value) if isinstance(value, str) else str(value)
