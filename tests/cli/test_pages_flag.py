"""`validate --pages`: the flag, a bad value, and the shipped datasets' pages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from checks.reports.pages import ALL_PAGES_UP_TO
from checks.synth import generate
from tests.conftest import REPORTING, SEED, run_checks_cli


def _pages(report: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((report / "incidents").glob("*.html"))}


def _incident_ids(dataset: Path) -> set[str]:
    with (dataset / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        return {row["incident_id"] for row in csv.DictReader(handle)}


def test_help_names_the_policies_and_the_threshold() -> None:
    proc = run_checks_cli("validate", "--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert "--pages {relevant,all}" in text
    assert f"at most {ALL_PAGES_UP_TO} incidents" in text


@pytest.mark.parametrize("value", ["none", "ALL", ""])
def test_bad_pages_value_is_one_line_and_exit_2(value: str, tmp_path: Path) -> None:
    proc = run_checks_cli("validate", str(SEED), "--pages", value, "--report-dir", str(tmp_path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: --pages: unknown value")
    assert not (tmp_path / "index.html").exists()


@pytest.mark.parametrize("dataset", [SEED, REPORTING], ids=["seed", "reporting"])
def test_shipped_datasets_get_every_page_as_with_pages_all(dataset: Path, tmp_path: Path) -> None:
    reports = {}
    for mode in ("relevant", "all"):
        out = tmp_path / mode
        args = ("validate", str(dataset), "--no-expectations", "--report-dir", str(out))
        proc = run_checks_cli(*args, "--pages", mode)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        reports[mode] = out
    relevant, every = reports["relevant"], reports["all"]
    assert len(_pages(relevant)) == len(_incident_ids(dataset))
    assert _pages(relevant) == _pages(every)
    assert (relevant / "index.html").read_bytes() == (every / "index.html").read_bytes()
    assert "--pages all" not in (relevant / "index.html").read_text(encoding="utf-8")


def test_above_the_threshold_only_incidents_with_findings_get_a_page(tmp_path: Path) -> None:
    generate(tmp_path / "synth", ALL_PAGES_UP_TO + 20, defects=0.002)
    dataset = tmp_path / "synth" / "dataset"
    written = {}
    for mode in ("relevant", "all"):
        out = tmp_path / mode
        args = ("validate", str(dataset), "--no-expectations", "--report-dir", str(out))
        proc = run_checks_cli(*args, "--pages", mode)
        assert proc.returncode == 1, proc.stdout + proc.stderr
        written[mode] = out
    results = json.loads((written["relevant"] / "results.json").read_text(encoding="utf-8"))
    assert results == json.loads((written["all"] / "results.json").read_text(encoding="utf-8"))
    total = len(_incident_ids(dataset))
    assert len(_pages(written["all"])) == total
    assert 0 < len(_pages(written["relevant"])) < total
    index = (written["relevant"] / "index.html").read_text(encoding="utf-8")
    assert f"of {total}: every incident with a finding" in index
    assert "--pages all" in index
