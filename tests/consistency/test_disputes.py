"""Reviewed disputes (disputes.csv) on the real-reporting dataset: what a review covers,
what it does not, when it goes stale, and the incident figures it asks for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from checks.consistency.intervals import disagreements
from checks.findings import Finding, Severity
from checks.pipeline import validate
from tests.conftest import REPORTING, EditCell, add_row, drop_row, read_rows

TODAY = dt.date(2026, 11, 30)
DISPUTES = read_rows(REPORTING / "disputes.csv")


def _rule(findings: tuple[Finding, ...], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


def test_reporting_passes_with_its_reviews_as_notices(reporting_copy: Path) -> None:
    result = validate(reporting_copy, today=TODAY)
    assert result.errors == []
    assert result.warnings == []
    reviewed = _rule(result.findings, "consistency.reviewed-dispute")
    assert {f.row_key for f in reviewed} == {row["dispute_id"] for row in DISPUTES}
    assert all(f.severity is Severity.NOTICE for f in reviewed)
    by_id = {row["dispute_id"]: row for row in DISPUTES}
    for finding in reviewed:
        assert by_id[finding.row_key or ""]["reason"] in finding.message
        assert finding.evidence["reason"] == by_id[finding.row_key or ""]["reason"]
        listed = set(by_id[finding.row_key or ""]["claims"].split(";"))
        assert {c["claim_id"] for c in finding.evidence["claims"]} == listed


@pytest.mark.parametrize("dispute", DISPUTES, ids=[row["dispute_id"] for row in DISPUTES])
def test_removing_a_review_fails_naming_its_dispute(
    reporting_copy: Path, dispute: dict[str, str]
) -> None:
    drop_row(reporting_copy, "disputes", dispute["dispute_id"])
    result = validate(reporting_copy, today=TODAY)
    assert result.exit_code == 1
    named = {
        (f.evidence.get("incident_id"), f.evidence.get("field"))
        for f in result.errors
        if f.rule_id.startswith("consistency.")
    }
    assert (dispute["incident_id"], dispute["field"]) in named


def test_a_new_claim_that_disagrees_fails_although_the_incident_is_reviewed(
    reporting_copy: Path,
) -> None:
    # a later claim of an existing article, inside the reviewed span [61, open) but not
    # listed: it disagrees with the listed 61 and 62, so it fails as before
    add_row(
        reporting_copy,
        "claims",
        {
            "claim_id": "c999",
            "article_id": "r28-catflag-westgate-61",
            "incident_id": "ke-2013-westgate",
            "field": "killed",
            "quote": "claimed 137 people were killed",
            "qualifier": "exact",
            "low": "137",
            "high": "137",
            "kind": "total",
        },
    )
    result = validate(reporting_copy, today=TODAY)
    hits = _rule(result.findings, "consistency.claims-disagree")
    assert "c999" in {f.row_key for f in hits}
    (own,) = [f for f in hits if f.row_key == "c999"]
    assert "c999 is not listed by dispute d03" in own.message


def test_a_listed_claim_edited_outside_the_span_is_no_longer_covered(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    # c309 'between 10 and 15' attackers, listed by d02 (span 4..15), now says 40
    edit_reporting("claims", "c309", "low", "40")
    edit_reporting("claims", "c309", "high", "40")
    result = validate(reporting_copy, today=TODAY)
    hits = _rule(result.findings, "consistency.claims-disagree")
    (own,) = [f for f in hits if f.row_key == "c309"]
    assert "outside its reviewed span [4, 15]" in own.message
    assert result.exit_code == 1


def test_covered_claim_against_an_unlisted_one_still_fails(reporting_copy: Path) -> None:
    add_row(
        reporting_copy,
        "claims",
        {
            "claim_id": "c998",
            "article_id": "r31-aljazeera-westgate-nypd",
            "incident_id": "ke-2013-westgate",
            "field": "attackers",
            "quote": "carried out by only four al-Shabab members",
            "qualifier": "exact",
            "low": "40",
            "high": "40",
            "kind": "total",
        },
    )
    result = validate(reporting_copy, today=TODAY)
    failing = {f.row_key for f in _rule(result.findings, "consistency.claims-disagree")}
    assert "c998" in failing
    # the reviewed claims it contradicts are named too: the review does not cover them
    # against a claim it has not seen
    assert failing & {"c309", "c322", "c324", "c326", "c327", "c329", "c331"}


def test_review_whose_claims_now_agree_is_stale(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    # d05: Westgate injured 175 / more than 175 / 200; make them all say 175
    edit_reporting("claims", "c307", "qualifier", "exact")
    for claim in ("c307", "c308"):
        edit_reporting("claims", claim, "low", "175")
        edit_reporting("claims", claim, "high", "175")
    result = validate(reporting_copy, today=TODAY)
    (stale,) = _rule(result.findings, "consistency.review-stale")
    assert stale.row_key == "d05"
    assert stale.severity is Severity.WARNING
    assert "no longer matches" in stale.message
    assert "d05" not in {f.row_key for f in _rule(result.findings, "consistency.reviewed-dispute")}


def test_review_whose_span_changed_is_stale(reporting_copy: Path, edit_reporting: EditCell) -> None:
    # d04 records [40, 50]; the 40s become 45: still a dispute, but not the one reviewed
    for claim in ("c024", "c028"):
        edit_reporting("claims", claim, "low", "45")
        edit_reporting("claims", claim, "high", "45")
    result = validate(reporting_copy, today=TODAY)
    (stale,) = _rule(result.findings, "consistency.review-stale")
    assert stale.row_key == "d04"
    assert "records the span [40, 50], but its claims now span [45, 50]" in stale.message


def test_review_whose_claims_were_superseded_is_stale(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    # d05 lists 175, 'more than 175' and 200 (all 2013-09-23); mark two as revised by 175
    edit_reporting("claims", "c307", "superseded_by", "c313")
    edit_reporting("claims", "c308", "superseded_by", "c313")
    result = validate(reporting_copy, today=TODAY)
    (stale,) = _rule(result.findings, "consistency.review-stale")
    assert stale.row_key == "d05"
    assert "only 1 of its 3 listed claims" in stale.message
    assert "c307, c308 superseded" in stale.message
    assert not _rule(result.findings, "consistency.revision-invalid")


INVALID: list[tuple[str, str, str, str]] = [
    ("d01", "claims", "c202;c203;c9999", "c9999 is not a claim of incident ng-2015-baga"),
    ("d02", "claims", "c309;c001", "c001 is not a claim of incident ke-2013-westgate"),
    ("d03", "claims", "c312;c307", "c307 is about injured, not killed"),
    ("d04", "claims", "c011", "it lists 1 claim(s)"),
    ("d05", "span_high", "100", "span_low 175 is above span_high 100"),
    ("d02", "best", "5", "best 5 is named without best_reason"),
    ("d04", "field", "killed", "c011 is about injured, not killed"),
]


@pytest.mark.parametrize(("dispute", "column", "value", "said"), INVALID)
def test_invalid_review_fails_naming_its_row(
    reporting_copy: Path, edit_reporting: EditCell, dispute: str, column: str, value: str, said: str
) -> None:
    line = edit_reporting("disputes", dispute, column, value)
    result = validate(reporting_copy, today=TODAY)
    hits = [f for f in _rule(result.findings, "consistency.review-invalid") if f.row_key == dispute]
    assert len(hits) == 1
    assert said in hits[0].message
    assert hits[0].line == line
    assert hits[0].file == str(reporting_copy / "disputes.csv")
    assert result.exit_code == 1


def test_two_reviews_of_one_incident_and_field_are_invalid(reporting_copy: Path) -> None:
    d03 = next(row for row in DISPUTES if row["dispute_id"] == "d03")
    add_row(reporting_copy, "disputes", {**d03, "dispute_id": "d99"})
    result = validate(reporting_copy, today=TODAY)
    keys = {f.row_key for f in _rule(result.findings, "consistency.review-invalid")}
    assert keys == {"d03", "d99"}


FIGURES: list[tuple[str, str, str, str]] = [
    (
        "ke-2013-westgate",
        "killed_low",
        "62",
        "killed_low=62 is above the lowest reviewed figure 61",
    ),
    ("ke-2013-westgate", "killed_high", "100", "killed_high=100 is below the highest reviewed"),
    ("ke-2013-westgate", "killed_best", "62", "killed_best=62, but the most conservative"),
    ("ng-2015-baga", "killed_best", "100", "killed_best=100, but the review's named best"),
    ("nz-2019-christchurch-mosques", "injured_best", "50", "injured_best=50"),
]


@pytest.mark.parametrize(("incident", "column", "value", "said"), FIGURES)
def test_incident_figures_must_span_the_reviewed_dispute(
    reporting_copy: Path,
    edit_reporting: EditCell,
    incident: str,
    column: str,
    value: str,
    said: str,
) -> None:
    line = edit_reporting("incidents", incident, column, value)
    result = validate(reporting_copy, today=TODAY)
    (hit,) = _rule(result.findings, "consistency.review-figures")
    assert hit.row_key == incident
    assert hit.line == line
    assert said in hit.message
    assert result.exit_code == 1


def test_named_best_with_its_reason_is_accepted(reporting_copy: Path) -> None:
    result = validate(reporting_copy, today=TODAY)
    assert not _rule(result.findings, "consistency.review-figures")
    (baga,) = [f for f in result.notices if f.row_key == "d01"]
    assert baga.evidence["best"] == 150
    assert "military" in str(baga.evidence["best_reason"])


def test_reviewed_pair_is_not_a_later_lower_toll(reporting_copy: Path) -> None:
    # the Baga 'about 2,000' (earlier) and 'about 150' (later) are both covered by d01
    result = validate(reporting_copy, today=TODAY)
    assert not _rule(result.findings, "consistency.later-lower-toll")
    drop_row(reporting_copy, "disputes", "d01")
    result = validate(reporting_copy, today=TODAY)
    assert _rule(result.findings, "consistency.later-lower-toll")


def _frame(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "incident_id": "i",
            "field": "killed",
            "claim_id": [f"c{n}" for n in range(len(rows))],
            "article_id": [r[0] for r in rows],
            "low_w": [r[2] for r in rows],
            "high_w": [r[3] for r in rows],
        }
    )


def test_pool_limits_which_claims_may_contradict() -> None:
    frame = _frame([("a1", "", 0, 10), ("a2", "", 20, 30), ("a3", "", 5, 25)])
    everyone = disagreements(frame)
    assert set(everyone.index) == {0, 1}
    # only the third claim may contradict: it meets both, so nothing fails
    only_third = disagreements(frame, pool=pd.Series([False, False, True]))
    assert only_third.empty
    # only the second may contradict: the first fails against it, the third does not
    only_second = disagreements(frame, pool=pd.Series([False, True, False]))
    assert set(only_second.index) == {0}
    assert only_second["partner"].tolist() == [1]
