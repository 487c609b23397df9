"""`extract_statements` over many texts, on several processes when there are enough.

Reading one text never depends on another, and reading them all is most of a cold
run's grounding (the quantity grammar over every article). `checks.forkpool` spreads
ranges of texts over forked processes, which start with the grammar compiled and the
texts in memory; only the statements travel back, in the texts' order, the same
statement for statement as one process reads them
(`tests/quantities/test_quantity_batch.py`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checks.forkpool import map_ranges
from checks.quantities.conventions import Conventions
from checks.quantities.statements import Statement, extract_statements

MIN_TEXTS = 2000
"""Fewer texts than this are read in the calling process: for them the pool's start
and its results' pickling weigh more than the second core gives."""

CHUNK = 250
"""Texts per task: large enough that a task's overhead is small, small enough that
the last tasks of the pool finish close together."""


def extract_many(
    texts: Mapping[str, str],
    conventions: Conventions,
    jobs: int = 1,
    min_texts: int | None = None,
) -> dict[str, tuple[Statement, ...]]:
    """key -> the statements of its text, on up to `jobs` processes (one when there are
    fewer than `min_texts` texts, default `MIN_TEXTS`)."""
    keys = list(texts)
    values = [texts[key] for key in keys]
    read = map_ranges(
        lambda start, stop: _read_range(values, conventions, start, stop),
        len(values),
        jobs,
        CHUNK,
        least=MIN_TEXTS if min_texts is None else min_texts,
    )
    return dict(zip(keys, read, strict=True))


def _read_range(
    texts: Sequence[str], conventions: Conventions, start: int, stop: int
) -> list[tuple[Statement, ...]]:
    """The statements of texts[start:stop] (in a child of the pool, or here)."""
    return [tuple(extract_statements(text, conventions)) for text in texts[start:stop]]
