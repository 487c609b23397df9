"""The grounding layer's rules (table <-> article text), added to the catalogue on import."""

from __future__ import annotations

from checks.catalogue import Rule, register
from checks.findings import Layer, Severity

_G, _E, _W = Layer.GROUNDING, Severity.ERROR, Severity.WARNING

QUOTE_NOT_FOUND = "grounding.quote-not-found"
FIGURE_MISMATCH = "grounding.figure-mismatch"
UNCOVERED_STATEMENT = "grounding.uncovered-statement"
EXCLUSION_UNUSED = "grounding.exclusion-unused"
FIELD_MISMATCH = "grounding.field-mismatch"
WEEKDAY_MISMATCH = "grounding.weekday-mismatch"

register(
    Rule(
        QUOTE_NOT_FOUND,
        _G,
        _E,
        "Quote not in the article",
        "A claim's quote must occur in its article's text, compared after Unicode NFC, "
        "white space runs (NBSP included) to one space, curly quotes to straight, en/em "
        "dashes to '-', ignoring case. The finding names the nearest passage.",
    ),
    Rule(
        FIGURE_MISMATCH,
        _G,
        _E,
        "Figures do not match the quote",
        "A count claim's quote must parse (hedged-quantity grammar with the dataset's "
        "conventions) to the claim's qualifier, low and high (empty high = open), and to "
        "an increment exactly when kind is 'increment'. A quote with no quantity fails too.",
    ),
    Rule(
        UNCOVERED_STATEMENT,
        _G,
        _W,
        "Casualty statement not recorded",
        "Every casualty statement the extractor finds in an article is a claim of that "
        "article (same field, overlapping text) or is listed in exclusions.csv with a reason.",
    ),
    Rule(
        EXCLUSION_UNUSED,
        _G,
        _W,
        "Exclusion matches nothing",
        "An exclusions.csv row whose quote is not in its article, or covers no statement "
        "the extractor finds there: stale, so it could hide a future statement by accident.",
    ),
    Rule(
        FIELD_MISMATCH,
        _G,
        _E,
        "Quote names another field",
        "The extractor reads the claim's figure in its quote only under a field of another "
        "kind (deaths, injuries, captures, attackers): 'wounding at least 117' recorded as "
        "killed. killed and attackers_killed are both deaths; arrested and "
        "attackers_captured both captures.",
    ),
    Rule(
        WEEKDAY_MISMATCH,
        _G,
        _W,
        "Weekday contradicts its date",
        "A weekday printed beside a calendar date ('Tuesday 24 October') must be that "
        "date's weekday; a date without a year takes the year nearest the article's "
        "publication date. One of the two readings is wrong.",
    ),
)
