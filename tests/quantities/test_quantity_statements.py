"""Casualty statements on typical news phrasings, and the CLI handlers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.quantities import Qualifier, extract_statements
from checks.quantities.commands import run_extract, run_parse_quantity


@pytest.mark.parametrize(
    ("text", "field", "quote", "low", "high"),
    [
        ("Gunmen stormed a bus, killing 45 people.", "killed", "killing 45 people", 45, 45),
        ("The blast killed at least 12 civilians.", "killed", "killed at least 12 civilians",
         12, None),
        ("The attack left more than 60 dead.", "killed", "left more than 60 dead", 61, None),
        ("The bombing left 30 people injured.", "injured", "left 30 people injured", 30, 30),
        ("The blast wounded nearly 100 people.", "injured", "wounded nearly 100 people", 90, 99),
        ("Police said 20 people were killed.", "killed", "20 people were killed", 20, 20),
        ("Police said 20 people were injured.", "injured", "20 people were injured", 20, 20),
        ("About 40 people died in the blast.", "killed", "About 40 people died in the blast",
         36, 44),
        ("The death toll rose to 61.", "killed", "death toll rose to 61", 61, 61),
        ("Police arrested 15 suspects on Sunday.", "arrested", "arrested 15 suspects", 15, 15),
        ("Troops detained dozens of people.", "arrested", "detained dozens of people", 12, 99),
        # the gunmen themselves caught, as "Police arrested two gunmen" (convention 34 of
        # the third set; round 11)
        ("Two of the five gunmen were arrested.", "attackers_captured",
         "Two of the five gunmen were arrested", 2, 2),
        ("Police captured three gunmen.", "attackers_captured", "captured three gunmen", 3, 3),
        ("The three attackers were shot dead by police.", "attackers_killed",
         "The three attackers were shot dead", 3, 3),
        ("The six gunmen stormed the school.", "attackers", "The six gunmen", 6, 6),
        ("The attack claimed 25 lives.", "killed", "claimed 25 lives", 25, 25),
    ],
)  # fmt: skip
def test_typical(text: str, field: str, quote: str, low: int, high: int | None) -> None:
    found = [(s.field, s.quote, s.quantity.low, s.quantity.high) for s in extract_statements(text)]
    assert (field, quote, low, high) in found, found


def test_total_of_x_of_the_y_is_its_own_statement() -> None:
    text = "At least two of the seven attackers were captured."
    fields = {s.field: s for s in extract_statements(text)}
    assert fields["attackers_captured"].quantity.total == 7
    assert fields["attackers"].quote == "the seven attackers"
    assert fields["attackers"].quantity.qualifier is Qualifier.exact


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman said a team of 20 officers raided a compound.",
        "He said the group had sent hundreds of fighters to Syria.",
        "One of the arrested suspects was 17.",
        "A man was seen near a bus.",
        "Twenty per cent of the population was killed in the war of 1971.",
        "The 17-year-old suspect told police the attackers had trained there.",
        "Many militants went to fight in Syria.",
    ],
)
def test_no_statement(text: str) -> None:
    assert extract_statements(text) == []


def test_a_counts_as_one_only_before_an_attacker_noun() -> None:
    """ "a" is one only in "a/an <attacker noun>" (issue 13: a singular attacker noun is one
    attacker); "a fighter who was killed" is an attacker killed, not also an attacker."""
    text = "a fighter who was killed by security forces in the attack."
    (s,) = extract_statements(text)
    assert (s.field, s.quantity.low, s.quantity.text) == ("attackers_killed", 1, "a")
    (seen,) = extract_statements("a fighter who was seen in the attack.")
    assert (seen.field, seen.quantity.low, seen.quote) == ("attackers", 1, "a fighter")
    assert extract_statements("a man drove a truck into the crowd.") == []
    assert extract_statements("a terrorist attack on the school.") == []


def test_statement_json_round_trips() -> None:
    (s,) = extract_statements("The raid killed 61 people.")
    data = json.loads(json.dumps(s.to_json()))
    assert data["field"] == "killed"
    assert data["quantity"]["low"] == 61


def test_run_parse_quantity(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_parse_quantity("left more than 60 dead") == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {
        "text": "more than 60",
        "qualifier": "more_than",
        "low": 61,
        "high": None,
        "number": 60,
        "increment": False,
        "total": None,
        "start": 5,
        "end": 17,
    }
    assert run_parse_quantity("in 2013") == 1
    assert json.loads(capsys.readouterr().out) == {"match": None}


def test_run_extract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Gunmen stormed a bus, killing 45 people. Police arrested 3 men.")
    assert run_extract(article) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["field"] for d in lines] == ["killed", "arrested"]


def test_run_extract_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    assert run_extract(bad) == 2
    err = capsys.readouterr().err
    assert str(bad) in err
    assert len(err.strip().splitlines()) == 1
    assert run_extract(tmp_path / "missing.txt") == 2
    assert "missing.txt" in capsys.readouterr().err
