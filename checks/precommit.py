"""`python -m checks precommit FILE...`: the fast layers on the dataset folders FILES touch.

pre-commit passes the staged files a commit touches. Each file's dataset folder is its
nearest ancestor holding `rules.toml` or `claims.csv`; files in no dataset are ignored.
Each folder is checked like `validate --no-expectations` (load, structure, grounding,
consistency) and no report is written, so the commit leaves no files behind. The
exit code is the worst of the folders': 1 when a folder has errors, 2 when one cannot
be checked.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from checks.errors import CannotRun
from checks.findings import ExitCode

MARKERS = ("rules.toml", "claims.csv")


def dataset_folder(file: Path) -> Path | None:
    """The nearest ancestor of `file` that holds a rules.toml or a claims.csv."""
    for folder in file.parents:
        if any((folder / marker).is_file() for marker in MARKERS):
            return folder
    return None


def dataset_folders(files: Iterable[Path]) -> list[Path]:
    """The distinct dataset folders of `files`, in order of first appearance."""
    found: dict[Path, None] = {}
    for file in files:
        folder = dataset_folder(file)
        if folder is not None:
            found.setdefault(folder)
    return list(found)


def run_precommit(files: list[Path]) -> int:
    """Check each touched dataset; print its findings and verdict; the worst exit code."""
    folders = dataset_folders(files)
    if not folders:
        return int(ExitCode.OK)
    from checks.forkpool import usable_cpus
    from checks.pipeline import run_gate
    from checks.reports.terminal import render_terminal

    worst = int(ExitCode.OK)
    for folder in folders:
        try:
            result = run_gate(folder, gx=None, jobs=usable_cpus()).result
        except CannotRun as exc:
            print(f"error: {exc.one_line()}", file=sys.stderr)
            worst = max(worst, int(ExitCode.CANNOT_RUN))
            continue
        print(render_terminal(result))
        worst = max(worst, int(result.exit_code))
    return worst
