"""build/reports/results.json: the machine-readable form of a run, for CI and other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checks import __version__
from checks.catalogue import RULES
from checks.change.model import Change
from checks.errors import CannotRun
from checks.findings import ExitCode, ValidationResult
from checks.reports.atomic import write_text_atomic

SCHEMA_VERSION = 1


def result_document(result: ValidationResult, change: Change | None = None) -> dict[str, Any]:
    """The JSON document; `findings` use Finding.to_json's keys.

    With `--base`, a "change" key holds the change model and each finding gets
    "changed_in_this_change": true when it is on a row the change added or changed.
    """
    used = sorted({f.rule_id for f in result.findings})
    findings = [finding.to_json() for finding in result.findings]
    if change is not None:
        for item, finding in zip(findings, result.findings, strict=True):
            item["changed_in_this_change"] = change.touches(finding)
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checks", "version": __version__},
        "dataset": result.dataset,
        "exit_code": int(result.exit_code),
        "passed": not result.errors,
        "row_counts": dict(result.row_counts),
        "layers_run": [layer.value for layer in result.layers_run],
        "totals": result.totals(),
        "rules": {
            rule_id: {"title": RULES[rule_id].title, "note": RULES[rule_id].note}
            for rule_id in used
            if rule_id in RULES
        },
        "findings": findings,
    }
    if change is not None:
        document["change"] = change.to_json()
    return document


def write_json_report(
    result: ValidationResult, report_dir: Path, change: Change | None = None
) -> Path:
    """Write results.json into `report_dir` and return its path."""
    path = report_dir / "results.json"
    text = json.dumps(result_document(result, change), indent=2, ensure_ascii=False, default=str)
    write_text_atomic(path, text + "\n")
    return path


def write_cannot_run_report(dataset: str, error: CannotRun, report_dir: Path) -> Path:
    """results.json for a run that could not check the dataset (exit 2).

    Without it a previous run's results.json would stay behind and could say PASSED.
    """
    path = report_dir / "results.json"
    document = result_document(ValidationResult(dataset, (), {}, ()))
    document |= {
        "exit_code": int(ExitCode.CANNOT_RUN),
        "passed": False,
        "error": {
            "file": error.file,
            "line": error.line,
            "column": error.column,
            "message": error.reason,
        },
    }
    write_text_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return path
