"""Findings as JSON text between executors and the driver.

The text is what results.json holds for a finding (same keys, same `default=str`
for values JSON lacks), so a finding that crossed the wire reports exactly as one
built on the driver.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from checks.findings import Finding, Layer, Severity


def finding_to_json(finding: Finding) -> str:
    """One finding as JSON text."""
    return json.dumps(finding.to_json(), ensure_ascii=False, default=str)


def finding_from_json(data: Mapping[str, Any]) -> Finding:
    """The inverse of `finding_to_json` (after json.loads)."""
    return Finding(
        rule_id=data["rule_id"],
        severity=Severity(data["severity"]),
        layer=Layer(data["layer"]),
        message=data["message"],
        table=data["table"],
        row_key=data["row_key"],
        file=data["file"],
        line=data["line"],
        columns=tuple(data["columns"]),
        evidence=dict(data["evidence"]),
    )
