"""The benchmark runs and reports every figure; its speed is never asserted here."""

from __future__ import annotations

from checks.bench.quantities import run
from tests.conftest import SEED


def test_benchmark_reports_all_figures() -> None:
    figures = run(repeat=1, articles_dir=SEED / "articles")
    assert figures["articles"] == 5
    for key in ("phrases_per_second", "articles_per_second", "parse_vs_digit_scan"):
        assert isinstance(figures[key], int | float)
        assert figures[key] > 0
