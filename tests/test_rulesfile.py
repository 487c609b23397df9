"""The rules file is read strictly: every mistake stops the run naming the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.catalogue import RULES
from checks.errors import CannotRun
from checks.findings import Severity
from checks.rulesfile import Tolerance, load_rules
from tests.conftest import SEED


def load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path, set(RULES))


def test_seed_rules_load() -> None:
    rules = load_rules(SEED / "rules.toml", set(RULES))
    assert rules.earliest_date == dt.date(1990, 1, 1)
    assert rules.tolerance("killed") == Tolerance(absolute=2.0, relative=0.05)
    assert rules.tolerance("attackers") == Tolerance()


def test_absent_rules_file_means_defaults(tmp_path: Path) -> None:
    rules = load_rules(tmp_path / "rules.toml", set(RULES))
    assert rules.tolerance("killed") == Tolerance()
    assert rules.severity == {}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "[tolerance.killed]\nabsolute = -1\n",
            2,
            "tolerance.killed.absolute: must not be negative",
        ),
        ("[tolerance.killed]\nrelative = 'x'\n", 2, "tolerance.killed.relative: must be a number"),
        ("[tolerance.killed]\nabsolut = 1\n", 2, "tolerance.killed.absolut: unknown key"),
        ("[tolerances]\n", 1, "tolerances: unknown key"),
        ("[dates]\nearliest = 'soon'\n", 2, "dates.earliest: not an ISO date"),
        ("[severity]\n\"structure.nope\" = 'error'\n", 2, "severity.structure.nope: no rule"),
        ("[severity]\n\"structure.type\" = 'fatal'\n", 2, "must be 'error', 'warning' or 'notice'"),
        ("[dates\n", 1, "invalid TOML"),
    ],
)
def test_bad_rules_file_cannot_run(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(CannotRun) as caught:
        load(tmp_path, text)
    assert caught.value.line == line
    assert words in caught.value.reason


def test_severity_and_dates_are_read(tmp_path: Path) -> None:
    rules = load(
        tmp_path, '[dates]\nearliest = 2000-01-01\n[severity]\n"structure.type" = "warning"\n'
    )
    assert rules.earliest_date == dt.date(2000, 1, 1)
    assert rules.severity == {"structure.type": Severity.WARNING}
