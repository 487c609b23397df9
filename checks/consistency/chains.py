"""Following `x -> parent of x` links over whole columns: sub-events and revised tolls.

Both `incidents.parent_incident` and `claims.superseded_by` link a row to another of its
table; a chain must end (no cycles). Pointer doubling settles every chain of length n
in log2(n) vectorized rounds instead of a Python walk per row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def follow(ids: np.ndarray, parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(end, looping) per id: where its chain of links ends, and whether it loops.

    `parent[i]` is the id `ids[i]` links to, or missing; a link to an id not in `ids`
    counts as none (a reference rule reports it). A chain that reaches a row with no
    link ends there; one that runs into a cycle is `looping`, and its end is the
    smallest id on that cycle, so every row of one linked family shares one end.
    """
    keys = pd.Index(ids.astype(object))
    links = pd.Series(parent, dtype=object)
    known = links.isin(keys).to_numpy()
    up = np.where(known, links.to_numpy(dtype=object), ids.astype(object))
    position = keys.get_indexer(up)
    far = position.copy()
    order = np.asarray(keys.argsort())
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys))
    low = np.minimum(rank, rank[position])
    reach = 1
    while reach <= len(ids):
        low = np.minimum(low, low[far])
        far = far[far]
        reach *= 2
    # a row linking to itself looks like an end; it is the shortest cycle
    self_linked = known & (up == ids.astype(object))
    looping = (position[far] != far) | self_linked[far]
    end_rank = np.where(looping, low[far], rank[far])
    return np.asarray(keys[order[end_rank]], dtype=object), looping
