"""Grounding's outcome per article (`checks.grounding.outcomes`), through the cache.

With the statement cache alone, a pull request that edits ten claims still decoded the
statements of all 201,500 texts of the 100,000-incident benchmark and searched all
1,001,000 quotes again, to find the same spans and the same uncovered statements. An
article's outcome depends only on its text, the (field, quote) pairs its claims cite
and the quotes of its exclusions, so it is kept under exactly those (with the gate's
version and the conventions, `keys.outcome_key`): an article nobody touched is a hit,
and only the articles whose text or citations changed are worked out again.

The key holds a sha256 of the citations, not the citations themselves: `Cited` lists
an article's quotes in file order, and the payload stores the spans in that order, so
the quotes are not written twice. Payloads are JSON checked on the way in
(every span inside the text, every index in range); anything else is a miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from checks.cache.codec import statement_from_row, statement_row
from checks.cache.keys import (
    OUTCOMES,
    conventions_key,
    outcome_key,
    outcomes_prefix,
    outcomes_version,
)
from checks.cache.lookup import Lookup, look_up
from checks.cache.store import CacheStore
from checks.grounding.outcomes import ArticleOutcome, Span
from checks.quantities import Conventions

FORMAT = 1
_NONE = -1
"""A span's start and end when the quote is not in the text."""
_INT = frozenset({int})
"""`type`, not `isinstance`: True is not a position."""


@dataclass(frozen=True, slots=True)
class Cited:
    """What an article's outcome depends on besides its text."""

    quotes: tuple[str, ...]
    """The quotes cited from the article: its claims', then its exclusions', each in
    file order (a quote cited twice is listed twice)."""
    digest: str
    """sha256 of the claims' fields and quotes and the exclusions' quotes."""


def _runs(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[list[Any]]]:
    """article_id -> the values of `columns` of its rows, in file order, for the rows
    whose article_id and quote are strings (the only ones grounding searches).

    One stable sort of the article codes and one pass over the run boundaries: no
    Python work per row beyond `tolist`."""
    article = frame["article_id"].astype("string")
    keep = (article.notna() & frame["quote"].astype("string").notna()).to_numpy(bool)
    codes, names = pd.factorize(article[keep])
    order = np.argsort(codes, kind="stable")
    values = [frame.loc[keep, column].astype("object").iloc[order].tolist() for column in columns]
    if not len(order):
        return {}
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    starts, stops = [0, *bounds.tolist()], [*bounds.tolist(), len(order)]
    first = codes[order][starts].tolist()
    labels = names.tolist()
    return {
        str(labels[code]): [column[start:stop] for column in values]
        for code, start, stop in zip(first, starts, stops, strict=True)
    }


def cited_by_article(
    claims: pd.DataFrame, exclusions: pd.DataFrame, articles: Mapping[str, str]
) -> dict[str, Cited]:
    """The citations of each article of `articles` (article_id -> text): its claims'
    fields and quotes and its exclusions' quotes, in file order.

    In file order, not as a set: sorting a million quotes per run cost more than the
    rare miss it would save (a reordered claims table misses and is worked out again,
    never read back wrong). The digest is the sha256 of their `repr`, which quotes and
    escapes every string, so no two citation lists print the same."""
    claimed = _runs(claims, ["field", "quote"])
    excluded = _runs(exclusions, ["quote"])
    out: dict[str, Cited] = {}
    for article_id in articles:
        fields, quotes = claimed.get(article_id, ([], []))
        (excluded_quotes,) = excluded.get(article_id, ([],))
        fields = [f if isinstance(f, str) else None for f in fields]
        body = repr([fields, quotes, excluded_quotes])
        out[article_id] = Cited(
            quotes=(*quotes, *excluded_quotes),
            digest=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        )
    return out


def encode_outcome(outcome: ArticleOutcome, cited: Cited) -> bytes:
    """Spans in the order of `cited.quotes`, the uncovered statements, the indices of
    the used exclusion quotes."""
    spans: list[int] = []
    for quote in cited.quotes:
        span = outcome.spans[quote]
        spans += [_NONE, _NONE] if span is None else list(span)
    used = [n for n, quote in enumerate(cited.quotes) if quote in outcome.used]
    body = [FORMAT, spans, [statement_row(s) for s in outcome.uncovered], used]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_outcome(payload: bytes, cited: Cited, text_length: int) -> ArticleOutcome:
    """What `encode_outcome` wrote for these citations of a text this long; ValueError
    for anything else."""
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a cache entry: {exc}") from None
    if not (type(data) is list and len(data) == 4 and data[0] == FORMAT):
        raise ValueError("not an outcome entry of this format")
    _, flat, rows, used = data
    quotes = cited.quotes
    if (
        type(flat) is not list
        or len(flat) != 2 * len(quotes)
        or not set(map(type, flat)) <= _INT
        or type(rows) is not list
        or type(used) is not list
        or not set(map(type, used)) <= _INT
    ):
        raise ValueError("the spans do not match the article's quotes")
    spans: dict[str, Span] = {}
    for quote, start, end in zip(quotes, flat[0::2], flat[1::2], strict=True):
        span: Span
        if 0 <= start <= end <= text_length:
            span = (start, end)
        elif start == end == _NONE:
            span = None
        else:
            raise ValueError("a span lies outside the text")
        if spans.setdefault(quote, span) != span:
            raise ValueError("a quote cited twice has two spans")
    if used and not 0 <= min(used) <= max(used) < len(quotes):
        raise ValueError("a used exclusion is not one of the article's quotes")
    uncovered = tuple(statement_from_row(row) for row in rows)
    if any(s.end > text_length for s in uncovered):
        raise ValueError("a statement lies outside the text")
    return ArticleOutcome(spans, uncovered, frozenset(quotes[n] for n in used))


@dataclass(frozen=True, slots=True)
class OutcomeLookup:
    """The outcomes found, and the citations of every article asked for (to store the
    outcomes worked out for the others under the same keys)."""

    entries: Lookup[ArticleOutcome]
    cited: dict[str, Cited]

    @property
    def found(self) -> dict[str, ArticleOutcome]:
        return self.entries.found

    @property
    def hits(self) -> int:
        return self.entries.hits


@dataclass(frozen=True, slots=True)
class OutcomeCache:
    """Grounding outcomes by article text and citations, for one set of conventions."""

    folder: Path
    conventions: Conventions

    def lookup(
        self,
        texts: Mapping[str, str],
        digests: Mapping[str, str],
        claims: pd.DataFrame,
        exclusions: pd.DataFrame,
    ) -> OutcomeLookup:
        """The cached outcome of each article of `texts` (`digests`: their sha256)."""
        cited = cited_by_article(claims, exclusions, texts)
        version = outcomes_version(conventions_key(self.conventions))
        keys = {a: outcome_key(version, digests[a], cited[a].digest) for a in texts}
        entries = look_up(
            self.folder,
            keys,
            lambda article_id, payload: decode_outcome(
                payload, cited[article_id], len(texts[article_id])
            ),
        )
        return OutcomeLookup(entries=entries, cited=cited)

    def store(self, computed: Mapping[str, ArticleOutcome], looked_up: OutcomeLookup) -> None:
        """Write the outcomes computed for the articles `looked_up` missed, and drop the
        entries of other versions of the code (they can never be hit again)."""
        entries: dict[str, bytes] = {}
        for article_id, outcome in computed.items():
            if article_id in looked_up.found or article_id not in looked_up.entries.keys:
                continue
            key = looked_up.entries.keys[article_id]
            entries[key] = _encoded(outcome, looked_up.cited[article_id])
        store = CacheStore(self.folder)
        store.put({key: payload for key, payload in entries.items() if payload})
        store.prune(OUTCOMES, outcomes_prefix())


def _encoded(outcome: ArticleOutcome, cited: Cited) -> bytes:
    """The payload, or nothing when the outcome does not fit the citations (a quote
    searched that the key does not name: never stored, so never read back wrong)."""
    if set(outcome.spans) != set(cited.quotes):
        return b""
    return encode_outcome(outcome, cited)
