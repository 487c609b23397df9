"""grounding.field-mismatch: the quote's wording names the claim's field (by kind)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.pipeline import validate
from tests.conftest import EditCell

TODAY = dt.date(2026, 11, 30)
RULE = "grounding.field-mismatch"

# (claim, field it is wrongly filed under, what the quote says)
FIRES = [
    ("c011", "killed", "injured"),  # '50 people were injured'
    ("c106", "killed", "arrested"),  # 'arrested 40 suspects'
]


@pytest.mark.parametrize(("claim", "field", "said"), FIRES)
def test_quote_that_names_another_field_fails(
    reporting_copy: Path, edit_reporting: EditCell, claim: str, field: str, said: str
) -> None:
    line = edit_reporting("claims", claim, "field", field)
    result = validate(reporting_copy, today=TODAY)
    (hit,) = [f for f in result.findings if f.rule_id == RULE]
    assert (hit.row_key, hit.line) == (claim, line)
    assert hit.evidence["quote_fields"] == [said]
    assert f"recorded as {field}" in hit.message
    assert result.exit_code == 1


def test_attackers_filed_as_arrests_fail(seed_copy: Path, edit_cell: EditCell) -> None:
    line = edit_cell("claims", "c0002", "field", "arrested")  # 'the seven attackers'
    result = validate(seed_copy, today=TODAY)
    (hit,) = [f for f in result.findings if f.rule_id == RULE]
    assert (hit.row_key, hit.line) == ("c0002", line)
    assert hit.evidence["quote_fields"] == ["attackers"]


QUIET = [
    ("c310", "killed"),  # 'killed three assailants': a death either way
    ("c311", "attackers_captured"),  # an arrest either way
]


@pytest.mark.parametrize(("claim", "field"), QUIET)
def test_field_of_the_same_kind_is_quiet(
    reporting_copy: Path, edit_reporting: EditCell, claim: str, field: str
) -> None:
    edit_reporting("claims", claim, "field", field)
    result = validate(reporting_copy, today=TODAY)
    assert not [f for f in result.findings if f.rule_id == RULE]


def test_shipped_datasets_name_their_fields(seed_copy: Path, reporting_copy: Path) -> None:
    for root in (seed_copy, reporting_copy):
        result = validate(root, today=TODAY)
        assert not [f for f in result.findings if f.rule_id == RULE]


def test_a_quote_without_field_wording_is_left_to_the_figure_check(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    # 'has risen to 50' names no field (the sentence says 'death toll'): nothing to
    # contradict, so a wrong field here is for a reviewer, not this rule
    edit_reporting("claims", "c010", "field", "injured")
    result = validate(reporting_copy, today=TODAY)
    assert not [f for f in result.findings if f.rule_id == RULE]
