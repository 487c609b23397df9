"""Item 6: a bad rules file stops the run (exit 2) with one line naming the key."""

from __future__ import annotations

import pytest

from tests.hostile.builder import Hostile


@pytest.mark.parametrize("name", ["rules.yaml", "rules.yml", "rules.json"])
def test_rules_file_of_another_format_is_refused(hostile: Hostile, name: str) -> None:
    hostile.write(name, b"tolerance:\n  killed: {absolute: 2}\n")
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(name)}: the rules file is rules.toml (TOML); {name} is not "
        "read: move its settings into rules.toml and delete it"
    )


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("[tolerance.killed\nabsolute = 2\n", 1, 18),
        ("[dates]\nearliest = \n", 2, 12),
        ('[severity]\n"structure.type" = "error"\n"structure.type" = "warning"\n', 3, 29),
        ("[tolerance.killed]\nabsolute = 1 2\n", 2, 14),
    ],
)
def test_invalid_toml_names_line_and_column(
    hostile: Hostile, text: str, line: int, column: int
) -> None:
    hostile.write("rules.toml", text.encode())
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line().startswith(
        f"error: {hostile.path('rules.toml')}:{line}:{column}: invalid TOML: "
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "colour = 1\n",
            1,
            "colour: unknown key (allowed: dates, quantities, severity, tolerance)",
        ),
        ("[dates]\nlatest = 2020-01-01\n", 2, "dates.latest: unknown key (allowed: earliest)"),
        ("[dates]\nearliest = 5\n", 2, "dates.earliest: must be a date such as 1990-01-01"),
        (
            "[dates]\nearliest = 2020-01-01T00:00:00\n",
            2,
            "dates.earliest: must be a date such as 1990-01-01",
        ),
        ("tolerance = 5\n", 1, "tolerance: must be a table"),
        (
            "[tolerance]\nkilled = 3\n",
            2,
            "tolerance.killed: must be a table with absolute and relative",
        ),
        (
            "[tolerance.killed]\nabsolute = -0.5\n",
            2,
            "tolerance.killed.absolute: must not be negative, got -0.5",
        ),
        (
            "[tolerance.killed]\nrelative = nan\n",
            2,
            "tolerance.killed.relative: must be a finite number, got nan",
        ),
        (
            "[tolerance.killed]\nabsolute = inf\n",
            2,
            "tolerance.killed.absolute: must be a finite number, got inf",
        ),
        (
            "[tolerance.killed]\nabsolute = true\n",
            2,
            "tolerance.killed.absolute: must be a number, got True",
        ),
        (
            "[tolerance.killed]\nabsolute = '2'\n",
            2,
            "tolerance.killed.absolute: must be a number, got '2'",
        ),
        (
            '[severity]\n"structure.type" = 1\n',
            2,
            "severity.structure.type: must be 'error', 'warning' or 'notice', got 1",
        ),
        (
            '[severity]\n"structure.typo" = "error"\n',
            2,
            "severity.structure.typo: no rule has this id (see the README's rule list)",
        ),
    ],
)
def test_wrong_key_or_value_names_the_key(
    hostile: Hostile, text: str, line: int, message: str
) -> None:
    hostile.write("rules.toml", text.encode())
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == f"error: {hostile.path('rules.toml')}:{line}: {message}"


def test_bad_quantity_convention_names_the_key(hostile: Hostile) -> None:
    hostile.write("rules.toml", b"[quantities.vague.dozens]\nlow = -1\n")
    run = hostile.validate()
    assert run.code == 2
    line = run.error_line()
    assert line.startswith(f"error: {hostile.path('rules.toml')}: [quantities]: ")
    assert "dozens" in line


def test_rules_file_not_utf8(hostile: Hostile) -> None:
    hostile.write("rules.toml", b'[dates]\nearliest = "1990\xff"\n')
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path('rules.toml')}:2:17: not valid UTF-8 (byte 0xff); "
        "save the file as UTF-8"
    )
