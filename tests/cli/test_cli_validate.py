"""`python -m checks validate` end to end, in a subprocess as CI runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, EditCell, run_checks_cli, tree_hashes


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return run_checks_cli(*args, cwd=cwd)


def test_seed_passes_and_writes_results(seed_copy: Path, tmp_path: Path) -> None:
    before = tree_hashes(seed_copy)
    out = tmp_path / "reports"
    proc = run("validate", str(seed_copy), "--report-dir", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PASSED: 0 errors" in proc.stdout
    document = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert document["exit_code"] == 0
    assert document["passed"] is True
    assert document["row_counts"]["claims"] == 30
    assert [f for f in document["findings"] if f["severity"] == "error"] == []
    assert tree_hashes(seed_copy) == before


def test_damaged_copy_exits_1_naming_each_problem(
    seed_copy: Path, edit_cell: EditCell, tmp_path: Path
) -> None:
    """The issue's acceptance case: duplicate id, low > high, unknown article, edited text."""
    dup = edit_cell("claims", "c0003", "claim_id", "c0001")
    order = edit_cell("claims", "c0012", "low", "250")
    ref = edit_cell("claims", "c0009", "article_id", "999_unknown")
    text = seed_copy / "articles" / "003_492807fbb42c8eb3.txt"
    text.write_bytes(text.read_bytes() + b"\nAn edit.\n")
    out = tmp_path / "reports"
    proc = run("validate", str(seed_copy), "--report-dir", str(out))
    assert proc.returncode == 1
    claims, articles = seed_copy / "claims.csv", seed_copy / "articles.csv"
    for location, rule in [
        (f"{claims}:{dup}", "structure.unique-key"),
        (f"{claims}:{order}", "structure.interval-order"),
        (f"{claims}:{ref}", "structure.reference"),
        (f"{articles}:5", "structure.sha256-mismatch"),
    ]:
        assert any(
            line.startswith(f"{location}: error [{rule}]") for line in proc.stdout.splitlines()
        ), (location, rule, proc.stdout)
    document = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert document["exit_code"] == 1
    assert {f["rule_id"] for f in document["findings"]} >= {
        "structure.unique-key",
        "structure.interval-order",
        "structure.reference",
        "structure.sha256-mismatch",
    }
    first = document["findings"][0]
    assert list(first) == [
        "rule_id",
        "severity",
        "layer",
        "table",
        "row_key",
        "file",
        "line",
        "columns",
        "message",
        "evidence",
    ]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("missing-claims", "claims.csv: table is missing"),
        ("malformed-line", "claims.csv:32:4: row has 3 fields, the header has 11"),
        ("unterminated-quote", "claims.csv:32:2: unterminated quoted field"),
        ("latin1", "incidents.csv:2:"),
        ("bad-rules", "rules.toml:"),
        ("no-folder", "dataset folder not found"),
    ],
)
def test_unrunnable_dataset_exits_2_with_one_line(
    seed_copy: Path, tmp_path: Path, damage: str, expected: str
) -> None:
    claims = seed_copy / "claims.csv"
    target = seed_copy
    if damage == "missing-claims":
        claims.unlink()
    elif damage == "malformed-line":
        claims.write_text(claims.read_text(encoding="utf-8") + "c0099,a,b\n", encoding="utf-8")
    elif damage == "unterminated-quote":
        claims.write_text(claims.read_text(encoding="utf-8") + 'c0099,"open\n', encoding="utf-8")
    elif damage == "latin1":
        incidents = seed_copy / "incidents.csv"
        incidents.write_bytes(incidents.read_bytes().replace(b"Lahore", b"L\xe4hore", 1))
    elif damage == "bad-rules":
        (seed_copy / "rules.toml").write_text(
            "[tolerance.killed]\nabsolute = -1\n", encoding="utf-8"
        )
    elif damage == "no-folder":
        target = seed_copy / "nope"
    proc = run("validate", str(target), "--report-dir", str(tmp_path / "r"))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    assert expected in lines[0]


def test_report_dir_inside_dataset_is_refused(seed_copy: Path) -> None:
    proc = run("validate", str(seed_copy), "--report-dir", str(seed_copy / "build"))
    assert proc.returncode == 2
    assert not (seed_copy / "build").exists()


def test_help_lists_commands_and_exit_codes() -> None:
    proc = run("validate", "--help")
    assert proc.returncode == 0
    assert "--report-dir" in proc.stdout
    assert "2 could not run" in proc.stdout


def test_reader_closing_the_pipe_keeps_the_verdict_and_prints_no_traceback(
    tmp_path: Path,
) -> None:
    """`validate | head -1`: far more findings than a pipe buffer holds, the reader stops
    after one line; the gate still exits 1 for the errors, with nothing on stderr."""
    from checks.synth.generate import generate

    generate(tmp_path / "synth", incidents=1000, seed=0, defects=0.05)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "checks",
            "validate",
            str(tmp_path / "synth" / "dataset"),
            "--no-expectations",
            "--report-dir",
            str(tmp_path / "out"),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=300) == 1
    assert first.strip()
    assert stderr == ""
