"""`python -m checks init DIR`: an empty dataset in the shipped layout that validates.

Headers come from `checks.structure.schemas.SCHEMAS` (the single source of columns):
every column of the tables an extractor fills, except the two that record a reviewer's
judgement on later reporting (`superseded_by`, `parent_incident`) and the
`disputes.csv` table; those are added when the first one is needed, since a column
of the model may be added to its file at any time. Nothing existing is overwritten:
every file is created exclusively (O_EXCL), and any file already in the way stops
the command before it writes anything.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from checks.errors import CannotRun
from checks.rulesfile import RULES_FILE
from checks.structure.schemas import SCHEMAS

INIT_TABLES = ("articles", "incidents", "claims", "actors", "exclusions")
"""The tables `init` writes: the four every dataset has, and exclusions.csv."""

LEFT_OUT: dict[str, tuple[str, ...]] = {
    "claims": ("superseded_by",),
    "incidents": ("parent_incident",),
}
"""Optional columns recording a reviewer's judgement; added to the file when needed."""

ARTICLES_DIR = "articles"

RULES_TEXT = """\
# Tolerances, severities and date bounds for this dataset (written by
# `python -m checks init`). Every key is optional; a key left out falls back to the
# default documented in the README ("The rules file"). An unknown key, a wrong type
# or a negative tolerance stops the gate (exit 2), so a typo never loosens it.

# [dates]
# Publication and incident dates before this are implausible (default 1900-01-01).
# earliest = "1990-01-01"

# Two claims about one incident agree when their intervals intersect after each is
# widened by max(absolute, relative * bound) on both sides. Without a table for a
# field, [tolerance.default] applies, and without that the figures must intersect
# exactly. These are the shipped datasets' values: early reports of one attack
# differ by a few deaths as bodies are counted, injury counts are rounder.
[tolerance.killed]
absolute = 2
relative = 0.05

[tolerance.injured]
absolute = 5
relative = 0.10

[tolerance.default]
absolute = 0
relative = 0.0

# Severity overrides by rule id: "error" fails the gate, "warning" and "notice" do not.
[severity]
# A new dataset has no rows yet, and the expectation suites want at least one article,
# incident, claim and actor: until the first article is in, that is a warning.
# DELETE THIS LINE once the dataset has its first rows.
"expectations.expect_table_row_count_to_be_between" = "warning"
"""


def init_columns(table: str) -> list[str]:
    """The header `init` writes for `table`: the model's columns, in its order."""
    schema = SCHEMAS[table].to_schema()
    skipped = LEFT_OUT.get(table, ())
    return [name for name in schema.columns if name not in skipped]


def header_line(columns: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(columns)
    return buffer.getvalue()


def planned_files() -> dict[str, str]:
    """Relative path -> content of every file `init` writes."""
    files = {f"{table}.csv": header_line(init_columns(table)) for table in INIT_TABLES}
    files[RULES_FILE] = RULES_TEXT
    return files


def init_dataset(root: Path) -> list[Path]:
    """Write the empty dataset into `root` (created if absent); return what was written.

    Raises CannotRun, before writing anything, when `root` is not a folder or any
    file of the layout already exists (a link counts, even a broken one).
    """
    if root.is_symlink() or (root.exists() and not root.is_dir()):
        raise CannotRun(root, "exists and is not a folder; nothing written")
    files = planned_files()
    targets = [root / name for name in files] + [root / ARTICLES_DIR]
    for target in targets:
        if target.exists() or target.is_symlink():
            raise CannotRun(target, "already exists; init never overwrites, nothing written")
    try:
        root.mkdir(parents=True, exist_ok=True)
        written = []
        for name, content in files.items():
            path = root / name
            _create(path, content)
            written.append(path)
        (root / ARTICLES_DIR).mkdir()
        written.append(root / ARTICLES_DIR)
    except FileExistsError as exc:
        raise CannotRun(exc.filename or root, "appeared while init ran; not overwritten") from None
    except OSError as exc:
        raise CannotRun(exc.filename or root, f"cannot write: {exc.strerror or exc}") from None
    return written


def _create(path: Path, content: str) -> None:
    """Create `path` exclusively (never through a link, never over a file)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o644)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
        handle.write(content)


def run_init(root: Path) -> int:
    """The `init` command: write, then say what to do next."""
    written = init_dataset(root)
    for path in written:
        print(f"wrote {path}{'/' if path.is_dir() else ''}")
    print(
        f"next: save an article as {root / ARTICLES_DIR}/<article_id>.txt, add its "
        f"articles.csv row (`python -m checks hash {root}` gives its sha256), draft its "
        f"claims with `python -m checks extract ARTICLE --format csv --dataset {root} ...`, "
        f"then `python -m checks validate {root}`"
    )
    return 0
