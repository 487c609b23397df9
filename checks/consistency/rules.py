"""The cross-article consistency layer's rules, added to the catalogue on import.

Each family lives in its own module of this package: `disputes` (claims-disagree and the
reviewed disputes of disputes.csv), `figures` (the incident row against its claims),
`tolls` (later-lower-toll and superseded claims), `subevents` (parents and their
sites), `dates` and `actors`. `run` wires them in order.
"""

from __future__ import annotations

from checks.catalogue import Rule, register
from checks.findings import Layer, Severity

_C, _E, _W, _N = Layer.CONSISTENCY, Severity.ERROR, Severity.WARNING, Severity.NOTICE

CLAIMS_DISAGREE = "consistency.claims-disagree"
OUTSIDE_CONSENSUS = "consistency.incident-outside-consensus"
BEST_NOT_CONSERVATIVE = "consistency.best-not-conservative"
LATER_LOWER_TOLL = "consistency.later-lower-toll"
ARTICLE_BEFORE_INCIDENT = "consistency.article-before-incident"
RELATIVE_DATE_MISMATCH = "consistency.relative-date-mismatch"
UNKNOWN_ACTOR = "consistency.unknown-actor"
ACTOR_MISMATCH = "consistency.actor-mismatch"
REVIEWED_DISPUTE = "consistency.reviewed-dispute"
REVIEW_STALE = "consistency.review-stale"
REVIEW_INVALID = "consistency.review-invalid"
REVIEW_FIGURES = "consistency.review-figures"
SUPERSEDED_CLAIM = "consistency.superseded-claim"
REVISION_INVALID = "consistency.revision-invalid"
SUBEVENT_SUM = "consistency.subevent-sum"
SUBEVENT_DATES = "consistency.subevent-dates"
SUBEVENT_INVALID = "consistency.subevent-invalid"

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
    Rule(
        REVIEWED_DISPUTE,
        _C,
        _N,
        "Reviewed dispute",
        "The claims a disputes.csv row lists disagree, and a reviewer has recorded why "
        "(police count vs community count...). Shown with its reason; never fails. The "
        "review covers only the claims it lists, inside the span it records: any other "
        "claim that disagrees still fails consistency.claims-disagree.",
    ),
    Rule(
        REVIEW_STALE,
        _C,
        _W,
        "Review no longer matches",
        "A disputes.csv row whose listed claims no longer disagree, whose claims were "
        "superseded, or whose recorded span no longer is the span of its claims: update or "
        "delete the review (like an audited secrets baseline, it records what was seen).",
    ),
    Rule(
        REVIEW_INVALID,
        _C,
        _E,
        "Review names claims it cannot cover",
        "Every claim a disputes.csv row lists must be a claim of its incident and field; "
        "a review lists at least two; span_low <= span_high; a named best needs "
        "best_reason and lies in the span; one review per incident and field.",
    ),
    Rule(
        REVIEW_FIGURES,
        _C,
        _E,
        "Incident figures do not span the reviewed dispute",
        "Under a reviewed dispute the incident follows UCDP's shape: low at or below the "
        "lowest figure the reviewed claims allow, high at or above the highest (or open), "
        "best the most conservative figure a source states (ACLED) unless the review names "
        "another with its reason.",
    ),
    Rule(
        SUPERSEDED_CLAIM,
        _C,
        _N,
        "Superseded claim",
        "A claim marked superseded_by a later claim (an early toll, a count revised down) "
        "stays in the data and the report but leaves the consensus.",
    ),
    Rule(
        REVISION_INVALID,
        _C,
        _E,
        "Revision chain broken",
        "superseded_by must name a claim of the same incident and field whose article is "
        "published on or after this claim's (the same article is allowed); no cycles.",
    ),
    Rule(
        SUBEVENT_SUM,
        _C,
        _E,
        "Parent figures do not match its sub-events",
        "A parent incident's killed / injured interval must intersect the sum of its "
        "children's intervals (lows add, highs add; an open or unknown child makes the sum "
        "open above) once both are widened by the field's tolerance.",
    ),
    Rule(
        SUBEVENT_DATES,
        _C,
        _E,
        "Sub-event outside its parent's dates",
        "A child incident's start and end dates lie within its parent's.",
    ),
    Rule(
        SUBEVENT_INVALID,
        _C,
        _E,
        "Sub-event hierarchy broken",
        "parent_incident may not name the incident itself or form a cycle.",
    ),
)
