"""The grounding layer's rules (table <-> article text), added to the catalogue on import."""

from __future__ import annotations

from checks.catalogue import Rule, register
from checks.findings import Layer, Severity

_G, _E, _W = Layer.GROUNDING, Severity.ERROR, Severity.WARNING

QUOTE_NOT_FOUND = "grounding.quote-not-found"
FIGURE_MISMATCH = "grounding.figure-mismatch"
UNCOVERED_STATEMENT = "grounding.uncovered-statement"
EXCLUSION_UNUSED = "grounding.exclusion-unused"

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
)
