"""Statements to bytes and back, refusing anything that is not what `encode` wrote.

JSON, not pickle: a cache folder restored from CI or shared between runs is input
like any other, and decoding it must never run code. Every field is checked on the
way back in, so a truncated or foreign entry raises `ValueError` and is recomputed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from checks.quantities import Qualifier, Quantity, Statement

FORMAT = 1
"""Bumped by hand only if the layout below changes (the codec's source is also part of
the grammar version, so an edit here misses the cache anyway)."""

_QUALIFIERS = {q.value: q for q in Qualifier}


def statement_row(s: Statement) -> list[Any]:
    """One statement as a flat JSON list, the quantity's fields inlined."""
    return [
        s.field,
        s.quote,
        s.start,
        s.end,
        s.sentence,
        s.quantity.start,
        s.quantity.end,
        s.quantity.text,
        s.quantity.qualifier.value,
        s.quantity.low,
        s.quantity.high,
        s.quantity.number,
        s.quantity.increment,
        s.quantity.total,
    ]


def encode(statements: Sequence[Statement]) -> bytes:
    """Compact JSON: one list per statement, the quantity flattened into it."""
    rows = [statement_row(s) for s in statements]
    return json.dumps([FORMAT, rows], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(payload: bytes) -> tuple[Statement, ...]:
    """The statements `encode` wrote; ValueError for anything else."""
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a cache entry: {exc}") from None
    if not (isinstance(data, list) and len(data) == 2 and data[0] == FORMAT):
        raise ValueError("not a cache entry of this format")
    rows = data[1]
    if not isinstance(rows, list):
        raise ValueError("not a list of statements")
    return tuple(statement_from_row(row) for row in rows)


_INT_OR_NONE = (int, type(None))
_ROW_TYPES = frozenset(
    (str, str, int, int, str, int, int, str, str, int, high, number, bool, total)
    for high in _INT_OR_NONE
    for number in _INT_OR_NONE
    for total in _INT_OR_NONE
)
"""The type of each of a row's 14 values, as `encode` writes them (`type`, not
`isinstance`: True is not a count). One set lookup checks a whole row: a warm run of
the 1M-claim benchmark decodes 711,000 statements."""


def statement_from_row(row: Any) -> Statement:
    """The statement `statement_row` wrote; ValueError for anything else."""
    if type(row) is not list or tuple(map(type, row)) not in _ROW_TYPES:
        raise ValueError(
            "a statement is a list of 14 values: strings, integers, a qualifier and a flag"
        )
    field, quote, start, end, sentence, q_start, q_end, q_text = row[:8]
    qualifier, low, high, number, increment, total = row[8:]
    if min(start, end, q_start, q_end, low, high or 0, number or 0, total or 0) < 0:
        raise ValueError("a position or count is not a non-negative integer")
    if qualifier not in _QUALIFIERS:
        raise ValueError("bad qualifier")
    quantity = Quantity(
        q_start, q_end, q_text, _QUALIFIERS[qualifier], low, high, number, increment, total
    )
    return Statement(field, quantity, quote, start, end, sentence)
