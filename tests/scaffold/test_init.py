"""`python -m checks init DIR`: an empty dataset in the shipped layout that validates."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

import checks.expectations.rules  # noqa: F401  (registers the GX rule ids)
from checks.catalogue import RULES
from checks.cli import main
from checks.dataset import TABLES
from checks.findings import Severity
from checks.rulesfile import RULES_FILE, Tolerance, load_rules
from checks.scaffold.init import INIT_TABLES, LEFT_OUT, init_columns
from checks.structure.schemas import SCHEMAS
from tests.conftest import REPO, run_checks_cli, tree_hashes

ROW_COUNT = "expectations.expect_table_row_count_to_be_between"


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_writes_headers_from_the_schemas_rules_and_an_empty_articles_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "new" / "dataset"
    assert main(["init", str(root)]) == 0
    assert {p.name for p in root.iterdir()} == {
        *(f"{t}.csv" for t in INIT_TABLES),
        RULES_FILE,
        "articles",
    }
    assert list((root / "articles").iterdir()) == []
    assert set(TABLES) <= set(INIT_TABLES)
    for table in INIT_TABLES:
        path = root / f"{table}.csv"
        schema = SCHEMAS[table].to_schema()
        header = _header(path)
        assert header == init_columns(table)
        assert [c for c in schema.columns if c in header] == header, "the model's order"
        required = {c for c, spec in schema.columns.items() if spec.required}
        assert required <= set(header), table
        assert set(schema.columns) - set(header) == set(LEFT_OUT.get(table, ()))
        assert path.read_bytes().endswith(b"\n")
        assert path.read_bytes().count(b"\n") == 1, "a header and no rows"
    rules = (root / RULES_FILE).read_text(encoding="utf-8")
    assert rules.count("\n#") > 10, "commented like the shipped rules files"
    out = capsys.readouterr().out
    assert f"wrote {root / 'claims.csv'}" in out


def test_an_initialised_dataset_validates_with_exit_0(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    assert main(["init", str(root)]) == 0
    done = run_checks_cli(
        "validate",
        str(root),
        "--expectations",
        str(REPO / "expectations"),
        "--report-dir",
        str(tmp_path / "report"),
        "--gx-dir",
        str(tmp_path / "gx"),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASSED: 0 errors" in done.stdout
    assert " error [" not in done.stdout
    fast = run_checks_cli(
        "validate", str(root), "--no-expectations", "--report-dir", str(tmp_path / "r2")
    )
    assert fast.returncode == 0, fast.stdout + fast.stderr
    assert "PASSED: 0 errors, 0 warning(s), 0 notice(s)" in fast.stdout


def test_the_rules_file_demotes_only_the_row_count_expectation(tmp_path: Path) -> None:
    """An empty dataset fails every suite's "at least one row" (GX, critical): the one
    override init writes, to be deleted once the dataset has rows (the GX run itself is
    in the test above)."""
    root = tmp_path / "ds"
    assert main(["init", str(root)]) == 0
    text = (root / RULES_FILE).read_text(encoding="utf-8")
    assert f'"{ROW_COUNT}" = "warning"' in text
    assert "DELETE THIS LINE" in text
    rules = load_rules(root / RULES_FILE, set(RULES))
    assert dict(rules.severity) == {ROW_COUNT: Severity.WARNING}
    assert rules.tolerance("killed") == Tolerance(2, 0.05)
    for table in TABLES:
        suite = json.loads((REPO / "expectations" / f"{table}.json").read_text("utf-8"))
        (count,) = [e for e in suite["expectations"] if e["type"] == ROW_COUNT.split(".")[1]]
        assert count["kwargs"]["min_value"] == 1


@pytest.mark.parametrize("existing", ["claims.csv", RULES_FILE, "articles"])
def test_refuses_to_overwrite_anything(
    tmp_path: Path, existing: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ds"
    root.mkdir()
    target = root / existing
    if existing == "articles":
        target.mkdir()
        (target / "kept.txt").write_text("keep me\n", encoding="utf-8")
    else:
        target.write_text("mine\n", encoding="utf-8")
    before = tree_hashes(root)
    assert main(["init", str(root)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {target}: already exists; init never overwrites, nothing written\n"
    assert tree_hashes(root) == before
    assert sorted(p.name for p in root.iterdir()) == [existing], "nothing else written"


def test_refuses_a_link_in_the_way_even_a_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ds"
    root.mkdir()
    outside = tmp_path / "elsewhere.csv"
    os.symlink(outside, root / "articles.csv")
    assert main(["init", str(root)]) == 2
    assert "articles.csv: already exists" in capsys.readouterr().err
    assert not outside.exists()


def test_refuses_a_file_where_the_folder_should_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ds"
    root.write_text("x", encoding="utf-8")
    assert main(["init", str(root)]) == 2
    assert (
        capsys.readouterr().err == f"error: {root}: exists and is not a folder; nothing written\n"
    )


def test_an_existing_empty_folder_is_used(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    root.mkdir()
    assert main(["init", str(root)]) == 0
    assert (root / "claims.csv").is_file()


def test_cli_in_a_subprocess_one_line_error_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "actors.csv").write_text("x\n", encoding="utf-8")
    done = run_checks_cli("init", "ds", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr
        == "error: ds/actors.csv: already exists; init never overwrites, nothing written\n"
    )
