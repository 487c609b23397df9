"""Dates: an article cannot report an incident before it starts, and relative dates
("the Monday night raid", "last month") in a claim's quote, resolved against its
article's publication date, must fall on the incident. Which expressions count is
documented in `checks.consistency.mentions`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from checks.consistency import mentions as D
from checks.consistency import rules as R
from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding
from checks.membership import isin
from checks.structure.dates import published_range


def published_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Each article's publication date as a range (a date known to the month spans it)."""
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


def article_before_incident(
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


def relative_dates(
    ds: Dataset,
    claims: pd.DataFrame,
    located: pd.DataFrame,
    texts: Mapping[str, str],
    published: pd.DataFrame,
    incidents: pd.DataFrame,
) -> list[Finding]:
    """See `checks.consistency.mentions` for which expressions count and why."""
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
    quotes = quotes[isin(quotes["incident_id"], dated["incident_id"])]
    if quotes.empty:
        return []
    ids = set(quotes["article_id"].unique().tolist())  # iterating a str column is per cell
    mentions = D.mention_table(D.texts_with_mentions(texts, ids), published)
    mentions = mentions[~mentions["attribution"] & mentions["dates_event"]]
    if mentions.empty:
        return []
    # only quotes of articles with a mention can pair with one (the merge below is inner)
    quotes = quotes[isin(quotes["article_id"], mentions["article_id"])]
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
