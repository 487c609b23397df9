"""Text cells that are dangerous to open or misleading to read.

Reviewers open these CSVs in spreadsheets, where a cell starting with `=`, `+`, `-`,
`@`, TAB or CR is run as a formula (CSV injection): `structure.formula-injection`.
Invisible characters (zero-width spaces and joiners, bidi controls, soft hyphen, BOM)
in a cell that is matched against other text (ids, references, quotes, actor names,
file names) make two values that look equal differ, or a quote look verbatim when it
is not: `structure.invisible-character`. Both are vectorized (pandas str methods over
whole columns); Python runs only over the cells that fail.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding
from checks.structure.schemas import SCHEMAS

FORMULA_RULE = "structure.formula-injection"
INVISIBLE_RULE = "structure.invisible-character"

FORMULA_START = "=+-@\t\r"
"""First characters a spreadsheet treats as the start of a formula (OWASP's list)."""

INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Soft hyphen, Mongolian vowel separator, zero-width space/non-joiner/joiner, bidi
marks, embeddings, overrides and isolates, word joiner, invisible operators, BOM."""

MATCHED_COLUMNS = frozenset(
    {
        "article_id",
        "incident_id",
        "claim_id",
        "actor_id",
        "parent",
        "perpetrator",
        "claimed_by",
        "quote",
        "actor",
        "aliases",
        "text_file",
    }
)
"""Columns whose values are compared with other text (keys, references, article text)."""

_SEPARATOR = "\x00"
_FORMULA_PATTERN = "[" + "".join(f"\\x{ord(c):02x}" for c in FORMULA_START) + "]"
_INVISIBLE_PATTERN = "[" + INVISIBLE + "]"
"""The characters themselves, not `\\uXXXX` escapes: RE2 (pandas' Arrow strings) knows no
`\\u`, Python's re does; none of them is special inside a character class."""
_FORMULA_START_RE = re.compile(_SEPARATOR + _FORMULA_PATTERN)
_INVISIBLE_RE = re.compile(_INVISIBLE_PATTERN)
PREVIEW_CHARS = 40


def cells_matching(
    values: pd.Series, patterns: Sequence[tuple[re.Pattern[str], bool]]
) -> list[np.ndarray]:
    """Per (pattern, at_start): a boolean mask of the cells of `values` it matches.

    Why not `values.str.match`: without pyarrow, pandas runs Python per cell. Here the
    cells are joined once with NUL (which the loader refuses in any file) and each
    pattern is one C-level regex scan; a hit's cell is the number of NULs before it.
    `at_start` patterns begin with the NUL separator, so they match only at a cell's
    first character. Missing cells never match. Falls back to pandas when a cell is
    not a string or holds a NUL.
    """
    present = values.notna().to_numpy(dtype=bool)
    cells = values[present].tolist()
    try:
        joined = _SEPARATOR + _SEPARATOR.join(cells)
    except TypeError:
        joined = ""
    if cells and joined.count(_SEPARATOR) != len(cells):
        return [
            np.asarray(
                (values.str.match if at_start else values.str.contains)(
                    pattern.pattern.removeprefix(_SEPARATOR)
                )
                .fillna(False)
                .astype(bool),
                dtype=bool,
            )
            for pattern, at_start in patterns
        ]
    positions = np.flatnonzero(present)
    masks = []
    for pattern, at_start in patterns:
        mask = np.zeros(len(values), dtype=bool)
        hits: list[int] = []
        cell, counted = -1, 0
        for match in pattern.finditer(joined):
            offset = match.start() + (1 if at_start else 0)
            cell += joined.count(_SEPARATOR, counted, offset)
            counted = offset
            hits.append(cell)
        mask[positions[hits]] = True
        masks.append(mask)
    return masks


def text_columns(table: str, frame: pd.DataFrame) -> list[str]:
    """The string-typed columns of `table`'s model that the file has."""
    columns = SCHEMAS[table].to_schema().columns
    return [
        name
        for name, spec in columns.items()
        if name in frame
        and str(spec.dtype) != "Int64"
        and not str(spec.dtype).startswith("datetime")
    ]


def preview(value: str) -> str:
    """The cell's start as a message shows it: escaped, cut at PREVIEW_CHARS."""
    cut = value[:PREVIEW_CHARS]
    return repr(cut) + ("..." if len(value) > PREVIEW_CHARS else "")


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'FORMAT CHARACTER')}"


def cell_findings(ds: Dataset) -> list[Finding]:
    """Formula-like and invisible-character cells of every table, one finding per cell."""
    findings: list[Finding] = []
    for table, frame in ds.tables.items():
        if table not in SCHEMAS:
            continue
        for column in text_columns(table, frame):
            values = frame[column]
            hidden_too = column in MATCHED_COLUMNS
            masks = cells_matching(
                values,
                [(_FORMULA_START_RE, True), (_INVISIBLE_RE, False)]
                if hidden_too
                else [(_FORMULA_START_RE, True)],
            )
            bad = frame[masks[0]]
            findings += row_findings(
                FORMULA_RULE,
                table,
                ds.files[table],
                bad,
                (
                    f"{column} starts with {v[0]!r} ({preview(v)}): a spreadsheet would run it "
                    "as a formula; remove or reword the leading character"
                    for v in bad[column]
                ),
                (column,),
                ({"first_char": f"U+{ord(v[0]):04X}"} for v in bad[column]),
            )
            if not hidden_too:
                continue
            bad = frame[masks[1]]
            spots = [
                next((i, ch) for i, ch in enumerate(v) if ch in INVISIBLE) for v in bad[column]
            ]
            findings += row_findings(
                INVISIBLE_RULE,
                table,
                ds.files[table],
                bad,
                (
                    f"{column} holds the invisible character {_char_name(ch)} at character "
                    f"{i + 1}: it looks like {preview(v.translate(_DELETE))} but does not "
                    "match it; delete the character"
                    for (i, ch), v in zip(spots, bad[column], strict=True)
                ),
                (column,),
                ({"character": f"U+{ord(ch):04X}", "position": i + 1} for i, ch in spots),
            )
    return findings


_DELETE = str.maketrans(dict.fromkeys(INVISIBLE))
