"""build/reports/junit.xml: the run as JUnit XML, for CI systems other than GitHub.

Shape (the de-facto schema Jenkins, GitLab and Azure read):
- one <testsuite> per layer, named after it;
- one <testcase> per (rule id, table) the run covered: classname = rule id, name =
  table (see checks.rulescope; "dataset" for a rule over the whole dataset);
- a case with error findings has one <failure> (type = rule id) whose text lists
  them, one per line as `file:line: message`; warnings and notices never fail a case,
  they are listed in the case's <system-out>, one per line prefixed `warning: ` or
  `notice: ` (warnings first), so a CI system that greps either tells them apart; a
  case of a layer that did not run is <skipped>.
ElementTree escapes markup; characters XML 1.0 cannot carry at all (most control
characters) are written as `\\xNN` so the file always parses, and line breaks inside a
message as `\\n`, so each finding stays one line of the failure text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from checks.catalogue import RULES
from checks.findings import Finding, Layer, Severity, ValidationResult
from checks.reports.atomic import write_text_atomic
from checks.rulescope import WHOLE_DATASET, rule_tables

_NOT_XML = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: forbidden characters become visible `\\xNN` escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> str:
    """A finding per line: line breaks inside a message are shown as `\\n` / `\\r`."""
    return xml_text(text.replace("\r", "\\r").replace("\n", "\\n"))


def _line(finding: Finding) -> str:
    where = finding.location
    key = f" [{finding.row_key}]" if finding.row_key else ""
    return one_line(f"{where}{key}: {finding.message}")


def _cases(result: ValidationResult) -> dict[Layer, dict[tuple[str, str], list[Finding]]]:
    cases: dict[Layer, dict[tuple[str, str], list[Finding]]] = {layer: {} for layer in Layer}
    for rule in RULES.values():
        for table in rule_tables(rule.id):
            cases[rule.layer].setdefault((rule.id, table), [])
    for finding in result.findings:
        scope = rule_tables(finding.rule_id)
        if finding.table in scope:
            table = finding.table
        elif scope == (WHOLE_DATASET,) or finding.table is None:
            table = WHOLE_DATASET
        else:
            table = finding.table
        cases[finding.layer].setdefault((finding.rule_id, table), []).append(finding)
    return cases


def junit_tree(result: ValidationResult) -> ET.Element:
    """The <testsuites> element for `result`."""
    root = ET.Element("testsuites", name="checks")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for layer, cases in _cases(result).items():
        ran = layer in result.layers_run
        suite = ET.SubElement(root, "testsuite", name=layer.value)
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        for (rule_id, table), findings in sorted(cases.items()):
            case = ET.SubElement(suite, "testcase", classname=rule_id, name=table)
            counts["tests"] += 1
            errors = [f for f in findings if f.severity is Severity.ERROR]
            warnings = [f for f in findings if f.severity is Severity.WARNING]
            notices = [f for f in findings if f.severity is Severity.NOTICE]
            if not ran and not findings:
                ET.SubElement(case, "skipped", message=f"layer {layer.value} did not run")
                counts["skipped"] += 1
                continue
            if errors:
                title = RULES[rule_id].title if rule_id in RULES else rule_id
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=rule_id,
                    message=xml_text(f"{len(errors)} error(s): {title}"),
                )
                failure.text = "\n".join(_line(f) for f in errors)
                counts["failures"] += 1
            if warnings or notices:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(
                    [f"warning: {_line(f)}" for f in warnings]
                    + [f"notice: {_line(f)}" for f in notices]
                )
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    return root


def render_junit(result: ValidationResult) -> str:
    """The XML document as text (UTF-8 declared)."""
    tree = junit_tree(result)
    ET.indent(tree)
    body = ET.tostring(tree, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def write_junit_report(result: ValidationResult, report_dir: Path) -> Path:
    """Write junit.xml into `report_dir` atomically and return its path."""
    path = report_dir / "junit.xml"
    write_text_atomic(path, render_junit(result))
    return path


def render_cannot_run_junit(message: str) -> str:
    """junit.xml for a run that could not check the dataset (exit 2): one <error> case.

    Without it a previous run's junit.xml would stay behind and could report success.
    """
    root = ET.Element("testsuites", name="checks", tests="1", failures="0", errors="1")
    suite = ET.SubElement(
        root, "testsuite", name=Layer.LOAD.value, tests="1", failures="0", errors="1"
    )
    suite.set("skipped", "0")
    case = ET.SubElement(suite, "testcase", classname="checks", name="load")
    error = ET.SubElement(case, "error", type="cannot-run", message=one_line(message))
    error.text = one_line(message)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_cannot_run_junit(message: str, report_dir: Path) -> Path:
    """Write the exit-2 junit.xml into `report_dir` atomically and return its path."""
    path = report_dir / "junit.xml"
    write_text_atomic(path, render_cannot_run_junit(message))
    return path
