"""Arrow's reader is used only where it reads what the strict reader reads.

The property that matters: for any bytes, `read_table` (Arrow where it may) gives the
same frame, the same lines, or the same CannotRun as the strict reader alone. The
other tests show that Arrow is really used on ordinary files, so the property is not
met by always falling back.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checks.dataset import TABLES
from checks.errors import CannotRun
from checks.loading import csvtable
from checks.loading.arrowcsv import quotes_read_one_way, well_formed_frame
from checks.loading.csvtable import LINE, MAX_FIELD_CHARS, read_table
from tests.hostile.fuzzing import FUZZ

COLUMNS = ["id", "text", "n"]
HEADER = b"id,text,n\n"
ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def strict_only() -> Iterator[None]:
    """The strict reader alone: Arrow's reader declines every file."""
    with mock.patch.object(csvtable, "well_formed_frame", return_value=None):
        yield


def outcome(data: bytes, columns: list[str]) -> pd.DataFrame | tuple[object, ...]:
    """The frame read from `data`, or the CannotRun's file-free fields."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes(data)
        try:
            return read_table(path, columns, columns[:1]).frame
        except CannotRun as error:
            return (error.reason, error.line, error.column)


def assert_same(data: bytes, columns: list[str] = COLUMNS) -> None:
    fast = outcome(data, columns)
    with strict_only():
        strict = outcome(data, columns)
    if isinstance(strict, pd.DataFrame):
        assert isinstance(fast, pd.DataFrame), fast
        pd.testing.assert_frame_equal(fast, strict)
    else:
        assert fast == strict


def read_arrow(data: bytes) -> pd.DataFrame | None:
    read = well_formed_frame(data, COLUMNS, MAX_FIELD_CHARS)
    return None if read is None else read[1]


# Pieces a CSV is made of, the troublesome ones often: quotes alone and doubled, commas,
# both line ends and a bare CR, multi-byte characters, spaces (a no-break one too), a
# NUL, the header's own names (for files without the usual header).
pieces = st.sampled_from(
    ['"', '""', ",", "\n", "\r\n", "\r", "a", "é", " ", "\xa0", "\x00", "x,y", '"q"', *COLUMNS]
)


@FUZZ
@given(st.lists(pieces, max_size=30).map("".join), st.booleans())
@example('a,"b"c,1\n', True)  # text after a closing quote: the strict reader refuses it
@example('a,b"c,1\n', True)  # a quote inside a bare cell: the strict reader keeps it
@example('a,"b\nc",1\n\nd,e,f', True)  # a line break in a cell, a blank line, no last LF
@example('a,"""b""",1\r\n', True)
@example("\xa0\n", False)  # blank to str.strip, not to bytes.strip: "file is empty"
@example('id,"text",n,id\n', False)
def test_any_bytes_read_as_the_strict_reader_reads_them(body: str, with_header: bool) -> None:
    assert_same((HEADER if with_header else b"") + body.encode())


cells = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00\r\n"), max_size=12
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(cells, cells, cells), max_size=8),
    st.booleans(),
    st.sampled_from(["\n", "\r\n"]),
)
def test_files_a_csv_writer_writes_are_read_by_arrow(
    rows: list[tuple[str, str, str]], quote_all: bool, ending: str
) -> None:
    """Without line breaks in cells, anything csv.writer writes takes Arrow's path, and
    reads as the strict reader reads it."""
    buffer = io.StringIO()
    if quote_all:
        writer = csv.writer(buffer, lineterminator=ending, quoting=csv.QUOTE_ALL)
    else:
        writer = csv.writer(buffer, lineterminator=ending, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    data = buffer.getvalue().encode()
    frame = read_arrow(data)
    assert frame is not None
    assert list(frame.itertuples(index=False, name=None)) == rows
    assert_same(data)


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b'a,"b"c,1\n', "text after a closing quote"),
        (b'a,b"c,1\n', "a quote inside a bare cell"),
        (b'a,"b,1\n', "an unterminated quote"),
        (b'a,"two\nlines",1\n', "a line break inside a cell"),
        (b"a,b,1\n\nc,d,2\n", "a blank line"),
        (b"a,b,1\nc,d\n", "a row one field short"),
        (b"a,b,1,2\n", "a row one field long"),
    ],
)
def test_files_with_more_than_one_reading_go_to_the_strict_reader(body: bytes, why: str) -> None:
    assert read_arrow(HEADER + body) is None, why
    assert_same(HEADER + body)


def test_an_over_long_cell_goes_to_the_strict_reader_which_names_it() -> None:
    body = b"a," + b"x" * 12 + b",1\n"
    assert well_formed_frame(HEADER + body, COLUMNS, 12) is not None
    assert well_formed_frame(HEADER + body, COLUMNS, 11) is None


@pytest.mark.parametrize(
    ("data", "one_way"),
    [
        (b'"a","b"\n', True),
        (b'"a""b",c\n', True),
        (b'"",""\r\n', True),
        (b'a,"b"', True),
        (b'"a"b\n', False),
        (b'a"b\n', False),
        (b'"a\n', False),
        (b'a,""b\n', False),
    ],
)
def test_quotes_read_one_way(data: bytes, one_way: bool) -> None:
    assert quotes_read_one_way(data) is one_way


def test_rows_keep_their_lines_and_empty_cells_are_missing(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes('\ufeffid,text,n\r\na,,1\r\nb,"c, d",2\r\n'.encode())
    assert read_arrow(path.read_bytes()[3:]) is not None
    frame = read_table(path, COLUMNS, COLUMNS).frame
    assert frame[LINE].tolist() == [2, 3]
    assert frame["text"].isna().tolist() == [True, False]
    assert frame["text"].iloc[1] == "c, d"


@pytest.mark.parametrize("dataset", ["seed", "reporting"])
@pytest.mark.parametrize("table", TABLES)
def test_shipped_tables_read_the_same_either_way(dataset: str, table: str) -> None:
    """The shipped tables: whichever reader takes them, the frames are identical."""
    path = ROOT / "datasets" / dataset / f"{table}.csv"
    columns = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert_same(path.read_bytes(), columns)
