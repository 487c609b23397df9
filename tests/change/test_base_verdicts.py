"""`--base` reads the base's verdicts from the cache when a run already checked that tree.

Real git repositories throughout: the key is the tree id git gives the dataset folder.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from checks.cache.verdicts import VerdictCache
from checks.change.gitref import clean_tree
from checks.change.run import compare_with_base, remember_verdicts, same_bytes
from checks.cli import main
from checks.consistency.verdicts import CONFLICT, CONSISTENT, incident_verdicts
from checks.dataset import Dataset
from checks.pipeline import run_gate
from tests.gitrepo import (
    ADDED_INCIDENT,
    CHANGED_CLAIM,
    DATASET,
    QUETTA,
    commit_all,
    git,
    scenario_repo,
    set_cells,
)

TODAY = dt.date.today()


def _tree(repo: Path, rev: str) -> str:
    return git(repo, "rev-parse", f"{rev}:{DATASET.as_posix()}").strip()


# ---------------------------------------------------------------- the tree of a clean folder


def test_a_clean_folder_has_its_committed_tree(tmp_path: Path) -> None:
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    assert clean_tree(repo / DATASET) == _tree(repo, "HEAD")


@pytest.mark.parametrize(
    "dirty",
    [
        lambda d: set_cells(d / "claims.csv", CHANGED_CLAIM, low="44"),
        lambda d: (d / "articles" / "extra.txt").write_text("untracked\n", encoding="utf-8"),
        lambda d: (d / "claims.csv").chmod(0o755),
        lambda d: (d / "notes.tmp").write_text("ignored\n", encoding="utf-8"),
    ],
    ids=["modified", "untracked", "mode", "ignored"],
)
def test_a_folder_not_as_committed_has_none(
    tmp_path: Path, dirty: Callable[[Path], object]
) -> None:
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    (repo / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    commit_all(repo, "ignore tmp files")
    assert clean_tree(repo / DATASET) is not None
    dirty(repo / DATASET)
    assert clean_tree(repo / DATASET) is None
    assert remember_verdicts(repo / DATASET, {QUETTA: CONSISTENT}, tmp_path / "cache") is False


def test_outside_git_there_is_no_tree(seed_copy: Path, tmp_path: Path) -> None:
    assert clean_tree(seed_copy) is None
    assert remember_verdicts(seed_copy, {QUETTA: CONSISTENT}, tmp_path / "cache") is False


# ---------------------------------------------------------------- compare_with_base


def _head(repo: Path) -> tuple[Dataset, dict[str, str]]:
    run = run_gate(repo / DATASET, gx=None)
    assert run.dataset is not None
    return run.dataset, incident_verdicts(run.typed, run.result.findings)


def test_the_same_change_cold_warm_and_without_cache(tmp_path: Path) -> None:
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    head, verdicts = _head(repo)
    cache = tmp_path / "cache"
    without = compare_with_base(head, verdicts, "HEAD~1")
    assert VerdictCache(cache, TODAY).get(_tree(repo, "HEAD~1")) is None
    cold = compare_with_base(head, verdicts, "HEAD~1", cache_dir=cache)
    assert VerdictCache(cache, TODAY).get(_tree(repo, "HEAD~1")) is not None, "kept"
    warm = compare_with_base(head, verdicts, "HEAD~1", cache_dir=cache)
    assert without == cold == warm
    assert {(v.incident_id, v.before, v.after) for v in warm.verdicts} == {
        (QUETTA, CONSISTENT, CONFLICT),
        (ADDED_INCIDENT, None, CONSISTENT),
    }


def test_a_hit_is_what_the_change_reports(tmp_path: Path) -> None:
    """Proof the base is not re-checked on a hit: verdicts planted under the base's key
    are the ones reported (a real entry holds what the check found, as tested above)."""
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    head, verdicts = _head(repo)
    cache = tmp_path / "cache"
    VerdictCache(cache, TODAY).put(_tree(repo, "HEAD~1"), {QUETTA: CONFLICT})
    change = compare_with_base(head, verdicts, "HEAD~1", cache_dir=cache)
    assert (QUETTA, CONFLICT, CONFLICT) not in {
        (v.incident_id, v.before, v.after) for v in change.verdicts
    }
    assert QUETTA not in {v.incident_id for v in change.verdicts}
    tables = {t.table: t for t in change.tables}
    assert [r.key for r in tables["claims"].changed] == [CHANGED_CLAIM], "tables still diffed"


def test_another_day_checks_the_base_again(tmp_path: Path) -> None:
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    head, verdicts = _head(repo)
    cache = tmp_path / "cache"
    yesterday = VerdictCache(cache, TODAY - dt.timedelta(days=1))
    yesterday.put(_tree(repo, "HEAD~1"), {QUETTA: CONFLICT})
    change = compare_with_base(head, verdicts, "HEAD~1", cache_dir=cache)
    assert (QUETTA, CONSISTENT, CONFLICT) in {
        (v.incident_id, v.before, v.after) for v in change.verdicts
    }


def test_the_base_keeps_its_severity_overrides(tmp_path: Path) -> None:
    """A rules file that makes the disagreement a notice does so at the base too: the
    base's verdicts are decided as the head's, so the same content shows no change."""
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    rules = repo / DATASET / "rules.toml"
    rules.write_text(
        rules.read_text(encoding="utf-8")
        + '"consistency.claims-disagree" = "notice"\n"consistency.later-lower-toll" = "notice"\n',
        encoding="utf-8",
    )
    commit_all(repo, "the Quetta disagreement is a notice")
    head, verdicts = _head(repo)
    assert verdicts[QUETTA] == CONSISTENT
    change = compare_with_base(head, verdicts, "HEAD")
    assert change.verdicts == ()


# ---------------------------------------------------------------- through validate


def _validate(repo: Path, out: Path, *extra: str) -> dict[str, object]:
    code = main(
        ["validate", str(repo / DATASET), "--no-expectations", "--report-dir", str(out), *extra]
    )
    assert code in (0, 1)
    document: dict[str, object] = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return document


def test_a_run_on_the_base_serves_the_pull_request(tmp_path: Path) -> None:
    """The workflow: validate on the base branch keeps its verdicts; validate --base on
    the pull request reads them and reports the same change as without a cache."""
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    cache = tmp_path / "cache"
    git(repo, "checkout", "-q", "HEAD~1")
    _validate(repo, tmp_path / "on-base", "--cache", str(cache))
    assert VerdictCache(cache, TODAY).get(_tree(repo, "HEAD")) is not None
    git(repo, "checkout", "-q", "main")
    warm = _validate(repo, tmp_path / "warm", "--cache", str(cache), "--base", "HEAD~1")
    cold = _validate(repo, tmp_path / "cold", "--no-cache", "--base", "HEAD~1")
    assert warm["change"] == cold["change"]
    assert warm["findings"] == cold["findings"]


# ---------------------------------------------------------------- tables not read twice


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (b"id\n1\n", b"id\n1\n", True),
        (b"id\n1\n", b"id\n2\n", False),
        (b"id\n1\n", b"id\n1\n\n", False),
        (b"id\n1\n", None, False),
        (None, None, True),
    ],
    ids=["equal", "same-size", "longer", "one-absent", "both-absent"],
)
def test_same_bytes(tmp_path: Path, a: bytes | None, b: bytes | None, same: bool) -> None:
    paths = []
    for name, content in (("a.csv", a), ("b.csv", b)):
        if content is not None:
            (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)
    assert same_bytes(*paths) is same
    assert same_bytes(paths[1], paths[0]) is same
