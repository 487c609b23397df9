"""The catalogue of rules: one entry per rule id, with its layer, default severity and a note.

Modelled on frictionless-py's error catalogue: ids are stable strings a maintainer
can search for, grep the README for, and silence or promote in the rules file.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.findings import Layer, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """What a rule checks and how bad a failure is by default."""

    id: str
    layer: Layer
    severity: Severity
    title: str
    note: str


_E, _W = Severity.ERROR, Severity.WARNING
_L, _S = Layer.LOAD, Layer.STRUCTURE

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "load.unknown-column",
            _L,
            _W,
            "Unknown column",
            "A column the data model does not define; it is ignored by every check.",
        ),
        Rule(
            "structure.type",
            _S,
            _E,
            "Wrong type",
            "The cell does not hold a value of the column's type (whole number, ISO date).",
        ),
        Rule(
            "structure.required",
            _S,
            _E,
            "Missing value",
            "The column requires a value in every row.",
        ),
        Rule(
            "structure.unique-key",
            _S,
            _E,
            "Duplicate key",
            "The table's key column must be unique.",
        ),
        Rule(
            "structure.id-format",
            _S,
            _E,
            "Malformed id",
            "Ids are 1-64 letters, digits, '_', '.', '-', starting with a letter or digit.",
        ),
        Rule(
            "structure.enum",
            _S,
            _E,
            "Value not allowed",
            "The column takes one value of a fixed list (see the README's data model).",
        ),
        Rule(
            "structure.format",
            _S,
            _E,
            "Malformed value",
            "The value does not have the column's format (sha256 hex digest, URL, ISO date).",
        ),
        Rule("structure.range", _S, _E, "Out of range", "Counts are whole numbers >= 0."),
        Rule(
            "structure.interval-order",
            _S,
            _E,
            "Interval out of order",
            "low <= best <= high wherever both sides are given; an empty high is open-ended.",
        ),
        Rule(
            "structure.date-order",
            _S,
            _E,
            "Dates out of order",
            "An incident's start_date is on or before its end_date.",
        ),
        Rule(
            "structure.date-precision",
            _S,
            _E,
            "Dates do not match their precision",
            "month: first to last day of one month; year: 1 Jan to 31 Dec of one year; "
            "week: at most 7 days.",
        ),
        Rule(
            "structure.date-plausible",
            _S,
            _E,
            "Implausible date",
            "Dates lie between the rules file's [dates] earliest and today.",
        ),
        Rule(
            "structure.country-code",
            _S,
            _E,
            "Unknown country code",
            "country is an ISO 3166-1 alpha-2 code (PK, IN, ...).",
        ),
        Rule(
            "structure.published-note",
            _S,
            _E,
            "Undocumented publication date",
            "A publication date that is not printed in the article (derived or external) "
            "needs a published_note saying how it was obtained.",
        ),
        Rule(
            "structure.claim-shape",
            _S,
            _E,
            "Claim fields do not fit together",
            "A count claim needs a qualifier and low (exact: low == high); an actor claim "
            "(perpetrator, claimed_by) needs an actor and no figures.",
        ),
        Rule(
            "structure.reference",
            _S,
            _E,
            "Unknown reference",
            "A value that names a row of another table (article_id, incident_id, actor ids, "
            "an actor's parent) must exist there.",
        ),
        Rule(
            "structure.article-file",
            _S,
            _E,
            "Article text unusable",
            "text_file must be a UTF-8 file inside the dataset folder (no '..', no absolute "
            "path, no link leading outside).",
        ),
        Rule(
            "structure.sha256-mismatch",
            _S,
            _E,
            "Article text changed",
            "The text file's sha256 differs from articles.csv: the text was edited after "
            "its rows were extracted.",
        ),
        Rule(
            "structure.formula-injection",
            _S,
            _E,
            "Cell a spreadsheet would run",
            "A text cell starting with '=', '+', '-', '@', TAB or CR runs as a formula when "
            "a reviewer opens the CSV in a spreadsheet (CSV injection).",
        ),
        Rule(
            "structure.invisible-character",
            _S,
            _E,
            "Invisible character",
            "Ids, references, quotes, actor names, aliases and text_file must not hold "
            "zero-width, bidi-control, soft-hyphen or BOM characters: they make equal-looking "
            "values differ.",
        ),
    )
}


def rule(rule_id: str) -> Rule:
    """Look a rule up by id; an unknown id is a programming error, so it raises KeyError."""
    return RULES[rule_id]


def register(*rules: Rule) -> None:
    """Add the rules of a later layer to the catalogue, refusing an id used twice."""
    for new in rules:
        if new.id in RULES:
            raise ValueError(f"rule id {new.id!r} is registered twice")
        RULES[new.id] = new
