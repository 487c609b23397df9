"""`extract ARTICLE --format csv`: draft claims.csv rows a maintainer reviews and appends."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from checks.cli import main
from checks.loading.csvtable import read_table
from checks.quantities.statements import extract_statements
from checks.scaffold.init import init_columns
from checks.structure.schemas import SCHEMAS
from tests.conftest import SEED, read_rows, run_checks_cli

ARTICLE = SEED / "articles" / "003_492807fbb42c8eb3.txt"


def _extract(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["extract", str(ARTICLE), "--format", "csv", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_rows_continue_the_datasets_ids_under_its_header(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _extract(
        capsys, "--article-id", "a-new", "--incident-id", "i-new", "--dataset", str(SEED)
    )
    assert code == 0
    assert err == ""
    rows = list(csv.DictReader(io.StringIO(out)))
    header = next(csv.reader(io.StringIO(out)))
    assert header == list(read_rows(SEED / "claims.csv")[0])
    statements = extract_statements(ARTICLE.read_text(encoding="utf-8"))
    assert len(rows) == len(statements) > 0
    assert [r["claim_id"] for r in rows] == [f"c{n:04d}" for n in range(31, 31 + len(rows))]
    text = ARTICLE.read_text(encoding="utf-8")
    for row, statement in zip(rows, statements, strict=True):
        assert row["article_id"] == "a-new"
        assert row["incident_id"] == "i-new"
        assert row["quote"] in text
        assert row["field"] == statement.field
        assert row["qualifier"] == statement.quantity.qualifier.value
        assert row["low"] == str(statement.quantity.low)
        assert row["kind"] == "total"
        assert row["actor"] == row["note"] == ""
    assert "c0033,a-new,i-new,killed,the Monday night raid that killed 61 people,exact,61,61" in out


def test_the_draft_is_a_claims_table_the_strict_reader_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _extract(capsys, "--article-id", "a", "--incident-id", "i")
    assert code == 0
    path = tmp_path / "claims.csv"
    path.write_text(out, encoding="utf-8", newline="")
    schema = SCHEMAS["claims"].to_schema()
    required = [c for c, s in schema.columns.items() if s.required]
    table = read_table(path, list(schema.columns), required)
    assert table.unknown_columns == ()
    assert list(table.frame.columns[:-1]) == init_columns("claims")
    assert list(table.frame["claim_id"])[:2] == ["c0001", "c0002"]


def test_without_a_dataset_ids_start_at_c0001_and_it_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _extract(capsys, "--article-id", "a", "--incident-id", "i")
    assert code == 0
    assert err == "note: no --dataset given: claim ids start at c0001\n"
    assert out.splitlines()[1].startswith("c0001,a,i,")


def test_no_header_rows_append_to_a_crlf_file_in_its_line_ending(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = tmp_path / "ds"
    shutil.copytree(SEED, dataset)
    claims = dataset / "claims.csv"
    claims.write_bytes(claims.read_bytes().replace(b"\n", b"\r\n"))
    code, out, _ = _extract(
        capsys, "--article-id", "a", "--incident-id", "i", "--dataset", str(dataset), "--no-header"
    )
    assert code == 0
    assert out.startswith("c0031,a,i,")
    assert out.count("\r\n") == out.count("\n") > 0


def test_json_stays_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(ARTICLE)]) == 0
    assert capsys.readouterr().out.startswith('{"field": ')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--incident-id", "i"], "error: extract --format csv needs --article-id\n"),
        (["--article-id", "a"], "error: extract --format csv needs --incident-id\n"),
        (
            ["--article-id", "a b", "--incident-id", "i"],
            "error: --article-id: 'a b' is not an id (1-64 letters, digits, '_', '.', '-', "
            "starting with a letter or digit)\n",
        ),
        (
            ["--article-id", "a", "--incident-id", "=cmd()"],
            "error: --incident-id: '=cmd()' is not an id (1-64 letters, digits, '_', '.', '-', "
            "starting with a letter or digit)\n",
        ),
    ],
)
def test_bad_options_are_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = _extract(capsys, *args)
    assert (code, out, err) == (2, "", message)


def test_a_malformed_claims_table_names_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = tmp_path / "ds"
    shutil.copytree(SEED, dataset)
    with (dataset / "claims.csv").open("a", encoding="utf-8") as handle:
        handle.write("c0099,x,y\n")
    lines = (dataset / "claims.csv").read_text(encoding="utf-8").count("\n")
    code, out, err = _extract(
        capsys, "--article-id", "a", "--incident-id", "i", "--dataset", str(dataset)
    )
    assert (code, out) == (2, "")
    assert err == (
        f"error: {dataset / 'claims.csv'}:{lines}:4: row has 3 fields, the header has 11\n"
    )


def test_a_missing_dataset_or_article_is_one_line_exit_2(tmp_path: Path) -> None:
    done = run_checks_cli(
        "extract", str(ARTICLE), "--format", "csv", "--article-id", "a",
        "--incident-id", "i", "--dataset", str(tmp_path / "nope"),
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"error: {tmp_path / 'nope'}: dataset folder not found\n"
    done = run_checks_cli(
        "extract", str(tmp_path / "none.txt"), "--format", "csv", "--article-id", "a",
        "--incident-id", "i",
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "none.txt" in done.stderr
    assert "Traceback" not in done.stderr
