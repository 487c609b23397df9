"""Rendered incident pages through the cache: a page is a pure function of its inputs.

An incident page is what `incident.j2` makes of the `IncidentView` that
`incident_view` builds from one `IncidentInputs` (the incident's row, its claims and
their articles, the findings on it, its disputes, links and verdict), and of the link
to the Data Docs. Building the view costs about 0.9 ms a page and rendering it more;
printing and hashing the inputs, under a tenth of the view alone. A pull request leaves
most incidents' inputs as they were, so their pages are taken from the cache without
building their views, byte for byte what building and rendering give.

The key is the digest of the inputs' `repr`: they are frozen dataclasses of tuples,
strings and numbers (no sets or dicts, whose order could vary between runs), so the
same inputs always print the same. The version of the code, templates and Jinja is in
the key too (`keys.pages_version`), so a change to how a view is built misses. The
payload is the page's index line (JSON) and its UTF-8 HTML, zlib-compressed; one that
does not decompress, decode or parse is a miss, built and rendered again.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks.cache.keys import PAGES, page_key, pages_version
from checks.cache.store import CacheStore
from checks.reports.views import IncidentInputs, IncidentRow


def incident_page_key(inputs: IncidentInputs, docs_href: str | None) -> str:
    """The key of the page built from `inputs` with this Data Docs link."""
    return page_key(repr((inputs, docs_href)))


@dataclass(frozen=True, slots=True)
class CachedPage:
    """A page as the cache holds it: its index line and its HTML."""

    row: IncidentRow
    html: str


def pack(row: IncidentRow, html: str) -> bytes:
    """A page as stored: its index line as JSON, a newline, its HTML; UTF-8, compressed
    (pages repeat their markup; the fastest level, since a cold run packs every page)."""
    line = json.dumps(
        [row.incident_id, row.file, row.name, row.dates, row.place, list(row.killed),
         row.claims, row.findings, row.verdict],
        ensure_ascii=True,
    )  # fmt: skip
    return zlib.compress(f"{line}\n{html}".encode(), 1)


def _row(value: Any) -> IncidentRow | None:
    """The index line a payload holds, or None when it is not one."""
    if not isinstance(value, list) or len(value) != 9:
        return None
    incident_id, file, name, dates, place, killed, claims, findings, verdict = value
    texts = (incident_id, file, name, dates, place, verdict)
    if not all(isinstance(t, str) for t in texts):
        return None
    if not (isinstance(killed, list) and len(killed) == 3):
        return None
    if not all(isinstance(k, str) for k in killed):
        return None
    counts = (claims, findings)
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts):
        return None
    return IncidentRow(
        incident_id, file, name, dates, place, (killed[0], killed[1], killed[2]), claims,
        findings, verdict,
    )  # fmt: skip


def unpack(payload: bytes) -> CachedPage | None:
    """The page a payload holds, or None for one that is not a page of this format."""
    try:
        line, _, html = zlib.decompress(payload).decode("utf-8").partition("\n")
        row = _row(json.loads(line))
    except (zlib.error, UnicodeDecodeError, ValueError):
        return None
    return None if row is None else CachedPage(row, html)


@dataclass(frozen=True, slots=True)
class PageLookup:
    """The keys of a run's pages (by incident id) and the pages the cache held."""

    keys: Mapping[str, str]
    reused: Mapping[str, CachedPage]
    """By incident id: pages to write as they are, their views not built."""


@dataclass(frozen=True, slots=True)
class PageCache:
    """Incident pages by key, in the cache folder's store."""

    folder: Path

    def lookup(self, keys: Iterable[str]) -> dict[str, CachedPage]:
        """The cached page of each key found (misses and unreadable entries left out)."""
        found: dict[str, CachedPage] = {}
        for key, payload in CacheStore(self.folder).get(keys).items():
            if (page := unpack(payload)) is not None:
                found[key] = page
        return found

    def held(self, pages: Sequence[IncidentInputs], docs_href: str | None) -> PageLookup:
        """The key of each page and the pages the cache holds for them. A page is taken
        only for its own incident and file: the cache folder may be restored from
        elsewhere, and a page's file decides where it is written."""
        keys = {p.incident_id: incident_page_key(p, docs_href) for p in pages}
        found = self.lookup(keys.values())
        files = {p.incident_id: p.file for p in pages}
        reused = {
            i: page
            for i, key in keys.items()
            if (page := found.get(key)) is not None
            and (page.row.incident_id, page.row.file) == (i, files[i])
        }
        return PageLookup(keys, reused)

    def store(self, packed: Mapping[str, bytes]) -> None:
        """Write the pages rendered this run (already `pack`ed), and drop the pages of
        other versions of the code or templates (no run of this code can hit them)."""
        store = CacheStore(self.folder)
        store.put(packed)
        store.prune(PAGES, f"{PAGES}{pages_version()}:")
