"""CLI handlers for ``parse-quantity`` and ``extract``: JSON on stdout.

They return exit codes instead of exiting so the package CLI owns the
process; 2 means "could not run" (the project-wide convention).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .grammar import parse_quantity
from .statements import extract_statements


def run_parse_quantity(text: str) -> int:
    """Print the first quantity in ``text`` as one JSON object; 1 if none."""
    q = parse_quantity(text)
    if q is None:
        print(json.dumps({"match": None}))
        return 1
    print(json.dumps(q.to_json(), ensure_ascii=False))
    return 0


def run_extract(path: Path) -> int:
    """Print one JSON line per casualty statement in the article at ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        print(f"error: cannot read {path}: {reason}", file=sys.stderr)
        return 2
    for statement in extract_statements(text):
        print(json.dumps(statement.to_json(), ensure_ascii=False))
    return 0
