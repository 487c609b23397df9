"""Layer 3 entry point: claims against the texts they quote.

Rules never read files: the texts come from `ds.texts`, read once by the loader. Work
per article (normalising its text, extracting its statements) happens once per
article; work per claim is one literal search and, for count claims, one parse of
the quote (cached by quote text, since quotes repeat across a large dataset).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.forkpool import map_ranges
from checks.grounding import rules as R
from checks.grounding.fields import field_mismatch_findings, statements_of
from checks.grounding.outcomes import (
    ArticleOutcome,
    compute_outcomes,
    interval_text,
    uncovered_findings,
)
from checks.grounding.text import (
    Searchable,
    fold,
    locate_in,
    nearest_passage,
    nfc,
    normalise,
    searchable,
)
from checks.grounding.weekdays import weekday_findings
from checks.quantities import (
    Conventions,
    Quantity,
    Statement,
    parse_quantity,
)
from checks.quantities.batch import extract_many
from checks.structure.vocab import COUNT_FIELDS

LOCATED_COLUMNS = ("found", "start", "end")
MIN_QUOTES = 20_000
"""Fewer quotes than this are searched in the gate's process alone."""
QUOTE_CHUNK = 5_000
"""Quotes per task of the pool."""


@dataclass(frozen=True, slots=True)
class GroundingResult:
    """What layer 3 found, plus where each claim's quote sits in its article.

    `located` has the claims' index and columns found (True / False / missing when
    the article text is unavailable), start and end (offsets in the NFC text).
    `texts` maps article_id to its NFC text, for the consistency layer.
    """

    findings: list[Finding]
    located: pd.DataFrame
    texts: Mapping[str, str]
    statements: Mapping[str, tuple[Statement, ...]]
    """article_id -> what the extractor finds in its text, for the articles whose
    outcome was computed (for the cache to keep)."""
    outcomes: Mapping[str, ArticleOutcome]
    """article_id -> the outcome computed this run (not those given; for the cache)."""


def article_texts(ds: Dataset) -> dict[str, str]:
    """article_id -> NFC text, for every article whose file was read fine."""
    ok = ds.texts[ds.texts["status"].eq("ok") & ds.texts["text"].notna()]
    out: dict[str, str] = {}
    for article_id, text in zip(ok["article_id"], ok["text"], strict=True):
        if isinstance(article_id, str) and article_id not in out:
            out[article_id] = nfc(str(text))
    return out


def locate_quotes(
    frame: pd.DataFrame,
    texts: Mapping[str, str],
    jobs: int = 1,
    known: Mapping[str, ArticleOutcome] | None = None,
) -> pd.DataFrame:
    """found/start/end of each row's `quote` in the text of its `article_id`.

    The quotes of the articles of `known` (outcomes read from the cache) are looked up
    in their spans; every other row is one literal search. With `jobs` > 1 and at
    least `MIN_QUOTES` rows to search, ranges of them are searched on forked processes
    (`checks.forkpool`), with the same result.
    """
    article_ids = frame["article_id"].tolist()
    quotes = frame["quote"].tolist()
    spans = {} if known is None else {a: outcome.spans for a, outcome in known.items()}
    rows: list[tuple[bool | None, int | None, int | None]] = []
    wanted: list[int] = []
    for n, (article_id, quote) in enumerate(zip(article_ids, quotes, strict=True)):
        text = texts.get(article_id) if isinstance(article_id, str) else None
        if text is None or not isinstance(quote, str):
            rows.append((None, None, None))
            continue
        cited = spans.get(article_id)
        if cited is None or quote not in cited:  # not read back: search it
            rows.append((None, None, None))
            wanted.append(n)
            continue
        span = cited[quote]
        rows.append((False, None, None) if span is None else (True, *span))

    def search(start: int, stop: int) -> list[tuple[bool | None, int | None, int | None]]:
        out: list[tuple[bool | None, int | None, int | None]] = []
        prepared: dict[str, Searchable] = {}
        for n in wanted[start:stop]:
            article_id, quote = article_ids[n], quotes[n]
            if article_id not in prepared:
                prepared[article_id] = searchable(fold(texts[article_id]))
            where = locate_in(prepared[article_id], quote)
            out.append((False, None, None) if where is None else (True, where.start, where.end))
        return out

    searched = map_ranges(search, len(wanted), jobs, QUOTE_CHUNK, least=MIN_QUOTES)
    for n, row in zip(wanted, searched, strict=True):
        rows[n] = row
    return pd.DataFrame(
        {
            "found": pd.Series([row[0] for row in rows], dtype="boolean", index=frame.index),
            "start": pd.Series([row[1] for row in rows], dtype="Int64", index=frame.index),
            "end": pd.Series([row[2] for row in rows], dtype="Int64", index=frame.index),
        },
        index=frame.index,
    )


def article_statements(
    texts: Mapping[str, str],
    conventions: Conventions,
    known: Mapping[str, tuple[Statement, ...]] | None = None,
    jobs: int = 1,
) -> dict[str, tuple[Statement, ...]]:
    """What the extractor finds in each text; `known` ones (from the cache) are reused,
    the others read on up to `jobs` processes."""
    known = known or {}
    missing = {key: text for key, text in texts.items() if key not in known}
    read = extract_many(missing, conventions, jobs)
    return {key: known[key] if key in known else read[key] for key in texts}


def check_grounding(
    ds: Dataset,
    typed: Mapping[str, pd.DataFrame],
    conventions: Conventions,
    texts: Mapping[str, str] | None = None,
    known_statements: Mapping[str, tuple[Statement, ...]] | None = None,
    jobs: int = 1,
    known_outcomes: Mapping[str, ArticleOutcome] | None = None,
) -> GroundingResult:
    """Run every grounding rule on `ds` (typed tables from the structure layer).

    `texts` (from `article_texts`), `known_outcomes` (the outcomes of some articles,
    from the cache: their quotes are not searched again nor their statements needed)
    and `known_statements` (statements of some other texts, from the cache) spare work
    the caller has already done; `jobs` is how many processes may read the other texts.
    The findings are the same either way.
    """
    claims = typed["claims"]
    exclusions = ds.tables["exclusions"]
    if texts is None:
        texts = article_texts(ds)
    known_outcomes = known_outcomes or {}
    fresh = {key: text for key, text in texts.items() if key not in known_outcomes}
    statements = article_statements(fresh, conventions, known_statements, jobs)
    located = locate_quotes(claims, texts, jobs, known_outcomes)
    excluded_at = locate_quotes(exclusions, texts, 1, known_outcomes)
    computed = compute_outcomes(fresh, statements, claims, located, exclusions, excluded_at)
    outcomes = {**known_outcomes, **computed}
    findings = _quote_not_found(ds, claims, located, texts)
    findings += _figure_mismatch(ds, claims, conventions)
    findings += field_mismatch_findings(ds, claims, conventions)
    findings += uncovered_findings(ds, texts, outcomes, excluded_at)
    findings += weekday_findings(ds, texts)
    return GroundingResult(
        findings=findings,
        located=located,
        texts=texts,
        statements=statements,
        outcomes=computed,
    )


def _quote_not_found(
    ds: Dataset, claims: pd.DataFrame, located: pd.DataFrame, texts: Mapping[str, str]
) -> list[Finding]:
    missing = located["found"].eq(False).fillna(False).astype(bool)
    bad = claims[missing]
    messages: list[str] = []
    evidence: list[dict[str, Any]] = []
    for article_id, quote in zip(bad["article_id"], bad["quote"], strict=True):
        near = nearest_passage(texts[article_id], quote)
        hint = (
            "" if near is None else f"; nearest passage ({near.similarity:.0%}): {near.passage!r}"
        )
        messages.append(f"quote {quote!r} is not in article {article_id}{hint}")
        evidence.append(
            {
                "article_id": article_id,
                "quote": quote,
                "normalised_quote": normalise(quote),
                "nearest_passage": None if near is None else near.passage,
                "similarity": None if near is None else near.similarity,
            }
        )
    return row_findings(
        R.QUOTE_NOT_FOUND, "claims", ds.files["claims"], bad, messages, ("quote",), evidence
    )


@lru_cache(maxsize=65536)
def quote_reading(quote: str, field: str, conventions: Conventions) -> Quantity | None:
    """The quantity a quote states for `field`: what grounding.figure-mismatch compares
    a claim's figure with (and the accuracy bench measures on real quotes).

    The statement extractor's reading for the same field wins (it knows "a fighter who
    was killed" is one, and which number of "two of the seven attackers" is the
    count); otherwise the first hedged quantity of the quote.
    """
    for statement in statements_of(quote, conventions):
        if statement.field == field:
            return statement.quantity
    return parse_quantity(quote, conventions)


def _figure_mismatch(ds: Dataset, claims: pd.DataFrame, conventions: Conventions) -> list[Finding]:
    """Count claims whose quote reads as another interval (or as none).

    Each distinct (quote, field) is parsed once, the readings are merged back onto the
    claims and compared column by column; only the claims that differ are worded.
    """
    counts = claims[
        claims["field"].isin(COUNT_FIELDS)
        & claims["qualifier"].notna()
        & claims["low"].notna()
        & claims["quote"].notna()
    ]
    kind = counts["kind"] if "kind" in counts else pd.Series(pd.NA, index=counts.index)
    increment = kind.astype("string").eq("increment").fillna(False).astype(bool)
    pairs = counts[["quote", "field"]].astype(str).drop_duplicates()
    parsed = [
        quote_reading(quote, field, conventions)
        for quote, field in zip(pairs["quote"], pairs["field"], strict=True)
    ]
    readings = pairs.assign(
        reading=pd.Series(parsed, index=pairs.index, dtype=object),
        r_qualifier=pd.Series(
            [None if r is None else r.qualifier.value for r in parsed], index=pairs.index
        ),
        r_low=pd.array([None if r is None else r.low for r in parsed], dtype="Int64"),
        r_high=pd.array([None if r is None else r.high for r in parsed], dtype="Int64"),
        r_increment=[r is not None and r.increment for r in parsed],
    )
    merged = (
        counts[["quote", "field"]]
        .astype(str)
        .reset_index(drop=True)
        .merge(readings, on=["quote", "field"], how="left", validate="many_to_one")
    )
    merged.index = counts.index
    low = counts["low"].astype("Int64")
    high = counts["high"].astype("Int64")
    same_high = (merged["r_high"] == high).fillna(False) | (merged["r_high"].isna() & high.isna())
    same = (
        merged["reading"].notna()
        & merged["r_qualifier"].eq(counts["qualifier"].astype(object)).fillna(False)
        & (merged["r_low"] == low).fillna(False)
        & same_high
        & merged["r_increment"].eq(increment)
    )
    bad = counts[~same.astype(bool)]
    messages: list[str] = []
    evidence: list[dict[str, Any]] = []
    for quote, qualifier, low_cell, high_cell, claim_kind, is_increment, reading in zip(
        bad["quote"],
        bad["qualifier"],
        bad["low"],
        bad["high"],
        kind[bad.index],
        increment[bad.index],
        merged.loc[bad.index, "reading"],
        strict=True,
    ):
        claimed = interval_text(qualifier, low_cell, high_cell)
        if not isinstance(reading, Quantity):
            messages.append(f"quote {quote!r} states no quantity; the claim says {claimed}")
            evidence.append({"quote": quote, "claim": claimed, "parsed": None})
            continue
        shown = interval_text(reading.qualifier.value, reading.low, reading.high)
        if reading.increment != is_increment:
            what = "an increment" if reading.increment else "a total"
            shown += f" ({what}; kind is {show(claim_kind)})"
        messages.append(f"quote {quote!r} reads as {shown}, the claim says {claimed}")
        evidence.append(
            {
                "quote": quote,
                "claim": {
                    "qualifier": qualifier,
                    "low": int(low_cell),
                    "high": None if pd.isna(high_cell) else int(high_cell),
                    "increment": bool(is_increment),
                },
                "parsed": reading.to_json(),
            }
        )
    return row_findings(
        R.FIGURE_MISMATCH,
        "claims",
        ds.files["claims"],
        bad,
        messages,
        ("quote", "qualifier", "low", "high", "kind"),
        evidence,
    )
