"""The GitHub workflow cannot run here: check its YAML and the steps the issue names.

The gate itself is the repository's action (action.yml), whose steps test_action.py runs.

ruamel.yaml (a dependency of Great Expectations) reads YAML 1.2, where `on` stays
a string key; PyYAML would read it as the boolean True.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "validate.yml"
WATCHED = {
    "datasets/**",
    "expectations/**",
    "checks/**",
    "noxfile.py",
    "pyproject.toml",
    "action.yml",
}


@pytest.fixture(scope="module")
def noxfile() -> ModuleType:
    """The noxfile, loaded once (nox refuses a session registered twice)."""
    spec = importlib.util.spec_from_file_location("noxfile_under_test", REPO / "noxfile.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    loaded = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    (job,) = workflow["jobs"].values()
    assert job["runs-on"].startswith("ubuntu")
    return list(job["steps"])


@pytest.mark.parametrize("event", ["pull_request", "push"])
def test_triggers_on_data_suites_checks_and_rules(workflow: dict[str, Any], event: str) -> None:
    paths = set(workflow["on"][event]["paths"])
    assert paths >= WATCHED


def _uses(steps: list[dict[str, Any]], action: str) -> dict[str, Any]:
    found = [s for s in steps if str(s.get("uses", "")).startswith(action + "@")]
    assert len(found) == 1, f"{action} used {len(found)} times"
    return found[0]


def test_checkout_keeps_history_for_the_base_branch(steps: list[dict[str, Any]]) -> None:
    checkout = _uses(steps, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    assert steps.index(checkout) == 0


def test_the_gate_is_this_repositorys_action_on_both_shipped_datasets(
    steps: list[dict[str, Any]],
) -> None:
    """Dogfooding: the job is a checkout and `uses: ./` (action.yml, tested in
    test_action.py), which sets up Python, installs this checkout, runs the gate with
    `--base origin/<base branch>` on pull requests and uploads the report."""
    assert len(steps) == 2
    gate = steps[1]
    assert gate["uses"] == "./"
    assert gate["with"]["dataset"].split() == ["datasets/seed", "datasets/reporting"]
    assert gate["with"]["report-dir"] == "build/reports"
    assert "base" not in gate["with"], "the action's default: the pull request's base"
    assert "expectations" not in gate["with"], "the action's default: the GX layer runs"
    assert "continue-on-error" not in str(steps), "exit 1 and 2 must fail the job"
    assert "if" not in gate


def test_no_untrusted_expression_is_spliced_into_a_shell(steps: list[dict[str, Any]]) -> None:
    """Branch names are attacker-chosen: they reach `run:` only as environment variables."""
    for step in steps:
        assert "${{" not in str(step.get("run", "")), step


SHIPPED = [
    ["datasets/seed", "--report-dir", "build/reports/seed"],
    ["datasets/reporting", "--report-dir", "build/reports/reporting"],
]


@pytest.mark.parametrize(
    ("posargs", "expected"),
    [
        ([], SHIPPED),
        (["--base", "origin/main"], [[*run, "--base", "origin/main"] for run in SHIPPED]),
        (["other/ds", "--no-expectations"], [["other/ds", "--no-expectations"]]),
    ],
)
def test_nox_validate_checks_every_shipped_dataset_with_options_only(
    noxfile: ModuleType, posargs: list[str], expected: list[list[str]]
) -> None:
    assert noxfile.validate_runs(posargs) == expected


def test_workflow_file_is_where_github_looks() -> None:
    assert WORKFLOW.relative_to(REPO) == Path(".github/workflows/validate.yml")
