"""GitHub Actions outputs: one workflow command per finding, and a Markdown job summary.

Everything shown comes from the dataset, so everything is escaped for where it lands:
- workflow commands follow actions/toolkit (packages/core/src/command.ts): data escapes
  `%`, CR and LF; property values also `:` and `,`. With CR/LF escaped every command
  is one physical line, so a `::set-output::` inside a message is never at the start
  of a line and the runner never reads it as a command;
- the job summary escapes HTML (`& < >`), backslash-escapes Markdown punctuation
  (pipes, backticks, brackets, `#`, emphasis ...) and folds line breaks, so a quote
  cannot open a link, a heading, a code span, a new table row or an HTML element.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from checks.catalogue import RULES
from checks.change.model import Change, RowChange, TableChange
from checks.consistency.verdicts import CONFLICT, REVIEWED
from checks.errors import CannotRun
from checks.findings import Finding, Layer, Severity, ValidationResult

MAX_ANNOTATIONS = 1000
"""Workflow commands printed at most; GitHub shows only the first few per step anyway."""

SUMMARY_BUDGET = 900_000
"""Bytes the job summary may use; GitHub refuses a step summary over 1 MiB."""

MAX_CELL = 600
"""Characters of a message or cell kept in the summary (the full text is in results.json)."""

MAX_CHANGE_ROWS = 200
"""Rows listed per table and kind in "This change"; the rest are counted."""

TOUCHED = "changed in this change"

# --------------------------------------------------------------------- workflow commands


def escape_data(text: str) -> str:
    """The message part of a workflow command (`::error ...::<data>`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (`file=`, `title=` ...): data escaping plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: Mapping[str, str | int | None], data: str) -> str:
    """`::name k=v,k=v::data` with every part escaped; None properties are left out."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None and str(value) != ""
    )
    head = f"::{name} {props}" if props else f"::{name}"
    return f"{head}::{escape_data(data)}"


def relative_path(file: str, root: Path) -> str:
    """`file` relative to the repository root, with forward slashes (as GitHub wants it).

    A file outside `root` keeps its path as given: GitHub then shows the annotation on
    the run, not on a file, which is better than pointing at the wrong file.
    """
    path = Path(file)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _title(finding: Finding) -> str:
    known = RULES.get(finding.rule_id)
    return f"{finding.rule_id}: {known.title}" if known else finding.rule_id


def annotation(finding: Finding, root: Path, touched: bool = False) -> str:
    """One `::error` / `::warning` / `::notice` command for a finding, at its file and line.

    The command is the severity's name, so a reviewed dispute shows as GitHub's grey
    notice, never as a red or yellow problem. No `col=`: findings locate a row, not a
    character, and GitHub would underline whatever column we invented.
    """
    name = finding.severity.value
    message = finding.message + (f" [{TOUCHED}]" if touched else "")
    return command(
        name,
        {
            "file": relative_path(finding.file, root) if finding.file else None,
            "line": finding.line,
            "title": _title(finding),
        },
        message,
    )


def annotation_lines(
    result: ValidationResult, root: Path, change: Change | None = None
) -> list[str]:
    """Every finding as a workflow command, capped at MAX_ANNOTATIONS: errors, then
    warnings, then notices, so the cap drops what needs no action first."""
    ordered = [*result.errors, *result.warnings, *result.notices]
    lines = [
        annotation(f, root, change is not None and change.touches(f))
        for f in ordered[:MAX_ANNOTATIONS]
    ]
    if len(ordered) > MAX_ANNOTATIONS:
        left = len(ordered) - MAX_ANNOTATIONS
        lines.append(
            command("notice", {"title": "checks"}, f"{left} more finding(s) not annotated")
        )
    return lines


def cannot_run_annotation(exc: CannotRun, root: Path) -> str:
    """Exit 2 as an annotation; `col=` only when the reader knew the character column."""
    column = exc.column if isinstance(exc.column, int) else None
    return command(
        "error",
        {
            "file": relative_path(exc.file, root),
            "line": exc.line,
            "col": column,
            "title": "checks: cannot run",
        },
        exc.reason,
    )


# --------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:=@\"'$])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")


def md(text: str, limit: int = MAX_CELL) -> str:
    """Dataset text made inert for a Markdown table cell (one line, no markup)."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = re.sub(r"\r\n|\r|\n", " ", text)
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def code(text: str) -> str:
    """An id or path shown as code; backticks cannot be escaped inside a code span, so
    any text that needs escaping is shown as plain escaped text instead."""
    if re.fullmatch(r"[A-Za-z0-9_./:\-]{1,200}", text):
        return f"`{text}`"
    return md(text)


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """An incident as the summary lists it (name from incidents.csv, shared verdict)."""

    incident_id: str
    name: str
    verdict: str


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _totals(result: ValidationResult) -> list[str]:
    totals = result.totals()
    lines = [
        _row(["Layer", "Errors", "Warnings", "Notices"]),
        _row(["---", "---:", "---:", "---:"]),
    ]
    for layer in Layer:
        ran = "" if layer in result.layers_run else " (not run)"
        counts = [str(totals[layer.value][sev.value]) for sev in SEVERITIES]
        lines.append(_row([layer.value + ran, *counts]))
    lines.append(_row(["**total**", *(str(n) for n in _counts(result))]))
    return lines


SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.NOTICE)
"""The order severities are counted and listed in, in every summary column."""


def _counts(result: ValidationResult) -> tuple[int, int, int]:
    return len(result.errors), len(result.warnings), len(result.notices)


def _findings(
    result: ValidationResult, root: Path, change: Change | None, budget: int
) -> list[str]:
    if not result.findings:
        return ["No findings."]
    header = ["Severity", "Location", "Rule", "Message"]
    if change is not None:
        header.append("Change")
    lines = [_row(header), _row(["---"] * len(header))]
    used = sum(len(line) + 1 for line in lines)
    ordered = [*result.errors, *result.warnings, *result.notices]
    for shown, finding in enumerate(ordered):
        where = relative_path(finding.file, root) if finding.file else (finding.table or "-")
        if finding.line is not None:
            where += f":{finding.line}"
        cells = [finding.severity.value, code(where), code(finding.rule_id), md(finding.message)]
        if change is not None:
            cells.append(f"**{TOUCHED}**" if change.touches(finding) else "")
        line = _row(cells)
        if used + len(line.encode("utf-8")) + 1 > budget:
            lines.append("")
            lines.append(
                f"*{len(ordered) - shown} more finding(s) not shown (summary size limit); "
                "see results.json in the report artifact.*"
            )
            break
        lines.append(line)
        used += len(line.encode("utf-8")) + 1
    return lines


def _conflicts(incidents: Sequence[IncidentLine]) -> list[str]:
    conflicted = [i for i in incidents if i.verdict == CONFLICT]
    if not conflicted:
        return ["No incident has sources in conflict."]
    lines = [_row(["Incident", "Name"]), _row(["---", "---"])]
    lines += [_row([code(i.incident_id), md(i.name)]) for i in conflicted]
    return lines


def _reviewed(incidents: Sequence[IncidentLine]) -> list[str]:
    """Incidents whose sources disagree under a reviewer's judgement: not a failure, but
    a pull request that adds one should show it. Empty when there is none."""
    reviewed = [i for i in incidents if i.verdict == REVIEWED]
    if not reviewed:
        return []
    lines = ["", "### Incidents reviewed", "", "Sources disagree; a reviewer judged it.", ""]
    lines += [_row(["Incident", "Name"]), _row(["---", "---"])]
    lines += [_row([code(i.incident_id), md(i.name)]) for i in reviewed]
    return [*lines, ""]


def _rows(kind: str, rows: Sequence[RowChange]) -> list[str]:
    lines: list[str] = []
    for row in rows[:MAX_CHANGE_ROWS]:
        where = f" (line {row.line})" if row.line is not None else ""
        cells = "; ".join(
            f"{code(c.column)}: {md(c.old or '(empty)', 200)} → {md(c.new or '(empty)', 200)}"
            for c in row.cells
        )
        lines.append(f"- {kind} {code(row.key)}{where}" + (f": {cells}" if cells else ""))
    if len(rows) > MAX_CHANGE_ROWS:
        lines.append(f"- … and {len(rows) - MAX_CHANGE_ROWS} more {kind} row(s)")
    return lines


def _table_change(table: TableChange) -> list[str]:
    lines = [
        f"**{table.table}**: {len(table.added)} added, {len(table.removed)} removed, "
        f"{len(table.changed)} changed",
        "",
    ]
    lines += _rows("added", table.added)
    lines += _rows("removed", table.removed)
    lines += _rows("changed", table.changed)
    return [*lines, ""]


def _change(change: Change, names: Mapping[str, str]) -> list[str]:
    lines = [
        "### This change",
        "",
        f"Compared with {code(change.ref)} (commit `{change.commit[:12]}`).",
        "",
    ]
    if change.base_error is not None:
        return [*lines, f"The dataset at the base could not be checked: {md(change.base_error)}"]
    if not change.base_present:
        lines += ["The dataset did not exist at the base: every row is added.", ""]
    if change.empty:
        return [*lines, "No row of any table differs."]
    for table in change.tables:
        if not table.empty:
            lines += _table_change(table)
    if change.verdicts:
        lines += ["Incident verdicts that changed:", ""]
        for v in change.verdicts:
            name = names.get(v.incident_id)
            label = code(v.incident_id) + (f" ({md(name)})" if name else "")
            lines.append(f"- {label}: {v.before or 'absent'} → {v.after or 'absent'}")
    return lines


def job_summary(
    result: ValidationResult,
    root: Path,
    incidents: Sequence[IncidentLine],
    change: Change | None = None,
) -> str:
    """The Markdown appended to $GITHUB_STEP_SUMMARY, kept under SUMMARY_BUDGET bytes."""
    verdict = "FAILED" if result.errors else "PASSED"
    errors, warnings, notices = _counts(result)
    head = [
        f"## Incident data gate: {verdict}",
        "",
        f"Dataset {code(relative_path(result.dataset, root))}: "
        f"{errors} error(s), {warnings} warning(s), {notices} notice(s). "
        + ", ".join(f"{md(name)} {count}" for name, count in result.row_counts.items())
        + " rows.",
        "",
        *_totals(result),
        "",
    ]
    names = {i.incident_id: i.name for i in incidents}
    tail = ["", "### Incidents in conflict", "", *_conflicts(incidents), "", *_reviewed(incidents)]
    if change is not None:
        tail += ["", *_change(change, names), ""]
    fixed = "\n".join(head + tail)
    budget = max(10_000, SUMMARY_BUDGET - len(fixed.encode("utf-8")))
    body = ["### Findings", "", *_findings(result, root, change, budget)]
    return "\n".join(head + body + tail) + "\n"


def append_summary(path: Path, text: str) -> None:
    """Append (never overwrite): earlier steps of the job may have written their own."""
    with path.open("a", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_github_outputs(
    result: ValidationResult,
    root: Path,
    incidents: Sequence[IncidentLine],
    change: Change | None,
    environ: Mapping[str, str] | None = None,
) -> Iterable[str]:
    """Append the job summary when $GITHUB_STEP_SUMMARY is set; return the annotation lines."""
    env = os.environ if environ is None else environ
    summary = env.get("GITHUB_STEP_SUMMARY")
    if summary:
        append_summary(Path(summary), job_summary(result, root, incidents, change))
    return annotation_lines(result, root, change)
