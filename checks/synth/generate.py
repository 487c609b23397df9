"""The generator: draw parameters, plant defects, build tables and texts, write them."""

from __future__ import annotations

import shutil
from collections.abc import Collection
from pathlib import Path

import numpy as np

from checks.synth import build, params
from checks.synth.defects import DEFECTS, Defect
from checks.synth.manifest import (
    DATASET_DIR,
    MANIFEST_NAME,
    Manifest,
    expected_counts,
    not_planted,
)
from checks.synth.writer import write

DEFAULT_SHARE = 0.005
"""Share of incidents that are victims of each defect kind (at least one each when > 0)."""


def plan(
    incidents: int, share: float, seed: int, only: Collection[str] | None = None
) -> list[tuple[Defect, np.ndarray]]:
    """Disjoint victim incidents per defect kind (kinds not in `only` get none)."""
    if incidents < 1:
        raise ValueError("incidents must be >= 1")
    if not 0 <= share <= 1:
        raise ValueError("the defect share must be between 0 and 1")
    kinds = [d for d in DEFECTS if only is None or d.name in only]
    if only is not None and len(kinds) != len(set(only)):
        known = ", ".join(d.name for d in DEFECTS)
        raise ValueError(f"unknown defect kind in {sorted(only)}; known: {known}")
    if share == 0 or not kinds:
        return []
    per_victim = [d for d in kinds if not d.once]
    per = max(1, round(share * incidents))
    if per * len(per_victim) > incidents:
        per = incidents // len(per_victim)
        if per == 0:
            raise ValueError(
                f"planting defects needs at least {len(per_victim)} incidents "
                "(one victim per kind); use --defects 0 for fewer"
            )
    order = np.random.default_rng([seed, 1]).permutation(incidents)
    out: list[tuple[Defect, np.ndarray]] = []
    used = 0
    for defect in kinds:
        if defect.once:
            out.append((defect, np.array([0], dtype=np.int64)))
            continue
        out.append((defect, np.sort(order[used : used + per]).astype(np.int64)))
        used += per
    return out


def generate(
    out: Path,
    incidents: int,
    seed: int = 0,
    defects: float = DEFAULT_SHARE,
    *,
    only: Collection[str] | None = None,
) -> Manifest:
    """Write a dataset of `incidents` incidents to out/dataset and its manifest to
    out/expected.json; return the manifest. `out/dataset` is replaced if it exists.

    `defects` is the share of incidents planted with each defect kind; `only` limits
    the kinds planted (names as in `checks.synth.defects.DEFECTS`)."""
    root = out / DATASET_DIR
    if root.exists():
        shutil.rmtree(root)
    out.mkdir(parents=True, exist_ok=True)
    p = params.draw(incidents, seed)
    victims = plan(incidents, defects, seed, only)
    for defect, v in victims:
        if len(v):
            defect.on_params(p, v)
    tables = build.build(p)
    for defect, v in victims:
        if len(v):
            defect.on_tables(tables, p, v)
    write(tables, root)
    planted = [(d, len(v)) for d, v in victims if len(v)]
    pandas_counts, gx_counts = expected_counts(planted)
    expected_gx = pandas_counts + gx_counts
    manifest = Manifest(
        dataset=root,
        incidents=incidents,
        seed=seed,
        defect_share=defects,
        rows={
            "articles": len(tables.articles),
            "incidents": len(tables.incidents),
            "claims": len(tables.claims),
            "actors": len(tables.actors),
            "exclusions": len(tables.exclusions),
        },
        planted={d.name: n for d, n in planted},
        expected=dict(expected_gx),
        expected_without_gx=dict(pandas_counts),
        not_planted=not_planted(set(expected_gx)),
    )
    manifest.write(out / MANIFEST_NAME)
    return manifest
