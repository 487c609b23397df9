"""The pull-request scenario: its edit is the one it says, and it reports every figure."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from checks.bench.pull_request import CHANGED_CLAIMS, LAYERS, change_dataset, run, table
from checks.pipeline import validate
from checks.synth import generate
from tests.conftest import REPO, read_rows


def test_the_change_is_ten_figures_and_one_text(tmp_path: Path) -> None:
    manifest = generate(tmp_path, 40, seed=2, defects=0)
    before = {r["claim_id"]: r for r in read_rows(manifest.dataset / "claims.csv")}
    quiet = Counter(f.rule_id for f in validate(manifest.dataset).findings)
    edits = change_dataset(manifest.dataset)
    after = {r["claim_id"]: r for r in read_rows(manifest.dataset / "claims.csv")}
    changed = [k for k in before if before[k] != after[k]]
    assert sorted(changed) == sorted(edits["claims"])
    assert len(changed) == CHANGED_CLAIMS
    assert all(int(after[k]["low"]) == int(before[k]["low"]) + 1 for k in changed)
    loud = Counter(f.rule_id for f in validate(manifest.dataset).findings)
    assert loud["grounding.figure-mismatch"] - quiet["grounding.figure-mismatch"] == CHANGED_CLAIMS
    assert loud["grounding.uncovered-statement"] == quiet["grounding.uncovered-statement"] + 1


def test_scenario_reports_both_runs_layer_by_layer(tmp_path: Path) -> None:
    figures = run(30, tmp_path / "pr", REPO / "expectations")
    full, pull = figures["full"], figures["pull_request"]
    assert set(full["timings"]) >= set(LAYERS) - {"base"}
    assert "base" in pull["timings"]
    assert pull["findings"] > full["findings"]
    assert figures["share_all"] > 0
    assert figures["met"] == (figures["share_all"] <= figures["target_share"])
    markdown = table(figures)
    assert "| **all** |" in markdown
    assert "Peak RSS" in markdown
