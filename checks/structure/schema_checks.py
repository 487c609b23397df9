"""Run the pandera models lazily and translate `SchemaErrors.failure_cases` into findings.

pandera reports every failure of every check at once (lazy=True); this module maps
each (column, check) pair onto a rule id of the catalogue and writes the message a
maintainer needs, with the file line of the row.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from checks.emit import row_findings, show
from checks.findings import Finding
from checks.loading.csvtable import LINE
from checks.structure import vocab
from checks.structure.schemas import KEYS

_DATAFRAME_CHECKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "published_note": ("structure.published-note", ("published_basis", "published_note")),
    "killed_interval_order": (
        "structure.interval-order",
        ("killed_low", "killed_best", "killed_high"),
    ),
    "injured_interval_order": (
        "structure.interval-order",
        ("injured_low", "injured_best", "injured_high"),
    ),
    "date_order": ("structure.date-order", ("start_date", "end_date")),
    "date_precision": ("structure.date-precision", ("start_date", "end_date", "date_precision")),
    "claim_interval_order": ("structure.interval-order", ("low", "high")),
    "claim_shape": ("structure.claim-shape", ("field", "qualifier", "low", "high", "actor")),
}

_FORMAT_WORDS = {
    "published": "an ISO date: YYYY-MM-DD, or YYYY-MM / YYYY when known only to the month or year",
    "sha256": "64 lowercase hexadecimal digits",
    "url": "an http(s) URL without spaces",
}


def _dataframe_message(check: str, row: pd.Series) -> str:
    cols = _DATAFRAME_CHECKS[check][1]
    values = ", ".join(f"{c}={show(row.get(c))}" for c in cols)
    if check == "published_note":
        return (
            f"published_basis is {show(row.get('published_basis'))} but published_note is empty: "
            "say how the date was obtained"
        )
    if check == "date_precision":
        return f"dates do not span what date_precision says ({values})"
    if check == "claim_shape":
        field = row.get("field")
        if field in vocab.ACTOR_FIELDS:
            return f"a {field} claim needs an actor and no qualifier/low/high ({values})"
        if row.get("qualifier") == "exact" and pd.notna(row.get("low")):
            return f"an exact claim needs low == high ({values})"
        return f"a {field} claim needs a qualifier and low, and no actor ({values})"
    return f"{check.replace('_', ' ')} violated: {values}"


def _column_message(table: str, column: str, check: str, value: object) -> tuple[str, str]:
    """(rule id, message) for a failure of a column check."""
    if check == "field_uniqueness":
        return "structure.unique-key", f"{column} {show(value)} is used by more than one row"
    if check == "not_nullable":
        return "structure.required", f"{column} is empty; every row needs one"
    if check.startswith("str_matches"):
        if column == "claims":
            return "structure.id-format", (
                f"claims {show(value)} is not a ';'-separated list of claim ids "
                "(each 1-64 letters, digits, '_', '.', '-'; no spaces)"
            )
        if column.endswith("_id") or column in ("parent", "parent_incident", "superseded_by"):
            return "structure.id-format", (
                f"{column} {show(value)} is not a valid id (1-64 letters, digits, '_', '.', '-')"
            )
        return (
            "structure.format",
            f"{column} {show(value)} is not {_FORMAT_WORDS.get(column, 'well formed')}",
        )
    if check.startswith("isin"):
        if column == "country":
            return (
                "structure.country-code",
                f"country {show(value)} is not an ISO 3166-1 alpha-2 code",
            )
        allowed = {
            "published_basis": vocab.PUBLISHED_BASES,
            "field": vocab.COUNT_FIELDS if table == "disputes" else vocab.CLAIM_FIELDS,
            "date_precision": vocab.DATE_PRECISIONS,
            "target_type": vocab.TARGET_TYPES,
            "qualifier": vocab.QUALIFIERS,
            "kind": vocab.CLAIM_KINDS,
        }.get(column, ())
        return "structure.enum", f"{column} {show(value)} is not one of: {', '.join(allowed)}"
    if check.startswith(("greater_than", "in_range", "less_than")):
        return "structure.range", f"{column} is {show(value)}, counts must be >= 0"
    if check.startswith("dtype"):
        return "structure.type", f"{column} has the wrong type ({check})"
    return "structure.format", f"{column} {show(value)} fails {check}"


def schema_findings(
    table: str,
    file: str,
    typed: pd.DataFrame,
    model: type[pa.DataFrameModel],
    type_failed: set[tuple[str, int]],
) -> list[Finding]:
    """Validate `typed` against `model` and return one finding per failing cell or row."""
    try:
        model.validate(typed, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    findings: list[Finding] = []
    cases = cases[cases["index"].notna()]
    frame_checks = cases[cases["schema_context"] == "DataFrameSchema"]
    column_checks = cases[cases["schema_context"] != "DataFrameSchema"]

    for check, group in frame_checks.groupby("check", sort=True):
        name = str(check).split("(")[0]
        if name not in _DATAFRAME_CHECKS:
            continue
        rows = typed.loc[sorted({int(i) for i in group["index"]})]
        findings += dataframe_check_findings(table, file, rows, name)

    for (column, check), group in column_checks.groupby(["column", "check"], sort=True):
        indexes = [int(i) for i in group["index"]]
        if str(check) == "not_nullable":
            indexes = [i for i in indexes if (str(column), i) not in type_failed]
        if not indexes:
            continue
        rows = typed.loc[sorted(set(indexes))]
        findings += column_check_findings(table, file, typed, rows, str(column), str(check))
    return findings


def dataframe_check_findings(
    table: str, file: str, rows: pd.DataFrame, check: str
) -> list[Finding]:
    """Findings for the rows failing the dataframe check named `check` (shared with Spark)."""
    rule_id, cols = _DATAFRAME_CHECKS[check]
    return _rows(rule_id, table, file, rows, cols, check)


def column_check_findings(
    table: str, file: str, typed: pd.DataFrame, rows: pd.DataFrame, column: str, check: str
) -> list[Finding]:
    """Findings for the `rows` failing the column check `check` (a pandera check name such
    as "str_matches(...)", "isin(...)", "not_nullable", "field_uniqueness").

    `typed` must hold at least every row sharing a duplicated key, so a unique-key
    message can name all their lines; the Spark engine passes just those rows.
    """
    rule_id, _ = _column_message(table, column, check, None)
    messages = [_column_message(table, column, check, v)[1] for v in rows[column]]
    if rule_id == "structure.unique-key":
        messages = _with_other_lines(typed, column, rows, messages)
    return row_findings(
        rule_id,
        table,
        file,
        rows,
        messages,
        (column,),
        ({"value": show(v)} for v in rows[column]),
    )


def _rows(
    rule_id: str,
    table: str,
    file: str,
    rows: pd.DataFrame,
    columns: tuple[str, ...],
    check: str,
) -> list[Finding]:
    present = [c for c in columns if c in rows]
    return row_findings(
        rule_id,
        table,
        file,
        rows,
        [_dataframe_message(check, row) for _, row in rows.iterrows()],
        columns,
        ({c: show(row[c]) for c in present} for _, row in rows.iterrows()),
    )


def _with_other_lines(
    typed: pd.DataFrame, column: str, rows: pd.DataFrame, messages: list[str]
) -> list[str]:
    """Name every line a duplicated key appears on, so both rows can be found."""
    everywhere = typed[typed[column].isin(rows[column])]
    lines: dict[object, list[int]] = {}
    for value, line in zip(everywhere[column], everywhere[LINE], strict=True):
        lines.setdefault(value, []).append(int(line))
    return [
        f"{message} (lines {', '.join(str(n) for n in lines[value])})"
        for message, value in zip(messages, rows[column], strict=True)
    ]


DATAFRAME_CHECKS = _DATAFRAME_CHECKS
"""Dataframe check name -> (rule id, columns it reads)."""

__all__ = [
    "DATAFRAME_CHECKS",
    "KEYS",
    "column_check_findings",
    "dataframe_check_findings",
    "schema_findings",
]
