"""`python -m checks validate --engine spark` writes the same results.json as pandas,
the Great Expectations layer included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checks.cli import main
from tests.conftest import REPO, EditCell

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark


def _run(dataset: Path, out: Path, *engine: str) -> tuple[int, dict[str, Any]]:
    code = main(
        [
            "validate",
            str(dataset),
            "--report-dir",
            str(out / "reports"),
            "--gx-dir",
            str(out / "gx"),
            "--expectations",
            str(REPO / "expectations"),
            *engine,
        ]
    )
    document: dict[str, Any] = json.loads((out / "reports" / "results.json").read_text("utf-8"))
    return code, document


def test_cli_spark_engine_writes_the_same_results(
    spark: Any, seed_copy: Path, edit_cell: EditCell, tmp_path: Path
) -> None:
    edit_cell("claims", "c0018", "low", "58")
    edit_cell("claims", "c0018", "high", "58")
    edit_cell("incidents", "mumbai-2008", "country", "XX")
    pandas_code, pandas_doc = _run(seed_copy, tmp_path / "pandas")
    spark_code, spark_doc = _run(
        seed_copy, tmp_path / "spark", "--engine", "spark", "--master", "local[2]"
    )
    assert pandas_code == spark_code == 1
    assert "expectations" in spark_doc["layers_run"]
    rules = {f["rule_id"] for f in spark_doc["findings"]}
    assert {"structure.country-code", "consistency.later-lower-toll"} <= rules
    assert spark_doc == pandas_doc
