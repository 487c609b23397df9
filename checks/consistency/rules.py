"""The cross-article consistency layer's rules, added to the catalogue on import."""

from __future__ import annotations

from checks.catalogue import Rule, register
from checks.findings import Layer, Severity

_C, _E, _W = Layer.CONSISTENCY, Severity.ERROR, Severity.WARNING

CLAIMS_DISAGREE = "consistency.claims-disagree"
OUTSIDE_CONSENSUS = "consistency.incident-outside-consensus"
BEST_NOT_CONSERVATIVE = "consistency.best-not-conservative"
LATER_LOWER_TOLL = "consistency.later-lower-toll"
ARTICLE_BEFORE_INCIDENT = "consistency.article-before-incident"
RELATIVE_DATE_MISMATCH = "consistency.relative-date-mismatch"
UNKNOWN_ACTOR = "consistency.unknown-actor"
ACTOR_MISMATCH = "consistency.actor-mismatch"

register(
    Rule(
        CLAIMS_DISAGREE,
        _C,
        _E,
        "Sources disagree",
        "Per incident and count field, total claims of different articles must overlap "
        "once each is widened by the field's tolerance, max(absolute, relative * bound) "
        "from the rules file (an empty high is open). Increments are not compared.",
    ),
    Rule(
        OUTSIDE_CONSENSUS,
        _C,
        _E,
        "Incident figure outside what its sources allow",
        "The incident's killed_/injured_ low, best and high (where given) lie inside the "
        "consensus: the intersection of its total claims' widened intervals. Skipped where "
        "the claims disagree (that rule reports it).",
    ),
    Rule(
        BEST_NOT_CONSERVATIVE,
        _C,
        _W,
        "Best figure is not the conservative one",
        "Where sources give different figures, best is expected to be the most "
        "conservative figure consistent with all of them (ACLED practice): the lowest "
        "source figure, raised to the consensus' lower end if below it.",
    ),
    Rule(
        LATER_LOWER_TOLL,
        _C,
        _W,
        "Later article gives a lower toll",
        "An article published after another (publication ranges do not overlap) gives a "
        "killed total whose widened high is below the earlier article's low. Tolls are "
        "revised downwards sometimes; check which is right.",
    ),
    Rule(
        ARTICLE_BEFORE_INCIDENT,
        _C,
        _E,
        "Article older than its incident",
        "An article (last day of its publication date's range) cannot report an incident "
        "that starts after it.",
    ),
    Rule(
        RELATIVE_DATE_MISMATCH,
        _C,
        _E,
        "Relative date contradicts the incident date",
        "Relative dates ('the Monday night raid', 'last month') in a claim's quote, or when "
        "the quote has none in its sentence, resolved against the article's publication "
        "date, must fall within the incident's dates (arrested / claimed_by: not before "
        "it). Attribution dates ('police said Saturday') are ignored.",
    ),
    Rule(
        UNKNOWN_ACTOR,
        _C,
        _E,
        "Actor not in actors.csv",
        "A claim's actor, as printed, must be the name or an alias (';'-separated) of an "
        "actor in actors.csv, compared like quotes (case, white space, quotes, dashes).",
    ),
    Rule(
        ACTOR_MISMATCH,
        _C,
        _E,
        "Actor contradicts the incident",
        "A perpetrator claim's actor must be the incident's perpetrator or an ancestor or "
        "descendant of it (actors.parent); a claimed_by claim likewise against claimed_by. "
        "The two roles are never mixed.",
    ),
)
