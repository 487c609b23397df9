"""One lookup of per-article entries in the cache: what was found, what was refused.

The statement and outcome caches read the same way: a key per article, one batch read
from the store, each payload decoded and checked, a payload that does not decode
counted as refused and left to be worked out again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from checks.cache.store import CacheStore

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Lookup(Generic[T]):
    """What a lookup found by article_id, and the key of every article it was asked for."""

    found: dict[str, T]
    keys: dict[str, str]
    rejected: int = 0
    """Entries read but refused (bad digest, or a payload that does not decode)."""

    @property
    def hits(self) -> int:
        return len(self.found)

    @property
    def misses(self) -> int:
        return len(self.keys) - len(self.found)


def look_up(folder: Path, keys: Mapping[str, str], decode: Callable[[str, bytes], T]) -> Lookup[T]:
    """Read the entry of each article's key; `decode(article_id, payload)` raises
    ValueError for a payload it refuses."""
    store = CacheStore(folder)
    payloads = store.get(keys.values())
    found: dict[str, T] = {}
    rejected = store.rejected
    for article_id, key in keys.items():
        payload = payloads.get(key)
        if payload is None:
            continue
        try:
            found[article_id] = decode(article_id, payload)
        except ValueError:
            rejected += 1
    return Lookup(found=found, keys=dict(keys), rejected=rejected)
