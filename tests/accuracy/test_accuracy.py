"""No regression on the held-back set of the evaluation set (issue 13).

Runs the same computation as `nox -s accuracy` (checks/bench/accuracy.py) on
tests/accuracy/data/fresh-held.jsonl and asserts every figure is at least the floor kept in
tests/accuracy/floor.json (the values reached when the floor was set, rounded down to
0.1 percentage point). Only aggregate figures are compared: nothing here looks at, or
tunes on, single held-back sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.bench.accuracy import HELD, load, measure

FLOOR = Path(__file__).with_name("floor.json")


@pytest.fixture(scope="module")
def held() -> dict[str, dict[str, float | None]]:
    summary = measure(load(HELD)).summary()
    return {
        field: {k: v[k] for k in ("recall", "precision", "grammar")}
        for field, v in summary["fields"].items()
    }


def _floors() -> list[tuple[str, str, float]]:
    data = json.loads(FLOOR.read_text(encoding="utf-8"))
    return [
        (field, measure_, value) for field, row in data.items() for measure_, value in row.items()
    ]


@pytest.mark.parametrize(("field", "measure_", "floor"), _floors())
def test_held_figure_not_below_floor(
    held: dict[str, dict[str, float | None]], field: str, measure_: str, floor: float
) -> None:
    got = held[field][measure_]
    assert got is not None
    assert round(100 * got, 3) >= floor, f"{field} {measure_}: {100 * got:.1f}% < floor {floor}%"


def test_tool_writes_json_and_markdown(tmp_path: Path) -> None:
    from checks.bench.accuracy import main

    assert main(["--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "accuracy.json").read_text(encoding="utf-8"))
    assert set(data) == {"dev", "released", "fresh-dev", "held"}
    assert "| **overall** |" in (tmp_path / "accuracy.md").read_text(encoding="utf-8")


def test_misses_by_name_on_the_released_held_file(capsys: pytest.CaptureFixture[str]) -> None:
    from checks.bench.accuracy import main, misses_path

    assert misses_path("fresh-held") == HELD
    assert misses_path("held") == HELD
    assert misses_path("x/y.jsonl") == Path("x/y.jsonl")
    assert main(["--misses", "fresh-held"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.split(" ", 1)[0] in {"MISSED", "EXTRA", "GRAMMAR"} for line in lines)
