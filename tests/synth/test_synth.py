"""The generator writes valid datasets whose planted defects the real gate finds exactly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from checks.catalogue import RULES
from checks.cli import main
from checks.pipeline import GxPlaces, run_gate, validate
from checks.synth import MANIFEST_NAME, Manifest, generate
from checks.synth.defects import DEFECTS
from tests.conftest import REPO, tree_hashes


def counts(root: Path) -> Counter[str]:
    return Counter(f.rule_id for f in validate(root).findings)


@pytest.mark.parametrize(("incidents", "seed"), [(1, 0), (30, 3), (250, 7)])
def test_a_clean_dataset_passes_with_no_finding(tmp_path: Path, incidents: int, seed: int) -> None:
    manifest = generate(tmp_path, incidents, seed=seed, defects=0)
    assert manifest.expected == {}
    assert manifest.planted == {}
    result = validate(manifest.dataset)
    assert result.findings == ()
    assert result.row_counts["incidents"] == incidents
    assert result.row_counts["claims"] == 10 * incidents


@pytest.mark.parametrize(
    ("incidents", "seed", "share"), [(29, 0, 0.01), (120, 1, 0.02), (600, 2, 0.01)]
)
def test_planted_defects_are_found_exactly(
    tmp_path: Path, incidents: int, seed: int, share: float
) -> None:
    manifest = generate(tmp_path, incidents, seed=seed, defects=share)
    assert set(manifest.planted) == {d.name for d in DEFECTS}
    assert counts(manifest.dataset) == Counter(manifest.expected_without_gx)


@pytest.mark.parametrize("kind", [d.name for d in DEFECTS])
def test_each_defect_kind_alone_fires_only_its_rules(tmp_path: Path, kind: str) -> None:
    manifest = generate(tmp_path, 60, seed=5, defects=0.05, only=[kind])
    defect = next(d for d in DEFECTS if d.name == kind)
    instances = 1 if defect.once else 3
    assert manifest.planted == {kind: instances}
    want = Counter({rule: per * instances for rule, per in defect.findings.items()})
    assert counts(manifest.dataset) == want


@pytest.mark.slow
def test_gx_findings_match_the_manifest_including_the_row_cap(tmp_path: Path) -> None:
    # 40 victims per kind: the duplicated claim ids give 80 unexpected rows, over the cap of 50
    manifest = generate(tmp_path / "synth", 1000, seed=4, defects=0.04)
    places = GxPlaces(REPO / "expectations", tmp_path / "gx", tmp_path / "docs")
    result = run_gate(manifest.dataset, places).result
    got = Counter(f.rule_id for f in result.findings)
    assert got == Counter(manifest.expected)
    assert got["expectations.expect_column_values_to_be_unique"] == 51


def test_same_arguments_give_byte_identical_files(tmp_path: Path) -> None:
    first = generate(tmp_path / "one", 80, seed=9, defects=0.02)
    second = generate(tmp_path / "two", 80, seed=9, defects=0.02)
    other = generate(tmp_path / "three", 80, seed=10, defects=0.02)
    assert tree_hashes(first.dataset) == tree_hashes(second.dataset)
    assert tree_hashes(first.dataset) != tree_hashes(other.dataset)
    assert first.expected == second.expected


def test_manifest_accounts_for_every_rule(tmp_path: Path) -> None:
    manifest = generate(tmp_path, 40, seed=0, defects=0.01)
    assert set(manifest.expected).isdisjoint(manifest.not_planted)
    assert set(manifest.expected) | set(manifest.not_planted) == set(RULES)
    assert all(reason for reason in manifest.not_planted.values())
    again = Manifest.read(tmp_path / MANIFEST_NAME)
    assert again.to_json() == manifest.to_json()
    assert not (manifest.dataset / MANIFEST_NAME).exists()


def test_names_are_obviously_synthetic(tmp_path: Path) -> None:
    manifest = generate(tmp_path, 20, seed=0, defects=0)
    incidents = (manifest.dataset / "incidents.csv").read_text(encoding="utf-8").splitlines()[1:]
    actors = (manifest.dataset / "actors.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert all(",Town-" in row for row in incidents)
    assert all(row.split(",")[1].startswith("Group-") for row in actors)


def test_cli_writes_the_dataset_and_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["synth", "--incidents", "40", "--out", str(tmp_path), "--seed", "2"]) == 0
    data = json.loads((tmp_path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["incidents"] == 40
    assert data["seed"] == 2
    assert counts(tmp_path / "dataset") == Counter(data["expected_without_gx"])
    assert "manifest:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["--incidents", "5"],
        ["--incidents", "0", "--defects", "0"],
        ["--incidents", "50", "--defects", "2"],
    ],
)
def test_cli_refuses_impossible_requests_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(["synth", "--out", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
