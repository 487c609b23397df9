"""The extractor's statements per article text, through the cache.

The pipeline asks `lookup` before grounding and hands grounding what was found;
grounding extracts the rest and returns every article's statements, and the pipeline
`store`s those that were missing. Grounding itself never reads or writes the cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from checks.cache.codec import decode, encode
from checks.cache.keys import conventions_key, entry_key, grammar_version, text_sha256
from checks.cache.store import CacheStore
from checks.dataset import Dataset
from checks.grounding import check_grounding
from checks.grounding.run import GroundingResult, article_texts
from checks.quantities import Conventions, Statement

Statements = Mapping[str, tuple[Statement, ...]]
"""article_id -> the statements `extract_statements` finds in its text."""


@dataclass
class StatementCache:
    """Statements by article text, for one set of conventions."""

    folder: Path
    conventions: Conventions
    hits: int = 0
    misses: int = 0
    rejected: int = 0
    _keys: dict[str, str] = field(default_factory=dict)

    def lookup(self, texts: Mapping[str, str]) -> dict[str, tuple[Statement, ...]]:
        """The cached statements of each text, by article_id (misses left out)."""
        grammar, conventions = grammar_version(), conventions_key(self.conventions)
        self._keys = {
            article_id: entry_key(text_sha256(text), grammar, conventions)
            for article_id, text in texts.items()
        }
        store = CacheStore(self.folder)
        payloads = store.get(self._keys.values())
        found: dict[str, tuple[Statement, ...]] = {}
        for article_id, key in self._keys.items():
            payload = payloads.get(key)
            if payload is None:
                continue
            try:
                found[article_id] = decode(payload)
            except ValueError:
                self.rejected += 1
        self.rejected += store.rejected
        self.hits = len(found)
        self.misses = len(self._keys) - len(found)
        return found

    def store(self, statements: Statements, known: Statements) -> None:
        """Write the statements of the texts `lookup` missed."""
        entries = {
            self._keys[article_id]: encode(found)
            for article_id, found in statements.items()
            if article_id not in known and article_id in self._keys
        }
        CacheStore(self.folder).put(entries)


def ground(
    dataset: Dataset,
    typed: Mapping[str, pd.DataFrame],
    conventions: Conventions,
    cache: StatementCache | None,
) -> GroundingResult:
    """Layer 3, with the statements of unchanged texts taken from the cache when given.

    The cache is read before and written after the rules run, here and not in a rule:
    rules never read files.
    """
    if cache is None:
        return check_grounding(dataset, typed, conventions)
    texts = article_texts(dataset)
    known = cache.lookup(texts)
    grounding = check_grounding(dataset, typed, conventions, texts, known)
    cache.store(grounding.statements, known)
    return grounding
