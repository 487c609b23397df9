"""The reusable action (action.yml): its YAML, and its steps run as commands.

GitHub cannot run here, so the test does what the runner does for a composite action:
each `run:` step's script is executed with `bash --noprofile --norc -eo pipefail` (GitHub's
`shell: bash`) in a temporary git repository, with the environment the runner sets
(GITHUB_ACTION_PATH = this checkout, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
GITHUB_ACTIONS=true, GITHUB_BASE_REF on a pull request) and each step's `env:` with its
`${{ inputs.x }}` expressions evaluated. `uses:` steps (setup-python, cache, upload-artifact) are
skipped; a failing step stops the job, as on GitHub. The install step is told
CHECKS_SKIP_INSTALL=1: this environment already has the package (pip installing it takes
minutes); the gate step runs exactly as the action writes it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO, REPORTING, SEED, judgements_on_record
from tests.gitrepo import CHANGED_CLAIM, DATASET, commit_all, git, init_repo, set_cells

ACTION = REPO / "action.yml"
_EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def _action() -> dict[str, Any]:
    loaded = YAML(typ="safe").load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    return _action()


def _steps(action: dict[str, Any]) -> list[dict[str, Any]]:
    assert action["runs"]["using"] == "composite"
    return list(action["runs"]["steps"])


def test_inputs_the_issue_names(action: dict[str, Any]) -> None:
    inputs = action["inputs"]
    assert {"dataset", "base", "report-dir", "expectations"} <= set(inputs)
    assert inputs["dataset"]["required"] is True
    assert inputs["base"]["default"] == ""
    assert inputs["report-dir"]["default"] == "build/reports"
    assert inputs["expectations"]["default"] == "true"
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.gate.outputs.exit-code }}"


def test_steps_setup_install_gate_then_upload_always(action: dict[str, Any]) -> None:
    steps = _steps(action)
    assert str(steps[0]["uses"]).startswith("actions/setup-python@v5")
    install, cache, gate = steps[1], steps[2], steps[3]
    assert cache["uses"] == "actions/cache@v4"
    assert cache["with"]["path"] == "${{ inputs.cache }}"
    assert cache["if"] == "inputs.cache != 'none'"
    assert (
        'python -m pip install --disable-pip-version-check --quiet "$GITHUB_ACTION_PATH"'
        in (install["run"])
    )
    assert gate["id"] == "gate"
    assert "python -m checks validate" in gate["run"]
    upload = steps[-1]
    assert upload["uses"] == "actions/upload-artifact@v4"
    assert upload["if"] == "always()"
    assert upload["with"]["path"] == "${{ inputs.report-dir }}"
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
        assert "continue-on-error" not in step


def test_no_expression_is_spliced_into_a_shell(action: dict[str, Any]) -> None:
    """Inputs reach a script only as environment variables (a branch name is
    attacker-chosen); the env values use only the action's own inputs."""
    allowed = {f"inputs.{name}" for name in action["inputs"]}
    for step in _steps(action):
        assert "${{" not in str(step.get("run", "")), step["name"]
        for value in step.get("env", {}).values():
            for expression in _EXPRESSION.findall(str(value)):
                assert expression in allowed, expression


@dataclass(frozen=True)
class Job:
    """What the action's steps did: per run step (name, exit code, output), and files."""

    steps: list[tuple[str, int, str]]
    output: dict[str, str]
    summary: str

    @property
    def exit_code(self) -> int:
        return self.steps[-1][1]

    @property
    def gate_output(self) -> str:
        return self.steps[-1][2]


def _evaluate(value: str, inputs: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match[1]
        assert name.startswith("inputs."), f"the test knows no {name}"
        return inputs[name.removeprefix("inputs.")]

    return _EXPRESSION.sub(one, value)


def run_action(workspace: Path, given: dict[str, str], base_ref: str | None = None) -> Job:
    """Run the action's `run:` steps in `workspace` as the runner would (see the module)."""
    action = _action()
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs |= given
    missing = [n for n, spec in action["inputs"].items() if spec.get("required") and not inputs[n]]
    assert not missing, missing
    runner = workspace.parent / f"runner-{len(list(workspace.parent.glob('runner-*')))}"
    runner.mkdir()
    output, summary = runner / "output", runner / "summary.md"
    output.touch()
    summary.touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GIT_"))}
    env |= {
        "PATH": str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        "PYTHONPATH": str(REPO),
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION_PATH": str(REPO),
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_EVENT_NAME": "pull_request" if base_ref else "push",
        "CHECKS_SKIP_INSTALL": "1",
    }
    if base_ref:
        env["GITHUB_BASE_REF"] = base_ref
    done_steps = []
    for index, step in enumerate(action["runs"]["steps"]):
        if "run" not in step:
            continue
        script = runner / f"step-{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        step_env = env | {k: _evaluate(str(v), inputs) for k, v in step.get("env", {}).items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace, env=step_env, capture_output=True, text=True, timeout=600,
            check=False,
        )  # fmt: skip
        done_steps.append((step["name"], done.returncode, done.stdout + done.stderr))
        if done.returncode != 0:
            break
    outputs = dict(
        line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line
    )
    return Job(done_steps, outputs, summary.read_text(encoding="utf-8"))


def _workspace(root: Path, datasets: dict[str, Path]) -> Path:
    """A repository like a user's: datasets committed on main, no expectations/ folder,
    and origin/main as after a full-history checkout."""
    repo = init_repo(root)
    for relative, source in datasets.items():
        shutil.copytree(source, repo / relative)
    commit_all(repo, "the datasets")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(repo, "checkout", "-q", "-b", "change")
    return repo


def test_a_clean_change_is_green_with_every_layer(tmp_path: Path) -> None:
    repo = _workspace(tmp_path / "repo", {str(DATASET): SEED})
    set_cells(repo / DATASET / "claims.csv", CHANGED_CLAIM, note="checked against the page")
    commit_all(repo, "a note")
    job = run_action(repo, {"dataset": str(DATASET)}, base_ref="main")
    assert job.exit_code == 0, job.steps
    assert [code for _, code, _ in job.steps] == [0, 0]
    assert job.output == {"exit-code": "0"}
    assert "## Incident data gate: PASSED" in job.summary
    results = json.loads((repo / "build/reports/results.json").read_text("utf-8"))
    assert results["exit_code"] == 0
    assert "expectations" in results["layers_run"], "GX ran, with the action's suites"
    assert results["change"]["base"]["commit"] == git(repo, "rev-parse", "main").strip()
    assert (repo / "build/reports/data_docs").is_dir()
    assert not git(repo, "status", "--porcelain", "--", str(DATASET)).strip()


def test_a_broken_change_is_red_on_one_of_two_datasets(tmp_path: Path) -> None:
    repo = _workspace(tmp_path / "repo", {str(DATASET): SEED, "datasets/reporting": REPORTING})
    line = set_cells(repo / DATASET / "claims.csv", CHANGED_CLAIM, low="45", high="45")
    commit_all(repo, "c0018 says 45")
    job = run_action(
        repo,
        {"dataset": "datasets/seed\ndatasets/reporting\n", "expectations": "false"},
        base_ref="main",
    )
    assert job.exit_code == 1, job.steps
    assert job.output == {"exit-code": "1"}
    assert (
        f"::error file=datasets/seed/claims.csv,line={line},"
        "title=grounding.figure-mismatch%3A Figures do not match the quote::"
    ) in job.gate_output
    assert "[changed in this change]" in job.gate_output
    notices = judgements_on_record(REPORTING)
    assert f"PASSED: 0 errors, 0 warning(s), {notices} notice(s)" in job.gate_output, "ran"
    assert job.summary.count("## Incident data gate: ") == 2
    for name, code in (("seed", 1), ("reporting", 0)):
        results = json.loads((repo / f"build/reports/{name}/results.json").read_text("utf-8"))
        assert results["exit_code"] == code
        assert "expectations" not in results["layers_run"]


def test_on_a_push_there_is_no_base_and_none_turns_it_off(tmp_path: Path) -> None:
    repo = _workspace(tmp_path / "repo", {str(DATASET): SEED})
    job = run_action(repo, {"dataset": str(DATASET), "expectations": "false"})
    assert job.exit_code == 0, job.steps
    results = json.loads((repo / "build/reports/results.json").read_text("utf-8"))
    assert results.get("change") is None
    job = run_action(
        repo, {"dataset": str(DATASET), "expectations": "false", "base": "none"}, base_ref="main"
    )
    assert job.exit_code == 0, job.steps
    results = json.loads((repo / "build/reports/results.json").read_text("utf-8"))
    assert results.get("change") is None


def test_could_not_run_is_exit_2_and_fails_the_job(tmp_path: Path) -> None:
    repo = _workspace(tmp_path / "repo", {str(DATASET): SEED})
    job = run_action(repo, {"dataset": str(DATASET), "expectations": "false", "base": "nope"})
    assert job.exit_code == 2, job.steps
    assert job.output == {"exit-code": "2"}
    assert "error: " in job.gate_output
    assert "'nope'" in job.gate_output
    assert "Traceback" not in job.gate_output


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"dataset": " \n "}, "the dataset input is empty"),
        (
            {"dataset": "datasets/seed", "expectations": "yes"},
            "the expectations input must be true or false",
        ),
        (
            {"dataset": "a/seed b/seed", "expectations": "false"},
            "two dataset folders have one name",
        ),
        (
            {"dataset": str(DATASET), "expectations": "false", "cache": ""},
            "the cache input is empty (a folder, or none)",
        ),
    ],
)
def test_bad_inputs_are_refused_before_the_gate(
    tmp_path: Path, given: dict[str, str], message: str
) -> None:
    repo = _workspace(tmp_path / "repo", {str(DATASET): SEED})
    job = run_action(repo, given)
    assert job.exit_code == 2
    assert f"::error title=incident data gate::{message}" in job.gate_output
    assert not (repo / "build").exists()


@pytest.mark.parametrize(("cache", "written"), [("build/cache", True), ("none", False)])
def test_the_cache_folder_is_the_input_or_nothing(
    tmp_path: Path, cache: str, written: bool
) -> None:
    """What actions/cache restores and saves is the folder the gate used."""
    repo = _workspace(tmp_path / "repo", {str(DATASET): SEED})
    job = run_action(repo, {"dataset": str(DATASET), "expectations": "false", "cache": cache})
    assert job.exit_code == 0, job.gate_output
    assert (repo / "build" / "cache" / "statements.sqlite3").exists() is written
