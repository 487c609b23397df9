"""cells_matching (one regex scan over the joined column) against pandas' per-cell str ops."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from checks.structure.cells import (
    _FORMULA_PATTERN,
    _FORMULA_START_RE,
    _INVISIBLE_PATTERN,
    _INVISIBLE_RE,
    cells_matching,
)

_ALPHABET = st.sampled_from(["a", "=", "-", "@", "\t", "\r", "\n", " ", "\u200b", "\ufeff", "é"])
_CELLS = st.lists(st.one_of(st.none(), st.text(_ALPHABET, max_size=6)), max_size=30)


def _expected(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    formula = values.str.match(_FORMULA_PATTERN).fillna(False).astype(bool).to_numpy()
    hidden = values.str.contains(_INVISIBLE_PATTERN).fillna(False).astype(bool).to_numpy()
    return formula, hidden


@given(_CELLS)
def test_same_cells_as_pandas(cells: list[str | None]) -> None:
    values = pd.Series(cells, dtype="str")
    formula, hidden = cells_matching(values, [(_FORMULA_START_RE, True), (_INVISIBLE_RE, False)])
    want_formula, want_hidden = _expected(values)
    assert formula.tolist() == want_formula.tolist()
    assert hidden.tolist() == want_hidden.tolist()


def test_falls_back_when_a_cell_holds_the_separator() -> None:
    values = pd.Series(["ok", "=a\x00b", None, "x\u200b\x00"], dtype="str")
    formula, hidden = cells_matching(values, [(_FORMULA_START_RE, True), (_INVISIBLE_RE, False)])
    assert formula.tolist() == [False, True, False, False]
    assert hidden.tolist() == [False, False, False, True]


def test_index_labels_do_not_matter() -> None:
    values = pd.Series(["a", "=b", "c\u200d"], index=[10, 3, 7], dtype="str")
    formula, hidden = cells_matching(values, [(_FORMULA_START_RE, True), (_INVISIBLE_RE, False)])
    assert formula.tolist() == [False, True, False]
    assert hidden.tolist() == [False, False, True]
