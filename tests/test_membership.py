"""`checks.membership.isin` gives `Series.isin`'s answer for any strings, missing cells and
value sets, on Arrow-backed and Python-backed columns, and really takes the Arrow path."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.membership import isin

_TEXT = st.one_of(st.none(), st.sampled_from(["a", "b", "A", "", " a", "é", "a\x00"]), st.text())
_ARROW = pd.StringDtype("pyarrow", na_value=np.nan)
_PYTHON = pd.StringDtype("python", na_value=np.nan)


def _containers(values: list[str | None]) -> list[Iterable[object]]:
    strings = [v for v in values if v is not None]
    return [
        values,
        tuple(values),
        set(values),
        pd.Series(values, dtype=_ARROW),
        pd.Index(values, dtype=_ARROW),
        pd.Series(strings, dtype=_PYTHON),
        pd.Series(values, dtype=object),
    ]


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(_TEXT, max_size=30), values=st.lists(_TEXT, max_size=12))
def test_same_answer_as_series_isin(cells: list[str | None], values: list[str | None]) -> None:
    for dtype in (_ARROW, _PYTHON, object):
        column = pd.Series(cells, dtype=dtype, index=range(100, 100 + len(cells)), name="k")
        for container in _containers(values):
            expected = column.isin(container)
            got = isin(column, container)
            pd.testing.assert_series_equal(got, expected, check_dtype=False)
            assert got.dtype == bool


@pytest.mark.parametrize(
    "values",
    [
        [1, 2],  # not strings: pandas drops them, nothing matches
        ["a", 1],  # mixed
        [float("nan"), "a"],  # NaN is a missing value to pandas
        [pd.NA, "a"],
    ],
)
def test_values_arrow_cannot_take_go_to_pandas(values: list[object]) -> None:
    column = pd.Series(["a", None, "1"], dtype=_ARROW)
    pd.testing.assert_series_equal(isin(column, values), column.isin(values), check_dtype=False)


def test_arrow_column_takes_the_arrow_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Arrow call is what answers for an Arrow column and string keys (a spy on
    pyarrow.compute.is_in, which checks.membership calls through the module, the real
    function called through)."""
    calls: list[int] = []
    real = pc.is_in

    def spy(cells: object, value_set: object) -> object:
        calls.append(1)
        return real(cells, value_set=value_set)

    monkeypatch.setattr(pc, "is_in", spy)
    column = pd.Series(["x", "y", None, "z"], dtype=_ARROW)
    got = isin(column, pd.Series(["y", "z", "w"], dtype=_ARROW))
    assert got.tolist() == [False, True, False, True]
    assert calls == [1]
