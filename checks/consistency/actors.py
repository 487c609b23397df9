"""Actors named by claims against actors.csv and against the incident's actors.

Names resolve through actors.csv's name and ';'-separated aliases, compared in the
same normal form as quotes. Ancestry (actors.parent) is a closure table built by
repeated merges, one per level of depth, never a loop over rows.
"""

from __future__ import annotations

import pandas as pd

from checks.consistency import rules as R
from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.grounding.text import normalise
from checks.membership import isin
from checks.structure.vocab import ACTOR_FIELDS, ACTOR_LIST_SEPARATOR


def normalised(values: pd.Series) -> pd.Series:
    """`normalise` of each value, computed once per distinct value."""
    distinct = pd.unique(values.dropna())
    return values.map({v: normalise(str(v)) for v in distinct})


def name_table(actors: pd.DataFrame) -> pd.DataFrame:
    """(key, actor_id): every name and alias of every actor, normalised."""
    aliases = actors["aliases"] if "aliases" in actors else pd.Series(pd.NA, index=actors.index)
    names = pd.concat(
        [
            pd.DataFrame({"actor_id": actors["actor_id"], "printed": actors["name"]}),
            pd.DataFrame(
                {"actor_id": actors["actor_id"], "printed": aliases.str.split(ACTOR_LIST_SEPARATOR)}
            ).explode("printed"),
        ],
        ignore_index=True,
    ).dropna()
    names["key"] = normalised(names["printed"].astype(str).str.strip())
    names = names[names["key"] != ""]
    return names[["key", "actor_id"]].drop_duplicates()


def closure(actors: pd.DataFrame) -> pd.DataFrame:
    """(actor_id, ancestor): each actor with itself and all its ancestors via parent."""
    parent = actors["parent"] if "parent" in actors else pd.Series(pd.NA, index=actors.index)
    edges = pd.DataFrame({"actor_id": actors["actor_id"], "ancestor": parent}).dropna()
    pairs = pd.DataFrame({"actor_id": actors["actor_id"], "ancestor": actors["actor_id"]}).dropna()
    frontier = edges
    for _ in range(len(actors)):  # depth is bounded by the number of actors (cycles stop)
        if frontier.empty:
            break
        before = len(pairs)
        pairs = pd.concat([pairs, frontier], ignore_index=True).drop_duplicates()
        if len(pairs) == before:
            break
        step = frontier.merge(
            edges.rename(columns={"actor_id": "ancestor", "ancestor": "next"}), on="ancestor"
        )
        frontier = step[["actor_id", "next"]].rename(columns={"next": "ancestor"})
    return pairs.drop_duplicates()


def incident_actors(incidents: pd.DataFrame) -> pd.DataFrame:
    """(incident_id, field, actor_id) for the perpetrator and claimed_by lists."""
    parts = []
    for field in ACTOR_FIELDS:
        if field not in incidents:
            continue
        ids = incidents[field].str.split(ACTOR_LIST_SEPARATOR).explode().astype("str").str.strip()
        parts.append(
            pd.DataFrame(
                {
                    "incident_id": incidents.loc[ids.index, "incident_id"].to_numpy(),
                    "field": field,
                    "actor_id": ids.to_numpy(),
                }
            )
        )
    if not parts:
        return pd.DataFrame({"incident_id": [], "field": [], "actor_id": []})
    out = pd.concat(parts, ignore_index=True)
    return out[out["actor_id"].notna() & (out["actor_id"] != "")]


def resolve_claim_actors(claims: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Actor claims with a printed actor, one row per actor_id it resolves to.

    Index: the claim's index (repeated when an alias is shared); actor_id missing when
    the name resolves to nothing.
    """
    actor_claims = claims[claims["field"].isin(ACTOR_FIELDS) & claims["actor"].notna()]
    keyed = pd.DataFrame(
        {
            "row": actor_claims.index,
            "incident_id": actor_claims["incident_id"].to_numpy(),
            "field": actor_claims["field"].to_numpy(),
            "key": normalised(actor_claims["actor"].astype(str)).to_numpy(),
        }
    )
    resolved = keyed.merge(name_table(actors), on="key", how="left")
    return resolved.set_index("row")


def mismatches(resolved: pd.DataFrame, incidents: pd.DataFrame, actors: pd.DataFrame) -> pd.Index:
    """Index of claims whose resolved actor is not related to the incident's actor(s)
    of the same role. Claims about an incident missing from incidents.csv are skipped."""
    known = resolved[
        resolved["actor_id"].notna() & isin(resolved["incident_id"], incidents["incident_id"])
    ].reset_index()
    if known.empty:
        return pd.Index([])
    pairs = known.merge(
        incident_actors(incidents).rename(columns={"actor_id": "incident_actor"}),
        on=["incident_id", "field"],
        how="left",
    )
    tree = closure(actors)
    down = pairs.merge(
        tree, left_on=["actor_id", "incident_actor"], right_on=["actor_id", "ancestor"], how="left"
    )["ancestor"].notna()
    up = pairs.merge(
        tree.rename(columns={"actor_id": "incident_actor", "ancestor": "actor_id"}),
        on=["incident_actor", "actor_id"],
        how="left",
        indicator=True,
    )["_merge"].eq("both")
    pairs["related"] = down.to_numpy() | up.to_numpy()
    ok = pairs.groupby("row")["related"].any()
    failing: list[object] = ok.index[~ok.to_numpy()].tolist()
    return pd.Index(failing)


def check_actors(
    ds: Dataset, claims: pd.DataFrame, incidents: pd.DataFrame, actors: pd.DataFrame
) -> list[Finding]:
    """unknown-actor and actor-mismatch over every perpetrator / claimed_by claim."""
    resolved = resolve_claim_actors(claims, actors)
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
    wrong = mismatches(resolved, incidents, actors)
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
