"""The extractor's statements per article text, through the cache.

`checks.cache.grounding.ground` asks `lookup` for the texts whose outcome the outcome
cache does not hold and hands grounding what was found; grounding extracts the rest
and returns their statements, and `ground` `store`s those that were missing.
Grounding itself never reads or writes the cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from checks.cache.codec import decode, encode
from checks.cache.keys import (
    STATEMENTS,
    conventions_key,
    entry_key,
    grammar_version,
    statements_version,
    text_sha256,
)
from checks.cache.lookup import Lookup, look_up
from checks.cache.store import CacheStore
from checks.quantities import Conventions, Statement

Statements = Mapping[str, tuple[Statement, ...]]
"""article_id -> the statements `extract_statements` finds in its text."""


@dataclass(frozen=True, slots=True)
class StatementCache:
    """Statements by article text, for one set of conventions."""

    folder: Path
    conventions: Conventions

    def lookup(
        self, texts: Mapping[str, str], digests: Mapping[str, str] | None = None
    ) -> Lookup[tuple[Statement, ...]]:
        """The cached statements of each text, by article_id (misses left out);
        `digests` are the texts' `text_sha256` when the caller has them."""
        grammar, conventions = grammar_version(), conventions_key(self.conventions)
        keys = {
            article_id: entry_key(
                text_sha256(text) if digests is None else digests[article_id],
                grammar,
                conventions,
            )
            for article_id, text in texts.items()
        }
        return look_up(self.folder, keys, lambda _, payload: decode(payload))

    def store(self, statements: Statements, looked_up: Lookup[tuple[Statement, ...]]) -> None:
        """Write the statements of the texts `looked_up` missed, and drop the entries of
        other grammar versions (they can never be hit again by this code)."""
        entries = {
            looked_up.keys[article_id]: encode(found)
            for article_id, found in statements.items()
            if article_id not in looked_up.found and article_id in looked_up.keys
        }
        store = CacheStore(self.folder)
        store.put(entries)
        store.prune(STATEMENTS, statements_version(grammar_version()))
