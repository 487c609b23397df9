"""`--base REF`: the dataset against its state at a git ref, with real git repositories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from checks.change.diff import diff_table
from checks.change.gitref import resolve_base, toplevel, unpack_base
from checks.change.model import Change
from checks.change.run import compare_with_base, verdict_changes
from checks.consistency.verdicts import CONFLICT, CONSISTENT, UNCHECKED, incident_verdicts
from checks.errors import CannotRun
from checks.findings import Finding, Layer, Severity
from checks.loading.csvtable import LINE
from checks.loading.loader import load_dataset
from checks.pipeline import run_gate
from tests.conftest import SEED
from tests.gitrepo import (
    ADDED_ARTICLE,
    ADDED_INCIDENT,
    CHANGED_CLAIM,
    DATASET,
    QUETTA,
    commit_all,
    git,
    init_repo,
    scenario_repo,
    set_cells,
)


def _frame(rows: list[tuple[str, str | None, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": pd.array([r[0] for r in rows], dtype="str"),
            "low": pd.array([r[1] for r in rows], dtype="str"),
            LINE: pd.array([r[2] for r in rows], dtype="int64"),
        }
    )


# ---------------------------------------------------------------- diff


def test_diff_finds_added_removed_and_changed_cells() -> None:
    base = _frame([("c1", "1", 2), ("c2", "2", 3), ("c3", None, 4)])
    head = _frame([("c2", "20", 2), ("c3", None, 3), ("c4", "4", 4)])
    change = diff_table("claims", base, head)
    assert [r.key for r in change.added] == ["c4"]
    assert [r.line for r in change.added] == [4]
    assert [r.key for r in change.removed] == ["c1"]
    assert [r.line for r in change.removed] == [2], "a removed row names its base line"
    assert [r.key for r in change.changed] == ["c2"]
    (cell,) = change.changed[0].cells
    assert (cell.column, cell.old, cell.new) == ("low", "2", "20")


@pytest.mark.parametrize(
    ("old", "new"),
    [("1", None), (None, "1"), ("a", "a ")],
    ids=["emptied", "filled", "trailing-space"],
)
def test_diff_sees_empty_cells_and_exact_text(old: str | None, new: str | None) -> None:
    change = diff_table("claims", _frame([("c1", old, 2)]), _frame([("c1", new, 2)]))
    (row,) = change.changed
    assert [(c.old, c.new) for c in row.cells] == [(old, new)]


def test_moving_a_row_is_not_a_change() -> None:
    base = _frame([("c1", "1", 2), ("c2", "2", 3)])
    head = _frame([("c2", "2", 2), ("c1", "1", 3)])
    assert diff_table("claims", base, head).empty


def test_absent_base_makes_every_row_added() -> None:
    head = _frame([("c1", "1", 2), ("c2", "2", 3)])
    change = diff_table("claims", None, head)
    assert [r.key for r in change.added] == ["c1", "c2"]
    assert not change.removed
    assert not change.changed


def test_verdict_changes_both_ways_and_new_incidents() -> None:
    before = {"a": CONSISTENT, "b": CONFLICT, "c": CONSISTENT, "gone": UNCHECKED}
    after = {"a": CONFLICT, "b": CONSISTENT, "c": CONSISTENT, "new": CONSISTENT}
    got = {(v.incident_id, v.before, v.after) for v in verdict_changes(before, after)}
    assert got == {
        ("a", CONSISTENT, CONFLICT),
        ("b", CONFLICT, CONSISTENT),
        ("gone", UNCHECKED, None),
        ("new", None, CONSISTENT),
    }


def test_touches_marks_findings_on_added_or_changed_rows_only() -> None:
    base = _frame([("c1", "1", 2), ("c2", "2", 3)])
    head = _frame([("c1", "9", 2), ("c2", "2", 3), ("c3", "3", 4)])
    change = Change("HEAD~1", "0" * 40, True, (diff_table("claims", base, head),), ())

    def finding(key: str, table: str = "claims") -> Finding:
        return Finding("x", Severity.ERROR, Layer.STRUCTURE, "m", table=table, row_key=key)

    assert change.touches(finding("c1"))
    assert change.touches(finding("c3"))
    assert not change.touches(finding("c2"))
    assert not change.touches(finding("c1", table="incidents"))


# ---------------------------------------------------------------- verdicts


def test_shared_verdicts_on_the_seed() -> None:
    run = run_gate(SEED, gx=None)
    verdicts = incident_verdicts(run.typed, run.result.findings)
    assert set(verdicts.values()) <= {CONSISTENT, UNCHECKED}
    assert verdicts[QUETTA] == CONSISTENT


def test_shared_verdict_turns_to_conflict(seed_copy: Path) -> None:
    set_cells(seed_copy / "claims.csv", CHANGED_CLAIM, low="45", high="45")
    run = run_gate(seed_copy, gx=None)
    verdicts = incident_verdicts(run.typed, run.result.findings)
    assert verdicts[QUETTA] == CONFLICT
    assert verdicts["mumbai-2008"] == CONSISTENT


# ---------------------------------------------------------------- git


def test_two_commits_give_the_change(tmp_path: Path) -> None:
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    dataset = repo / DATASET
    run = run_gate(dataset, gx=None)
    assert run.dataset is not None
    verdicts = incident_verdicts(run.typed, run.result.findings)
    change = compare_with_base(run.dataset, verdicts, "HEAD~1")
    assert change.base_present
    assert change.commit == git(repo, "rev-parse", "HEAD~1").strip()
    tables = {t.table: t for t in change.tables}
    assert [r.key for r in tables["articles"].added] == [ADDED_ARTICLE]
    assert [r.key for r in tables["incidents"].added] == [ADDED_INCIDENT]
    added_claims = {r.key for r in tables["claims"].added}
    assert added_claims == {f"c00{n}" for n in range(25, 31)}
    (changed,) = tables["claims"].changed
    assert changed.key == CHANGED_CLAIM
    assert {(c.column, c.old, c.new) for c in changed.cells} == {
        ("low", "61", "45"),
        ("high", "61", "45"),
    }
    assert all(t.empty for name, t in tables.items() if name in ("actors", "exclusions"))
    assert {(v.incident_id, v.before, v.after) for v in change.verdicts} == {
        (QUETTA, CONSISTENT, CONFLICT),
        (ADDED_INCIDENT, None, CONSISTENT),
    }
    on_change = [f for f in run.result.findings if change.touches(f)]
    assert {f.row_key for f in on_change} == {CHANGED_CLAIM}
    assert any(f.row_key == "c0014" for f in run.result.findings if not change.touches(f))


def test_working_tree_is_compared_not_only_commits(tmp_path: Path) -> None:
    """Uncommitted edits are part of the change: the head is the folder on disk."""
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    dataset = repo / DATASET
    set_cells(dataset / "actors.csv", "ttp", name="Tehrik-i-Taliban Pakistan")
    dataset_obj, _ = load_dataset(dataset)
    change = compare_with_base(dataset_obj, {}, "HEAD")
    (actors,) = [t for t in change.tables if t.table == "actors"]
    assert [r.key for r in actors.changed] == ["ttp"]
    assert git(repo, "status", "--porcelain").strip(), "the edit stays uncommitted"


def test_dataset_absent_at_ref_means_every_row_added(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    (repo / "README").write_text("empty start\n", encoding="utf-8")
    commit_all(repo, "start")
    shutil.copytree(SEED, repo / DATASET)
    commit_all(repo, "add the dataset")
    dataset, _ = load_dataset(repo / DATASET)
    change = compare_with_base(dataset, {QUETTA: CONSISTENT}, "HEAD~1")
    assert not change.base_present
    claims = next(t for t in change.tables if t.table == "claims")
    assert len(claims.added) == len(dataset.tables["claims"])
    assert not claims.removed
    assert [(v.incident_id, v.before) for v in change.verdicts] == [(QUETTA, None)]


def test_base_is_unpacked_outside_the_working_tree(tmp_path: Path) -> None:
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    into = tmp_path / "base"
    into.mkdir()
    tree = unpack_base(resolve_base(repo / DATASET, "HEAD~1"), into)
    assert tree.folder == into / DATASET
    assert not (tree.folder / "articles" / f"{ADDED_ARTICLE}.txt").exists()
    assert (repo / DATASET / "articles" / f"{ADDED_ARTICLE}.txt").exists()


@pytest.mark.parametrize("ref", ["no-such-branch", "HEAD~9", "-n", "deadbeef" * 5])
def test_unknown_ref_cannot_run(tmp_path: Path, ref: str) -> None:
    repo = scenario_repo(tmp_path / "repo", with_expectations=False)
    dataset, _ = load_dataset(repo / DATASET)
    with pytest.raises(CannotRun) as caught:
        compare_with_base(dataset, {}, ref)
    assert ref in caught.value.one_line()
    assert "\n" not in caught.value.one_line()


def test_dataset_outside_git_cannot_run(seed_copy: Path) -> None:
    if toplevel(seed_copy) is not None:
        pytest.fail(f"tmp_path {seed_copy} unexpectedly inside a git repository")
    dataset, _ = load_dataset(seed_copy)
    with pytest.raises(CannotRun, match="inside a git repository"):
        compare_with_base(dataset, {}, "HEAD")
