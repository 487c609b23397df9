"""Moving tables between pandas (the loader, the message builders) and Spark.

Tables go to Spark as strings plus the file line, exactly as the strict loader read
them; only the rows a rule selects come back, rebuilt with the pandas engine's dtypes
(Int64, datetime64[ns], str) so the shared message builders print the same text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
import pandera.pandas as pa

from checks.loading.csvtable import LINE

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

Kind = Literal["str", "int", "date", "bool", "line"]


def column_kinds(model: type[pa.DataFrameModel]) -> dict[str, Kind]:
    """Column -> kind from the pandera model (the single declaration of types)."""
    kinds: dict[str, Kind] = {}
    for name, spec in model.to_schema().columns.items():
        dtype = str(spec.dtype)
        kinds[name] = (
            "int" if dtype == "Int64" else "date" if dtype.startswith("datetime") else "str"
        )
    return kinds


def to_spark(spark: SparkSession, frame: pd.DataFrame, kinds: Mapping[str, Kind]) -> DataFrame:
    """A pandas table as a Spark DataFrame; cells keep their pandas values (NA -> null)."""
    from pyspark.sql import types as T

    spark_type = {
        "str": T.StringType(),
        "int": T.LongType(),
        "date": T.DateType(),
        "bool": T.BooleanType(),
        "line": T.LongType(),
    }
    names = [c for c in frame.columns if c in kinds]
    schema = T.StructType([T.StructField(c, spark_type[kinds[c]], True) for c in names])
    records = [
        tuple(_python(value, kinds[name]) for name, value in zip(names, row, strict=True))
        for row in frame[names].itertuples(index=False, name=None)
    ]
    return spark.createDataFrame(records, schema)


def _python(value: object, kind: Kind) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if kind in ("int", "line"):
        return int(value)  # type: ignore[call-overload]
    if kind == "date":
        return pd.Timestamp(value).date()  # type: ignore[arg-type]
    if kind == "bool":
        return bool(value)
    return str(value)


def to_pandas(
    rows: Iterable[Any], kinds: Mapping[str, Kind], columns: Sequence[str]
) -> pd.DataFrame:
    """Collected Spark rows (or dicts) as a frame with the pandas engine's dtypes."""
    records = [row.asDict() if hasattr(row, "asDict") else dict(row) for row in rows]
    frame = pd.DataFrame.from_records(records, columns=list(columns)) if records else None
    if frame is None:
        frame = pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    frame = frame.astype(object)
    for name in columns:
        frame[name] = cast(frame[name], kinds.get(name, "str"))
    return frame


def cast(values: pd.Series, kind: Kind) -> pd.Series:
    """One column to the dtype the pandas engine gives it."""
    values = values.astype(object).where(values.notna(), None)
    if kind == "int":
        return values.astype("Int64")
    if kind == "line":
        return values.astype("int64")
    if kind == "date":
        return pd.to_datetime(values).astype("datetime64[ns]")
    if kind == "bool":
        return values.astype("boolean")
    return values.astype("str")


def line_kinds(kinds: Mapping[str, Kind]) -> dict[str, Kind]:
    """`kinds` plus the file-line column."""
    return {**kinds, LINE: "line"}
