"""`extract --format csv`: draft claims.csv rows for one article and one incident.

The rows carry the claims.csv header (the dataset's own, column for column, when
`--dataset` is given, else the header `init` writes) and the next free claim ids of
the dataset. They are a draft: a maintainer reviews each row (field, quote, interval),
deletes what is not about the incident, and appends the rest to claims.csv.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from checks.errors import CannotRun
from checks.loading.csvtable import decode_utf8, read_table
from checks.loading.loader import refuse_outside
from checks.scaffold.claimids import IdPlan, next_ids, plan_ids
from checks.scaffold.init import init_columns
from checks.structure.schemas import SCHEMAS
from checks.structure.vocab import ID_PATTERN

from .statements import Statement

_ID = re.compile(ID_PATTERN)


def check_id(option: str, value: str) -> str:
    """An --article-id / --incident-id value must be an id of the data model."""
    if not _ID.match(value):
        raise CannotRun(
            option,
            f"{value!r} is not an id (1-64 letters, digits, '_', '.', '-', starting with a "
            "letter or digit)",
        )
    return value


def claims_header(dataset: Path | None) -> tuple[list[str], list[str], str]:
    """(header, existing claim ids, line ending) of the dataset's claims.csv, or defaults."""
    if dataset is None:
        return init_columns("claims"), [], "\n"
    if not dataset.is_dir():
        raise CannotRun(dataset, "dataset folder not found")
    path = dataset / "claims.csv"
    refuse_outside(dataset, path)
    schema = SCHEMAS["claims"].to_schema()
    required = [name for name, spec in schema.columns.items() if spec.required]
    table = read_table(path, list(schema.columns), required)
    text = decode_utf8(path, path.read_bytes())
    header = next(csv.reader(io.StringIO(text.split("\n", 1)[0].rstrip("\r"))))
    ending = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    ids = [str(i) for i in table.frame["claim_id"].dropna()]
    return header, ids, ending


def claim_rows(
    statements: Iterable[Statement],
    article_id: str,
    incident_id: str,
    ids: Iterator[str],
) -> Iterator[dict[str, str]]:
    """One claims.csv row (by column name) per statement."""
    for statement in statements:
        quantity = statement.quantity
        yield {
            "claim_id": next(ids),
            "article_id": article_id,
            "incident_id": incident_id,
            "field": statement.field,
            "quote": statement.quote,
            "qualifier": quantity.qualifier.value,
            "low": "" if quantity.low is None else str(quantity.low),
            "high": "" if quantity.high is None else str(quantity.high),
            "kind": "increment" if quantity.increment else "total",
        }


def render_rows(
    header: list[str], rows: Iterable[dict[str, str]], ending: str, with_header: bool
) -> str:
    """CSV text with `header`'s columns (a column the draft does not fill stays empty)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=header, lineterminator=ending, restval="", extrasaction="ignore"
    )
    if with_header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def draft_claims_csv(
    statements: list[Statement],
    article_id: str,
    incident_id: str,
    dataset: Path | None,
    with_header: bool = True,
) -> tuple[str, IdPlan]:
    """The CSV text of the draft rows, and the id numbering it used."""
    check_id("--article-id", article_id)
    check_id("--incident-id", incident_id)
    header, existing, ending = claims_header(dataset)
    plan = plan_ids(existing)
    rows = claim_rows(statements, article_id, incident_id, next_ids(existing, plan))
    return render_rows(header, rows, ending, with_header), plan
