"""The Spark engine on real, disputed reporting: reviewed disputes, revised tolls and
sub-events give the same results.json as the pandas engine, passing and damaged.

Sub-events compare incidents with their parent, so the Spark engine groups a whole
family (root incident) together; disputes travel with their incident.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EditCell, add_row
from tests.spark.parity import assert_same

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark


def test_reporting_gives_identical_notices(spark: Any, reporting_copy: Path) -> None:
    document = assert_same(reporting_copy)
    fired = {f["rule_id"] for f in document["findings"]}
    assert fired == {"consistency.reviewed-dispute", "consistency.superseded-claim"}
    assert document["row_counts"]["disputes"] == 5


EDITS: list[tuple[str, str, str, str]] = [
    ("claims", "c101", "superseded_by", "c9999"),  # missing target (and a reference)
    ("claims", "c117", "superseded_by", "c112"),  # a cycle with c112 -> c117
    ("claims", "c002", "superseded_by", "c010"),  # a target in the parent incident
    ("disputes", "d01", "claims", "c202;c203;c9999"),  # lists a claim that is not there
    ("disputes", "d02", "best", "5"),  # best without best_reason
    ("incidents", "ke-2013-westgate", "killed_low", "62"),  # review-figures
    ("incidents", "nz-2019-christchurch-linwood", "killed_low", "20"),  # sum off
    ("incidents", "nz-2019-christchurch-linwood", "killed_best", "20"),
    ("incidents", "nz-2019-christchurch-linwood", "killed_high", "20"),
    ("incidents", "nz-2019-christchurch-al-noor", "start_date", "2019-03-14"),  # dates
    ("incidents", "lk-2019-easter-bombings", "parent_incident", "lk-2019-easter-bombings"),
    ("incidents", "ng-2015-baga", "parent_incident", "nowhere-2015"),  # a reference
]


def test_damaged_reporting_gives_identical_findings(
    spark: Any, reporting_copy: Path, edit_reporting: EditCell
) -> None:
    for table, key, column, value in EDITS:
        edit_reporting(table, key, column, value)
    add_row(
        reporting_copy,
        "disputes",
        {"dispute_id": "d09", "incident_id": "nowhere-2019", "field": "killed", "claims": "c001"}
        | {"span_low": "1", "reason": "r", "decision": "d"},
    )
    document = assert_same(reporting_copy)
    fired = {f["rule_id"] for f in document["findings"]}
    expected = {
        "structure.reference",
        "consistency.revision-invalid",
        "consistency.review-invalid",
        "consistency.review-figures",
        "consistency.subevent-sum",
        "consistency.subevent-dates",
        "consistency.subevent-invalid",
        "consistency.reviewed-dispute",
        "consistency.superseded-claim",
    }
    assert expected <= fired, f"did not fire: {sorted(expected - fired)}"
