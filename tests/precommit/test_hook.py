"""The pre-commit hook (.pre-commit-hooks.yaml), run by the real `pre-commit` package.

A temporary git repository holds a copy of the seed dataset. The hook is installed as
git's pre-commit hook and `git commit` runs it: a clean change is committed, a change
that breaks a quote is refused with the finding printed.

The fast test declares the hook as this repository's .pre-commit-hooks.yaml does (id,
entry, files, pass_filenames, require_serial), but with `language: system`, so it runs
the `checks` already installed in this environment: pre-commit building its own
environment for `language: python` installs the package and its dependencies (pandas,
Great Expectations...), about 2-3 minutes. `CHECKS_TEST_PRECOMMIT_INSTALL=1` also runs
`pre-commit try-repo` on this checkout, which does exactly that.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from checks.cli import main
from checks.precommit import dataset_folder, dataset_folders
from tests.conftest import REPO, SEED
from tests.gitrepo import commit_all, git, init_repo, set_cells

HOOKS = REPO / ".pre-commit-hooks.yaml"
DATASET = Path("datasets") / "seed"
CLAIM = "c0018"


def _hook() -> dict[str, Any]:
    hooks = YAML(typ="safe").load(HOOKS.read_text(encoding="utf-8"))
    (hook,) = hooks
    assert isinstance(hook, dict)
    return hook


def test_the_hook_definition() -> None:
    hook = _hook()
    assert hook["id"] == "incident-checks"
    assert hook["language"] == "python"
    assert "additional_dependencies" not in hook
    assert hook["entry"] == "checks precommit"
    assert hook["pass_filenames"] is True
    files = hook["files"]
    for name in ("datasets/x/claims.csv", "datasets/x/articles/a.txt", "datasets/x/rules.toml"):
        assert re.search(files, name), name
    assert not re.search(files, "README.md")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GIT_"))}
    bin_dir = str(Path(sys.executable).parent)
    return env | {
        "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
        "PRE_COMMIT_HOME": str(home),
        "PYTHONPATH": str(REPO),
        "GX_ANALYTICS_ENABLED": "False",
    }


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "-A")
    return subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid",
         "-c", "commit.gpgsign=false", "commit", "-q", "-m", message],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def hooked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A repository with the seed dataset committed and the hook installed."""
    root = tmp_path_factory.mktemp("precommit")
    repo = init_repo(root / "repo")
    shutil.copytree(SEED, repo / DATASET)
    (repo / "README.md").write_text("a team's data\n", encoding="utf-8")
    hook = _hook() | {"language": "system"}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    with (repo / ".pre-commit-config.yaml").open("w", encoding="utf-8") as handle:
        YAML(typ="safe").dump(config, handle)
    commit_all(repo, "the seed dataset")
    env = _env(root / "pre-commit-home")
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo, env=env, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return repo, env


def test_a_clean_commit_passes(hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    set_cells(repo / DATASET / "claims.csv", CLAIM, note="checked against the outlet's page")
    done = _commit(repo, env, "a note on c0018")
    output = done.stdout + done.stderr  # git shows a hook's output on stderr
    assert done.returncode == 0, output
    assert "incident data gate (fast layers)....." in output
    assert "Passed" in output
    assert not git(repo, "status", "--porcelain").strip(), "committed, nothing left behind"


def test_a_commit_that_breaks_a_quote_is_refused_with_the_finding(
    hooked: tuple[Path, dict[str, str]],
) -> None:
    repo, env = hooked
    head = git(repo, "rev-parse", "HEAD")
    line = set_cells(repo / DATASET / "claims.csv", CLAIM, quote="the raid that killed 61 men")
    try:
        done = _commit(repo, env, "paraphrase c0018")
    finally:
        git(repo, "reset", "-q", "--hard")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Failed" in output
    assert f"{DATASET}/claims.csv:{line}: error [grounding.quote-not-found]" in output
    assert "FAILED: 1 error(s)" in output
    assert git(repo, "rev-parse", "HEAD") == head, "the commit was refused"


def test_files_outside_any_dataset_skip_the_gate(hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    (repo / "README.md").write_text("a team's data, checked\n", encoding="utf-8")
    (repo / "notes.txt").write_text("not a dataset file\n", encoding="utf-8")
    done = _commit(repo, env, "docs")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output, "notes.txt matches `files:` but lies in no dataset"
    assert "dataset " not in output


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("CHECKS_TEST_PRECOMMIT_INSTALL") != "1",
    reason="builds the hook's own environment (pip installs the package): "
    "set CHECKS_TEST_PRECOMMIT_INSTALL=1",
)
def test_try_repo_builds_and_runs_the_real_hook(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    shutil.copytree(SEED, repo / DATASET)
    commit_all(repo, "the seed dataset")
    line = set_cells(repo / DATASET / "claims.csv", CLAIM, quote="the raid that killed 61 men")
    git(repo, "add", "-A")
    env = _env(tmp_path / "home")
    env.pop("PYTHONPATH")
    env["PATH"] = env["PATH"].split(os.pathsep, 1)[1]  # not this environment's `checks`
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "incident-checks"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{DATASET}/claims.csv:{line}: error [grounding.quote-not-found]" in done.stdout
    assert "Failed" in done.stdout


def test_dataset_folder_is_the_nearest_ancestor_with_rules_or_claims(tmp_path: Path) -> None:
    a = tmp_path / "datasets" / "a"
    (a / "articles").mkdir(parents=True)
    (a / "claims.csv").write_text("x\n", encoding="utf-8")
    b = tmp_path / "datasets" / "b"
    b.mkdir()
    (b / "rules.toml").write_text("", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    assert dataset_folder(a / "articles" / "x.txt") == a
    assert dataset_folder(a / "claims.csv") == a
    assert dataset_folder(b / "incidents.csv") == b
    assert dataset_folder(tmp_path / "docs" / "notes.txt") is None
    files = [a / "claims.csv", b / "rules.toml", a / "articles" / "x.txt", tmp_path / "x.csv"]
    assert dataset_folders(files) == [a, b]


def test_the_command_checks_each_touched_dataset_once(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [seed_copy / "claims.csv", seed_copy / "articles" / "x.txt", seed_copy / "rules.toml"]
    assert main(["precommit", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert out.count(f"dataset {seed_copy}: ") == 1
    assert "PASSED: 0 errors" in out
    assert "expectations" not in out, "the fast layers only"
    assert not (seed_copy / "build").exists()


def test_the_command_is_quiet_outside_datasets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["precommit", str(tmp_path / "README.md"), str(tmp_path / "x.csv")]) == 0
    assert capsys.readouterr() == ("", "")


def test_a_dataset_that_cannot_be_read_is_exit_2_in_one_line(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = seed_copy / "claims.csv"
    claims.write_bytes(claims.read_bytes() + b'c9,"open\n')
    assert main(["precommit", str(claims)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"error: {claims}:")
    assert "unterminated quoted field" in err
    assert err.count("\n") == 1
