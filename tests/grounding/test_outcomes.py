"""An article's outcome: spans of its quotes, statements left uncovered, exclusions used."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.grounding.outcomes import ArticleOutcome, compute_outcomes
from checks.grounding.run import locate_quotes
from checks.quantities import Conventions, extract_statements

TEXT = "Police said 12 people were killed and 40 were injured in the blast on Monday."


def _outcome(
    claims: list[tuple[str, str]], exclusions: list[str]
) -> tuple[ArticleOutcome, ArticleOutcome]:
    """(outcome of article "a", outcome of article "b") for claims (field, quote) and
    exclusion quotes of "a"; "b" has the same text and cites nothing."""
    texts = {"a": TEXT, "b": TEXT}
    statements = {key: tuple(extract_statements(TEXT, Conventions.default())) for key in texts}
    claim_frame = pd.DataFrame(
        [("a", field, quote) for field, quote in claims],
        columns=["article_id", "field", "quote"],
        dtype="string",
    )
    exclusion_frame = pd.DataFrame(
        [("a", quote) for quote in exclusions], columns=["article_id", "quote"], dtype="string"
    )
    outcomes = compute_outcomes(
        texts,
        statements,
        claim_frame,
        locate_quotes(claim_frame, texts),
        exclusion_frame,
        locate_quotes(exclusion_frame, texts),
    )
    return outcomes["a"], outcomes["b"]


def _uncovered_fields(outcome: ArticleOutcome) -> list[str]:
    return [s.field for s in outcome.uncovered]


def test_every_statement_claimed_leaves_nothing_uncovered() -> None:
    a, b = _outcome([("killed", "12 people were killed"), ("injured", "40 were injured")], [])
    assert _uncovered_fields(a) == []
    assert a.spans == {"12 people were killed": (12, 33), "40 were injured": (38, 53)}
    assert _uncovered_fields(b) == ["killed", "injured"]  # nothing cited: all uncovered
    assert b.spans == {}


@pytest.mark.parametrize(
    ("claims", "uncovered"),
    [
        pytest.param([("killed", "12 people were killed")], ["injured"], id="one-claimed"),
        pytest.param(
            [("injured", "12 people were killed"), ("injured", "40 were injured")],
            ["killed"],
            id="other-field-does-not-cover",
        ),
        pytest.param([("killed", "13 people were killed")], ["killed", "injured"], id="not-found"),
    ],
)
def test_a_statement_is_covered_only_by_a_found_quote_of_its_field(
    claims: list[tuple[str, str]], uncovered: list[str]
) -> None:
    a, _ = _outcome(claims, [])
    assert _uncovered_fields(a) == uncovered


def test_an_exclusion_covers_what_no_claim_does_and_is_marked_used() -> None:
    a, _ = _outcome([("killed", "12 people were killed")], ["40 were injured", "on Tuesday"])
    assert _uncovered_fields(a) == []
    assert a.used == frozenset({"40 were injured"})
    assert a.spans["on Tuesday"] is None


def test_an_exclusion_of_a_claimed_statement_is_not_used() -> None:
    a, _ = _outcome([("killed", "12 people were killed")], ["12 people were killed"])
    assert a.used == frozenset()
    assert _uncovered_fields(a) == ["injured"]
