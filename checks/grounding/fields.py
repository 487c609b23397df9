"""The quote's own wording must name the claim's field.

"wounding at least 117" recorded as killed passes the figure check (117 is in the
quote) but counts the wrong people. The extractor reads which field a quote's wording
states ("killed", "martyred" -> killed; "wounded", "sustained injuries" -> injured;
"arrested" -> arrested ...); when it reads the claim's very figure in the quote, but
only under a field of another kind, the claim is filed under the wrong field.

Fields are compared by kind, not name: deaths (killed, attackers_killed), injuries,
captures (arrested, attackers_captured) and attackers' numbers. "killed three
assailants" is a death of attackers, recorded as attackers_killed, not a mismatch.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding
from checks.grounding import rules as R
from checks.quantities import Conventions, Statement, extract_statements
from checks.structure.vocab import COUNT_FIELDS

KIND_OF_FIELD = {
    "killed": "deaths",
    "attackers_killed": "deaths",
    "injured": "injuries",
    "arrested": "captures",
    "attackers_captured": "captures",
    "attackers": "attackers",
}


@lru_cache(maxsize=65536)
def statements_of(quote: str, conventions: Conventions) -> tuple[Statement, ...]:
    """What the extractor reads in a quote (cached: quotes repeat across a dataset)."""
    return tuple(extract_statements(quote, conventions))


def quote_readings(quotes: pd.Series, conventions: Conventions) -> pd.DataFrame:
    """One row per (quote, statement the extractor reads in it): quote, s_field, s_low,
    s_high (Float64, missing = open). Parsing runs once per distinct quote."""
    rows = [
        (quote, s.field, s.quantity.low, s.quantity.high)
        for quote in pd.unique(quotes.dropna())
        if isinstance(quote, str)
        for s in statements_of(quote, conventions)
    ]
    frame = pd.DataFrame(rows, columns=["quote", "s_field", "s_low", "s_high"])
    return frame.astype({"s_low": "Float64", "s_high": "Float64"})


def field_mismatch_findings(
    ds: Dataset, claims: pd.DataFrame, conventions: Conventions
) -> list[Finding]:
    """Claims whose figure the quote states only under a field of another kind."""
    counts = claims[
        claims["field"].isin(COUNT_FIELDS) & claims["low"].notna() & claims["quote"].notna()
    ]
    if counts.empty:
        return []
    readings = quote_readings(counts["quote"], conventions)
    if readings.empty:
        return []
    keyed = counts[["quote", "field", "low", "high"]].assign(row=counts.index)
    pairs = keyed.merge(readings, on="quote")
    high = pairs["high"].astype("Float64")
    same_figure = (pairs["s_low"] == pairs["low"].astype("Float64")) & (
        (pairs["s_high"] == high) | (pairs["s_high"].isna() & high.isna())
    )
    pairs = pairs[same_figure.fillna(False).astype(bool).to_numpy()]
    kind = pairs["field"].map(KIND_OF_FIELD)
    said = pairs["s_field"].map(KIND_OF_FIELD)
    pairs = pairs.assign(agrees=(kind == said).fillna(False).astype(bool))
    verdict = pairs.groupby("row")["agrees"].any()
    wrong = verdict.index[~verdict.to_numpy()]
    if len(wrong) == 0:
        return []
    named = pairs[pairs["row"].isin(wrong)].groupby("row")["s_field"].agg(lambda s: sorted(set(s)))
    rows = claims.loc[sorted(wrong)]
    fields = [named[i] for i in rows.index]
    return row_findings(
        R.FIELD_MISMATCH,
        "claims",
        ds.files["claims"],
        rows,
        (
            f"claim {c} is recorded as {f}, but its quote {q!r} states this figure as "
            f"{' / '.join(s)}: the quote's wording names another field"
            for c, f, q, s in zip(
                rows["claim_id"], rows["field"], rows["quote"], fields, strict=True
            )
        ),
        ("field", "quote"),
        (
            {"claim_id": c, "field": f, "quote": q, "quote_fields": s}
            for c, f, q, s in zip(
                rows["claim_id"], rows["field"], rows["quote"], fields, strict=True
            )
        ),
    )
