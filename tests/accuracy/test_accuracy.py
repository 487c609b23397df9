"""No regression on the held-back set of the evaluation set (issue 13).

Runs the same computation as `nox -s accuracy` (checks/bench/accuracy.py) on
tests/accuracy/data/third-held.jsonl (the held-back half) and asserts every figure is
at least the floor kept in tests/accuracy/floor.json (the values reached when the
floor was set, rounded down to 0.1 percentage point). Only aggregate figures are
compared: nothing here looks at, or tunes on, single held-back sentences.
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
        field: {k: v[k] for k in ("recall", "precision", "grammar", "reading")}
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
    from checks.bench.accuracy import DEVELOPMENT, main

    assert main(["--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "accuracy.json").read_text(encoding="utf-8"))
    assert set(data) == {*DEVELOPMENT, "held"}
    assert "| **overall** |" in (tmp_path / "accuracy.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["fresh-held", "third-dev"])
def test_misses_are_listed_for_a_development_file(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    from checks.bench.accuracy import DEVELOPMENT, main, misses_path

    assert misses_path(name) == DEVELOPMENT[name]
    assert misses_path("x/y.jsonl") == Path("x/y.jsonl")
    assert main(["--misses", name]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.split(" ", 1)[0] in {"MISSED", "EXTRA", "GRAMMAR", "READING"} for line in lines)


@pytest.mark.parametrize(
    "name", ["held", str(HELD), "tests/accuracy/data/../data/third-held.jsonl"]
)
def test_misses_of_the_held_back_half_are_refused(
    capsys: pytest.CaptureFixture[str], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checks.bench.accuracy import main

    monkeypatch.chdir(HELD.parents[3])
    with pytest.raises(SystemExit) as exited:
        main(["--misses", name])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert "held-back half" in captured.err
    assert "MISSED" not in captured.out
