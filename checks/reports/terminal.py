"""The plain terminal summary: one line per finding, then totals and the verdict.

Notices (judgements on record) are counted apart from errors and warnings: a
reviewer reading `PASSED` must still see that reviewed disputes exist, and never
mistake them for problems.
"""

from __future__ import annotations

from checks.findings import Layer, ValidationResult


def _clean(text: str) -> str:
    """Keep a finding on one terminal line whatever the data holds (no control characters)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def render_terminal(result: ValidationResult) -> str:
    """What `validate` prints: findings as `file:line: severity rule-id: message`, then totals."""
    lines = [
        f"{_clean(f.location)}: {f.severity.value} [{f.rule_id}] {_clean(f.message)}"
        for f in result.findings
    ]
    totals = result.totals()
    ran = [layer for layer in Layer if layer in result.layers_run]
    summary = ", ".join(
        f"{layer.value} {totals[layer.value]['error']}E/{totals[layer.value]['warning']}W"
        f"/{totals[layer.value]['notice']}N"
        for layer in ran
    )
    rows = ", ".join(f"{name} {count}" for name, count in result.row_counts.items())
    counts = f"{len(result.warnings)} warning(s), {len(result.notices)} notice(s)"
    verdict = (
        f"FAILED: {len(result.errors)} error(s), {counts}"
        if result.errors
        else f"PASSED: 0 errors, {counts}"
    )
    lines += [
        "",
        f"dataset {_clean(result.dataset)}: {rows}",
        f"findings by layer: {summary}",
        verdict,
    ]
    return "\n".join(lines)
