"""The next free claim ids of a dataset: continue its numbering, prefix and width kept.

`c0001` ... `c0030` continue with `c0031`; `c1` ... `c9` with `c10`; `r-099` with `r-100`.
Ids whose digits are zero-padded keep the widest padding seen; unpadded ids are not
padded. When the ids share no single prefix+number pattern, the most frequent numbered
prefix is continued (or `c` with four digits when no id ends in a number), and the
plan says so. A proposed id is never one that exists already.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_NUMBERED = re.compile(r"^(.*?)(\d+)$", re.ASCII)
DEFAULT_PREFIX = "c"
DEFAULT_WIDTH = 4


@dataclass(frozen=True, slots=True)
class IdPlan:
    """How new ids are made: prefix + number zero-padded to width, from `start` on."""

    prefix: str
    width: int
    start: int
    note: str | None
    """Set when the existing ids share no single pattern: says which was chosen."""

    def format(self, number: int) -> str:
        return f"{self.prefix}{number:0{self.width}d}"


def plan_ids(existing: Iterable[str]) -> IdPlan:
    """The numbering that continues `existing` (claim ids as read from claims.csv)."""
    ids = [i for i in existing if i]
    numbered: dict[str, list[str]] = {}
    unnumbered: list[str] = []
    for claim_id in ids:
        match = _NUMBERED.match(claim_id)
        if match is None:
            unnumbered.append(claim_id)
            continue
        numbered.setdefault(match[1], []).append(match[2])
    if not numbered:
        note = None
        if ids:
            note = (
                f"no claim id ends in a number ({_examples(ids)}); new ids are "
                f"{DEFAULT_PREFIX}0001 on"
            )
        return IdPlan(DEFAULT_PREFIX, DEFAULT_WIDTH, 1, note)
    counts = Counter({prefix: len(digits) for prefix, digits in numbered.items()})
    prefix = max(counts, key=lambda p: (counts[p], p))
    digits = numbered[prefix]
    padded = any(d.startswith("0") and len(d) > 1 for d in digits)
    width = max(map(len, digits)) if padded else 1
    start = max(int(d) for d in digits) + 1
    note = None
    others = [i for p, group in sorted(numbered.items()) if p != prefix for i in _ids(p, group)]
    if others or unnumbered:
        odd = [*others, *unnumbered]
        note = (
            f"claim ids follow no single prefix+number pattern ({_examples(odd)} do not fit "
            f"{prefix!r} + number); continuing {prefix!r} from "
            f"{prefix}{start:0{width}d}"
        )
    return IdPlan(prefix, width, start, note)


def _ids(prefix: str, digits: list[str]) -> list[str]:
    return [prefix + d for d in digits]


def _examples(ids: list[str]) -> str:
    shown = ", ".join(map(repr, ids[:3]))
    return shown + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")


def next_ids(existing: Iterable[str], plan: IdPlan | None = None) -> Iterator[str]:
    """New ids after `existing`, in order, skipping any id already taken."""
    taken = set(existing)
    plan = plan or plan_ids(taken)
    number = plan.start
    while True:
        candidate = plan.format(number)
        number += 1
        if candidate not in taken:
            taken.add(candidate)
            yield candidate
