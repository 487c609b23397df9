"""Claim intervals widened by tolerance, and which claims of different articles disagree.

Everything here is whole-column arithmetic, groupby and merge: no Python loop over
claims, so it runs unchanged on a million of them. Two claims agree when their
widened intervals intersect; a set of intervals on a line pairwise intersect exactly
when the largest low is <= the smallest high, so one groupby finds the groups that
fail, and a top-two-articles table names, for each failing claim, the claim of
another article that contradicts it most.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from checks.rulesfile import Rules
from checks.structure.vocab import COUNT_FIELDS

GROUP = ["incident_id", "field"]


def total_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Count claims that state a total (kind is not 'increment') with a usable low."""
    kind = claims["kind"] if "kind" in claims else pd.Series(pd.NA, index=claims.index)
    keep = (
        claims["field"].isin(COUNT_FIELDS)
        & claims["low"].notna()
        & claims["incident_id"].notna()
        & claims["article_id"].notna()
        & ~kind.eq("increment").fillna(False).astype(bool)
    )
    return claims[keep.astype(bool)]


def widen(claims: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Add low_w / high_w (float; open high = +inf) and the tolerance used, per claim.

    widen(bound) = max(absolute, relative * bound) of the field's tolerance.
    """
    fields = claims["field"].astype(object)
    names = pd.unique(fields)
    absolute = fields.map({f: rules.tolerance(str(f)).absolute for f in names}).astype(float)
    relative = fields.map({f: rules.tolerance(str(f)).relative for f in names}).astype(float)
    low = claims["low"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    high = claims["high"].astype("Float64").to_numpy(dtype=float, na_value=np.inf)
    abs_np, rel_np = absolute.to_numpy(), relative.to_numpy()
    out = claims.copy()
    out["low_w"] = low - np.maximum(abs_np, rel_np * low)
    with np.errstate(invalid="ignore"):
        out["high_w"] = np.where(
            np.isinf(high),
            np.inf,
            high + np.maximum(abs_np, rel_np * np.where(np.isinf(high), 0, high)),
        )
    out["tol_absolute"] = abs_np
    out["tol_relative"] = rel_np
    return out


def _top_two(frame: pd.DataFrame, value: str, ascending: bool) -> pd.DataFrame:
    """Per group (`number`, the group's number): the extreme claim of the most extreme
    article, and of the runner-up article (a different one). Ties break on claim_id, so
    row order never matters."""
    ordered = frame.sort_values(
        ["number", value, "claim_id"], ascending=[True, ascending, True], kind="stable"
    )
    per_article = ordered.drop_duplicates(["number", "article_id"])
    top = per_article.groupby("number", sort=False).head(2).copy()
    top["rank"] = top.groupby("number", sort=False).cumcount()
    top["row"] = top.index
    first = top[top["rank"] == 0].set_index("number")[["article_id", value, "row"]]
    second = top[top["rank"] == 1].set_index("number")[["article_id", value, "row"]]
    first = first.add_suffix("_1")
    second = second.add_suffix("_2")
    return first.join(second, how="left")


def disagreements(widened: pd.DataFrame, pool: pd.Series | None = None) -> pd.DataFrame:
    """Claims contradicted by a claim of another article of the same incident and field.

    `widened` needs incident_id, field, article_id, claim_id, low_w, high_w. `pool`
    (a boolean mask over `widened`, default all) limits which claims may contradict:
    a reviewed dispute checks its claims against the claims it does not cover. Returns
    one row per contradicted claim (index = its index in `widened`) with `partner`, the
    index of the pool claim of another article that contradicts it most, and `side`
    ('above': the partner's low is above this claim's high; 'below': the reverse).
    """
    empty = pd.DataFrame({"partner": [], "side": []})
    if widened.empty:
        return empty
    if pool is not None and not pool.to_numpy(dtype=bool).any():
        return empty
    # the two text keys are factorized once; every step below groups, sorts and matches
    # on the group's number, which orders rows as the (incident_id, field) pairs would
    work = widened[["article_id", "claim_id", "low_w", "high_w"]].assign(
        number=widened.groupby(GROUP, sort=True).ngroup().to_numpy()
    )
    candidates = work if pool is None else work[pool.to_numpy(dtype=bool)]
    stats = candidates.groupby("number", sort=False).agg(
        pool_low=("low_w", "max"), pool_high=("high_w", "min")
    )
    keyed = work[["number", "article_id", "low_w", "high_w"]].join(stats, on="number")
    failing = (keyed["pool_low"] > keyed["high_w"]) | (keyed["pool_high"] < keyed["low_w"])
    sub = keyed[failing.fillna(False).astype(bool).to_numpy()]
    if sub.empty:
        return empty
    candidates = candidates[candidates["number"].isin(sub["number"]).to_numpy()]
    highest_low = _top_two(candidates, "low_w", ascending=False)
    lowest_high = _top_two(candidates, "high_w", ascending=True)
    keyed = sub[["number", "article_id", "low_w", "high_w"]].copy()
    keyed["row"] = keyed.index
    keyed = keyed.merge(highest_low, left_on="number", right_index=True, how="left")
    keyed = keyed.merge(
        lowest_high, left_on="number", right_index=True, how="left", suffixes=("", "_h")
    )
    own_top = keyed["article_id"] == keyed["article_id_1"]
    other_low = keyed["low_w_1"].where(~own_top, keyed["low_w_2"])
    other_low_row = keyed["row_1"].where(~own_top, keyed["row_2"])
    own_bottom = keyed["article_id"] == keyed["article_id_1_h"]
    other_high = keyed["high_w_1"].where(~own_bottom, keyed["high_w_2"])
    other_high_row = keyed["row_1_h"].where(~own_bottom, keyed["row_2_h"])
    above = (other_low > keyed["high_w"]).fillna(False).astype(bool)
    below = (other_high < keyed["low_w"]).fillna(False).astype(bool)
    result = pd.DataFrame(
        {
            "partner": other_low_row.where(above, other_high_row),
            "side": np.where(above, "above", "below"),
        },
        index=keyed["row"].to_numpy(),
    )
    return result[(above | below).to_numpy()]


def stated_figure(claims: pd.DataFrame) -> pd.Series:
    """The figure a source states, as the smallest count consistent with its words.

    "61" and "at least 61" state 61, "more than 60" 61, "about 45" its centre 45,
    "up to 2,000" and "nearly 200" their upper figure (2,000; 199), a range or "dozens"
    its low end. The most conservative figure the sources state (ACLED) is the smallest.
    """
    low = claims["low"].astype("Float64")
    high = claims["high"].astype("Float64")
    qualifier = claims["qualifier"]
    centre = ((low + high) / 2).round()
    approximate = qualifier.eq("approximately").fillna(False).astype(bool) & high.notna()
    capped = qualifier.isin(("at_most", "fewer_than", "nearly")).fillna(False).astype(bool)
    return low.where(~approximate, centre).where(~(capped & high.notna()), high)


def consensus(widened: pd.DataFrame) -> pd.DataFrame:
    """Per (incident_id, field): the intersection [low, high] of the widened intervals,
    the number of claims and of distinct stated intervals, and the conservative figure.

    The conservative figure is the smallest figure a source states (`stated_figure`)
    that lies inside the consensus; missing when none does, since a best no article
    printed is never suggested. `widened`'s keys are present (`total_claims`).
    """
    frame = widened[[*GROUP, "claim_id", "qualifier", "low", "high", "low_w", "high_w"]]
    # the two text keys are factorized once: every later step groups by the integer
    # group number (ngroup follows the sorted group order of the result's index)
    groups = frame.groupby(GROUP, sort=True)
    number = groups.ngroup().to_numpy()
    low = groups["low_w"].max()
    high = groups["high_w"].min().to_numpy()
    # the conservative figure is one a source states: the smallest inside the consensus
    figure = stated_figure(frame).to_numpy(dtype=float, na_value=np.nan)
    inside = (figure >= low.to_numpy()[number]) & (figure <= high[number])
    stated_inside = pd.Series(np.where(inside, figure, np.nan)).groupby(number).min()
    # distinct stated intervals: (qualifier, low, high) with a missing qualifier counted
    # as "-" (as the shape text "qualifier|low|high" did), missing low/high equal
    stated = pd.DataFrame(
        {
            "number": number,
            "low": frame["low"].array,
            "high": frame["high"].array,
            "q": frame["qualifier"].fillna("-").array,
        }
    )
    shapes = stated.drop_duplicates().groupby("number").size()
    return pd.DataFrame(
        {
            "low": low.to_numpy(),
            "high": high,
            "claims": groups.size().to_numpy(),
            "shapes": shapes.reindex(range(len(low))).to_numpy(),
            "conservative": stated_inside.reindex(range(len(low))).to_numpy(),
        },
        index=low.index,
    )
