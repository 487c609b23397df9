"""Each grounding rule fires on a minimal damage to the seed and stays quiet on a near miss."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.findings import Layer
from checks.grounding.text import fold, locate, nearest_passage, nfc, normalise
from checks.pipeline import validate
from tests.conftest import EditCell

TODAY = dt.date(2026, 11, 22)
Edits = list[tuple[str, str, str, str]]

# (edits, rule id, table, row key of the finding)
FIRES: list[tuple[Edits, str, str, str]] = [
    (
        [("claims", "c0008", "quote", "killing 54 members of the Ismaili community")],
        "grounding.quote-not-found",
        "claims",
        "c0008",
    ),
    (
        [("claims", "c0008", "low", "54"), ("claims", "c0008", "high", "54")],
        "grounding.figure-mismatch",
        "claims",
        "c0008",
    ),
    # "more than 60" is [61, open), not [60, open)
    ([("claims", "c0014", "low", "60")], "grounding.figure-mismatch", "claims", "c0014"),
    # "more than 60" is not exact 61
    (
        [("claims", "c0014", "qualifier", "exact"), ("claims", "c0014", "high", "61")],
        "grounding.figure-mismatch",
        "claims",
        "c0014",
    ),
    # "20 more people" is an increment, not a total
    ([("claims", "c0027", "kind", "total")], "grounding.figure-mismatch", "claims", "c0027"),
    # a quote in the text that states no number at all
    (
        [("claims", "c0008", "quote", "The slaughter was swiftly claimed by IS")],
        "grounding.figure-mismatch",
        "claims",
        "c0008",
    ),
    # the statement is still in the text but no claim covers it any more
    (
        [("claims", "c0001", "field", "injured")],
        "grounding.uncovered-statement",
        "articles",
        "000_0a0d7547dc9b15ac",
    ),
    (
        [("exclusions", "002_e3ca868f480167ee", "quote", "hundreds of fighters")],
        "grounding.exclusion-unused",
        "exclusions",
        "002_e3ca868f480167ee",
    ),
    # an exclusion that overlaps only a statement a claim already covers excludes nothing
    (
        [("exclusions", "002_e3ca868f480167ee", "quote", "more than 60 dead")],
        "grounding.exclusion-unused",
        "exclusions",
        "002_e3ca868f480167ee",
    ),
    # a claim of another article (same field) does not cover this article's statement
    (
        [("claims", "c0001", "article_id", "002_e3ca868f480167ee")],
        "grounding.uncovered-statement",
        "articles",
        "000_0a0d7547dc9b15ac",
    ),
]

# (edits, rule id that must stay quiet)
QUIET: list[tuple[Edits, str]] = [
    # typography and case differ from the text: curly vs straight quotes, spaces, case
    (
        [("claims", "c0011", "quote", 'Four  "Highly Educated" suspects')],
        "grounding.quote-not-found",
    ),
    # the text has an NBSP before "militants"; en dash vs hyphen
    (
        [("claims", "c0022", "quote", "killed four Lashkar–e–Jhangvi (LeJ) militants")],
        "grounding.quote-not-found",
    ),
    # "a fighter who was killed" is one, read by the statement extractor
    ([("claims", "c0015", "note", "")], "grounding.figure-mismatch"),
    # a longer quote still covers the statement inside it
    (
        [("claims", "c0001", "quote", "Militants who attacked a minority sect, killing 93 people")],
        "grounding.uncovered-statement",
    ),
    # a quote that only overlaps the statement's span still covers it
    ([("claims", "c0014", "quote", "more than 60")], "grounding.uncovered-statement"),
]


def _apply(edit_cell: EditCell, edits: Edits) -> int:
    line = 0
    for table, key, column, value in edits:
        line = edit_cell(table, key, column, value)
    return line


@pytest.mark.parametrize(("edits", "rule_id", "table", "key"), FIRES)
def test_grounding_rule_fires(
    seed_copy: Path, edit_cell: EditCell, edits: Edits, rule_id: str, table: str, key: str
) -> None:
    _apply(edit_cell, edits)
    result = validate(seed_copy, today=TODAY)
    hits = [f for f in result.findings if f.rule_id == rule_id]
    assert [(f.table, f.row_key) for f in hits] == [(table, key)]
    assert hits[0].layer is Layer.GROUNDING
    assert hits[0].file == str(seed_copy / f"{table}.csv")
    assert hits[0].evidence


@pytest.mark.parametrize(("edits", "rule_id"), QUIET)
def test_grounding_rule_quiet_on_near_miss(
    seed_copy: Path, edit_cell: EditCell, edits: Edits, rule_id: str
) -> None:
    _apply(edit_cell, edits)
    result = validate(seed_copy, today=TODAY)
    assert [f for f in result.findings if f.rule_id == rule_id] == []


def test_seed_is_grounded(seed_copy: Path) -> None:
    result = validate(seed_copy, today=TODAY)
    assert [f for f in result.findings if f.layer is Layer.GROUNDING] == []
    assert Layer.GROUNDING in result.layers_run


def test_missing_quote_names_the_nearest_passage(seed_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("claims", "c0008", "quote", "killing 54 members of the Ismaili community")
    result = validate(seed_copy, today=TODAY)
    (hit,) = [f for f in result.findings if f.rule_id == "grounding.quote-not-found"]
    assert "Gunmen stormed a bus in Karachi last month" in hit.evidence["nearest_passage"]
    assert hit.evidence["similarity"] > 0.9


def test_figure_mismatch_names_both_readings(seed_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("claims", "c0008", "low", "54")
    edit_cell("claims", "c0008", "high", "54")
    result = validate(seed_copy, today=TODAY)
    (hit,) = [f for f in result.findings if f.rule_id == "grounding.figure-mismatch"]
    assert "exact [45, 45]" in hit.message
    assert "exact [54, 54]" in hit.message


def test_exclusions_file_is_optional(seed_copy: Path) -> None:
    (seed_copy / "exclusions.csv").unlink()
    result = validate(seed_copy, today=TODAY)
    hits = [f for f in result.findings if f.rule_id == "grounding.uncovered-statement"]
    assert [f.row_key for f in hits] == ["002_e3ca868f480167ee"]
    assert "detained hundreds of its militants" in hits[0].message
    assert result.exit_code == 0  # a warning only


def test_exclusion_structure_is_checked(seed_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("exclusions", "002_e3ca868f480167ee", "reason", "")
    result = validate(seed_copy, today=TODAY)
    assert any(
        f.rule_id == "structure.required" and f.table == "exclusions" for f in result.findings
    )


def test_normalisation_keeps_positions() -> None:
    text = nfc("A  “Quoted”\u00a0text — here")
    folded = fold(text)
    assert len(folded) == len(text)
    where = locate(folded, '"quoted" TEXT - here')
    assert where is not None
    assert text[where.start : where.end] == "“Quoted”\u00a0text — here"
    assert normalise("Café\u00a0 “x”") == normalise('cafe\u0301 "X"')


def test_nearest_passage_is_bounded_and_empty_safe() -> None:
    assert nearest_passage("", "anything") is None
    assert nearest_passage("Some text.", "   ") is None
    huge = "Filler sentence number x. " * 5000 + "The needle is here."
    near = nearest_passage(huge, "the needle was here")
    assert near is not None  # only the first sentences are scored: bounded, not exact
