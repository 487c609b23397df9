"""What grounding derives from one article: where its quotes sit, what it leaves uncovered.

For each article grounding locates every quote cited from it (claims' and exclusions')
and finds the statements of its text that no found claim of the same field and no
found exclusion overlaps. Both depend on the article's text, the (field, quote) pairs
of its claims and the quotes of its exclusions, and on nothing else in the dataset:
that is what lets the cache (`checks.cache.outcomes`) keep them per article, so that a
pull request editing a few claims recomputes only the articles those claims cite.

The computation is the one `grounding.uncovered-statement` always made (two merges on
the article, and field, and an overlap test), run on the articles the cache does not
hold; `uncovered_findings` then words the findings of every article from the outcomes,
in the same order whether an outcome was computed or read back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.grounding import rules as R
from checks.membership import isin
from checks.quantities import Statement

Span = tuple[int, int] | None
"""[start, end) of a quote in its article's NFC text; None when the text does not hold it."""


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """Grounding's work on one article, as the cache keeps it."""

    spans: Mapping[str, Span]
    """Every quote cited from the article (by a claim or an exclusion) -> where it is."""
    uncovered: tuple[Statement, ...]
    """Statements no claim of their field and no exclusion overlaps, in text order."""
    used: frozenset[str]
    """The exclusion quotes that cover at least one statement no claim covers."""


def _found(located: pd.DataFrame) -> pd.Series:
    """The rows whose quote was found (a missing `found`, no text to search, is not)."""
    return located["found"].eq(True).fillna(False).astype(bool)


def _overlapping(said: pd.DataFrame, spans: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    """Pairs of a statement (`said`'s position, as column "said") and a span of `spans`
    (start, end) that share the `on` columns and overlap."""
    pairs = said.rename_axis("said").reset_index().merge(spans, on=on)
    return pairs[(pairs["start"] < pairs["hi"]) & (pairs["end"] > pairs["lo"])]


def _spans(frame: pd.DataFrame, located: pd.DataFrame) -> dict[str, dict[str, Span]]:
    """article_id -> quote -> span, for the rows of `frame` whose text was searched."""
    searched = located["found"].notna()
    rows = frame[searched]
    out: dict[str, dict[str, Span]] = {}
    for article_id, quote, found, start, end in zip(
        rows["article_id"].tolist(),
        rows["quote"].tolist(),
        located.loc[searched, "found"].tolist(),
        located.loc[searched, "start"].tolist(),
        located.loc[searched, "end"].tolist(),
        strict=True,
    ):
        out.setdefault(article_id, {})[quote] = (int(start), int(end)) if found else None
    return out


def compute_outcomes(
    texts: Mapping[str, str],
    statements: Mapping[str, tuple[Statement, ...]],
    claims: pd.DataFrame,
    located: pd.DataFrame,
    exclusions: pd.DataFrame,
    excluded_at: pd.DataFrame,
) -> dict[str, ArticleOutcome]:
    """The outcome of each article of `texts` (the ones to compute), from its statements,
    the claims and exclusions with where their quotes were found (`located`,
    `excluded_at`: found/start/end, same index). Rows citing other articles are ignored.

    A statement is claimed when a found quote of the same article and field overlaps
    it, excluded when a found exclusion of the article overlaps it: two merges and an
    overlap test, not a search per statement.
    """
    kept = [(a, found) for a in texts for found in statements[a]]
    said = pd.DataFrame(
        {
            "article_id": pd.array([a for a, _ in kept], dtype="str"),
            "field": pd.array([found.field for _, found in kept], dtype="str"),
            "lo": pd.array([found.start for _, found in kept], dtype="int64"),
            "hi": pd.array([found.end for _, found in kept], dtype="int64"),
        }
    )
    own = isin(claims["article_id"], texts).fillna(False).astype(bool)
    claim_rows, claim_at = claims[own], located[own]
    spans = pd.concat([claim_rows[["article_id", "field"]], claim_at], axis=1)
    spans = spans[_found(spans)]
    claimed = _overlapping(said, spans, ["article_id", "field"])
    rest = said[~said.index.isin(claimed["said"])]

    mine = isin(exclusions["article_id"], texts).fillna(False).astype(bool)
    exclusion_rows, exclusion_at = exclusions[mine], excluded_at[mine]
    excluding = pd.concat([exclusion_rows[["article_id", "quote"]], exclusion_at], axis=1)
    excluding = excluding[_found(excluding)]
    excluded = _overlapping(rest, excluding.reset_index(drop=True), ["article_id"])
    uncovered = rest[~rest.index.isin(excluded["said"])]

    left: dict[str, list[Statement]] = {}
    for position in uncovered.index:
        article_id, statement = kept[position]
        left.setdefault(article_id, []).append(statement)
    used: dict[str, set[str]] = {}
    for article_id, quote in zip(
        excluded["article_id"].tolist(), excluded["quote"].tolist(), strict=True
    ):
        used.setdefault(article_id, set()).add(quote)
    where = _spans(claim_rows, claim_at)
    for article_id, found in _spans(exclusion_rows, exclusion_at).items():
        where.setdefault(article_id, {}).update(found)
    return {
        article_id: ArticleOutcome(
            spans=where.get(article_id, {}),
            uncovered=tuple(left.get(article_id, ())),
            used=frozenset(used.get(article_id, ())),
        )
        for article_id in texts
    }


def interval_text(qualifier: object, low: object, high: object) -> str:
    """A claim's or reading's interval as findings word it: "at least [60, open]"."""
    high_text = "open" if high is None or high is pd.NA else show(high)
    return f"{qualifier} [{show(low)}, {high_text}]"


def uncovered_findings(
    ds: Dataset,
    texts: Mapping[str, str],
    outcomes: Mapping[str, ArticleOutcome],
    excluded_at: pd.DataFrame,
) -> list[Finding]:
    """Statements neither claimed nor excluded (warnings), and exclusions that match
    nothing, worded from every article's outcome (articles in `texts` order)."""
    articles = ds.tables["articles"]
    first_row = articles.drop_duplicates("article_id")
    row_of = dict(zip(first_row["article_id"].tolist(), first_row.index.tolist(), strict=True))
    rows: list[object] = []
    messages: list[str] = []
    evidence: list[dict[str, Any]] = []
    for article_id in texts:
        if article_id not in row_of:
            continue
        for statement in outcomes[article_id].uncovered:
            q = statement.quantity
            reading = interval_text(q.qualifier.value, q.low, q.high)
            rows.append(row_of[article_id])
            messages.append(
                f"article {article_id} states {statement.field} {reading} in "
                f"{statement.quote!r} (sentence: {statement.sentence!r}); add a claim, or "
                "list it in exclusions.csv with a reason"
            )
            evidence.append({"article_id": article_id, **statement.to_json()})
    findings = row_findings(
        R.UNCOVERED_STATEMENT,
        "articles",
        ds.files["articles"],
        articles.loc[rows],
        messages,
        ("article_id",),
        evidence,
    )

    exclusions = ds.tables["exclusions"]
    found = excluded_at["found"].tolist()
    is_used = [
        found_cell is True and isinstance(article_id, str) and article_id in outcomes
        and quote in outcomes[article_id].used
        for article_id, quote, found_cell in zip(
            exclusions["article_id"].tolist(), exclusions["quote"].tolist(), found, strict=True
        )
    ]  # fmt: skip
    unused = exclusions[~np.array(is_used, dtype=bool)]
    unused_found = excluded_at.loc[unused.index, "found"]
    findings += row_findings(
        R.EXCLUSION_UNUSED,
        "exclusions",
        ds.files["exclusions"],
        unused,
        (
            f"exclusion {quote!r} of article {article_id} "
            + (
                "covers no statement the extractor finds there"
                if found_cell is True
                else "names an article whose text is unavailable"
                if found_cell is pd.NA
                else "is not in the article's text"
            )
            for article_id, quote, found_cell in zip(
                unused["article_id"], unused["quote"], unused_found, strict=True
            )
        ),
        ("quote",),
        (
            {"article_id": a, "quote": q}
            for a, q in zip(unused["article_id"], unused["quote"], strict=True)
        ),
    )
    return findings
