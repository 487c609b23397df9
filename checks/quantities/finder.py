"""A casualty statement and the per-text state the extractor collects them in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .grammar import Quantity
from .sentences import sentence_spans


@dataclass(frozen=True)
class Statement:
    """One casualty/arrest figure as the article states it."""

    field: str
    quantity: Quantity
    quote: str
    start: int
    end: int
    sentence: str

    def to_json(self) -> dict[str, Any]:
        """JSON-able mapping; the quantity is nested."""
        return {
            "field": self.field,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "qualifier": self.quantity.qualifier.value,
            "low": self.quantity.low,
            "high": self.quantity.high,
            "increment": self.quantity.increment,
            "quantity": self.quantity.to_json(),
            "sentence": self.sentence,
        }


_MAX_SENTENCE = 1000  # chars of sentence kept either side of a quote


class _Finder:
    """Per-text state: sentence spans and the results collected so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text) or [(0, len(text))]
        self.out: list[Statement] = []
        self.skip: set[int] = set()  # starts of counts already read as part of another
        self._idx = 0

    def sentence_of(self, pos: int) -> tuple[int, int, int]:
        """(index, start, end) of the sentence holding ``pos`` (positions ascend)."""
        while self._idx < len(self.spans) - 1 and self.spans[self._idx][1] <= pos:
            self._idx += 1
        i = self._idx
        while i > 0 and self.spans[i][0] > pos:
            i -= 1
        return i, self.spans[i][0], self.spans[i][1]

    def add(self, field: str, q: Quantity, start: int, end: int) -> None:
        _, s0, s1 = self.sentence_of(start)
        quote = self.text[start:end]
        # a pathological "sentence" (no full stop in 1 MB) is cut around the quote
        s0, s1 = max(s0, start - _MAX_SENTENCE), min(s1, end + _MAX_SENTENCE)
        self.out.append(Statement(field, q, quote, start, end, self.text[s0:s1].strip()))
