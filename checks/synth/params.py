"""The random draw behind a synthetic dataset: one numpy array per incident attribute.

Everything random is drawn here, up front, from one seeded numpy Generator, so the
same (incidents, seed) gives the same arrays and hence byte-identical files. Defects
edit these arrays (what the texts will say) before the tables and texts are built.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from checks.synth import vocab

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(slots=True)
class Params:
    """Per incident: what happened and what each of its two articles says."""

    n: int
    groups: int
    town: IntArray
    country: IntArray
    target: IntArray
    group: IntArray
    day: IntArray
    """Days after vocab.FIRST_DAY of the incident (start = end)."""
    pub_a: IntArray
    pub_b: IntArray
    """Publication day of articles A and B, as days after vocab.FIRST_DAY."""
    killed: IntArray
    """The incident row's killed low = best = high."""
    killed_a: IntArray
    killed_b: IntArray
    b_exact: BoolArray
    """Article B states an exact toll ("killed N people") instead of "at least N"."""
    injured: IntArray
    attackers_a: IntArray
    attackers_b: IntArray
    arrested: IntArray
    excluded: IntArray
    """Figure of the unrelated statement article A carries, 0 for none."""
    blamed: list[str]
    """The actor name article B blames (an alias of the perpetrator when clean)."""
    blamed_group: IntArray
    """Group article B blames; -1 when the name is no actor at all."""
    outlet_a: IntArray
    outlet_b: IntArray


def draw(incidents: int, seed: int) -> Params:
    """A clean dataset's parameters: every source agrees with every other and the texts."""
    rng = np.random.default_rng(seed)
    n = incidents
    groups = max(2, -(-max(10, n // 20) // vocab.GROUP_BLOCK)) * vocab.GROUP_BLOCK
    killed = rng.integers(1, 80, n)
    group = rng.integers(0, groups, n)
    day = rng.integers(0, vocab.DAYS, n)
    injured = rng.integers(1, 150, n)
    attackers = rng.integers(2, 10, n)
    excluded = np.where(rng.random(n) < 0.1, rng.integers(2, 9, n), 0)
    return Params(
        n=n,
        groups=groups,
        town=rng.choice(vocab.TOWNS, n, replace=False),
        country=rng.integers(0, len(vocab.COUNTRIES), n),
        target=rng.integers(0, len(vocab.TARGETS), n),
        group=group,
        day=day,
        pub_a=day + rng.integers(0, 3, n),
        pub_b=day + rng.integers(0, 4, n),
        killed=killed,
        killed_a=killed.copy(),
        killed_b=killed.copy(),
        b_exact=np.zeros(n, dtype=bool),
        injured=injured,
        attackers_a=attackers,
        attackers_b=attackers.copy(),
        arrested=rng.integers(1, 10, n),
        excluded=excluded,
        blamed=[vocab.alias(int(g)) for g in group],
        blamed_group=group.copy(),
        outlet_a=rng.integers(0, 40, n),
        outlet_b=rng.integers(0, 40, n),
    )
