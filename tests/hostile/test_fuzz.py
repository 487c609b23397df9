"""Item 9: fuzzing the CSV reader and the quantity parser with hypothesis.

Properties: the reader returns a table or raises CannotRun with a line (never any
other exception), keeps every record the CSV grammar yields with its exact line,
and round-trips hostile cells; the parser never raises, its spans lie inside the
text and quote it, and every interval has low <= high.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checks.errors import CannotRun
from checks.loading.csvtable import LINE, read_table
from checks.quantities import extract_statements, parse_quantities
from tests.hostile.fuzzing import FUZZ
from tests.hostile.payloads import ALL

COLUMNS = ["id", "text", "n"]
HEADER = b"id,text,n\n"

csvish = st.lists(
    st.sampled_from([*',"\n\r\t;| ab=+-@\x00\u200b\ufeff\u00e9\u0301', "\r\n"]),
    max_size=120,
).map("".join)
hostile_cell = st.one_of(
    st.sampled_from(list(ALL.values())),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00\r"), max_size=30),
    st.builds(lambda a, b: a + "\r\n" + b, st.text(max_size=5), st.text(max_size=5)).filter(
        lambda s: "\x00" not in s and "\r" not in s.replace("\r\n", "")
    ),
)


def _read(data: bytes) -> tuple[list[list[str]] | None, list[int] | None, CannotRun | None]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes(data)
        error: CannotRun | None = None
        try:
            table = read_table(path, COLUMNS, COLUMNS)
        except CannotRun as caught:
            error = caught
    if error is not None:
        assert error.file == str(path)
        assert error.line is not None
        assert 1 <= error.line <= data.count(b"\n") + 2
        assert error.column is None or (isinstance(error.column, int) and error.column >= 1)
        return None, None, error
    rows = table.frame[COLUMNS].fillna("").values.tolist()
    return rows, table.frame[LINE].tolist(), None


@FUZZ
@given(st.binary(max_size=300))
def test_reader_on_random_bytes(data: bytes) -> None:
    _read(HEADER + data)


@FUZZ
@given(csvish)
def test_reader_keeps_or_reports_every_record(text: str) -> None:
    """Whatever the reader accepts, it accepts whole: the records the csv module yields
    (blank lines skipped), each at the line where it starts."""
    data = HEADER + text.encode("utf-8")
    rows, lines, error = _read(data)
    if error is not None:
        return
    assert rows is not None
    assert lines is not None
    decoded = data.decode("utf-8").removeprefix("\ufeff")
    oracle = csv.reader(io.StringIO(decoded, newline=""), strict=True)
    next(oracle)
    expected, starts, previous = [], [], oracle.line_num
    for record in oracle:
        if record:
            expected.append(record)
            starts.append(previous + 1)
        previous = oracle.line_num
    assert rows == expected
    assert lines == starts


@FUZZ
@given(st.lists(st.tuples(hostile_cell, hostile_cell, hostile_cell), max_size=6))
def test_hostile_cells_round_trip_with_their_lines(rows: list[tuple[str, str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    starts = []
    for row in rows:
        starts.append(buffer.getvalue().count("\n") + 1)
        writer.writerow(row)
    got, lines, error = _read(buffer.getvalue().encode("utf-8"))
    assert error is None, error
    assert got == [list(r) for r in rows]  # three columns: even an all-empty row is ",,"
    assert lines == starts


phrases = st.lists(
    st.sampled_from(
        [
            "more than",
            "at least",
            "nearly",
            "about",
            "between",
            "and",
            "to",
            "of the",
            "dozens",
            "hundreds",
            "twenty",
            "-",
            "one",
            "killed",
            "people",
            "(",
            ")",
            ",",
            " ",
            "1",
            "60",
            "1,200",
            "2013",
            "17-year-old",
            "%",
            "$",
            "\u2013",
            "\u00a0",
            "9" * 40,
            "0",
            "a dozen",
            "20 more",
            "\u0661",
        ]
    ),
    max_size=25,
).map("".join)


def _check_quantities(text: str) -> None:
    for q in parse_quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.low >= 0
        assert q.high is None or q.low <= q.high
    for statement in extract_statements(text):
        q = statement.quantity
        assert q.high is None or q.low <= q.high


@FUZZ
@given(st.one_of(st.text(max_size=200), phrases))
def test_quantity_parser_never_raises_and_spans_quote_the_text(text: str) -> None:
    _check_quantities(text)
