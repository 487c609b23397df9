"""Arrow's CSV reader for tables it provably reads as the strict reader does.

The strict reader (`csvtable`) runs Python's csv module row by row: at a million claims
that costs 15 s, Arrow's reader 1 s. Arrow forgives what the strict reader refuses (text
after a closing quote, `"a"b`, reads as `ab`), so it is used only on a file whose every
quote is in a place that leaves a single reading, whose every row is one line, and which
it reads without an error into exactly the header's fields; anything else returns None
and the strict reader reads the file, with its precise errors and its line numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

QUOTE, COMMA, LF, CR = (ord(char) for char in '",\n\r')
BLOCK_BYTES = 1 << 24
"""Arrow's read block: a row must fit in one (Arrow errors otherwise, and the strict
reader takes the file)."""


def well_formed_frame(
    body: bytes, columns: Sequence[str], longest: int
) -> tuple[list[str], pd.DataFrame] | None:
    """The header of `body` (UTF-8, no byte-order mark) and its columns that are in
    `columns`, as strings, empty cells as "", row i on file line i + 2; or None when the
    strict reader must read the file.

    A cell longer than `longest` characters also returns None: the strict reader names it.
    """
    if not quotes_read_one_way(body):
        return None
    header = _header(body)
    if header is None or len(set(header)) < len(header):
        return None  # a repeated column: the strict reader names it
    table = _arrow_table(body, header)
    if table is None or table.column_names != header:
        return None
    if _lines(body) != table.num_rows + 1:
        return None  # a blank line or a line break inside a quoted cell: lines differ
    for column in table.columns:
        lengths = pc.max(pc.utf8_length(column)).as_py()
        if lengths is not None and lengths > longest:
            return None
    known = [name for name in header if name in columns]
    frame = pd.DataFrame(
        {name: pd.array(table.column(name), dtype="str") for name in known},
        index=pd.RangeIndex(table.num_rows),
    )
    return header, frame


def release_arrow_memory() -> None:
    """Hand back what a declined read held, before the strict reader takes the file: the
    allocator keeps freed blocks, and the two readers' peaks would add up."""
    pa.default_memory_pool().release_unused()


def _header(body: bytes) -> list[str] | None:
    """The first line's fields as the csv module reads them (Arrow must read the same)."""
    first = body.split(b"\n", 1)[0].removesuffix(b"\r")
    try:
        return next(csv.reader([first.decode("utf-8")], strict=True))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None


def quotes_read_one_way(body: bytes) -> bool:
    """Every quote opens a cell, closes one, or is half of a doubled quote inside one.

    Numbered in order, odd quotes open a quoted cell (after a comma, a line break or the
    file's start) or are the second of a doubled quote (after a quote); even quotes close
    it (before a comma, a line break or the file's end) or are the first of a doubled
    quote (before a quote). A file where that holds has one reading, which both readers
    agree on; a quote anywhere else (`a"b`, which the csv module keeps as a character,
    or `"a"b`, which it refuses) sends the file to the strict reader. Bytes, not
    characters: UTF-8 never uses these four ASCII bytes inside a longer character.
    """
    data = np.frombuffer(body, dtype=np.uint8)
    quotes = np.flatnonzero(data == QUOTE)
    if quotes.size % 2:
        return False  # an unterminated quote
    opening, closing = quotes[0::2], quotes[1::2]
    before = data[np.maximum(opening - 1, 0)]
    opens = (opening == 0) | (before == QUOTE) | (before == COMMA) | (before == LF)
    after = data[np.minimum(closing + 1, data.size - 1)]
    closes = (
        (closing == data.size - 1)
        | (after == QUOTE)
        | (after == COMMA)
        | (after == LF)
        | (after == CR)
    )
    return bool(opens.all() and closes.all())


def _lines(body: bytes) -> int:
    """Lines in the file: its line breaks, plus a last line that has none."""
    breaks = body.count(b"\n")
    return breaks if body.endswith(b"\n") else breaks + 1


def _arrow_table(body: bytes, header: Sequence[str]) -> pa.Table | None:
    """Every column as strings (no type guessing, no missing values); None on any error.

    One thread: the gate forks worker processes later, and a file this size reads in
    about a second on one.
    """
    try:
        return pcsv.read_csv(
            pa.BufferReader(body),
            read_options=pcsv.ReadOptions(use_threads=False, block_size=BLOCK_BYTES),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pa.large_string() for name in header},
                strings_can_be_null=False,
                null_values=[],
            ),
        )
    except (pa.ArrowException, ValueError):
        return None
