"""Benchmark of the quantity grammar and the statement extractor on the seed articles.

Reports phrases per second and articles per second, and the ratio of each against a
baseline measured in the same process: a plain `regex` scan for digit runs over the
same texts (the cheapest thing that still looks at every character). Ratios survive
a change of machine; absolute figures do not.

    python -m checks.bench.quantities [--repeat N] [--out build/bench/quantities.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import platform
import time
from collections.abc import Callable
from pathlib import Path

import regex

from checks.quantities import (
    extract_statements,
    parse_quantities,
    parse_quantity,
    resolve_relative_dates,
)
from checks.quantities.adversarial import ADVERSARIAL

SEED_ARTICLES = Path("datasets/seed/articles")
PHRASES = [
    "left more than 60 dead",
    "killing 93 people",
    "together killed nearly 200 people",
    "At least two of the seven attackers were captured",
    "arresting 20 more people",
    "between 40 and 50 people were wounded",
    "dozens of people were injured",
    "some 1,200 people were detained",
    "twenty-one soldiers were killed",
    "the 17-year-old suspect",
]
_DIGITS = regex.compile(r"\d[\d,]*")
# Growth in time per character from the small to the large hostile text above which
# the run fails: linear reading stays near 1, a quadratic one reaches large/small.
MAX_GROWTH = 2.5


def _best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def run(repeat: int, articles_dir: Path) -> dict[str, object]:
    """Time the parser and the extractor against the digit-scan baseline."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(articles_dir.glob("*.txt"))]
    phrases = PHRASES * 100

    def parse_all() -> None:
        for phrase in phrases:
            parse_quantity(phrase)

    def scan_phrases() -> None:
        for phrase in phrases:
            list(_DIGITS.finditer(phrase))

    def extract_all() -> None:
        for text in texts:
            extract_statements(text)

    def scan_articles() -> None:
        for text in texts:
            list(_DIGITS.finditer(text))

    parse_s = _best_of(repeat, parse_all)
    scan_p_s = _best_of(repeat, scan_phrases)
    extract_s = _best_of(repeat, extract_all)
    scan_a_s = _best_of(repeat, scan_articles)
    return {
        "machine": f"{platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}",
        "phrases": len(phrases),
        "articles": len(texts),
        "phrases_per_second": round(len(phrases) / parse_s),
        "articles_per_second": round(len(texts) / extract_s, 1),
        "parse_vs_digit_scan": round(parse_s / scan_p_s, 1),
        "extract_vs_digit_scan": round(extract_s / scan_a_s, 1),
    }


def _read_all(text: str) -> None:
    parse_quantities(text)
    extract_statements(text)
    resolve_relative_dates(text, dt.date(2020, 1, 1))


def growth(small: int, large: int, repeat: int) -> dict[str, dict[str, float]]:
    """Seconds at each size and the growth of time per character, per hostile text."""
    rows: dict[str, dict[str, float]] = {}
    for name, build in sorted(ADVERSARIAL.items()):
        small_text, large_text = build(small), build(large)
        small_s = _best_of(repeat, functools.partial(_read_all, small_text))
        large_s = _best_of(max(1, repeat // 2), functools.partial(_read_all, large_text))
        # A floor of 1 ms keeps inputs read in no time from giving noise as growth.
        ratio = (max(large_s, 1e-3) / len(large_text)) / (max(small_s, 1e-3) / len(small_text))
        rows[name] = {
            "small_seconds": round(small_s, 4),
            "large_seconds": round(large_s, 4),
            "growth": round(ratio, 2),
        }
    return rows


def superlinear(rows: dict[str, dict[str, float]]) -> list[str]:
    """The hostile texts whose time per character grew more than MAX_GROWTH."""
    return [name for name, row in rows.items() if row["growth"] > MAX_GROWTH]


def main() -> None:
    """Print the figures as Markdown tables, write them as JSON, fail on superlinear growth."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--articles", type=Path, default=SEED_ARTICLES)
    parser.add_argument("--small", type=int, default=32_000)
    parser.add_argument("--large", type=int, default=256_000)
    parser.add_argument("--out", type=Path, default=Path("build/bench/quantities.json"))
    args = parser.parse_args()
    figures = run(args.repeat, args.articles)
    hostile = growth(args.small, args.large, max(1, args.repeat // 2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out = {**figures, "hostile": {"small": args.small, "large": args.large, **hostile}}
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print("| measure | value |\n| --- | --- |")
    for key, value in figures.items():
        print(f"| {key} | {value} |")
    print(f"\n| hostile text | s at {args.small:,} chars | s at {args.large:,} chars | growth |")
    print("| --- | --- | --- | --- |")
    for name, row in hostile.items():
        print(f"| {name} | {row['small_seconds']} | {row['large_seconds']} | {row['growth']} |")
    slow = superlinear(hostile)
    if slow:
        print(f"superlinear (growth above {MAX_GROWTH}): {', '.join(slow)}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
