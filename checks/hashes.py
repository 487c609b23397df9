"""`python -m checks hash DIR [--write]`: the sha256 of article texts a maintainer corrected.

`structure.sha256-mismatch` fails the gate when a text changes after its rows were
extracted. When a maintainer corrects a text deliberately (a typo fixed against the
outlet's page, a sentence added), this command reports each text whose declared sha256
differs from its bytes, and `--write` rewrites exactly those cells of articles.csv:
every other byte of the file (quoting, line endings, a byte-order mark, other rows)
stays as it was, and the file is replaced atomically. It is the only command that
writes into a dataset folder, and only that column.

Texts are read as the loader reads them (`checks.loading.texts.read_text`): a
`text_file` with `..`, an absolute path, a link out of the folder, a FIFO or a missing
file stops the command (exit 2) before anything is written.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checks.errors import CannotRun
from checks.loading.csvtable import LINE, decode_utf8, read_table
from checks.loading.loader import refuse_outside
from checks.loading.texts import read_text
from checks.structure.schemas import SCHEMAS
from checks.structure.vocab import SHA256_PATTERN

_SHA256 = re.compile(SHA256_PATTERN)
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One articles.csv row whose declared sha256 is not its text's."""

    line: int
    """The row's first line in articles.csv."""
    text_path: str
    declared: str | None
    actual: str

    def describe(self) -> str:
        declared = self.declared if self.declared is not None else "(empty)"
        if not _SHA256.match(declared) and self.declared is not None:
            declared = repr(declared)
        return f"{self.text_path}: declared {declared}, actual {self.actual}"


def find_mismatches(root: Path) -> list[Mismatch]:
    """Every articles.csv row whose sha256 cell differs from its text's digest."""
    if not root.is_dir():
        raise CannotRun(root, "dataset folder not found")
    path = root / "articles.csv"
    refuse_outside(root, path)
    schema = SCHEMAS["articles"].to_schema()
    required = [name for name, spec in schema.columns.items() if spec.required]
    frame = read_table(path, list(schema.columns), required).frame
    root_real = os.path.realpath(root)
    found = []
    for relative, declared, line in zip(
        frame["text_file"], frame["sha256"], frame[LINE], strict=True
    ):
        if not isinstance(relative, str):
            raise CannotRun(path, "text_file is empty", line=int(line))
        _status, detail, digest, _ = read_text(str(root), relative, root_real)
        if digest is None:
            raise CannotRun(
                root / relative, f"{detail} (articles.csv line {line}); nothing written"
            )
        declared_text = declared if isinstance(declared, str) else None
        if declared_text != digest:
            found.append(Mismatch(int(line), str(root / relative), declared_text, digest))
    return found


def write_digests(root: Path, mismatches: list[Mismatch]) -> None:
    """Replace the sha256 cells of the `mismatches` rows, every other byte unchanged."""
    if not mismatches:
        return
    path = root / "articles.csv"
    if path.is_symlink():
        raise CannotRun(path, "is a link; --write replaces only a regular file")
    original = path.read_bytes()
    text = decode_utf8(path, original)
    bom = _BOM if original.startswith(b"\xef\xbb\xbf") else ""
    new = {m.line: m.actual for m in mismatches}
    updated = bom + replace_column(path, text, "sha256", new)
    _check_only_column_changed(path, text, updated[len(bom) :], "sha256", new)
    _replace_atomically(path, updated.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class _Record:
    line: int
    spans: list[tuple[int, int]]
    """(start, end) of each field's content (inside the quotes of a quoted field)."""


def records(text: str) -> list[_Record]:
    """The records of a CSV text (comma, double quote, LF or CRLF), with field spans.

    Blank lines hold no record, as for the loader's reader. The text has already
    passed the loader's strict reader, so it is well formed.
    """
    found: list[_Record] = []
    position, line, size = 0, 1, len(text)
    while position < size:
        start_line = line
        spans: list[tuple[int, int]] = []
        quoted = False
        while True:
            if position < size and text[position] == '"':
                quoted = True
                start = position + 1
                position = start
                while True:
                    quote = text.index('"', position)
                    line += text.count("\n", position, quote)
                    if text.startswith('""', quote):
                        position = quote + 2
                        continue
                    spans.append((start, quote))
                    position = quote + 1
                    break
            else:
                start = position
                while position < size and text[position] not in ",\r\n":
                    position += 1
                spans.append((start, position))
            if position < size and text[position] == ",":
                position += 1
                continue
            break
        if text.startswith("\r\n", position):
            position += 2
        elif position < size and text[position] == "\n":
            position += 1
        elif position < size:
            raise ValueError(f"unexpected {text[position]!r} at offset {position}")
        line += 1
        blank = not quoted and len(spans) == 1 and spans[0][0] == spans[0][1]
        if not blank:
            found.append(_Record(start_line, spans))
    return found


def replace_column(path: Path, text: str, column: str, values: dict[int, str]) -> str:
    """`text` with the `column` cell of the records starting at `values`' lines replaced."""
    try:
        table = records(text)
    except (ValueError, IndexError):
        raise CannotRun(path, "could not locate the cells exactly; nothing written") from None
    header = [text[a:b] for a, b in table[0].spans]
    if column not in header:
        raise CannotRun(path, f"header has no {column!r} column", line=1)
    index = header.index(column)
    pieces, position = [], 0
    for record in table[1:]:
        if record.line in values:
            start, end = record.spans[index]
            pieces += [text[position:start], values[record.line]]
            position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _check_only_column_changed(
    path: Path, before: str, after: str, column: str, values: dict[int, str]
) -> None:
    """Re-read both texts with the csv module: only the planned cells may differ."""
    old = list(csv.reader(io.StringIO(before, newline="")))
    new = list(csv.reader(io.StringIO(after, newline="")))
    index = old[0].index(column)
    lines = {r.line: i for i, r in enumerate(records(before))}
    rows_by_record = [row for row in old if row]
    expected = [row[:] for row in rows_by_record]
    for line, value in values.items():
        expected[lines[line]][index] = value
    if [row for row in new if row] != expected:
        raise CannotRun(path, "could not locate the sha256 cells exactly; nothing written")


def _replace_atomically(path: Path, data: bytes) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CannotRun(path, f"cannot write: {exc.strerror or exc}") from None


def run_hash(root: Path, write: bool) -> int:
    """The `hash` command: 0 all match (or were written), 1 mismatches left as they are."""
    mismatches = find_mismatches(root)
    if write:
        write_digests(root, mismatches)
    for mismatch in mismatches:
        print(mismatch.describe() + (" (written)" if write else ""))
    if not mismatches:
        print(f"{root / 'articles.csv'}: every sha256 matches its text")
        return 0
    if not write:
        print(f"{len(mismatches)} mismatch(es); `--write` updates the sha256 column")
        return 1
    return 0
