"""Split the evaluation sentences into a development half and a held-out half.

Reads ``sentences.jsonl`` (beside this file) and writes ``dev.jsonl`` and the
held-out half beside it (``released.jsonl``: it was ``held.jsonl`` until round 3 of the
grammar work released it for development; ``fresh.jsonl`` is the held-back set now).
Pure standard library; run once:

    python3 tests/accuracy/data/split.py

How the split is made
---------------------
* Sentences are grouped by page (``url``): all sentences of one page land on
  the same side, so a page's wording never leaks from dev into held.
* The pages are put in a fixed order (sorted by URL), then shuffled with
  ``random.Random(20261130)``.
* Pages are dealt out one by one, in that shuffled order, to the side that is
  further below half of the figure sentences and of the non-figure sentences
  (the sum of both shortfalls decides; a tie goes to dev). This keeps both
  kinds of sentence close to half on each side while the page order stays
  random.
* Each output file keeps the input's line order and the input's lines
  byte-for-byte.

The held-out file is for the final measurement only: nothing is tuned on it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = (
    # (source, development half, held-out half, seed)
    (HERE / "sentences.jsonl", HERE / "dev.jsonl", HERE / "released.jsonl", 20261130),
    (HERE / "fresh.jsonl", HERE / "fresh-dev.jsonl", HERE / "fresh-held.jsonl", 20261201),
    (HERE / "third.jsonl", HERE / "third-dev.jsonl", HERE / "third-held.jsonl", 20261202),
)
"""The first set (split in round 1) and the fresh set (split once, before round 4 of the
grammar work: its development half is read from then on, its held-out half never)."""


def main() -> None:
    for source, dev, held, seed in SPLITS:
        split(source, dev, held, seed)


def split(source: Path, dev_path: Path, held_path: Path, seed: int) -> None:
    """Deal the pages of `source` to the two halves, as the module docstring says."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = [json.loads(line) for line in lines]

    # Per page: (figure sentences, non-figure sentences).
    pages: dict[str, list[int]] = {}
    for row in rows:
        counts = pages.setdefault(row["url"], [0, 0])
        counts[0 if row["figures"] else 1] += 1

    total_fig = sum(c[0] for c in pages.values())
    total_non = sum(c[1] for c in pages.values())

    order = sorted(pages)
    random.Random(seed).shuffle(order)

    side: dict[str, str] = {}
    have = {"dev": [0, 0], "held": [0, 0]}
    for url in order:

        def shortfall(name: str) -> float:
            fig, non = have[name]
            return (total_fig / 2 - fig) / max(total_fig, 1) + (total_non / 2 - non) / max(
                total_non, 1
            )

        name = "dev" if shortfall("dev") >= shortfall("held") else "held"
        side[url] = name
        have[name][0] += pages[url][0]
        have[name][1] += pages[url][1]

    with dev_path.open("w", encoding="utf-8") as dev, held_path.open("w", encoding="utf-8") as held:
        for line, row in zip(lines, rows, strict=True):
            (dev if side[row["url"]] == "dev" else held).write(line)

    for name in ("dev", "held"):
        fig, non = have[name]
        pages_n = sum(1 for s in side.values() if s == name)
        print(
            f"{source.name} {name}: {fig + non} sentences ({fig} figure, {non} non-figure) "
            f"from {pages_n} pages"
        )


if __name__ == "__main__":
    main()
