"""Build hostile datasets in tmp_path and run the real CLI on them.

`Hostile` wraps a private copy of datasets/seed: methods damage one file, and
`validate()` runs `checks.cli.main` exactly as CI does, asserting on the way that
the dataset tree is byte-identical before and after the run (item 8 of the issue:
nothing lost, nothing modified), whatever the outcome.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from checks.cli import main
from tests.conftest import REPO, tree_hashes


@dataclass(frozen=True)
class Outcome:
    """What one run of `validate` left: exit code, output streams, report folder."""

    code: int
    out: str
    err: str
    report_dir: Path

    def results(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(
            (self.report_dir / "results.json").read_text(encoding="utf-8")
        )
        return loaded

    def findings(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.results()["findings"]
        return found

    def located(self) -> set[tuple[str, str, int | None, tuple[str, ...]]]:
        """(rule_id, file name, line, columns) of every finding."""
        return {
            (
                f["rule_id"],
                Path(f["file"]).name if f["file"] else "",
                f["line"],
                tuple(f["columns"]),
            )
            for f in self.findings()
        }

    def error_line(self) -> str:
        """The one stderr line of an exit-2 run (asserts there is exactly one)."""
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert "Traceback" not in self.err
        return lines[0]


class Hostile:
    """A seed copy to damage, and the runs made on it."""

    def __init__(self, root: Path, reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.reports = reports
        self._capsys = capsys

    def path(self, name: str) -> Path:
        return self.root / name

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def write(self, name: str, data: bytes) -> Path:
        target = self.path(name)
        target.write_bytes(data)
        return target

    def append(self, name: str, data: bytes) -> int:
        """Append `data` (ending in a newline) to a table; return its first line number."""
        old = self.read(name)
        self.write(name, old + data)
        return old.count(b"\n") + 1

    def rows(self, name: str) -> list[dict[str, str]]:
        with self.path(name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def header(self, name: str) -> list[str]:
        with self.path(name).open(encoding="utf-8", newline="") as handle:
            return next(csv.reader(handle))

    def write_rows(
        self, name: str, rows: list[dict[str, str]], header: list[str], **fmt: Any
    ) -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", **fmt)
        writer.writeheader()
        writer.writerows(rows)
        self.write(name, buffer.getvalue().encode("utf-8"))

    def set_cell(self, name: str, key: str, column: str, value: str) -> int:
        """Set one cell of the row whose first column is `key`; return that row's line."""
        rows, header = self.rows(name), self.header(name)
        for index, row in enumerate(rows):
            if row[header[0]] == key:
                row[column] = value
                self.write_rows(name, rows, header)
                return index + 2
        raise KeyError(key)

    def line_of(self, name: str, key: str) -> int:
        """The file line of the row whose first column is `key` (single-line rows)."""
        keys = [row[self.header(name)[0]] for row in self.rows(name)]
        return keys.index(key) + 2

    def rehash(self, article_id: str) -> None:
        """Make articles.csv's sha256 match the article text as it is now."""
        rows = self.rows("articles.csv")
        for row in rows:
            if row["article_id"] == article_id:
                data = self.read(row["text_file"])
                row["sha256"] = hashlib.sha256(data).hexdigest()
        self.write_rows("articles.csv", rows, self.header("articles.csv"))

    def validate(self, *extra: str) -> Outcome:
        """Run `python -m checks validate` in-process; the dataset must be left untouched."""
        before = tree_hashes(self.root)
        self._capsys.readouterr()
        args = ["validate", str(self.root), "--report-dir", str(self.reports)]
        code = main([*args, "--no-expectations", *extra])
        captured = self._capsys.readouterr()
        assert tree_hashes(self.root) == before, "the run modified the dataset"
        return Outcome(code, captured.out, captured.err, self.reports)

    def validate_subprocess(self, *extra: str, timeout: float = 120) -> Outcome:
        """The same run as a child process, as CI runs it (a hang fails on `timeout`)."""
        before = tree_hashes(self.root)
        env = {**os.environ, "GX_ANALYTICS_ENABLED": "False", "PYTHONPATH": str(REPO)}
        args = ["validate", str(self.root), "--report-dir", str(self.reports)]
        done = subprocess.run(
            [sys.executable, "-m", "checks", *args, "--no-expectations", *extra],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert tree_hashes(self.root) == before, "the run modified the dataset"
        assert "Traceback" not in done.stderr, done.stderr
        return Outcome(done.returncode, done.stdout, done.stderr, self.reports)
