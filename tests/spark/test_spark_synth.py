"""On a generated dataset with planted defects, the Spark engine reports what the
generator's manifest says the gate must report, finding for finding like pandas."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checks.pipeline import run_gate
from checks.quantities import batch
from checks.reports.json_report import result_document
from checks.synth.generate import generate

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark


def _findings(root: Path, engine: str, jobs: int = 1) -> list[str]:
    document = result_document(run_gate(root, None, engine=engine, jobs=jobs).result)
    return sorted(
        json.dumps(f, sort_keys=True, default=str, ensure_ascii=False) for f in document["findings"]
    )


def test_generated_dataset_matches_manifest_and_pandas(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Spark run also reads the texts on a forked pool (the threshold lowered), as
    `validate --engine spark` does on a large dataset: forked beside a live JVM gateway."""
    manifest = generate(tmp_path / "synth", 200, seed=3, defects=0.02)
    monkeypatch.setattr(batch, "MIN_TEXTS", 100)
    spark_findings = _findings(manifest.dataset, "spark", jobs=2)
    rules = Counter(json.loads(f)["rule_id"] for f in spark_findings)
    assert rules == Counter(manifest.expected_without_gx)
    assert len(rules) >= 10, "the planted defects should exercise many rules"
    assert spark_findings == _findings(manifest.dataset, "pandas")
