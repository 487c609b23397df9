"""The shipped real-reporting dataset: it passes with its reviews, and every extraction
error the gate catches on the seed is still caught on it, naming the row."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from checks.pipeline import validate
from tests.conftest import EditCell, run_checks_cli

TODAY = dt.date(2026, 11, 30)
Edits = list[tuple[str, str, str, str]]

# (what a maintainer got wrong, the edits, the rule, the table, the row it must name)
MISTAKES: list[tuple[str, Edits, str, str, str]] = [
    (
        "figure typed wrong",
        [("claims", "c010", "low", "56"), ("claims", "c010", "high", "56")],
        "grounding.figure-mismatch",
        "claims",
        "c010",
    ),
    (
        "wrong qualifier",
        [("claims", "c001", "qualifier", "exact"), ("claims", "c001", "high", "49")],
        "grounding.figure-mismatch",
        "claims",
        "c001",
    ),
    (
        "paraphrased quote",
        [("claims", "c012", "quote", "climbed to 50")],
        "grounding.quote-not-found",
        "claims",
        "c012",
    ),
    (
        "claim filed under the wrong incident",
        [("claims", "c026", "incident_id", "nz-2019-christchurch-mosques")],
        "consistency.claims-disagree",
        "claims",
        "c026",
    ),
    (
        "early toll copied into the incident's best",
        [
            ("incidents", "lk-2019-easter-bombings", "killed_best", "321"),
            ("incidents", "lk-2019-easter-bombings", "killed_high", "321"),
        ],
        "consistency.incident-outside-consensus",
        "incidents",
        "lk-2019-easter-bombings",
    ),
    (
        "publication date before the attack",
        [("articles", "r12-westhawaiitoday-srilanka-321", "published", "2019-04-20")],
        "consistency.article-before-incident",
        "articles",
        "r12-westhawaiitoday-srilanka-321",
    ),
    (
        "review lists a claim that does not exist",
        [("disputes", "d03", "claims", "c312;c315;c319;c323;c328;c334;c320;c3344")],
        "consistency.review-invalid",
        "disputes",
        "d03",
    ),
]


@pytest.mark.parametrize(
    ("edits", "rule_id", "table", "key"),
    [m[1:] for m in MISTAKES],
    ids=[m[0] for m in MISTAKES],
)
def test_extraction_error_still_fails_on_real_reporting(
    reporting_copy: Path, edit_reporting: EditCell, edits: Edits, rule_id: str, table: str, key: str
) -> None:
    lines = {edit_reporting(t, k, c, v) for t, k, c, v in edits if t == table and k == key}
    result = validate(reporting_copy, today=TODAY)
    assert result.exit_code == 1
    hits = [f for f in result.errors if f.rule_id == rule_id and f.row_key == key]
    assert hits, f"{rule_id} did not name {key}"
    assert hits[0].file == str(reporting_copy / f"{table}.csv")
    assert hits[0].line in lines


def test_reporting_dataset_passes_from_the_command_line(tmp_path: Path) -> None:
    run = run_checks_cli(
        "validate", "datasets/reporting", "--no-expectations", "--report-dir", str(tmp_path)
    )
    assert run.returncode == 0, run.stdout + run.stderr
    document = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    consistency = document["totals"]["consistency"]
    assert consistency["error"] == 0
    assert consistency["notice"] > 0
    assert document["row_counts"]["disputes"] == 5
