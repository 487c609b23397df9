"""No regression on the held-back halves of the evaluation sets (issue 13).

Runs the same computation as `nox -s accuracy` (checks/bench/accuracy.py) on each
held-back half (tests/accuracy/data/third-held.jsonl and fourth-held.jsonl) and asserts
every figure is at least its floor in tests/accuracy/floor.json (the values reached when
the floor was set, rounded down to 0.1 percentage point). Only aggregate figures are
compared: nothing here looks at, or tunes on, single held-back sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.bench.accuracy import FOURTH_HELD, HELD, HELD_BACK, load, measure

FLOOR = Path(__file__).with_name("floor.json")


Rates = dict[str, dict[str, dict[str, float | None]]]
"""held-back half -> field -> measure -> rate."""


@pytest.fixture(scope="module")
def held() -> Rates:
    out: Rates = {}
    for name, path in HELD_BACK.items():
        summary = measure(load(path)).summary()
        out[name] = {
            field: {k: v[k] for k in ("recall", "precision", "grammar", "reading")}
            for field, v in summary["fields"].items()
        }
    return out


def _floors() -> list[tuple[str, str, str, float]]:
    data = json.loads(FLOOR.read_text(encoding="utf-8"))
    return [
        (half, field, measure_, value)
        for half, fields in data.items()
        for field, row in fields.items()
        for measure_, value in row.items()
    ]


def test_every_held_back_half_has_a_floor() -> None:
    assert {half for half, *_ in _floors()} == set(HELD_BACK)


@pytest.mark.parametrize(("half", "field", "measure_", "floor"), _floors())
def test_held_figure_not_below_floor(
    held: Rates, half: str, field: str, measure_: str, floor: float
) -> None:
    got = held[half][field][measure_]
    assert got is not None
    assert round(100 * got, 3) >= floor, (
        f"{half} {field} {measure_}: {100 * got:.1f}% < floor {floor}%"
    )


def test_tool_writes_json_and_markdown(tmp_path: Path) -> None:
    from checks.bench.accuracy import DEVELOPMENT, main

    assert main(["--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "accuracy.json").read_text(encoding="utf-8"))
    assert set(data) == {*DEVELOPMENT, *HELD_BACK}
    table = (tmp_path / "accuracy.md").read_text(encoding="utf-8")
    assert table.count("| **overall** |") == len(data)
    for name in data:
        assert f"## {name}\n" in table


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
    "name",
    [
        "held",
        str(HELD),
        "tests/accuracy/data/../data/third-held.jsonl",
        "fourth-held",
        str(FOURTH_HELD),
        "tests/accuracy/data/../data/fourth-held.jsonl",
    ],
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
