"""The statements cache keeps what this grammar can hit and nothing older."""

from __future__ import annotations

from pathlib import Path

from checks.cache.keys import entry_key, grammar_version
from checks.cache.statements import StatementCache
from checks.cache.store import CacheStore
from checks.quantities import Conventions


def test_a_store_drops_other_grammar_versions_and_keeps_other_conventions(
    tmp_path: Path,
) -> None:
    old_grammar = entry_key("a" * 64, "an-older-grammar", "c1")
    other_conventions = entry_key("b" * 64, grammar_version(), "another-rules-file")
    CacheStore(tmp_path).put({old_grammar: b"old", other_conventions: b"kept"})
    cache = StatementCache(tmp_path, Conventions.default())
    looked_up = cache.lookup({"art-1": "Five people were killed on Monday."})
    assert looked_up.misses == 1
    cache.store({"art-1": ()}, looked_up)
    assert CacheStore(tmp_path).get([old_grammar, other_conventions]) == {
        other_conventions: b"kept"
    }
    assert cache.lookup({"art-1": "Five people were killed on Monday."}).found == {"art-1": ()}
