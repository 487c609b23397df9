"""_ranks: an ascending sort on the integer ranks orders rows as one on the strings does."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from checks.consistency.tolls import ranks as _ranks

_KEYS = st.lists(st.one_of(st.none(), st.sampled_from(["a", "B", "b", "a1", "é", "10", "9"])))


@given(_KEYS, _KEYS)
def test_rank_sort_equals_string_sort(first: list[str | None], second: list[str | None]) -> None:
    size = min(len(first), len(second))
    frame = pd.DataFrame(
        {"x": pd.array(first[:size], dtype="str"), "y": pd.array(second[:size], dtype="str")}
    )
    by_strings = frame.sort_values(["x", "y"], ascending=[True, True]).index.tolist()
    ranked = frame.assign(rx=_ranks(frame["x"]), ry=_ranks(frame["y"]))
    by_ranks = ranked.sort_values(["rx", "ry"], ascending=[True, True]).index.tolist()
    assert by_ranks == by_strings
