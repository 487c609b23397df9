"""The gate benchmark and its plain-pandas baseline: structure and honesty, never speed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from checks.bench import baseline
from checks.bench.gate import LAYERS, main
from checks.pipeline import validate
from checks.synth import generate
from tests.conftest import REPO, SEED


@pytest.mark.parametrize(("incidents", "seed"), [(60, 0), (300, 1)])
def test_baseline_counts_equal_the_gate_on_planted_defects(
    tmp_path: Path, incidents: int, seed: int
) -> None:
    manifest = generate(tmp_path, incidents, seed=seed, defects=0.02)
    gate = Counter(f.rule_id for f in validate(manifest.dataset).findings)
    counts = baseline.run(manifest.dataset)
    assert {rule: counts[rule] for rule in baseline.COVERED} == {
        rule: gate.get(rule, 0) for rule in baseline.COVERED
    }
    # not vacuous: every covered rule with a planted defect is one the baseline finds
    planted = [r for r in baseline.COVERED if manifest.expected_without_gx.get(r, 0) > 0]
    assert len(planted) >= 15
    assert all(counts[rule] > 0 for rule in planted)


def test_baseline_is_quiet_on_clean_data(tmp_path: Path) -> None:
    manifest = generate(tmp_path, 80, seed=3, defects=0)
    assert set(baseline.run(manifest.dataset).values()) == {0}
    assert set(baseline.run(SEED).values()) == {0}


@pytest.mark.slow
def test_bench_writes_results_with_matching_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("GX_ANALYTICS_ENABLED", "False")
    assert main(["--sizes", "40", "--out", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert report["machine"]["cpus"] >= 1
    (size,) = report["sizes"]
    assert size["incidents"] == 40
    assert size["planted_match"] is True
    assert size["baseline_match"] is True
    assert set(LAYERS) | {"data_docs"} <= set(size["timings"])
    assert size["rss_mb"]["gate"] > 0
    assert size["ratio_checks"] > 0
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| 40 |" in table
    assert table in capsys.readouterr().out
    assert not (tmp_path / "data").exists()
