"""The schemas' patterns select the same cells on Arrow-backed strings as on Python ones.

pyarrow is a dependency for speed (vectorised string kernels); it must not change what
a pattern accepts. pandera's `str_matches` is `Series.str.match`, so that is compared,
for every pattern the structure layer uses, on the characters where regex dialects
differ: line ends, vertical tab, NBSP, U+2028, non-ASCII digits.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.structure import vocab
from checks.structure.typing import ISO_DATE, WHOLE_NUMBER

PATTERNS = [
    vocab.ID_PATTERN,
    vocab.ID_LIST_PATTERN,
    vocab.SHA256_PATTERN,
    vocab.URL_PATTERN,
    vocab.PARTIAL_DATE_PATTERN,
    vocab.DATE_SHAPE_PATTERN,
    WHOLE_NUMBER,
    ISO_DATE,
]
ALPHABET = st.sampled_from(list("0123456789abcf-_./:;ps htA\n\r\x0b\x0c\u00a0\u2028٣２é"))
SHAPED = st.sampled_from(["2016", "2016-10", "2016-10-26", "https://a.b/c", "c0001", "12", "a;b"])
VALUES = st.lists(
    st.one_of(
        st.text(ALPHABET, max_size=12),
        st.tuples(SHAPED, st.text(ALPHABET, max_size=3)).map("".join),
    ),
    min_size=1,
)


STORAGES: tuple[Literal["python", "pyarrow"], ...] = ("python", "pyarrow")


def matches(
    values: list[str], storage: Literal["python", "pyarrow"], pattern: str, how: str
) -> list[bool]:
    dtype = pd.StringDtype(storage=storage, na_value=np.nan)
    series = pd.Series(values, dtype=dtype)
    return list(getattr(series.str, how)(pattern).astype(bool))


@settings(max_examples=60, deadline=None)
@given(values=VALUES)
def test_patterns_agree_between_string_storages(values: list[str]) -> None:
    for pattern in PATTERNS:
        for how in ("match", "fullmatch", "contains"):
            python = matches(values, "python", pattern, how)
            assert matches(values, "pyarrow", pattern, how) == python, (pattern, how, values)


@settings(max_examples=60, deadline=None)
@given(values=VALUES)
def test_an_anchored_pattern_accepts_what_fullmatch_accepts(values: list[str]) -> None:
    """pandera's `str_matches` is `str.match`: with the schemas' end anchor (`\\Z`, not
    `$`, which also matches before a final line break) it accepts exactly the cells that
    match as a whole, on both storages, as the Spark engine's rlike does."""
    for pattern in PATTERNS:
        for storage in STORAGES:
            whole = matches(values, storage, pattern, "fullmatch")
            assert matches(values, storage, pattern, "match") == whole, (pattern, storage)
