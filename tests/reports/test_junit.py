"""junit.xml: parsed with ElementTree and checked case by case against the result."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checks.catalogue import RULES
from checks.findings import Finding, Layer, Severity, ValidationResult
from checks.pipeline import validate
from checks.reports.junit import render_junit, write_junit_report
from checks.rulescope import WHOLE_DATASET, rule_tables
from tests.conftest import EditCell


def _cases(xml: str) -> dict[tuple[str, str], ET.Element]:
    root = ET.fromstring(xml.encode("utf-8"))
    cases = {(c.get("classname", ""), c.get("name", "")): c for c in root.iter("testcase")}
    assert len(cases) == len(list(root.iter("testcase"))), "a (rule, table) case twice"
    return cases


def _finding(rule_id: str, severity: Severity, table: str | None, message: str) -> Finding:
    return Finding(
        rule_id,
        severity,
        RULES[rule_id].layer,
        message,
        table=table,
        row_key="k1",
        file=f"d/{table}.csv",
        line=7,
    )


def test_one_case_per_rule_and_table_and_counts_agree() -> None:
    result = ValidationResult(
        "d",
        (),
        {},
        (Layer.LOAD, Layer.STRUCTURE, Layer.GROUNDING, Layer.CONSISTENCY),
    )
    xml = render_junit(result)
    cases = _cases(xml)
    expected = {(r, t) for r in RULES for t in rule_tables(r)}
    assert set(cases) == expected
    root = ET.fromstring(xml)
    assert int(root.get("tests", "-1")) == len(expected)
    assert root.get("failures") == "0"
    skipped = [c for c in cases.values() if c.find("skipped") is not None]
    assert {c.get("classname", "").split(".")[0] for c in skipped} == {"expectations"}
    assert int(root.get("skipped", "-1")) == len(skipped)
    for suite in root.iter("testsuite"):
        assert int(suite.get("tests", "-1")) == len(suite.findall("testcase"))


def test_errors_fail_their_case_and_warnings_do_not(edit_cell: EditCell, seed_copy: Path) -> None:
    line = edit_cell("claims", "c0018", "low", "45")
    edit_cell("claims", "c0018", "high", "45")
    result = validate(seed_copy)
    cases = _cases(render_junit(result))
    failure = cases[("grounding.figure-mismatch", "claims")].find("failure")
    assert failure is not None
    assert failure.get("type") == "grounding.figure-mismatch"
    assert failure.get("message", "").startswith("1 error(s)")
    assert f"claims.csv:{line} [c0018]:" in (failure.text or "")
    disagree = cases[("consistency.claims-disagree", "claims")].find("failure")
    assert disagree is not None
    assert (disagree.text or "").count("\n") == 1, "two findings, one line each"
    later = cases[("consistency.later-lower-toll", "claims")]
    assert later.find("failure") is None
    out = later.find("system-out")
    assert out is not None
    assert (out.text or "").startswith("warning: ")
    quiet = cases[("structure.unique-key", "claims")]
    assert list(quiet) == [], "a rule that found nothing is a passing case"
    failures = sum(1 for c in cases.values() if c.find("failure") is not None)
    assert ET.fromstring(render_junit(result)).get("failures") == str(failures) == "2"


def test_finding_outside_a_rules_scope_gets_its_own_case() -> None:
    odd = _finding("structure.date-order", Severity.ERROR, "claims", "m")
    gx = Finding("expectations.failed", Severity.ERROR, Layer.EXPECTATIONS, "m", table="claims")
    result = ValidationResult("d", (odd, gx), {}, tuple(Layer))
    cases = _cases(render_junit(result))
    assert cases[("structure.date-order", "claims")].find("failure") is not None
    assert cases[("structure.date-order", "incidents")].find("failure") is None
    assert cases[("expectations.failed", WHOLE_DATASET)].find("failure") is not None


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        (
            "<b>&amp;</b> \"q\" 'single' ]]> <![CDATA[x]]>",
            "<b>&amp;</b> \"q\" 'single' ]]> <![CDATA[x]]>",
        ),
        (
            "ctl \x00\x01\x08\x0b\x0c\x1b\x7f \ufffe\uffff",
            "ctl \\x00\\x01\\x08\\x0b\\x0c\\x1b\x7f \\xfffe\\xffff",
        ),
        (
            "</failure></testcase><testcase name='forged'>",
            "</failure></testcase><testcase name='forged'>",
        ),
        ("line one\nline two\r\n", "line one\\nline two\\r\\n"),
    ],
)
def test_any_message_gives_parseable_xml_that_keeps_it(message: str, shown: str) -> None:
    finding = _finding("structure.required", Severity.ERROR, "claims", message)
    result = ValidationResult("d", (finding,), {}, tuple(Layer))
    xml = render_junit(result)
    cases = _cases(xml)
    failure = cases[("structure.required", "claims")].find("failure")
    assert failure is not None
    assert failure.text == f"d/claims.csv:7 [k1]: {shown}"
    assert ("forged", "") not in {(n, c) for c, n in cases}
    assert all(n != "forged" for _, n in cases)


def test_written_atomically_into_the_report_dir(tmp_path: Path) -> None:
    result = ValidationResult("d", (), {}, tuple(Layer))
    path = write_junit_report(result, tmp_path / "reports")
    assert path == tmp_path / "reports" / "junit.xml"
    assert ET.parse(path).getroot().tag == "testsuites"
    assert [p.name for p in path.parent.iterdir()] == ["junit.xml"], "no temporary left"
