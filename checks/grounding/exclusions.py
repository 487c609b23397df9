"""Structure of the optional exclusions.csv, run with the structure layer.

The structure layer's runner covers the four required tables; this applies the same
pandera model machinery and reference check to exclusions.csv, so a maintainer gets
the same rule ids (structure.required, structure.reference ...) for it.
"""

from __future__ import annotations

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding
from checks.membership import isin
from checks.structure.schema_checks import schema_findings
from checks.structure.schemas import SCHEMAS


def exclusion_structure_findings(ds: Dataset) -> list[Finding]:
    """Required cells, id format, and article_id naming a row of articles.csv."""
    frame, file = ds.tables["exclusions"], ds.files["exclusions"]
    findings = schema_findings("exclusions", file, frame, SCHEMAS["exclusions"], set())
    articles = ds.tables["articles"]["article_id"]
    bad = frame[frame["article_id"].notna() & ~isin(frame["article_id"], articles)]
    findings += exclusion_reference_findings(file, bad)
    return findings


def exclusion_reference_findings(file: str, bad: pd.DataFrame) -> list[Finding]:
    """exclusions.csv rows naming an article_id that articles.csv does not have."""
    return row_findings(
        "structure.reference",
        "exclusions",
        file,
        bad,
        (f"article_id {show(v)} is not in articles.csv" for v in bad["article_id"]),
        ("article_id",),
        ({"value": v} for v in bad["article_id"]),
    )
