"""Tolls over time: revised figures (superseded claims) and later articles giving less.

Early tolls rise as bodies are counted and the wounded die, and counts are revised
down after double counting. A maintainer records the revision on the earlier claim
(`superseded_by` = the later claim of the same incident and field); the earlier claim
stays grounded and visible, leaves the consensus, and is reported as a notice. A
revision must point forward in time (the same article is allowed: "the toll, 74 on
Friday, rose to 79"), stay within its incident and field, and end (no cycle). A
later, lower toll that nobody marked as a revision still warns.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from checks.consistency import rules as R
from checks.consistency.chains import follow
from checks.consistency.evidence import bounds, claim_evidence, num, say, tolerance
from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding

LINK = "superseded_by"

_PROBLEMS = ("missing", "field", "earlier", "loop")


def revisions(claims: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """One row per claim that names a superseding claim (index: its claims index).

    Columns: claim_id, incident_id, field, article_id, superseded_by, t_row (the
    superseding claim's index, when it is a claim of the same incident), t_field,
    t_article, published / t_published, and `problem`: "" for a valid revision, else
    missing / field / earlier / loop. Targets are looked up within the incident, so
    the Spark engine, which groups claims by incident, finds the same.
    """
    if LINK not in claims:
        return pd.DataFrame(columns=["problem"])
    linked = claims[claims[LINK].notna() & claims["claim_id"].notna()]
    if linked.empty:
        return pd.DataFrame(columns=["problem"])
    named = claims[claims["claim_id"].notna()].drop_duplicates("claim_id")
    targets = pd.DataFrame(
        {
            LINK: named["claim_id"].to_numpy(),
            "incident_id": named["incident_id"].to_numpy(),
            "t_row": named.index.to_numpy(),
            "t_field": named["field"].to_numpy(),
            "t_article": named["article_id"].to_numpy(),
        }
    )
    frame = (
        linked[["claim_id", "incident_id", "field", "article_id", LINK]]
        .assign(row=linked.index)
        .merge(targets, on=[LINK, "incident_id"], how="left")
    )
    dates = published[["article_id", "published", "pub_start", "pub_end"]]
    frame = frame.merge(dates, on="article_id", how="left").merge(
        dates.rename(
            columns={
                "article_id": "t_article",
                "published": "t_published",
                "pub_start": "t_start",
                "pub_end": "t_end",
            }
        ),
        on="t_article",
        how="left",
    )
    found = frame["t_row"].notna()
    same_field = frame["t_field"].eq(frame["field"]).fillna(False).astype(bool)
    earlier = (frame["t_end"] < frame["pub_start"]).fillna(False).astype(bool)
    # a chain must end: follow the valid-looking links of these claims
    links = frame.assign(parent=frame[LINK].where(found & same_field))
    unique = links.drop_duplicates("claim_id")  # a duplicated id is a structure error
    _, loops = follow(
        unique["claim_id"].astype(object).to_numpy(), unique["parent"].astype(object).to_numpy()
    )
    looping = (
        frame["claim_id"]
        .map(pd.Series(loops, index=unique["claim_id"].to_numpy()))
        .fillna(False)
        .to_numpy(dtype=bool)
    )
    problem = np.select(
        [~found.to_numpy(), ~same_field.to_numpy(), looping, earlier.to_numpy()],
        ["missing", "field", "loop", "earlier"],
        default="",
    )
    frame["problem"] = problem
    return frame.set_index("row")


def superseded_mask(claims: pd.DataFrame, revised: pd.DataFrame) -> pd.Series:
    """True on claims validly superseded: they leave the consensus."""
    valid: pd.Index | list[int] = revised.index[revised["problem"].eq("")] if len(revised) else []
    return pd.Series(claims.index.isin(valid), index=claims.index)


def check_revisions(ds: Dataset, claims: pd.DataFrame, revised: pd.DataFrame) -> list[Finding]:
    """revision-invalid errors and superseded-claim notices, on the earlier claim's row."""
    if revised.empty:
        return []
    file = ds.files["claims"]
    bad = revised[revised["problem"].ne("")]
    good = revised[revised["problem"].eq("")]
    findings = row_findings(
        R.REVISION_INVALID,
        "claims",
        file,
        claims.loc[bad.index],
        (_invalid_message(row) for _, row in bad.iterrows()),
        (LINK,),
        (
            {
                "incident_id": row["incident_id"],
                "field": row["field"],
                "claim_id": row["claim_id"],
                "superseded_by": row[LINK],
                "problem": row["problem"],
                "claim_ids": [row["claim_id"], row[LINK]],
            }
            for _, row in bad.iterrows()
        ),
    )
    if good.empty:
        return findings
    later = claims.loc[good["t_row"].astype("int64").to_numpy()]
    earlier = claims.loc[good.index]
    messages = []
    for (_, old), (_, new), (_, link) in zip(
        earlier.iterrows(), later.iterrows(), good.iterrows(), strict=True
    ):
        messages.append(
            f"claim {old['claim_id']} ({old['field']} {bounds(old['low'], old['high'])}, "
            f"article {old['article_id']} published {link['published']}) is superseded by "
            f"{new['claim_id']} ({bounds(new['low'], new['high'])}, article "
            f"{new['article_id']} published {link['t_published']}): kept, but left out of "
            "the consensus"
        )
    findings += row_findings(
        R.SUPERSEDED_CLAIM,
        "claims",
        file,
        earlier,
        messages,
        (LINK,),
        (
            {
                "incident_id": row["incident_id"],
                "field": row["field"],
                "claim_id": row["claim_id"],
                "superseded_by": row[LINK],
                "claim_ids": [row["claim_id"], row[LINK]],
            }
            for _, row in good.iterrows()
        ),
    )
    return findings


def _invalid_message(row: pd.Series) -> str:
    claim, target = row["claim_id"], row[LINK]
    problem = row["problem"]
    if problem == "missing":
        return (
            f"claim {claim} is superseded_by {target!r}, which is not a claim of incident "
            f"{row['incident_id']}: a revision stays within its incident"
        )
    if problem == "field":
        return (
            f"claim {claim} ({row['field']}) is superseded_by {target}, a {row['t_field']} "
            "claim: a revision replaces a figure of the same field"
        )
    if problem == "loop":
        return (
            f"claim {claim}: following superseded_by from it ({claim} -> {target} -> ...) "
            "comes back to a claim already passed: the chain of revisions must end"
        )
    return (
        f"claim {claim} (article {row['article_id']}, published {row['published']}) is "
        f"superseded_by {target} of article {row['t_article']}, published "
        f"{row['t_published']}, before it: a revision is published on or after what it revises"
    )


def later_lower(
    ds: Dataset, widened: pd.DataFrame, published: pd.DataFrame, judged: pd.Series
) -> list[Finding]:
    """consistency.later-lower-toll over the claims in the consensus (superseded ones,
    reviewed revisions, are out; `judged` pairs, both covered by one review in force,
    are a judged dispute, not a surprise). For each later article: the highest low of any article
    published entirely before it (prefix maximum via merge_asof), against its own lowest
    widened high."""
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
        inc=ranks(killed["incident_id"]),
        art=ranks(killed["article_id"]),
        cid=ranks(killed["claim_id"]),
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
    if not hit.empty:
        mine = judged.reindex(hit["row"].to_numpy()).to_numpy()
        theirs = judged.reindex(hit["best_row"].astype("int64").to_numpy()).to_numpy()
        hit = hit[~((mine >= 0) & (mine == theirs))]
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
            f"{say(claim, article=False)}, below the low {num(other['low'])} of the earlier "
            f"article {other['article_id']} (published {pub.get(other['article_id'])}): "
            f"{say(other, article=False)}; if the later figure revises the earlier one, "
            f"mark {other['claim_id']} superseded_by {claim['claim_id']}"
        )
        evidence.append(
            {
                "incident_id": claim["incident_id"],
                "tolerance": tolerance(claim),
                "later": {**claim_evidence(claim), "published": pub.get(claim["article_id"])},
                "earlier": {**claim_evidence(other), "published": pub.get(other["article_id"])},
            }
        )
    return row_findings(
        R.LATER_LOWER_TOLL, "claims", ds.files["claims"], rows, messages, ("low", "high"), evidence
    )


def ranks(values: pd.Series) -> np.ndarray:
    """Each value's rank among the distinct values, missing last (for ascending sorts)."""
    codes, uniques = pd.factorize(values, sort=True)
    return np.where(codes < 0, len(uniques), codes)
