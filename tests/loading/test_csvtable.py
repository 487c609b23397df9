"""The strict CSV reader: precise CannotRun for malformed files, exact lines for good ones."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.errors import CannotRun
from checks.loading.csvtable import LINE, read_table

COLUMNS = ["id", "text", "n"]


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        (b'id,text,n\na,"open quote,1\n', 2, 2, "unterminated quoted field"),
        (b'id,text,n\na,"b"c,1\n', 2, None, "malformed CSV: ',' expected after"),
        (b"id,text,n\na,b,1,extra\n", 2, 4, "4 fields, the header has 3"),
        (b"id,text,n\na,b\n", 2, 3, "2 fields"),
        (b"id;text;n\na;b;1\n", 1, None, "lacks required column(s): id, text, n"),
        (b"id,text,id\n", 1, 3, "appears twice"),
        (b"id,text\n", 1, None, "lacks required column(s): n"),
        (b"", 1, None, "empty"),
        (b"\n\n", 1, None, "empty"),
        (b"id,text,n\na,caf\xe9,1\n", 2, 6, "not valid UTF-8 (byte 0xe9)"),
        (b"\xff\xfei\x00d\x00", 1, 1, "UTF-16"),
        (b"id,text,n\na,b\x00c,1\n", 2, 4, "NUL byte"),
        (b"id, text,n\n", 1, 2, "header column 2"),
    ],
)
def test_malformed_files_cannot_run(
    tmp_path: Path, data: bytes, line: int, column: int | None, words: str
) -> None:
    path = write(tmp_path, data)
    with pytest.raises(CannotRun) as caught:
        read_table(path, COLUMNS, COLUMNS)
    error = caught.value
    assert error.file == str(path)
    assert error.line == line
    assert error.column == column
    assert words in error.reason
    assert error.one_line().startswith(f"{path}:{line}")


def test_missing_file_cannot_run(tmp_path: Path) -> None:
    with pytest.raises(CannotRun, match="table is missing"):
        read_table(tmp_path / "nope.csv", COLUMNS, COLUMNS)


def test_rows_keep_their_file_lines_across_multiline_cells(tmp_path: Path) -> None:
    data = b'id,text,n\r\na,"two\r\nlines",1\r\n\r\nb,plain,2\r\n'
    table = read_table(write(tmp_path, data), COLUMNS, COLUMNS)
    assert table.frame["id"].tolist() == ["a", "b"]
    assert table.frame[LINE].tolist() == [2, 5]
    assert table.frame["text"].tolist() == ["two\r\nlines", "plain"]


def test_bom_is_accepted_and_unknown_columns_are_reported(tmp_path: Path) -> None:
    data = "\ufeffid,text,n,extra\na,,1,x\n".encode()
    table = read_table(write(tmp_path, data), COLUMNS, ["id"])
    assert table.unknown_columns == ("extra",)
    assert list(table.frame.columns) == ["id", "text", "n", LINE]
    assert table.frame["text"].isna().tolist() == [True]


cells = st.text(
    # no bare CR: the reader refuses it (line numbers would be ambiguous)
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00\r"),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(cells, cells, cells), max_size=8))
def test_any_well_formed_csv_round_trips(rows: list[tuple[str, str, str]]) -> None:
    """Whatever the cells hold (quotes, commas, newlines, Unicode), every row comes back."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        table = read_table(path, COLUMNS, COLUMNS)
    got = table.frame[COLUMNS].fillna("").itertuples(index=False, name=None)
    assert list(got) == rows


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    """Fuzz: any bytes give a table or a CannotRun, never another exception."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes(b"id,text,n\n" + data)
        error: CannotRun | None = None
        try:
            read_table(path, COLUMNS, COLUMNS)
        except CannotRun as exc:
            error = exc
        assert error is None or error.line is not None


def test_string_columns_are_arrow_backed(tmp_path: Path) -> None:
    """pyarrow is a dependency: every string column the loader hands the rules is Arrow-
    backed (vectorised string kernels), the way the Spark engine's pandas side reads them."""
    table = read_table(write(tmp_path, b"id,text,n\na,b,1\n"), COLUMNS, COLUMNS)
    for column in COLUMNS:
        assert table.frame[column].dtype == "str"
        dtype = table.frame[column].dtype
        assert isinstance(dtype, pd.StringDtype), column
        assert dtype.storage == "pyarrow", column
