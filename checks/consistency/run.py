"""Layer 4 entry point: claims against each other and against the incident rows.

Every rule selects the failing rows with whole-table operations (groupby, merge,
merge_asof); Python only runs over the findings when their messages are written.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from checks.consistency import actors as A
from checks.consistency import dates as D
from checks.consistency import rules as R
from checks.consistency.intervals import GROUP, consensus, disagreements, total_claims, widen
from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.structure.dates import published_range

INCIDENT_FIELDS = ("killed", "injured")


def check_consistency(
    ds: Dataset,
    typed: Mapping[str, pd.DataFrame],
    located: pd.DataFrame,
    texts: Mapping[str, str],
) -> list[Finding]:
    """Run every consistency rule. `located` / `texts` come from the grounding layer."""
    claims, incidents = typed["claims"], typed["incidents"]
    incidents = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    widened = widen(total_claims(claims), ds.rules)
    disagree = disagreements(widened)
    findings = _claims_disagree(ds, widened, disagree)
    findings += _outside_consensus(ds, widened, disagree, typed["incidents"])
    published = _published(typed["articles"])
    findings += _later_lower(ds, widened, published)
    findings += _article_before_incident(ds, claims, published, incidents)
    findings += _relative_dates(ds, claims, located, texts, published, incidents)
    findings += _actors(ds, claims, incidents, typed["actors"])
    return findings


# --- numbers -----------------------------------------------------------------------


def _num(value: object) -> float | int | None:
    """A bound for JSON evidence: None for an open (infinite) or missing one."""
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    if math.isinf(number) or math.isnan(number):
        return None
    return int(number) if number.is_integer() else round(number, 3)


def _bounds(low: object, high: object) -> str:
    hi = _num(high)
    return f"[{_num(low)}, {'open' if hi is None else hi}]"


def _claim_evidence(row: pd.Series) -> dict[str, Any]:
    return {
        "claim_id": row["claim_id"],
        "article_id": row["article_id"],
        "quote": row["quote"],
        "qualifier": row["qualifier"],
        "low": _num(row["low"]),
        "high": _num(row["high"]),
        "widened": [_num(row["low_w"]), _num(row["high_w"])],
    }


def _tolerance(row: pd.Series) -> dict[str, float]:
    return {"absolute": float(row["tol_absolute"]), "relative": float(row["tol_relative"])}


def _say(row: pd.Series, article: bool = True) -> str:
    source = f" of article {row['article_id']}" if article else ""
    return (
        f"{row['claim_id']}{source} ({row['quote']!r}: "
        f"{row['qualifier']} {_bounds(row['low'], row['high'])}, widened "
        f"{_bounds(row['low_w'], row['high_w'])})"
    )


def _claims_disagree(ds: Dataset, widened: pd.DataFrame, found: pd.DataFrame) -> list[Finding]:
    rows = widened.loc[found.index]
    partners = widened.loc[found["partner"].to_numpy()]
    messages = []
    evidence = []
    for (_, claim), (_, other) in zip(rows.iterrows(), partners.iterrows(), strict=True):
        messages.append(
            f"incident {claim['incident_id']}, {claim['field']}: {_say(claim)} does not overlap "
            f"{_say(other)} within the tolerance max({_num(claim['tol_absolute'])}, "
            f"{_num(claim['tol_relative'])} x bound)"
        )
        evidence.append(
            {
                "incident_id": claim["incident_id"],
                "field": claim["field"],
                "tolerance": _tolerance(claim),
                "claim": _claim_evidence(claim),
                "other": _claim_evidence(other),
            }
        )
    return row_findings(
        R.CLAIMS_DISAGREE,
        "claims",
        ds.files["claims"],
        rows,
        messages,
        ("low", "high"),
        evidence,
    )


def _outside_consensus(
    ds: Dataset, widened: pd.DataFrame, disagree: pd.DataFrame, incidents: pd.DataFrame
) -> list[Finding]:
    """The incident row against the consensus of its claims.

    Policy for best: it must lie inside the consensus (error, like low and high). Where
    sources differ (more than one distinct stated interval), best is also expected to
    be the most conservative figure consistent with all of them, ACLED's practice: the
    lowest figure any source gives, raised to the consensus' lower end when below it.
    A different best is a warning (consistency.best-not-conservative), not an error,
    because a maintainer may rightly prefer the better source; the report shows both.
    """
    claims = widened[widened["field"].isin(INCIDENT_FIELDS)]
    if claims.empty:
        return []
    failing = widened.loc[disagree.index, GROUP].drop_duplicates()
    agg = consensus(claims)
    if not failing.empty:
        skip = pd.MultiIndex.from_frame(failing)
        agg = agg[~agg.index.isin(skip)]
    agg = agg.reset_index()
    keep = incidents[incidents["incident_id"].notna()]
    long = []
    for field in INCIDENT_FIELDS:
        piece = pd.DataFrame(
            {
                "row": keep.index,
                "incident_id": keep["incident_id"].to_numpy(),
                "field": field,
                "low_v": keep[f"{field}_low"].to_numpy(),
                "best_v": keep[f"{field}_best"].to_numpy(),
                "high_v": keep[f"{field}_high"].to_numpy(),
            }
        )
        long.append(piece)
    joined = pd.concat(long, ignore_index=True).merge(agg, on=GROUP, how="inner")
    if joined.empty:
        return []
    outside: dict[str, pd.Series] = {}
    for part in ("low", "best", "high"):
        value = joined[f"{part}_v"].astype("Float64")
        outside[part] = ((value < joined["low"]) | (value > joined["high"])).fillna(False)
        joined[f"out_{part}"] = outside[part].astype(bool)
    bad = outside["low"] | outside["best"] | outside["high"]
    best = joined["best_v"].astype("Float64")
    off_best = (
        (joined["shapes"] > 1) & best.notna() & ~outside["best"] & (best != joined["conservative"])
    ).fillna(False)
    findings = _incident_findings(ds, incidents, joined[bad.to_numpy()], claims, False)
    findings += _incident_findings(ds, incidents, joined[off_best.to_numpy()], claims, True)
    return findings


def _incident_findings(
    ds: Dataset,
    incidents: pd.DataFrame,
    joined: pd.DataFrame,
    claims: pd.DataFrame,
    about_best: bool,
) -> list[Finding]:
    if joined.empty:
        return []
    rows = incidents.loc[joined["row"].to_numpy()]
    # the isin first: a two-string-key merge over every claim costs more than the filter
    involved = claims[claims["incident_id"].isin(joined["incident_id"])].merge(
        joined[GROUP], on=GROUP
    )
    listed = {
        key: [_claim_evidence(r) for _, r in group.sort_values("claim_id").iterrows()]
        for key, group in involved.groupby(GROUP)
    }
    messages = []
    evidence = []
    columns: list[str] = []
    for _, row in joined.iterrows():
        field = row["field"]
        key = (row["incident_id"], field)
        cons = _bounds(row["low"], row["high"])
        quotes = "; ".join(f"{c['claim_id']} {c['quote']!r}" for c in listed.get(key, []))
        if about_best:
            wanted = _num(row["conservative"])
            messages.append(
                f"incident {row['incident_id']}: {field}_best is {_num(row['best_v'])}, but its "
                f"sources differ and the conservative figure consistent with all of them is "
                f"{wanted} (consensus {cons}; {quotes})"
            )
            columns = [f"{field}_best"]
        else:
            parts = [p for p in ("low", "best", "high") if bool(row[f"out_{p}"])]
            values = ", ".join(f"{field}_{p}={_num(row[f'{p}_v'])}" for p in parts)
            empty = " (the claims have no common interval)" if row["low"] > row["high"] else ""
            messages.append(
                f"incident {row['incident_id']}: {values} outside the consensus {cons} of "
                f"its {int(row['claims'])} {field} claim(s){empty}: {quotes}"
            )
            columns = [f"{field}_{p}" for p in ("low", "best", "high")]
        evidence.append(
            {
                "incident_id": row["incident_id"],
                "field": field,
                "incident": {p: _num(row[f"{p}_v"]) for p in ("low", "best", "high")},
                "consensus": [_num(row["low"]), _num(row["high"])],
                "conservative": _num(row["conservative"]),
                "claims": listed.get(key, []),
            }
        )
    rule_id = R.BEST_NOT_CONSERVATIVE if about_best else R.OUTSIDE_CONSENSUS
    return row_findings(
        rule_id, "incidents", ds.files["incidents"], rows, messages, columns, evidence
    )


# --- dates -------------------------------------------------------------------------


def _published(articles: pd.DataFrame) -> pd.DataFrame:
    start, end, precision = published_range(articles["published"])
    out = pd.DataFrame(
        {
            "article_id": articles["article_id"],
            "published": articles["published"],
            "pub_start": start,
            "pub_end": end,
            "precision": precision,
        }
    )
    return out[out["article_id"].notna()].drop_duplicates("article_id")


def _later_lower(ds: Dataset, widened: pd.DataFrame, published: pd.DataFrame) -> list[Finding]:
    """For each later article: the highest low of any article published entirely before
    it (prefix maximum via merge_asof), against its own lowest widened high."""
    killed = widened[widened["field"].eq("killed")].copy()
    killed["row"] = killed.index
    killed = killed.merge(
        published[["article_id", "published", "pub_start", "pub_end"]], on="article_id"
    )
    killed = killed[killed["pub_start"].notna()]
    if killed.empty:
        return []
    low = killed["low"].astype(float)
    # integer ranks of the string keys, computed once: sorting, grouping and matching on
    # them orders rows exactly as the strings would (missing last), without re-sorting
    # the strings in every step
    killed = killed.assign(
        low_f=low,
        inc=_ranks(killed["incident_id"]),
        art=_ranks(killed["article_id"]),
        cid=_ranks(killed["claim_id"]),
    )
    # earlier side: per (incident, article) the claim with the highest low
    earlier = killed.sort_values(
        ["inc", "art", "low_f", "cid"], ascending=[True, True, False, True]
    ).drop_duplicates(["inc", "art"])
    earlier = earlier.sort_values(["inc", "pub_end", "low_f", "cid"])
    earlier["best_low"] = earlier.groupby("inc")["low_f"].cummax()
    earlier["best_row"] = (
        earlier["row"]
        .where(earlier["low_f"] == earlier["best_low"])
        .groupby(earlier["inc"])
        .ffill()
    )
    # later side: per (incident, article) the claim with the lowest widened high
    later = killed.sort_values(["inc", "art", "high_w", "cid"]).drop_duplicates(["inc", "art"])
    matched = pd.merge_asof(
        later.sort_values("pub_start"),
        earlier[["inc", "pub_end", "best_low", "best_row"]]
        .rename(columns={"pub_end": "earlier_end"})
        .sort_values("earlier_end"),
        left_on="pub_start",
        right_on="earlier_end",
        by="inc",
        allow_exact_matches=False,
        direction="backward",
    )
    hit = matched[(matched["high_w"] < matched["best_low"]).fillna(False).astype(bool)]
    if hit.empty:
        return []
    rows = widened.loc[hit["row"].to_numpy()]
    others = widened.loc[hit["best_row"].astype("int64").to_numpy()]
    pub = published.set_index("article_id")["published"]
    messages = []
    evidence = []
    for (_, claim), (_, other) in zip(rows.iterrows(), others.iterrows(), strict=True):
        messages.append(
            f"incident {claim['incident_id']}: the later article {claim['article_id']} "
            f"(published {pub.get(claim['article_id'])}) gives killed "
            f"{_say(claim, article=False)}, below the low {_num(other['low'])} of the earlier "
            f"article {other['article_id']} (published {pub.get(other['article_id'])}): "
            f"{_say(other, article=False)}"
        )
        evidence.append(
            {
                "incident_id": claim["incident_id"],
                "tolerance": _tolerance(claim),
                "later": {**_claim_evidence(claim), "published": pub.get(claim["article_id"])},
                "earlier": {**_claim_evidence(other), "published": pub.get(other["article_id"])},
            }
        )
    return row_findings(
        R.LATER_LOWER_TOLL, "claims", ds.files["claims"], rows, messages, ("low", "high"), evidence
    )


def _ranks(values: pd.Series) -> np.ndarray:
    """Each value's rank among the distinct values, missing last (for ascending sorts)."""
    codes, uniques = pd.factorize(values, sort=True)
    return np.where(codes < 0, len(uniques), codes)


def _article_before_incident(
    ds: Dataset, claims: pd.DataFrame, published: pd.DataFrame, incidents: pd.DataFrame
) -> list[Finding]:
    """One finding per (article, incident) pair, on the articles.csv row whose date is
    in question; the evidence lists the claims that tie the article to the incident."""
    frame = claims[["claim_id", "article_id", "incident_id"]].merge(published, on="article_id")
    frame = frame.merge(incidents[["incident_id", "start_date"]], on="incident_id")
    early = frame[(frame["pub_end"] < frame["start_date"]).fillna(False).astype(bool)]
    if early.empty:
        return []
    pairs = (
        early.sort_values("claim_id")
        .groupby(["article_id", "incident_id"], sort=True)
        .agg(
            claim_ids=("claim_id", list),
            published=("published", "first"),
            pub_end=("pub_end", "first"),
            start_date=("start_date", "first"),
        )
        .reset_index()
    )
    articles = ds.tables["articles"]
    first = articles[articles["article_id"].notna()].drop_duplicates("article_id")
    row_of = pd.Series(first.index, index=first["article_id"])
    rows = articles.loc[row_of[pairs["article_id"]].to_numpy()]
    return row_findings(
        R.ARTICLE_BEFORE_INCIDENT,
        "articles",
        ds.files["articles"],
        rows,
        (
            f"article {a} is published {p} (by {D.to_date(e)} at the latest), before incident "
            f"{i} starts on {D.to_date(s)}; its claims {', '.join(c)} are about that incident"
            for a, p, e, i, s, c in zip(
                pairs["article_id"],
                pairs["published"],
                pairs["pub_end"],
                pairs["incident_id"],
                pairs["start_date"],
                pairs["claim_ids"],
                strict=True,
            )
        ),
        ("published",),
        (
            {
                "article_id": a,
                "published": p,
                "incident_id": i,
                "start_date": D.to_date(s).isoformat(),
                "claim_ids": c,
            }
            for a, p, i, s, c in zip(
                pairs["article_id"],
                pairs["published"],
                pairs["incident_id"],
                pairs["start_date"],
                pairs["claim_ids"],
                strict=True,
            )
        ),
    )


def _relative_dates(
    ds: Dataset,
    claims: pd.DataFrame,
    located: pd.DataFrame,
    texts: Mapping[str, str],
    published: pd.DataFrame,
    incidents: pd.DataFrame,
) -> list[Finding]:
    """See `checks.consistency.dates` for which expressions count and why."""
    found = located["found"].eq(True).fillna(False).astype(bool)
    quotes = pd.DataFrame(
        {
            "row": claims.index[found.to_numpy()],
            "article_id": claims.loc[found, "article_id"].to_numpy(),
            "incident_id": claims.loc[found, "incident_id"].to_numpy(),
            "field": claims.loc[found, "field"].to_numpy(),
            "start": located.loc[found, "start"].astype("int64").to_numpy(),
            "end": located.loc[found, "end"].astype("int64").to_numpy(),
        }
    )
    dated = incidents[incidents["start_date"].notna() & incidents["end_date"].notna()]
    quotes = quotes[quotes["incident_id"].isin(dated["incident_id"])]
    if quotes.empty:
        return []
    ids = set(quotes["article_id"])
    mentions = D.mention_table(D.texts_with_mentions(texts, ids), published)
    mentions = mentions[~mentions["attribution"]]
    if mentions.empty:
        return []
    # only quotes of articles with a mention can pair with one (the merge below is inner)
    quotes = quotes[quotes["article_id"].isin(mentions["article_id"])]
    quotes = D.with_sentences(quotes, D.sentence_table(texts, set(mentions["article_id"])))
    pairs = quotes.merge(mentions, on="article_id")
    in_quote = (pairs["m_start"] >= pairs["start"]) & (pairs["m_end"] <= pairs["end"])
    in_sentence = (pairs["m_start"] >= pairs["sent_start"]) & (pairs["m_end"] <= pairs["sent_end"])
    quote_has = in_quote.groupby(pairs["row"]).transform("any")
    pairs = pairs[(in_quote | (in_sentence & ~quote_has)).to_numpy()]
    pairs = pairs.merge(dated[["incident_id", "start_date", "end_date"]], on="incident_id")
    after = pairs["field"].isin(D.AFTER_INCIDENT_FIELDS)
    agrees = (pairs["resolved_end"] >= pairs["start_date"]) & (
        after | (pairs["resolved_start"] <= pairs["end_date"])
    )
    pairs = pairs.assign(agrees=agrees.fillna(True).astype(bool))
    verdict = pairs.groupby("row")["agrees"].any()
    bad_rows = verdict.index[~verdict.to_numpy()]
    if len(bad_rows) == 0:
        return []
    bad = pairs[pairs["row"].isin(bad_rows)].sort_values(["row", "m_start"])
    pub = published.set_index("article_id")
    # one pass over the failing mentions grouped by claim (a mask per claim was quadratic)
    groups = bad.groupby("row", sort=True)
    rows = claims.loc[list(groups.groups)]
    messages = []
    evidence = []
    for (_, claim), (_, group) in zip(rows.iterrows(), groups, strict=True):
        first = group.iloc[0]
        said = "; ".join(
            f"{m!r} -> {D.to_date(s)}..{D.to_date(e)}"
            for m, s, e in zip(
                group["mention"], group["resolved_start"], group["resolved_end"], strict=True
            )
        )
        article = claim["article_id"]
        messages.append(
            f"claim {claim['claim_id']} ({claim['quote']!r}): resolved against article "
            f"{article}'s publication date {pub.loc[article, 'published']}, {said}, which "
            f"{'precedes' if claim['field'] in D.AFTER_INCIDENT_FIELDS else 'is outside'} "
            f"incident {claim['incident_id']}'s dates {D.to_date(first['start_date'])}.."
            f"{D.to_date(first['end_date'])}"
        )
        evidence.append(
            {
                "article_id": article,
                "published": pub.loc[article, "published"],
                "published_precision": pub.loc[article, "precision"],
                "incident_id": claim["incident_id"],
                "incident_dates": [
                    D.to_date(first["start_date"]).isoformat(),
                    D.to_date(first["end_date"]).isoformat(),
                ],
                "quote": claim["quote"],
                "sentence": texts[article][int(first["sent_start"]) : int(first["sent_end"])],
                "mentions": [
                    {
                        "text": m,
                        "resolved": [D.to_date(s).isoformat(), D.to_date(e).isoformat()],
                        "in_quote": bool(q),
                    }
                    for m, s, e, q in zip(
                        group["mention"],
                        group["resolved_start"],
                        group["resolved_end"],
                        (group["m_start"] >= group["start"]) & (group["m_end"] <= group["end"]),
                        strict=True,
                    )
                ],
            }
        )
    return row_findings(
        R.RELATIVE_DATE_MISMATCH,
        "claims",
        ds.files["claims"],
        rows,
        messages,
        ("quote",),
        evidence,
    )


# --- actors ------------------------------------------------------------------------


def _actors(
    ds: Dataset, claims: pd.DataFrame, incidents: pd.DataFrame, actors: pd.DataFrame
) -> list[Finding]:
    resolved = A.resolve_claim_actors(claims, actors)
    unresolved = resolved["actor_id"].isna().groupby(level=0).all()
    unknown = claims.loc[unresolved.index[unresolved.to_numpy()]]
    findings = row_findings(
        R.UNKNOWN_ACTOR,
        "claims",
        ds.files["claims"],
        unknown,
        (
            f"actor {a!r} is neither the name nor an alias of an actor in actors.csv"
            for a in unknown["actor"]
        ),
        ("actor",),
        ({"actor": a} for a in unknown["actor"]),
    )
    wrong = A.mismatches(resolved, incidents, actors)
    rows = claims.loc[wrong]
    # the resolved ids are only shown for the failing claims: group those, not all claims
    named = resolved[resolved["actor_id"].notna() & resolved.index.isin(rows.index)]
    ids = named.groupby(level=0)["actor_id"].agg(lambda s: sorted(set(s)))
    recorded = incidents.set_index("incident_id")
    messages = []
    evidence = []
    for index, claim in rows.iterrows():
        field = claim["field"]
        value = recorded.loc[claim["incident_id"]].get(field)
        listed = None if value is None or value is pd.NA else str(value)
        messages.append(
            f"claim {claim['claim_id']} ({claim['quote']!r}) names {claim['actor']!r} "
            f"({', '.join(ids.get(index, []))}) as {field}, but incident {claim['incident_id']} "
            f"records {field} {show(listed)}, and neither is an ancestor of the other"
        )
        evidence.append(
            {
                "incident_id": claim["incident_id"],
                "field": field,
                "actor": claim["actor"],
                "resolved": ids.get(index, []),
                "incident_actors": [] if listed is None else listed.split(";"),
                "quote": claim["quote"],
            }
        )
    findings += row_findings(
        R.ACTOR_MISMATCH, "claims", ds.files["claims"], rows, messages, ("actor",), evidence
    )
    return findings


__all__ = ["check_consistency"]
