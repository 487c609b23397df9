"""Give each column its declared type, reporting cells that do not parse.

pandera's own coercion stops the checks that follow at the first bad cell; doing it
here, vectorized, lets every other check still run on the cells that did parse, and
lets the type finding name the file line and the offending text.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from checks.emit import row_findings, show
from checks.findings import Finding
from checks.structure.vocab import END, YEAR_PATTERN

WHOLE_NUMBER = rf"^[0-9]{{1,15}}{END}"
ISO_DATE = rf"^{YEAR_PATTERN}-\d{{2}}-\d{{2}}{END}"
INT_WORDS = "a whole number >= 0"
DATE_WORDS = "an ISO date (YYYY-MM-DD, years 1678-2261) that exists in the calendar"


def type_findings(table: str, file: str, bad: pd.DataFrame, name: str, what: str) -> list[Finding]:
    """Rows whose raw `name` cell does not parse as `what` (shared with the Spark engine)."""
    return row_findings(
        "structure.type",
        table,
        file,
        bad,
        (f"{name} is {show(value)}, expected {what}" for value in bad[name]),
        (name,),
        ({"value": value} for value in bad[name]),
    )


def apply_types(
    table: str, file: str, frame: pd.DataFrame, model: type[pa.DataFrameModel]
) -> tuple[pd.DataFrame, list[Finding], set[tuple[str, int]]]:
    """Return the typed frame, the type findings and the (column, row) cells that failed."""
    typed = frame.copy()
    findings: list[Finding] = []
    failed: set[tuple[str, int]] = set()
    for name, column in model.to_schema().columns.items():
        if name not in frame:
            continue
        raw = frame[name]
        dtype = str(column.dtype)
        if dtype == "Int64":
            ok = raw.isna() | raw.str.fullmatch(WHOLE_NUMBER).fillna(False)
            clean = raw.where(ok)
            typed[name] = pd.to_numeric(clean).astype("Int64")
            what = INT_WORDS
        elif dtype.startswith("datetime64"):
            matches = raw.str.fullmatch(ISO_DATE).fillna(False)
            parsed = pd.to_datetime(raw.where(matches), format="%Y-%m-%d", errors="coerce")
            ok = raw.isna() | parsed.notna()
            typed[name] = parsed.astype("datetime64[ns]")
            what = DATE_WORDS
        else:
            continue
        bad = frame.loc[~ok.astype(bool)]
        if bad.empty:
            continue
        failed.update((name, int(i)) for i in bad.index)
        findings += type_findings(table, file, bad, name, what)
    return typed, findings, failed
