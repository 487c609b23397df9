"""Shared fixtures: a private copy of the shipped dataset and ways to damage it.

Every test works on a copy in tmp_path, so no test can modify datasets/; the
`seed_copy` fixture also checks, after the test, that the shipped files were not
touched (byte-identical hashes).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "datasets" / "seed"
REPORTING = REPO / "datasets" / "reporting"


def tree_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file under `root`, by relative path."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def seed_hashes() -> dict[str, str]:
    return tree_hashes(SEED)


def shipped_copy(source: Path, target: Path, hashes: dict[str, str]) -> Iterator[Path]:
    """A copy of a shipped dataset to damage; the original must be unchanged afterwards."""
    shutil.copytree(source, target)
    yield target
    assert tree_hashes(source) == hashes, f"a test or a check modified {source}"


@pytest.fixture
def seed_copy(tmp_path: Path, seed_hashes: dict[str, str]) -> Iterator[Path]:
    """A copy of datasets/seed to damage; the original must be unchanged afterwards."""
    yield from shipped_copy(SEED, tmp_path / "dataset", seed_hashes)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], fieldnames: list[str] | None = None) -> None:
    names = fieldnames or list(rows[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


EditCell = Callable[[str, str, str, str], int]


def cell_editor(root: Path) -> EditCell:
    """edit(table, key, column, value) on the dataset at `root` -> the edited row's line."""

    def edit(table: str, key: str, column: str, value: str) -> int:
        path = root / f"{table}.csv"
        rows = read_rows(path)
        key_column = next(iter(rows[0]))
        for index, row in enumerate(rows):
            if row[key_column] == key:
                row[column] = value
                write_rows(path, rows)
                return index + 2
        raise KeyError(f"{table}: no row {key!r}")

    return edit


@pytest.fixture
def edit_cell(seed_copy: Path) -> EditCell:
    """edit_cell(table, key, column, value) -> the file line of the edited row."""
    return cell_editor(seed_copy)


@pytest.fixture(scope="session")
def reporting_hashes() -> dict[str, str]:
    return tree_hashes(REPORTING)


@pytest.fixture
def reporting_copy(tmp_path: Path, reporting_hashes: dict[str, str]) -> Iterator[Path]:
    """A copy of datasets/reporting (real, disputed reporting) to damage."""
    yield from shipped_copy(REPORTING, tmp_path / "reporting", reporting_hashes)


@pytest.fixture
def edit_reporting(reporting_copy: Path) -> EditCell:
    """edit_reporting(table, key, column, value) on the reporting copy -> the row's line."""
    return cell_editor(reporting_copy)


def judgements_on_record(root: Path) -> int:
    """How many notices a dataset's own records ask for: one per reviewed dispute and
    one per superseded claim (what a passing run of it reports)."""
    disputes = read_rows(root / "disputes.csv") if (root / "disputes.csv").exists() else []
    revised = [row for row in read_rows(root / "claims.csv") if row.get("superseded_by")]
    return len(disputes) + len(revised)


def drop_row(root: Path, table: str, key: str) -> int:
    """Delete the row keyed `key` from `table`.csv; returns the line it stood on."""
    path = root / f"{table}.csv"
    rows = read_rows(path)
    key_column = next(iter(rows[0]))
    for index, row in enumerate(rows):
        if row[key_column] == key:
            write_rows(path, rows[:index] + rows[index + 1 :], list(rows[0]))
            return index + 2
    raise KeyError(f"{table}: no row {key!r}")


def add_row(root: Path, table: str, values: dict[str, str]) -> int:
    """Append a row (missing columns empty) to `table`.csv; returns its line."""
    path = root / f"{table}.csv"
    rows = read_rows(path)
    names = list(rows[0])
    rows.append({name: values.get(name, "") for name in names})
    write_rows(path, rows, names)
    return len(rows) + 1


def run_checks_cli(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m checks ARGS` in a real subprocess (stderr and exit code as a user sees them).

    The environment is this one without any GITHUB_* / GIT_* variables (a test decides
    whether it runs "on GitHub"), with GX analytics off, this checkout importable, and
    `env` on top.
    """
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GIT_"))}
    base |= {"GX_ANALYTICS_ENABLED": "False", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "checks", *args],
        cwd=cwd,
        env=base | (env or {}),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
