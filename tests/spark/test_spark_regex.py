"""The schemas' patterns select the same strings in Spark (Java regex) as in pandas."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.spark.regex import java_regex
from checks.structure import vocab
from checks.structure.typing import ISO_DATE, WHOLE_NUMBER

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark

PATTERNS = [
    vocab.ID_PATTERN,
    vocab.SHA256_PATTERN,
    vocab.URL_PATTERN,
    vocab.PARTIAL_DATE_PATTERN,
    vocab.DATE_SHAPE_PATTERN,
    WHOLE_NUMBER,
    ISO_DATE,
]
# characters where regex dialects differ: line ends, vertical tab, NBSP, non-ASCII digits
ALPHABET = st.sampled_from(list("0123456789abcf-_./:ps htA\n\r\x0b\x0c\u00a0\u2028٣２é"))
TEXT = st.text(ALPHABET, max_size=12)
SHAPED = st.sampled_from(["2016", "2016-10", "2016-10-26", "https://a.b/c", "c0001", "12"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(st.one_of(TEXT, st.tuples(SHAPED, TEXT).map("".join)), min_size=1))
def test_patterns_agree_between_engines(spark: Any, values: list[str]) -> None:
    from pyspark.sql import functions as F

    frame = spark.createDataFrame([(v,) for v in values], "v string")
    flags = frame.select(
        *[F.col("v").rlike(java_regex(p)).alias(f"p{i}") for i, p in enumerate(PATTERNS)]
    ).collect()
    series = pd.Series(values, dtype="str")
    for i, pattern in enumerate(PATTERNS):
        want = series.str.fullmatch(pattern).tolist()
        got = [row[f"p{i}"] for row in flags]
        assert got == want, (
            pattern,
            [v for v, a, b in zip(values, got, want, strict=True) if a != b],
        )


@pytest.mark.parametrize(
    ("value", "matches"),
    [("2016\n", False), ("２０１６", False), ("https://a\u00a0b", True), ("https://a\x0bb", True)],
)
def test_known_dialect_differences_are_bridged(spark: Any, value: str, matches: bool) -> None:
    from pyspark.sql import functions as F

    pattern = vocab.URL_PATTERN if value.startswith("http") else vocab.PARTIAL_DATE_PATTERN
    row = spark.createDataFrame([(value,)], "v string").select(
        F.col("v").rlike(java_regex(pattern)).alias("m")
    )
    assert row.collect()[0]["m"] is matches
    assert bool(pd.Series([value], dtype="str").str.fullmatch(pattern)[0]) is matches
    assert bool(pd.Series([value], dtype="str").str.match(pattern)[0]) is matches  # pandera
