"""Layer 2: the Great Expectations suites in expectations/ run on the seed and on damaged copies."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest

os.environ["GX_ANALYTICS_ENABLED"] = "False"

from checks.catalogue import RULES
from checks.errors import CannotRun
from checks.expectations import consistency_results_frame, load_suite_specs, run_expectations
from checks.findings import Finding, Layer, Severity
from checks.loading.loader import load_dataset
from checks.pipeline import validate
from checks.structure import vocab
from checks.structure.run import check_structure

REPO = Path(__file__).resolve().parents[2]
SUITES = REPO / "expectations"


def _typed(root: Path) -> tuple[Mapping[str, pd.DataFrame], dict[str, str]]:
    dataset, _ = load_dataset(root)
    return check_structure(dataset).typed, dict(dataset.files)


def _quetta_conflict() -> Finding:
    return Finding(
        "consistency.claims-disagree",
        Severity.ERROR,
        Layer.CONSISTENCY,
        "c0014 and c0018 disagree",
        table="claims",
        row_key="c0014",
        evidence={"field": "killed", "claims": ["c0014", "c0018"]},
    )


def _docs_page(docs: Path, suite: str) -> str:
    pages = sorted((docs / "validations" / suite).rglob("*.html"))
    assert pages, f"no Data Docs validation page for {suite}"
    return pages[-1].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Finding], Path | None, Path]:
    out = tmp_path_factory.mktemp("seed-gx")
    typed, files = _typed(REPO / "datasets" / "seed")
    findings, index = run_expectations(
        typed, [_quetta_conflict()], files, out / "gx", out / "reports" / "data_docs", SUITES
    )
    return findings, index, out


def test_seed_passes_every_suite(seed_run: tuple[list[Finding], Path | None, Path]) -> None:
    findings, index, out = seed_run
    assert findings == []
    assert index == out / "reports" / "data_docs" / "index.html"
    assert index.is_file()
    for suite in ("articles", "incidents", "claims", "actors", "consistency_results"):
        assert _docs_page(index.parent, suite)


def test_gx_state_stays_under_gx_root(seed_run: tuple[list[Finding], Path | None, Path]) -> None:
    _, _, out = seed_run
    assert (out / "gx" / "gx" / "great_expectations.yml").is_file()
    assert not (REPO / "gx").exists()


def test_conflict_shows_in_data_docs_without_a_second_gate_finding(
    seed_run: tuple[list[Finding], Path | None, Path],
) -> None:
    findings, index, _ = seed_run
    assert index is not None
    page = _docs_page(index.parent, "consistency_results")
    assert "conflict" in page  # the unexpected status value is listed
    assert not [f for f in findings if f.table == "consistency_results"]  # severity info


def test_duplicated_incident_id_fails_the_incidents_suite(seed_copy: Path, tmp_path: Path) -> None:
    path = seed_copy / "incidents.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    quetta = next(
        i for i, line in enumerate(lines) if line.startswith("quetta-2016-police-academy")
    )
    path.write_text("\n".join([*lines, lines[quetta]]) + "\n", encoding="utf-8")
    typed, files = _typed(seed_copy)
    findings, index = run_expectations(typed, [], files, tmp_path / "gx", tmp_path / "docs", SUITES)
    unique = [f for f in findings if f.rule_id == "expectations.expect_column_values_to_be_unique"]
    assert {(f.table, f.row_key, f.severity) for f in unique} == {
        ("incidents", "quetta-2016-police-academy", Severity.ERROR)
    }
    assert sorted(f.line or 0 for f in unique) == [quetta + 1, len(lines) + 1]
    assert all(f.layer is Layer.EXPECTATIONS and f.file == files["incidents"] for f in unique)
    assert all(f.rule_id in RULES for f in findings)
    assert index is not None
    page = _docs_page(index.parent, "incidents")
    assert "values must be unique" in page
    assert "quetta-2016-police-academy" in page


def test_compound_key_of_claims_is_unique(edit_cell, seed_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    edit_cell("claims", "c0023", "quote", "killed four Lashkar-e-Jhangvi (LeJ) militants")
    typed, files = _typed(seed_copy)
    findings, _ = run_expectations(typed, [], files, tmp_path / "gx", tmp_path / "docs", SUITES)
    compound = [
        f for f in findings if f.rule_id == "expectations.expect_compound_columns_to_be_unique"
    ]
    assert {f.row_key for f in compound} == {"c0022", "c0023"}
    assert {f.line for f in compound} == {23, 24}


def test_suites_agree_with_the_data_model() -> None:
    specs = {spec.name: spec for spec in load_suite_specs(SUITES)}
    for spec in specs.values():
        for exp in spec.expectations:
            assert exp["severity"] in ("critical", "warning", "info")
            assert exp["meta"]["notes"]
            if exp["type"] == "expect_column_values_to_match_regex" and exp["kwargs"][
                "column"
            ].endswith("_id"):
                assert exp["kwargs"]["regex"] == vocab.ID_PATTERN
    sets = {
        (name, e["kwargs"]["column"]): set(e["kwargs"]["value_set"])
        for name, spec in specs.items()
        for e in spec.expectations
        if e["type"] == "expect_column_values_to_be_in_set"
    }
    assert sets[("claims", "field")] == set(vocab.CLAIM_FIELDS)
    assert sets[("claims", "qualifier")] == set(vocab.QUALIFIERS)
    assert sets[("incidents", "target_type")] == set(vocab.TARGET_TYPES)


def test_bad_suite_stops_the_run(tmp_path: Path) -> None:
    for path in SUITES.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    doc = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
    doc["expectations"][0]["severity"] = "fatal"
    (tmp_path / "claims.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CannotRun, match=re.escape("claims.json")):
        load_suite_specs(tmp_path)


def test_consistency_results_frame_marks_conflicts() -> None:
    typed, _ = _typed(REPO / "datasets" / "seed")
    frame = consistency_results_frame(typed["claims"], [_quetta_conflict()])
    rows = {(r.incident_id, r.field): r for r in frame.itertuples(index=False)}
    assert rows[("quetta-2016-police-academy", "killed")].status == "conflict"
    assert rows[("quetta-2016-police-academy", "killed")].claims == "c0014;c0018"
    assert rows[("mumbai-2008", "killed")].status == "consistent"
    assert set(frame["status"]) == {"consistent", "conflict"}


def test_consistency_results_frame_reads_the_reporting_judgements() -> None:
    root = REPO / "datasets" / "reporting"
    typed, _ = _typed(root)
    frame = consistency_results_frame(typed["claims"], validate(root).findings)
    status = {(r.incident_id, r.field): r.status for r in frame.itertuples(index=False)}
    assert status[("ke-2013-westgate", "killed")] == "reviewed"  # a reviewed dispute
    assert status[("lk-2019-easter-bombings", "killed")] == "consistent"  # revisions only
    assert "conflict" not in set(status.values())
