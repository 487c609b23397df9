"""Layer 4 entry point: claims against each other and against the incident rows.

This module only wires the rule families in order; each lives in its own module
(`tolls`, `disputes`, `figures`, `dates`, `actors`, `subevents`). Revisions come
first because a superseded claim leaves the consensus every later family reads; the
dispute rules come before the incident figures because a disagreement, failing or
reviewed, decides which consensus the incident row is compared with.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from checks.consistency import actors, dates, disputes, figures, subevents, tolls
from checks.consistency.intervals import total_claims, widen
from checks.dataset import Dataset
from checks.findings import Finding


def check_consistency(
    ds: Dataset,
    typed: Mapping[str, pd.DataFrame],
    located: pd.DataFrame,
    texts: Mapping[str, str],
) -> list[Finding]:
    """Run every consistency rule. `located` / `texts` come from the grounding layer."""
    claims, incidents = typed["claims"], typed["incidents"]
    unique = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    published = dates.published_table(typed["articles"])
    revised = tolls.revisions(claims, published)
    findings = tolls.check_revisions(ds, claims, revised)
    active = claims[~tolls.superseded_mask(claims, revised).to_numpy()]
    widened = widen(total_claims(active), ds.rules)
    reviewed = disputes.check_disputes(
        ds, widened, typed.get("disputes", pd.DataFrame()), claims, incidents
    )
    findings += reviewed.findings
    findings += figures.outside_consensus(ds, widened, reviewed.disputed, incidents)
    findings += tolls.later_lower(ds, widened, published, reviewed.judged)
    findings += dates.article_before_incident(ds, claims, published, unique)
    findings += dates.relative_dates(ds, claims, located, texts, published, unique)
    findings += actors.check_actors(ds, claims, unique, typed["actors"])
    findings += subevents.check_subevents(ds, incidents)
    return findings


__all__ = ["check_consistency"]
