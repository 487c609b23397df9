"""The whole gate as one function: load -> structure -> (later layers) -> one result."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from checks.findings import Finding, Layer, Severity, ValidationResult, sort_findings
from checks.loading.loader import load_dataset
from checks.structure.run import check_structure


def apply_severity(findings: Iterable[Finding], overrides: Mapping[str, Severity]) -> list[Finding]:
    """Apply the rules file's [severity] table: a dataset may promote or demote a rule."""
    return [
        dataclasses.replace(f, severity=overrides[f.rule_id]) if f.rule_id in overrides else f
        for f in findings
    ]


def validate(root: Path, today: dt.date | None = None) -> ValidationResult:
    """Check the dataset folder `root`; raises CannotRun when it cannot be checked at all."""
    dataset, findings = load_dataset(root)
    structure = check_structure(dataset, today=today)
    findings += structure.findings
    findings = apply_severity(findings, dataset.rules.severity)
    return ValidationResult(
        dataset=str(root),
        findings=tuple(sort_findings(findings)),
        row_counts={name: len(frame) for name, frame in dataset.tables.items()},
        layers_run=(Layer.LOAD, Layer.STRUCTURE),
    )
