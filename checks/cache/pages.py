"""Rendered incident pages through the cache: a page is a pure function of its view.

An incident page is what `incident.j2` makes of one `IncidentView` and the link to the
Data Docs. Rendering one costs about 5 ms; printing and hashing its inputs, a few
percent of that. A pull request leaves most views as they were, so their pages are
taken from the cache instead of rendered again, byte for byte what rendering gives.

The key is the digest of the inputs' `repr`: views are frozen dataclasses of tuples,
strings and numbers (no sets or dicts, whose order could vary between runs), so the
same view always prints the same. The version of the code, templates and Jinja is in
the key too (`keys.pages_version`). The payload is the page's UTF-8 HTML,
zlib-compressed; one that does not decompress or decode is a miss, rendered again.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from checks.cache.keys import PAGES, page_key, pages_version
from checks.cache.store import CacheStore
from checks.reports.views import IncidentView


def incident_page_key(view: IncidentView, docs_href: str | None) -> str:
    """The key of the page rendered from `view` with this Data Docs link."""
    return page_key(repr((view, docs_href)))


def pack(html: str) -> bytes:
    """A page as stored: its UTF-8 bytes, compressed (pages repeat their markup; the
    fastest level, since a cold run packs every page it renders)."""
    return zlib.compress(html.encode("utf-8"), 1)


@dataclass(frozen=True, slots=True)
class PageCache:
    """Incident pages by key, in the cache folder's store."""

    folder: Path

    def lookup(self, keys: Iterable[str]) -> dict[str, str]:
        """The cached HTML of each key found (misses and unreadable entries left out)."""
        found: dict[str, str] = {}
        for key, payload in CacheStore(self.folder).get(keys).items():
            try:
                found[key] = zlib.decompress(payload).decode("utf-8")
            except (zlib.error, UnicodeDecodeError):
                continue
        return found

    def store(self, packed: Mapping[str, bytes]) -> None:
        """Write the pages rendered this run (already `pack`ed), and drop the pages of
        other versions of the code or templates (no run of this code can hit them)."""
        store = CacheStore(self.folder)
        store.put(packed)
        store.prune(PAGES, f"{PAGES}{pages_version()}:")
