"""Strict CSV reading that remembers where every row came from.

pandas.read_csv guesses and forgives; a gate must not. This reader decodes UTF-8
strictly, keeps the file line of every row (rows may span lines inside quotes),
and turns a malformed file into `CannotRun` with file, line and column, instead of
a traceback or a silently dropped row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from checks.errors import CannotRun

LINE = "__line__"
"""Name of the column holding each row's first line in its file (header is line 1)."""

csv.field_size_limit(1 << 30)


@dataclass(frozen=True, slots=True)
class RawTable:
    """A table as read: string cells (empty -> missing), the line column, unknown columns."""

    path: Path
    frame: pd.DataFrame
    unknown_columns: tuple[str, ...]


def decode_utf8(path: Path, data: bytes) -> str:
    """Decode strictly; a bad byte becomes CannotRun at its line and column."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CannotRun(
            path, "file is UTF-16 (byte-order mark); save it as UTF-8", line=1, column=1
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        bad = data[exc.start : exc.start + 1].hex()
        raise CannotRun(
            path,
            f"not valid UTF-8 (byte 0x{bad}); save the file as UTF-8",
            line=line,
            column=column,
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _position(text, nul)
        raise CannotRun(path, "NUL byte in a text file", line=line, column=column)
    return text


def _position(data: bytes | str, offset: int) -> tuple[int, int]:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1  # type: ignore[arg-type]
    start = data.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
    return line, offset - start + 1


def read_table(path: Path, columns: Sequence[str], required: Sequence[str]) -> RawTable:
    """Read `path` into string columns `columns` (those present) plus LINE.

    Raises CannotRun for a missing or unreadable file, a bad header (missing required
    or duplicated column) and any row whose field count differs from the header's.
    """
    if not path.exists():
        raise CannotRun(path, "table is missing")
    if not path.is_file():
        raise CannotRun(path, "table is not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CannotRun(path, f"cannot read: {exc.strerror}") from None
    text = decode_utf8(path, data)
    if not text.strip():
        raise CannotRun(path, "file is empty; expected a header line", line=1)

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise CannotRun(path, f"malformed header: {exc}", line=1) from None
    _check_header(path, header, required)

    rows: list[list[str]] = []
    lines: list[int] = []
    width = len(header)
    previous_end = reader.line_num
    try:
        for row in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not row:
                continue  # a blank line holds no data
            if len(row) != width:
                column = min(len(row), width) + 1
                raise CannotRun(
                    path,
                    f"row has {len(row)} fields, the header has {width}"
                    + (" (an unquoted comma?)" if len(row) > width else ""),
                    line=start,
                    column=column,
                )
            rows.append(row)
            lines.append(start)
    except csv.Error as exc:
        raise CannotRun(path, f"malformed CSV: {exc}", line=previous_end + 1) from None

    known = [name for name in header if name in columns]
    unknown = tuple(name for name in header if name not in columns)
    positions = [header.index(name) for name in known]
    cells = list(zip(*rows, strict=True)) if rows else [() for _ in header]
    frame = pd.DataFrame(
        {
            name: pd.array(cells[pos], dtype="str")
            for name, pos in zip(known, positions, strict=True)
        },
        index=pd.RangeIndex(len(rows)),
    )
    for name in known:
        frame[name] = frame[name].mask(frame[name] == "")
    frame[LINE] = pd.array(lines, dtype="int64")
    return RawTable(path=path, frame=frame, unknown_columns=unknown)


def _check_header(path: Path, header: list[str], required: Sequence[str]) -> None:
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name.strip() != name or not name:
            raise CannotRun(path, f"header column {position} is {name!r}", line=1, column=position)
        if name in seen:
            raise CannotRun(
                path,
                f"column {name!r} appears twice (columns {seen[name]} and {position})",
                line=1,
                column=position,
            )
        seen[name] = position
    missing = [name for name in required if name not in seen]
    if missing:
        raise CannotRun(path, f"header lacks required column(s): {', '.join(missing)}", line=1)
