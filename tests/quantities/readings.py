"""What the extractor reads in a sentence, as tuples the recall tests compare."""

from __future__ import annotations

from checks.quantities import extract_statements

Found = tuple[str, str, int, int | None]
"""(field, qualifier, low, high) of one statement."""


def found(text: str) -> list[Found]:
    """Every statement `extract_statements` proposes in `text`, as a Found tuple."""
    return [
        (s.field, s.quantity.qualifier.value, s.quantity.low, s.quantity.high)
        for s in extract_statements(text)
    ]
