"""Accuracy of the statement extractor and the quantity grammar on real sentences.

Reads the evaluation sets (``tests/accuracy/data/``: one JSON object per sentence,
with the figures a careful reader records; see ``NOTES.md``, ``NOTES-fresh.md``,
``NOTES-third.md`` and ``NOTES-fourth.md`` there) and measures, per field and overall,
on eight files:

* ``dev.jsonl``: the development half of the first set (looked at since round 1);
* ``released.jsonl``: the first set's held-back half, measured untouched in rounds 1
  and 2, then released for development in round 3 (its misses were read from then on);
* ``fresh-dev.jsonl`` and ``fresh-held.jsonl``: the second set, gathered by someone who
  never ran the extractor on it, split once by page; the first half was read from
  round 4 on, the second was held back in rounds 3 and 4 and released in round 5;
* ``third-dev.jsonl`` and ``third-held.jsonl``: the third set, gathered the same way
  from other pages and other attacks, split once by page before round 5 was measured;
  ``third-dev.jsonl`` was read from round 6 on, and ``third-held.jsonl`` is **a
  held-back half**: nothing is tuned on it and ``--misses`` refuses it;
* ``fourth-dev.jsonl`` and ``fourth-held.jsonl``: the fourth set, gathered the same way
  by four other helpers from other pages and other attacks, split once by page and
  measured on the code of round 10 before anyone read a sentence of it;
  ``fourth-dev.jsonl`` is read from round 11 on, and ``fourth-held.jsonl`` is **the
  second held-back half**, refused by ``--misses`` like the first.

The figures:

* **recall** of ``extract``: a reader's figure (field, interval [low, high], kind
  total/increment) is *recalled* when ``extract_statements(sentence)`` proposes a
  statement in that sentence with the same field, the same low and high and the same
  kind (``increment`` true for kind "increment"). Each proposal is matched to at most
  one figure and each figure to at most one proposal.
* **precision** of ``extract``: proposals that match a reader's figure, divided by all
  proposals, on figure sentences *and* on sentences without figures (a figure proposed
  in a sentence that has none counts against precision). Per field, by the field of
  the proposal.
* **grammar exact match**: for each reader's figure, ``parse_quantities(quote)`` over
  the reader's quote; right when some parsed quantity has the reader's qualifier, low
  and high. For "X of the Y" the project's own reading is used: the quantity as
  parsed (high capped at Y), and also its two parts from ``split_of_total`` (X alone,
  Y as an exact count). Kind is not compared here (it is the extractor's business).
* **reading**: for each reader's figure, the gate's own reading of the reader's quote
  for the reader's field (``checks.grounding.run.quote_reading``: the extractor's
  statement of that field in the quote, else the quote's first quantity), right when it
  has the reader's qualifier, low, high and kind. This is what
  ``grounding.figure-mismatch`` compares a claim with, so it is the share of correct
  claims on real quotes that the rule lets pass; unlike the grammar figure it counts
  the extractor's sums ("two policemen and a civilian were killed": three), and unlike
  it, it does compare the kind.

    python -m checks.bench.accuracy [--held PATH] [--out build/accuracy] [--misses FILE]

Writes ``accuracy.json`` and ``accuracy.md`` to the output folder and prints the
table. Only aggregate figures are printed; ``--misses FILE`` lists the figures missed,
the proposals not matched and the quotes read wrongly for one development file, given
by path or by name (``dev``, ``released``, ``fresh-dev``, ``fresh-held``, ``third-dev``,
``fourth-dev``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks.grounding.run import quote_reading
from checks.quantities import (
    Conventions,
    Quantity,
    extract_statements,
    parse_quantities,
    split_of_total,
)

DATA = Path(__file__).resolve().parents[2] / "tests" / "accuracy" / "data"
DEV = DATA / "dev.jsonl"
RELEASED = DATA / "released.jsonl"
FRESH_DEV = DATA / "fresh-dev.jsonl"
FRESH_HELD = DATA / "fresh-held.jsonl"
THIRD_DEV = DATA / "third-dev.jsonl"
HELD = DATA / "third-held.jsonl"
"""The first held-back half: measured, never read, refused by ``--misses``."""
FOURTH_DEV = DATA / "fourth-dev.jsonl"
FOURTH_HELD = DATA / "fourth-held.jsonl"
"""The second held-back half (the fourth set's), refused by ``--misses`` like the first."""
HELD_BACK = {"held": HELD, "fourth-held": FOURTH_HELD}
"""The held-back halves by the name accuracy.json gives them ("held" is the third set's,
the name it had before the fourth set existed)."""
DEVELOPMENT = {
    "dev": DEV,
    "released": RELEASED,
    "fresh-dev": FRESH_DEV,
    "fresh-held": FRESH_HELD,
    "third-dev": THIRD_DEV,
    "fourth-dev": FOURTH_DEV,
}
"""The files a round of grammar work may read (fresh-held since round 5, third-dev since
round 6, fourth-dev since round 11), by the name accuracy.json gives them."""
FIELDS = (
    "killed",
    "injured",
    "attackers",
    "attackers_killed",
    "arrested",
    "attackers_captured",
)

CONVENTIONS = Conventions.default()
"""The README's conventions, as `extract_statements` uses them by default."""

Key = tuple[str, int, int | None, str]
"""(field, low, high, kind) of a figure or a proposal."""


@dataclass
class Tally:
    """Counts for one field (or all fields)."""

    figures: int = 0
    recalled: int = 0
    proposed: int = 0
    correct: int = 0
    grammar_right: int = 0
    reading_right: int = 0

    def rates(self) -> dict[str, float | None]:
        """recall, precision, grammar exact-match and the gate's reading as fractions
        (None when undefined)."""
        return {
            "recall": _ratio(self.recalled, self.figures),
            "precision": _ratio(self.correct, self.proposed),
            "grammar": _ratio(self.grammar_right, self.figures),
            "reading": _ratio(self.reading_right, self.figures),
        }


@dataclass
class Result:
    """Per-field and overall tallies for one file, plus the misses (for --misses)."""

    sentences: int = 0
    tallies: dict[str, Tally] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    grammar_wrong: list[dict[str, Any]] = field(default_factory=list)
    reading_wrong: list[dict[str, Any]] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    def summary(self) -> dict[str, Any]:
        """JSON-able counts and rates, per field and overall."""
        out: dict[str, Any] = {"sentences": self.sentences, "fields": {}}
        for name in [*FIELDS, "overall"]:
            t = self.tallies.get(name, Tally())
            out["fields"][name] = {
                "figures": t.figures,
                "recalled": t.recalled,
                "proposed": t.proposed,
                "correct": t.correct,
                "grammar_right": t.grammar_right,
                "reading_right": t.reading_right,
                **t.rates(),
            }
        return out


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def load(path: Path) -> list[dict[str, Any]]:
    """The sentences of one JSONL file."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _figure_key(fig: dict[str, Any]) -> Key:
    return (str(fig["field"]), int(fig["low"]), fig["high"], str(fig["kind"]))


def grammar_readings(quote: str) -> list[Quantity]:
    """Every reading of a quote the grammar offers: each quantity and its X / Y parts."""
    out: list[Quantity] = []
    for q in parse_quantities(quote):
        out.append(q)
        split = split_of_total(quote, q)
        if split is not None:
            out.extend(split)
    return out


def grammar_right(fig: dict[str, Any]) -> bool:
    """True when some reading of the figure's quote has its qualifier, low and high."""
    return any(
        q.qualifier.value == fig["qualifier"] and q.low == fig["low"] and q.high == fig["high"]
        for q in grammar_readings(str(fig["quote"]))
    )


def reading_right(fig: dict[str, Any]) -> bool:
    """True when the gate's own reading of the figure's quote for its field (what
    grounding.figure-mismatch compares a claim with) has its qualifier, interval and
    kind: a correct claim recorded with this quote passes the rule."""
    q = quote_reading(str(fig["quote"]), str(fig["field"]), CONVENTIONS)
    return (
        q is not None
        and q.qualifier.value == fig["qualifier"]
        and q.low == fig["low"]
        and q.high == fig["high"]
        and q.increment == (fig["kind"] == "increment")
    )


def measure(rows: Iterable[dict[str, Any]]) -> Result:
    """Recall, precision and grammar exact match over the sentences ``rows``."""
    res = Result()
    overall = res.tally("overall")
    for row in rows:
        res.sentences += 1
        sentence = str(row["sentence"])
        proposals = extract_statements(sentence)
        wanted: Counter[Key] = Counter()
        for fig in row["figures"]:
            key = _figure_key(fig)
            wanted[key] += 1
            for t in (res.tally(key[0]), overall):
                t.figures += 1
            if grammar_right(fig):
                res.tally(key[0]).grammar_right += 1
                overall.grammar_right += 1
            else:
                res.grammar_wrong.append({"id": row["id"], **fig})
            if reading_right(fig):
                res.tally(key[0]).reading_right += 1
                overall.reading_right += 1
            else:
                res.reading_wrong.append({"id": row["id"], **fig})
        for st in proposals:
            kind = "increment" if st.quantity.increment else "total"
            key = (st.field, st.quantity.low, st.quantity.high, kind)
            for t in (res.tally(st.field), overall):
                t.proposed += 1
            if wanted[key] > 0:
                wanted[key] -= 1  # same field, so the field's recall and precision both gain
                for t in (res.tally(st.field), overall):
                    t.correct += 1
                    t.recalled += 1
            else:
                res.extra.append(
                    {
                        "id": row["id"],
                        "field": st.field,
                        "quote": st.quote,
                        "qualifier": st.quantity.qualifier.value,
                        "low": st.quantity.low,
                        "high": st.quantity.high,
                        "kind": kind,
                        "sentence": sentence,
                    }
                )
        for key, left in wanted.items():
            for fig in row["figures"]:
                if left > 0 and _figure_key(fig) == key:
                    res.missed.append({"id": row["id"], **fig, "sentence": sentence})
                    left -= 1
    return res


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _cells(f: dict[str, Any]) -> list[str]:
    return [
        f"{_pct(f['recall'])} ({f['recalled']}/{f['figures']})",
        f"{_pct(f['precision'])} ({f['correct']}/{f['proposed']})",
        f"{_pct(f['grammar'])} ({f['grammar_right']}/{f['figures']})",
        f"{_pct(f['reading'])} ({f['reading_right']}/{f['figures']})",
    ]


def markdown(results: dict[str, dict[str, Any]]) -> str:
    """The overall figures of every file in one table, then one table per file with a
    row per field (one wide table of eight files would be unreadable)."""
    columns = "| recall | precision | grammar | reading |"
    rule = "|---|---:|---:|---:|---:|"
    lines = ["# Accuracy of `extract` and the quantity grammar", ""]
    lines += ["| file | sentences " + columns, "|---|---:|---:|---:|---:|---:|"]
    for name, res in results.items():
        label = f"**{name}** (held back)" if name in HELD_BACK else name
        cells = _cells(res["fields"]["overall"])
        lines.append(f"| {label} | {res['sentences']} | " + " | ".join(cells) + " |")
    for name, res in results.items():
        lines += ["", f"## {name}", "", "| field " + columns, rule]
        for fld in [*FIELDS, "overall"]:
            label = f"**{fld}**" if fld == "overall" else fld
            lines.append(f"| {label} | " + " | ".join(_cells(res["fields"][fld])) + " |")
    return "\n".join(lines) + "\n"


def misses_path(name: str) -> Path:
    """The development file ``--misses`` reads (a name of DEVELOPMENT or a path); raises
    ValueError for the held-back half, by name or by path."""
    path = DEVELOPMENT.get(name, Path(name))
    for held_name, held in HELD_BACK.items():
        if name == held_name or path.resolve() == held.resolve():
            raise ValueError(f"{held.name} is a held-back half: its misses are never listed")
    return path


def main(argv: list[str] | None = None) -> int:
    """Measure both halves, write accuracy.json and accuracy.md, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument(
        "--held", type=Path, default=HELD, help="the first held-back half (default: third-held)"
    )
    ap.add_argument("--out", type=Path, default=Path("build/accuracy"))
    ap.add_argument(
        "--misses",
        default=None,
        metavar="FILE",
        help="list what one development file's sentences miss: a path, or one of "
        + ", ".join(DEVELOPMENT)
        + " (never a held-back half)",
    )
    args = ap.parse_args(argv)
    if args.misses is not None:
        try:
            path = misses_path(args.misses)
        except ValueError as exc:
            ap.error(str(exc))
        res = measure(load(path))
        for kind, items in (
            ("MISSED", res.missed),
            ("EXTRA", res.extra),
            ("GRAMMAR", res.grammar_wrong),
            ("READING", res.reading_wrong),
        ):
            for item in items:
                print(kind, json.dumps(item, ensure_ascii=False))
        return 0
    results = {name: measure(load(path)).summary() for name, path in DEVELOPMENT.items()}
    held_back = {**HELD_BACK, "held": args.held}
    results.update({name: measure(load(path)).summary() for name, path in held_back.items()})
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "accuracy.json").write_text(
        json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    table = markdown(results)
    (args.out / "accuracy.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
