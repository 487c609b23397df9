"""Layer 1 entry point: type every table, run its pandera model, then the cross-table checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from checks.dataset import TABLES, Dataset
from checks.findings import Finding
from checks.structure.cells import cell_findings
from checks.structure.dates import date_findings
from checks.structure.files import article_file_findings
from checks.structure.references import reference_findings
from checks.structure.schema_checks import schema_findings
from checks.structure.schemas import SCHEMAS
from checks.structure.typing import apply_types

STRUCTURED = (*TABLES, "disputes")
"""Tables typed and validated here (exclusions.csv, untyped, is checked with grounding)."""


@dataclass(frozen=True, slots=True)
class StructureResult:
    """The typed tables (for later layers) and what layer 1 found."""

    typed: dict[str, pd.DataFrame]
    findings: list[Finding]


def check_structure(ds: Dataset, today: dt.date | None = None) -> StructureResult:
    """Run every structural check on `ds`; never raises for bad data, only reports it."""
    typed: dict[str, pd.DataFrame] = {}
    findings: list[Finding] = []
    for name in STRUCTURED:
        model = SCHEMAS[name]
        frame, type_findings, failed = apply_types(name, ds.files[name], ds.tables[name], model)
        typed[name] = frame
        findings += type_findings
        findings += schema_findings(name, ds.files[name], frame, model, failed)
    findings += reference_findings(ds)
    findings += article_file_findings(ds)
    findings += cell_findings(ds)
    findings += date_findings(ds, typed["incidents"], today or dt.date.today())
    return StructureResult(typed=typed, findings=findings)
