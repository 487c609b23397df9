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


def run_extract(
    path: Path,
    output: str = "json",
    article_id: str | None = None,
    incident_id: str | None = None,
    dataset: Path | None = None,
    header: bool = True,
) -> int:
    """Print one JSON line per casualty statement in the article at ``path``.

    ``output="csv"`` prints draft claims.csv rows instead (see ``csvrows``); it needs
    ``article_id`` and ``incident_id``, and ``dataset`` for the next free claim ids.
    """
    if output == "csv" and (article_id is None or incident_id is None):
        missing = "--article-id" if article_id is None else "--incident-id"
        print(f"error: extract --format csv needs {missing}", file=sys.stderr)
        return 2
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        print(f"error: cannot read {path}: {reason}", file=sys.stderr)
        return 2
    if article_id is not None and incident_id is not None and output == "csv":
        return _print_csv(text, article_id, incident_id, dataset, header)
    for statement in extract_statements(text):
        print(json.dumps(statement.to_json(), ensure_ascii=False))
    return 0


def _print_csv(
    text: str, article_id: str, incident_id: str, dataset: Path | None, header: bool
) -> int:
    from .csvrows import draft_claims_csv

    rows, plan = draft_claims_csv(
        extract_statements(text), article_id, incident_id, dataset, header
    )
    if plan.note:
        print(f"note: {dataset}/claims.csv: {plan.note}", file=sys.stderr)
    if dataset is None:
        print("note: no --dataset given: claim ids start at c0001", file=sys.stderr)
    sys.stdout.write(rows)
    return 0
