"""The benchmark runs and reports every figure; its speed is never asserted here."""

from __future__ import annotations

import pytest

from checks.bench.quantities import MAX_GROWTH, growth, run, superlinear
from checks.quantities.adversarial import ADVERSARIAL
from tests.conftest import SEED


def test_benchmark_reports_all_figures() -> None:
    figures = run(repeat=1, articles_dir=SEED / "articles")
    assert figures["articles"] == 5
    for key in ("phrases_per_second", "articles_per_second", "parse_vs_digit_scan"):
        value = figures[key]
        assert isinstance(value, int | float)
        assert value > 0


def test_growth_reports_every_hostile_text() -> None:
    rows = growth(small=400, large=1_600, repeat=1)
    assert set(rows) == set(ADVERSARIAL)
    for row in rows.values():
        assert row["small_seconds"] >= 0
        assert row["large_seconds"] >= 0
        assert row["growth"] > 0


@pytest.mark.parametrize(
    ("growths", "flagged"),
    [
        ({"ones": 0.9, "parens": 1.1}, []),
        ({"ones": MAX_GROWTH, "parens": 1.0}, []),
        ({"ones": 8.0, "parens": 1.0}, ["ones"]),
        ({"ones": 8.0, "parens": MAX_GROWTH + 0.01}, ["ones", "parens"]),
    ],
)
def test_superlinear_flags_growth_above_the_bound(
    growths: dict[str, float], flagged: list[str]
) -> None:
    rows = {
        name: {"small_seconds": 1.0, "large_seconds": 8.0, "growth": g}
        for name, g in growths.items()
    }
    assert superlinear(rows) == flagged
