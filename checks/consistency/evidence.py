"""How consistency findings show numbers and claims: one wording for every rule family.

Messages and evidence of every family name claims, intervals and tolerances the same
way, so a reviewer reads one vocabulary and the report reads one evidence shape.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def num(value: object) -> float | int | None:
    """A bound for JSON evidence: None for an open (infinite) or missing one."""
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    if math.isinf(number) or math.isnan(number):
        return None
    return int(number) if number.is_integer() else round(number, 3)


def bounds(low: object, high: object) -> str:
    """`[61, open]` / `[61, 61]`."""
    hi = num(high)
    return f"[{num(low)}, {'open' if hi is None else hi}]"


def claim_evidence(row: pd.Series) -> dict[str, Any]:
    """A claim as findings carry it (the report reads claim_id, quote and the bounds)."""
    return {
        "claim_id": row["claim_id"],
        "article_id": row["article_id"],
        "quote": row["quote"],
        "qualifier": row["qualifier"],
        "low": num(row["low"]),
        "high": num(row["high"]),
        "widened": [num(row["low_w"]), num(row["high_w"])],
    }


def tolerance(row: pd.Series) -> dict[str, float]:
    """The tolerance a widened claim row was widened by."""
    return {"absolute": float(row["tol_absolute"]), "relative": float(row["tol_relative"])}


def say(row: pd.Series, article: bool = True) -> str:
    """`c0018 of article 002 ('killed 61': exact [61, 61], widened [59, 64])`."""
    source = f" of article {row['article_id']}" if article else ""
    return (
        f"{row['claim_id']}{source} ({row['quote']!r}: "
        f"{row['qualifier']} {bounds(row['low'], row['high'])}, widened "
        f"{bounds(row['low_w'], row['high_w'])})"
    )
