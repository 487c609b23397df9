"""Which tables each rule can report on: the (rule, table) pairs a run covers.

JUnit XML lists one test case per pair, so a CI system shows a rule as passed on
a table only where the rule really looks at that table. Rules not named here (the
Great Expectations layer, whose suites decide their own tables) are one case over
the whole dataset; a finding on another table still gets its own case.
"""

from __future__ import annotations

from checks.dataset import OPTIONAL_TABLES, TABLES

ALL_TABLES = TABLES + OPTIONAL_TABLES
WHOLE_DATASET = "dataset"

_SCOPE: dict[str, tuple[str, ...]] = {
    "load.unknown-column": ALL_TABLES,
    "structure.type": ALL_TABLES,
    "structure.required": ALL_TABLES,
    "structure.unique-key": ("articles", "incidents", "claims", "actors", "disputes"),
    "structure.id-format": ALL_TABLES,
    "structure.enum": ALL_TABLES,
    "structure.format": ALL_TABLES,
    "structure.range": ("incidents", "claims", "disputes"),
    "structure.interval-order": ("incidents", "claims"),
    "structure.date-order": ("incidents",),
    "structure.date-precision": ("incidents",),
    "structure.date-plausible": ("articles", "incidents"),
    "structure.country-code": ("incidents",),
    "structure.published-note": ("articles",),
    "structure.claim-shape": ("claims",),
    "structure.reference": ("incidents", "claims", "actors", "exclusions", "disputes"),
    "structure.article-file": ("articles",),
    "structure.sha256-mismatch": ("articles",),
    "grounding.quote-not-found": ("claims",),
    "grounding.figure-mismatch": ("claims",),
    "grounding.uncovered-statement": ("articles",),
    "grounding.exclusion-unused": ("exclusions",),
    "grounding.field-mismatch": ("claims",),
    "grounding.weekday-mismatch": ("articles",),
    "consistency.claims-disagree": ("claims",),
    "consistency.incident-outside-consensus": ("incidents",),
    "consistency.best-not-conservative": ("incidents",),
    "consistency.later-lower-toll": ("claims",),
    "consistency.article-before-incident": ("articles",),
    "consistency.relative-date-mismatch": ("claims",),
    "consistency.unknown-actor": ("claims",),
    "consistency.actor-mismatch": ("claims",),
    "consistency.reviewed-dispute": ("disputes",),
    "consistency.review-stale": ("disputes",),
    "consistency.review-invalid": ("disputes",),
    "consistency.review-figures": ("incidents",),
    "consistency.superseded-claim": ("claims",),
    "consistency.revision-invalid": ("claims",),
    "consistency.subevent-sum": ("incidents",),
    "consistency.subevent-dates": ("incidents",),
    "consistency.subevent-invalid": ("incidents",),
}


def rule_tables(rule_id: str) -> tuple[str, ...]:
    """The tables `rule_id` checks, or (WHOLE_DATASET,) when its scope is not fixed here."""
    return _SCOPE.get(rule_id, (WHOLE_DATASET,))
