"""Temporary git repositories holding a dataset, built with the real git command line.

The "Done when" scenario of issue 6: the first commit is the seed dataset without the
Mumbai article (its articles.csv row, text, claims and incident row), so no incident
fact is invented; the second commit adds that article back and changes the Quetta
police-academy claim c0018 from 61 to 45 killed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO, SEED, read_rows, write_rows

ADDED_ARTICLE = "004_f32f15c4400c8287"
ADDED_INCIDENT = "mumbai-2008"
QUETTA = "quetta-2016-police-academy"
CHANGED_CLAIM = "c0018"
DATASET = Path("datasets") / "seed"


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity and no signing; return stdout."""
    done = subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=gate-test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def drop_rows(path: Path, column: str, value: str) -> None:
    rows = read_rows(path)
    names = list(rows[0])
    write_rows(path, [r for r in rows if r[column] != value], names)


def set_cells(path: Path, key: str, **cells: str) -> int:
    """Set cells of the row whose first column is `key`; return its file line."""
    rows = read_rows(path)
    names = list(rows[0])
    for index, row in enumerate(rows):
        if row[names[0]] == key:
            row.update(cells)
            write_rows(path, rows, names)
            return index + 2
    raise KeyError(key)


def init_repo(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    return root


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def scenario_repo(root: Path, with_expectations: bool = True) -> Path:
    """Two commits: seed without the Mumbai article, then with it and c0018 = 45."""
    repo = init_repo(root)
    dataset = repo / DATASET
    shutil.copytree(SEED, dataset)
    if with_expectations:
        shutil.copytree(REPO / "expectations", repo / "expectations")
    drop_rows(dataset / "articles.csv", "article_id", ADDED_ARTICLE)
    drop_rows(dataset / "claims.csv", "article_id", ADDED_ARTICLE)
    drop_rows(dataset / "incidents.csv", "incident_id", ADDED_INCIDENT)
    (dataset / "articles" / f"{ADDED_ARTICLE}.txt").unlink()
    commit_all(repo, "seed without the Mumbai article")
    shutil.rmtree(dataset)
    shutil.copytree(SEED, dataset)
    set_cells(dataset / "claims.csv", CHANGED_CLAIM, low="45", high="45")
    commit_all(repo, "add the Mumbai article; Quetta claim c0018 says 45")
    return repo
