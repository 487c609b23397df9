"""Split the evaluation sentences into a development half and a held-out half.

Reads each set beside this file (``sentences.jsonl``, ``fresh.jsonl``, ``third.jsonl``,
``fourth.jsonl``; see ``SPLITS``) and writes its two halves beside it (the first set's
held-out half, ``released.jsonl``, was ``held.jsonl`` until round 3 of the grammar work
released it for development; ``third-held.jsonl`` and ``fourth-held.jsonl`` are the
held-back halves now).
Pure standard library; run once:

    python3 tests/accuracy/data/split.py

How the split is made
---------------------
* Sentences are grouped by page (``url``): all sentences of one page land on
  the same side, so a page's wording never leaks from dev into held. For the fourth
  set, pages that share a sentence word for word (wire copies of one story under
  several URLs) are one unit, dealt together.
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
    # (source, development half, held-out half, seed, pages sharing a sentence kept together)
    (HERE / "sentences.jsonl", HERE / "dev.jsonl", HERE / "released.jsonl", 20261130, False),
    (HERE / "fresh.jsonl", HERE / "fresh-dev.jsonl", HERE / "fresh-held.jsonl", 20261201, False),
    (HERE / "third.jsonl", HERE / "third-dev.jsonl", HERE / "third-held.jsonl", 20261202, False),
    (HERE / "fourth.jsonl", HERE / "fourth-dev.jsonl", HERE / "fourth-held.jsonl", 20261203, True),
)
"""The first set (split in round 1), the fresh set (split once, before round 4 of the
grammar work: its development half is read from then on), the third (split before round
5; its held-out half is never read) and the fourth (split after round 10, measured before
anyone read it; its held-out half is never read). Re-running the split rewrites every
half byte for byte: the order and the seed are fixed."""


def main() -> None:
    for source, dev, held, seed, copies in SPLITS:
        split(source, dev, held, seed, copies)


def units(rows: list[dict[str, object]], copies: bool) -> dict[str, str]:
    """url -> the unit it is dealt with: itself, or with `copies` the smallest URL of the
    pages it shares a sentence with, directly or through others (wire copies of one story
    under several URLs must not land on both sides)."""
    parent = {str(row["url"]): str(row["url"]) for row in rows}

    def root(url: str) -> str:
        while parent[url] != url:
            parent[url] = parent[parent[url]]
            url = parent[url]
        return url

    if copies:
        first: dict[str, str] = {}
        for row in rows:
            url = str(row["url"])
            other = first.setdefault(str(row["sentence"]), url)
            a, b = root(url), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {url: root(url) for url in parent}


def split(source: Path, dev_path: Path, held_path: Path, seed: int, copies: bool) -> None:
    """Deal the pages of `source` to the two halves, as the module docstring says."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = [json.loads(line) for line in lines]
    unit = units(rows, copies)

    # Per unit (a page, or pages sharing a sentence): (figure, non-figure sentences).
    pages: dict[str, list[int]] = {}
    for row in rows:
        counts = pages.setdefault(unit[row["url"]], [0, 0])
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
            (dev if side[unit[row["url"]]] == "dev" else held).write(line)

    for name in ("dev", "held"):
        fig, non = have[name]
        pages_n = sum(1 for url in unit if side[unit[url]] == name)
        print(
            f"{source.name} {name}: {fig + non} sentences ({fig} figure, {non} non-figure) "
            f"from {pages_n} pages"
        )


if __name__ == "__main__":
    main()
