"""Optional columns may be absent or entirely empty: the gate reports, never crashes.

Both cases used to raise (a `.str` accessor on an all-missing column; `bool(pd.NA)`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checks.pipeline import validate
from tests.conftest import read_rows, write_rows

TODAY = dt.date(2026, 11, 22)


def test_no_claimed_by_at_all_reports_each_claimed_by_claim(seed_copy: Path) -> None:
    path = seed_copy / "incidents.csv"
    rows = read_rows(path)
    for row in rows:
        row["claimed_by"] = ""
    write_rows(path, rows)
    claims = read_rows(seed_copy / "claims.csv")
    result = validate(seed_copy, today=TODAY)
    assert {(f.rule_id, f.row_key) for f in result.findings} == {
        ("consistency.actor-mismatch", c["claim_id"]) for c in claims if c["field"] == "claimed_by"
    }


def test_claims_without_a_kind_column_treat_increments_as_totals(seed_copy: Path) -> None:
    path = seed_copy / "claims.csv"
    claims = read_rows(path)
    write_rows(path, [{k: v for k, v in row.items() if k != "kind"} for row in claims])
    result = validate(seed_copy, today=TODAY)
    increments = {c["claim_id"] for c in claims if c["kind"] == "increment"}
    assert increments
    assert {(f.rule_id, f.row_key) for f in result.findings} == {
        ("grounding.figure-mismatch", claim_id) for claim_id in increments
    }
