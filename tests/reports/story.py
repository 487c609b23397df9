"""A small incident family that uses every element of the incident page, typed by hand.

An attack on two sites ("attack", with sub-events "attack-north" and "attack-south",
the south one open-ended) whose killed toll rises over four days of reporting: an
early "at least 20" later superseded, claims of one date side by side, a month-only
publication date, a police count and a community count under a reviewed dispute, and
a stale review of the injured figures. Findings are built as the consistency layer's
evidence contract describes them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from checks.findings import Finding, Layer, Severity

PARENT = "attack"
NORTH = "attack-north"
SOUTH = "attack-south"


def _int(values: list[int | None]) -> pd.Series:
    return pd.array(values, dtype="Int64")  # type: ignore[return-value]


def typed_story() -> dict[str, pd.DataFrame]:
    """articles, incidents, claims and disputes as check_structure types them."""
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4", "a5"],
            "outlet": ["Wire <One>", "Daily Two", "Wire <One>", "Monthly Review", "Evening Five"],
            "published": ["2020-03-01", "2020-03-01", "2020-03-02", "2020-03", "2020-04-10"],
        }
    )
    day = pd.Timestamp("2020-02-29")
    incidents = pd.DataFrame(
        {
            "incident_id": [PARENT, NORTH, SOUTH],
            "name": ["Attack on two <sites>", "North site", "South site"],
            "start_date": [day, day, day],
            "end_date": [day, day, day],
            "date_precision": ["day", "day", "day"],
            "city": ["Town", "Town", "Town"],
            "country": ["PK", "PK", "PK"],
            "killed_low": _int([86, 20, 60]),
            "killed_best": _int([86, 20, 66]),
            "killed_high": _int([95, 20, None]),
            "injured_low": _int([100, 40, None]),
            "injured_best": _int([None, 40, None]),
            "injured_high": _int([None, 40, None]),
            "parent_incident": [None, PARENT, PARENT],
        }
    )
    rows: list[tuple[str, str, str, str, str, str, int, int | None, str | None]] = [
        ("c1", "a1", PARENT, "killed", "at least 20 killed", "at_least", 20, None, "c3"),
        ("c2", "a2", PARENT, "killed", "30 dead <b>so far</b>", "exact", 30, 30, "c3"),
        ("c3", "a3", PARENT, "killed", "death toll rises to 86", "exact", 86, 86, None),
        ("c4", "a3", PARENT, "killed", "more than 80 dead", "more_than", 81, None, None),
        ("c5", "a4", PARENT, "killed", "community says 95 killed", "exact", 95, 95, None),
        ("c6", "a5", PARENT, "killed", "the attack that killed 86", "exact", 86, 86, None),
        ("c7", "a1", PARENT, "injured", "dozens injured", "vague", 24, None, None),
        ("c8", "a3", PARENT, "injured", "112 injured", "exact", 112, 112, None),
        ("c9", "a3", SOUTH, "killed", "66 killed at the south site", "exact", 66, 66, None),
    ]
    claims = pd.DataFrame(
        {
            "claim_id": [r[0] for r in rows],
            "article_id": [r[1] for r in rows],
            "incident_id": [r[2] for r in rows],
            "field": [r[3] for r in rows],
            "quote": [r[4] for r in rows],
            "qualifier": [r[5] for r in rows],
            "low": _int([r[6] for r in rows]),
            "high": _int([r[7] for r in rows]),
            "kind": ["total"] * len(rows),
            "actor": [None] * len(rows),
            "superseded_by": [r[8] for r in rows],
        }
    )
    disputes = pd.DataFrame(
        {
            "dispute_id": ["d1", "d2"],
            "incident_id": [PARENT, PARENT],
            "field": ["killed", "injured"],
            "claims": ["c3;c5", "c7;c8;c99"],
            "span_low": _int([86, 24]),
            "span_high": _int([95, 112]),
            "reason": ["police count vs community count <i>", "early vague figure"],
            "decision": ["the incident spans both counts", "keep the hospital count"],
            "best": _int([86, None]),
            "best_reason": ["police count, matched by hospital lists", None],
            "reviewer": ["jd", None],
            "reviewed": ["2020-05-01", None],
        }
    )
    return {"articles": articles, "incidents": incidents, "claims": claims, "disputes": disputes}


def _claim(
    claim_id: str, article_id: str, quote: str, low: int, high: int | None
) -> dict[str, Any]:
    return {
        "claim_id": claim_id,
        "article_id": article_id,
        "quote": quote,
        "qualifier": "exact",
        "low": low,
        "high": high,
        "widened": [low - 2, None if high is None else high + 2],
    }


REVIEWED = Finding(
    "consistency.reviewed-dispute",
    Severity.NOTICE,
    Layer.CONSISTENCY,
    "reviewed dispute d1 (killed): police count vs community count",
    table="disputes",
    row_key="d1",
    file="story/disputes.csv",
    line=2,
    evidence={
        "incident_id": PARENT,
        "field": "killed",
        "dispute_id": "d1",
        "reason": "police count vs community count <i>",
        "decision": "the incident spans both counts",
        "span": [86, 95],
        "best": 86,
        "best_reason": "police count, matched by hospital lists",
        "claims": [
            _claim("c3", "a3", "death toll rises to 86", 86, 86),
            _claim("c5", "a4", "community says 95 killed", 95, 95),
        ],
    },
)
SUPERSEDED = Finding(
    "consistency.superseded-claim",
    Severity.NOTICE,
    Layer.CONSISTENCY,
    "c1 (killed) is superseded by c3",
    table="claims",
    row_key="c1",
    file="story/claims.csv",
    line=2,
    evidence={
        "incident_id": PARENT,
        "field": "killed",
        "claim_id": "c1",
        "superseded_by": "c3",
        "claim_ids": ["c1", "c3"],
    },
)
STALE = Finding(
    "consistency.review-stale",
    Severity.WARNING,
    Layer.CONSISTENCY,
    "review d2 (injured) no longer matches its claims",
    table="disputes",
    row_key="d2",
    file="story/disputes.csv",
    line=3,
    evidence={
        "incident_id": PARENT,
        "field": "injured",
        "dispute_id": "d2",
        "claim_ids": ["c7", "c8", "c99"],
    },
)
