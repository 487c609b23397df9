"""Spark stays optional: without pyspark, `--engine spark` is a one-line exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from checks.cli import main


def test_spark_engine_without_pyspark_says_how_to_install(
    seed_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark -> ImportError
    code = main(
        ["validate", str(seed_copy), "--report-dir", str(tmp_path / "r"), "--engine", "spark"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'incident-checks[spark]'" in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    # exit 2 still replaces any earlier report, saying why (no stale PASSED survives)
    document = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    assert document["exit_code"] == 2
    assert document["findings"] == []
    assert "incident-checks[spark]" in document["error"]["message"]


def test_default_gate_does_not_load_the_spark_engine(seed_copy: Path) -> None:
    """pyspark may be imported by pandera when the extra is installed; the engine is not."""
    import subprocess

    code = (
        "import sys; from checks.pipeline import validate; from pathlib import Path; "
        f"validate(Path({str(seed_copy)!r})); "
        "print('checks.spark.engine' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split()[-1] == "False"
