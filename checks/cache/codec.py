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


def encode(statements: Sequence[Statement]) -> bytes:
    """Compact JSON: one list per statement, the quantity flattened into it."""
    rows = [
        [
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
        for s in statements
    ]
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
    return tuple(_statement(row) for row in rows)


def _statement(row: Any) -> Statement:
    if not (isinstance(row, list) and len(row) == 14):
        raise ValueError("a statement is a list of 14 values")
    field, quote, start, end, sentence, q_start, q_end, q_text = row[:8]
    qualifier, low, high, number, increment, total = row[8:]
    for value in (field, quote, sentence, q_text, qualifier):
        if not isinstance(value, str):
            raise ValueError("a text value is not a string")
    for value in (start, end, q_start, q_end, low):
        _count(value)
    for value in (high, number, total):
        if value is not None:
            _count(value)
    if not isinstance(increment, bool) or qualifier not in _QUALIFIERS:
        raise ValueError("bad qualifier or increment")
    quantity = Quantity(
        start=q_start,
        end=q_end,
        text=q_text,
        qualifier=_QUALIFIERS[qualifier],
        low=low,
        high=high,
        number=number,
        increment=increment,
        total=total,
    )
    return Statement(
        field=field, quantity=quantity, quote=quote, start=start, end=end, sentence=sentence
    )


def _count(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("a position or count is not a non-negative integer")
