"""The one result model: every check yields `Finding` values and every report reads them.

Errors are values, not exceptions: a rule that finds a problem returns a finding
carrying enough context (rule, table, row key, file, line, columns, evidence) for a
maintainer to fix it and for a reviewer to judge it, without re-running anything.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    """`error` fails the gate (exit 1); `warning` is reported but does not; `notice`
    records a judgement a reviewer already made (a reviewed dispute, a superseded toll):
    shown and counted apart, never failing, never asking for action."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


class Layer(enum.StrEnum):
    """The check layers of the design, in the order the data flows through them."""

    LOAD = "load"
    STRUCTURE = "structure"
    EXPECTATIONS = "expectations"
    GROUNDING = "grounding"
    CONSISTENCY = "consistency"


class ExitCode(enum.IntEnum):
    """Exit codes of `python -m checks validate`, as the design fixes them."""

    OK = 0
    FINDINGS = 1
    CANNOT_RUN = 2


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a dataset, located precisely enough to fix."""

    rule_id: str
    severity: Severity
    layer: Layer
    message: str
    table: str | None = None
    row_key: str | None = None
    file: str | None = None
    line: int | None = None
    columns: tuple[str, ...] = ()
    evidence: Mapping[str, Any] = field(default_factory=dict)

    @property
    def location(self) -> str:
        """`file:line` (or just the file, or the table) for terminals and annotations."""
        if self.file is None:
            return self.table or "-"
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping; the key order is the one documented in the README."""
        return {
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "layer": self.layer.value,
            "table": self.table,
            "row_key": self.row_key,
            "file": self.file,
            "line": self.line,
            "columns": list(self.columns),
            "message": self.message,
            "evidence": dict(self.evidence),
        }


def named_claim_ids(findings: Iterable[Finding]) -> set[str]:
    """Every claim id the findings name: a claims row's key, or a claim in the evidence.

    A lookup from claim to incident or field is only ever asked about these: built for
    them alone it holds a few thousand entries, not a million claims.
    """
    named: set[str] = set()
    for finding in findings:
        if finding.table == "claims" and isinstance(finding.row_key, str):
            named.add(finding.row_key)
        named.update(evidence_claim_ids(finding.evidence))
    return named


def evidence_claim_ids(evidence: Mapping[str, Any]) -> list[str]:
    """The claim ids a finding's evidence names, in order, without repeats.

    Layers name the claims behind a finding under "claims" or "claim_ids", as ids
    or as mappings with a "claim_id"; reports and the GX results batch read them here.
    """
    found: list[str] = []
    for key in ("claims", "claim_ids"):
        value = evidence.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, Sequence):
            for item in value:
                if isinstance(item, str):
                    found.append(item)
                elif isinstance(item, Mapping) and isinstance(item.get("claim_id"), str):
                    found.append(item["claim_id"])
    return list(dict.fromkeys(found))


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Order findings the way a maintainer fixes them: by layer, then file and line."""
    layer_rank = {layer: rank for rank, layer in enumerate(Layer)}
    return sorted(
        findings,
        key=lambda f: (
            layer_rank[f.layer],
            f.file or "",
            f.line if f.line is not None else -1,
            f.rule_id,
            f.row_key or "",
            f.message,
        ),
    )


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Everything one run of the gate found, plus what it looked at."""

    dataset: str
    findings: tuple[Finding, ...]
    row_counts: Mapping[str, int]
    layers_run: tuple[Layer, ...]

    @property
    def errors(self) -> list[Finding]:
        """Findings that fail the gate."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """Findings that are reported but let the gate pass."""
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def notices(self) -> list[Finding]:
        """Judgements on record (reviewed disputes, superseded claims): shown, never failing."""
        return [f for f in self.findings if f.severity is Severity.NOTICE]

    @property
    def exit_code(self) -> ExitCode:
        """0 when no error was found, 1 otherwise (2 is raised before a result exists)."""
        return ExitCode.FINDINGS if self.errors else ExitCode.OK

    def totals(self) -> dict[str, dict[str, int]]:
        """Counts per layer and severity, every layer and severity present (zeros included)."""
        table = {layer.value: {sev.value: 0 for sev in Severity} for layer in Layer}
        for finding in self.findings:
            table[finding.layer.value][finding.severity.value] += 1
        return table
