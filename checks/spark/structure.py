"""Layer 1 on Spark: typing, pandera's PySpark backend, then the failing rows located.

pandera.pyspark validates column checks (required cells, formats, enums, ranges)
and reports which (column, check) pairs fail, not which rows. Each failing pair is
then located with the same condition as a Spark filter; unique keys (groupBy count
> 1), references (left_anti joins), dataframe checks and dates are Spark column
expressions. Only failing rows reach the driver, where the pandas engine's message
builders word them, so both engines report the same findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial, reduce
from typing import TYPE_CHECKING, Any

import pandas as pd
import pandera.pandas as pa

from checks.dataset import OPTIONAL_TABLES, TABLES, Dataset
from checks.findings import Finding
from checks.grounding.exclusions import exclusion_reference_findings
from checks.loading.csvtable import LINE
from checks.spark.frames import Kind, column_kinds, line_kinds, to_pandas, to_spark
from checks.spark.regex import java_regex
from checks.structure import dates, files, vocab
from checks.structure import references as refs
from checks.structure.schema_checks import DATAFRAME_CHECKS, column_check_findings
from checks.structure.schema_checks import dataframe_check_findings as frame_findings
from checks.structure.schemas import SCHEMAS
from checks.structure.typing import DATE_WORDS, INT_WORDS, ISO_DATE, WHOLE_NUMBER, type_findings

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

RAW = "__raw__"
"""Suffix of the raw text kept beside each typed column, for type findings."""

_LOCATED = ("not_nullable", "str_matches", "isin", "greater_than_or_equal_to")


@dataclass(frozen=True, slots=True)
class SparkStructure:
    """The typed Spark tables (for the consistency layer) and what layer 1 found."""

    typed: dict[str, DataFrame]
    findings: list[Finding]


def check_structure_spark(spark: SparkSession, ds: Dataset, today: dt.date) -> SparkStructure:
    """Every structural check of the pandas engine, selected by Spark jobs."""
    typed: dict[str, DataFrame] = {}
    findings: list[Finding] = []
    for name in TABLES + OPTIONAL_TABLES:
        model = SCHEMAS[name]
        kinds = column_kinds(model)
        text_kinds: dict[str, Kind] = dict.fromkeys(kinds, "str")
        raw = to_spark(spark, ds.tables[name], line_kinds(text_kinds))
        frame = typed_frame(raw, kinds).cache()
        typed[name] = frame
        file = ds.files[name]
        checks = _type_checks(name, file, frame, kinds)
        checks += _column_checks(name, file, frame, model)
        checks += _dataframe_checks(name, file, frame)
        checks += _date_checks(name, ds, frame, today)
        findings += run_row_checks(frame, kinds, checks)
        findings += _unique_keys(name, file, frame, model, kinds)
    findings += _references(ds, typed)
    findings += _article_files(spark, ds, typed["articles"])
    return SparkStructure(typed=typed, findings=findings)


@dataclass(frozen=True, slots=True)
class RowCheck:
    """A condition that is true on failing rows, and how to word those rows."""

    fails: Column
    word: Callable[[pd.DataFrame], list[Finding]]


def run_row_checks(
    frame: DataFrame, kinds: Mapping[str, Kind], checks: list[RowCheck]
) -> list[Finding]:
    """Evaluate every row-level check of a table in one Spark job; only rows failing at
    least one come back, with a flag per check."""
    from pyspark.sql import functions as F

    if not checks:
        return []
    flags = [F.coalesce(c.fails, F.lit(False)).alias(f"_fails_{i}") for i, c in enumerate(checks)]
    cells = [c for c in frame.columns if c in kinds or c == LINE or c.endswith(RAW)]
    selected = frame.select(*cells, *flags)
    failing = selected.filter(
        reduce(lambda a, b: a | b, [F.col(f"_fails_{i}") for i in range(len(checks))])
    )
    all_kinds: dict[str, Kind] = {
        **line_kinds(kinds),
        **{c: "str" for c in cells if c.endswith(RAW)},
        **{f"_fails_{i}": "bool" for i in range(len(checks))},
    }
    rows = to_pandas(failing.collect(), all_kinds, selected.columns)
    findings: list[Finding] = []
    for i, check in enumerate(checks):
        hit = rows[rows[f"_fails_{i}"].fillna(False).astype(bool)]
        if not hit.empty:
            findings += check.word(hit.reset_index(drop=True))
    return findings


def _collect(frame: DataFrame, kinds: Mapping[str, Kind]) -> pd.DataFrame:
    """The rows of `frame` (already filtered to failures) as a pandas frame, typed."""
    columns = [c for c in frame.columns if c in kinds or c == LINE]
    return to_pandas(frame.select(*columns).collect(), line_kinds(kinds), columns)


# --- types -------------------------------------------------------------------------


def typed_frame(raw: DataFrame, kinds: Mapping[str, Kind]) -> DataFrame:
    """Cast int and date columns as the pandas typing step does (a cell that does not
    parse becomes null); the text stays beside each in `<column>__raw__`."""
    from pyspark.sql import functions as F

    typed = raw
    for name, kind in kinds.items():
        if name not in raw.columns or kind not in ("int", "date"):
            continue
        text = F.col(name)
        if kind == "int":
            value = F.when(text.rlike(java_regex(WHOLE_NUMBER)), text.cast("long"))
        else:
            value = F.when(text.rlike(java_regex(ISO_DATE)), F.try_to_date(text, "yyyy-MM-dd"))
        typed = typed.withColumn(name + RAW, text).withColumn(name, value)
    return typed


def _type_checks(
    table: str, file: str, frame: DataFrame, kinds: Mapping[str, Kind]
) -> list[RowCheck]:
    from pyspark.sql import functions as F

    checks = []
    for name, kind in kinds.items():
        if name + RAW not in frame.columns:
            continue
        what = INT_WORDS if kind == "int" else DATE_WORDS

        def word(rows: pd.DataFrame, name: str = name, what: str = what) -> list[Finding]:
            return type_findings(table, file, rows.assign(**{name: rows[name + RAW]}), name, what)

        fails = F.col(name + RAW).isNotNull() & F.col(name).isNull()
        checks.append(RowCheck(fails, word))
    return checks


# --- column checks: pandera.pyspark says which, Spark filters say where ---------------


def pyspark_schema(model: type[pa.DataFrameModel]) -> Any:
    """The pandera.pyspark schema of a table, derived from its pandas model."""
    import pandera.pyspark as ps_pa
    from pyspark.sql import types as T

    spark_type: dict[str, Any] = {
        "str": T.StringType(),
        "int": T.LongType(),
        "date": T.DateType(),
    }
    kinds = column_kinds(model)
    columns = {}
    for name, spec in model.to_schema().columns.items():
        checks = [_pyspark_check(ps_pa, check) for check in spec.checks]
        columns[name] = ps_pa.Column(
            spark_type[kinds[name]],
            checks=[c for c in checks if c is not None],
            nullable=spec.nullable,
            required=spec.required,
        )
    return ps_pa.DataFrameSchema(columns, strict=False)


def _pyspark_check(ps_pa: Any, check: Any) -> Any:
    stats = check.statistics
    if check.name == "str_matches":
        return ps_pa.Check.str_matches(java_regex(stats["pattern"]))
    if check.name == "isin":
        return ps_pa.Check.isin(list(stats["allowed_values"]))
    if check.name == "greater_than_or_equal_to":
        return ps_pa.Check.ge(stats["min_value"])
    raise NotImplementedError(f"no PySpark translation of pandera check {check.name}")


def failing_checks(model: type[pa.DataFrameModel], frame: DataFrame) -> set[tuple[str, str]]:
    """(column, check name) pairs pandera's PySpark backend reports as failing."""
    validated = pyspark_schema(model).validate(frame)
    failing: set[tuple[str, str]] = set()
    for category in validated.pandera.errors.values():
        for reason, items in category.items():
            for item in items:
                check = str(item["check"]).split("(")[0]
                if check not in _LOCATED:
                    raise RuntimeError(
                        f"spark engine: pandera reported {reason} on {item['column']}: "
                        f"{item['error']}"
                    )
                failing.add((str(item["column"]), check))
    return failing


def _column_checks(
    table: str, file: str, frame: DataFrame, model: type[pa.DataFrameModel]
) -> list[RowCheck]:
    """pandera.pyspark decides which (column, check) pairs fail; a filter finds where."""
    from pyspark.sql import functions as F

    specs = model.to_schema().columns
    checks: list[RowCheck] = []
    for column, check in sorted(failing_checks(model, frame)):
        value = F.col(column)
        if check == "not_nullable":
            raw = F.col(column + RAW) if column + RAW in frame.columns else value
            fails = value.isNull() & raw.isNull()  # a cell that did not parse is a type finding
        else:
            stats = next(c.statistics for c in specs[column].checks if c.name == check)
            if check == "str_matches":
                wrong = ~value.rlike(java_regex(stats["pattern"]))
            elif check == "isin":
                wrong = ~value.isin(list(stats["allowed_values"]))
            else:
                wrong = value < F.lit(stats["min_value"])
            fails = value.isNotNull() & wrong

        def word(rows: pd.DataFrame, column: str = column, check: str = check) -> list[Finding]:
            return column_check_findings(table, file, rows, rows, column, check)

        checks.append(RowCheck(fails, word))
    return checks


def _unique_keys(
    table: str,
    file: str,
    frame: DataFrame,
    model: type[pa.DataFrameModel],
    kinds: Mapping[str, Kind],
) -> list[Finding]:
    from pyspark.sql import functions as F

    findings: list[Finding] = []
    for column, spec in model.to_schema().columns.items():
        if not spec.unique or column not in frame.columns:
            continue
        repeated = (
            frame.filter(F.col(column).isNotNull())
            .groupBy(column)
            .count()
            .filter(F.col("count") > 1)
            .select(column)
        )
        rows = _collect(frame.join(repeated, on=column, how="left_semi"), kinds)
        if not rows.empty:
            findings += column_check_findings(table, file, rows, rows, column, "field_uniqueness")
    return findings


# --- dataframe checks: the models' cross-column checks as Spark expressions ----------


def _or_missing(frame: DataFrame, name: str) -> Column:
    from pyspark.sql import functions as F

    return F.col(name) if name in frame.columns else F.lit(None)


def _ordered(frame: DataFrame, low: str, best: str, high: str) -> Column:
    lo, be, hi = (_or_missing(frame, c) for c in (low, best, high))
    return (
        (lo.isNull() | be.isNull() | (lo <= be))
        & (be.isNull() | hi.isNull() | (be <= hi))
        & (lo.isNull() | hi.isNull() | (lo <= hi))
    )


def _is(column: Column, values: tuple[str, ...] | str) -> Column:
    """`column` in values, False (not null) for a missing cell, like pandas' isin / eq."""
    from pyspark.sql import functions as F

    test = column == values if isinstance(values, str) else column.isin(list(values))
    return F.coalesce(test, F.lit(False))


def _frame_checks(frame: DataFrame) -> dict[str, Column]:
    """Check name -> the condition a row must meet (null counts as met, like fillna(True))."""
    from pyspark.sql import functions as F

    def col(name: str) -> Column:
        return _or_missing(frame, name)

    checks: dict[str, Column] = {}
    if "published_basis" in frame.columns:
        printed = F.coalesce(col("published_basis") == "printed", F.lit(True))
        checks["published_note"] = printed | col("published_note").isNotNull()
    if "killed_low" in frame.columns:
        checks["killed_interval_order"] = _ordered(
            frame, "killed_low", "killed_best", "killed_high"
        )
        checks["injured_interval_order"] = _ordered(
            frame, "injured_low", "injured_best", "injured_high"
        )
        start, end, precision = col("start_date"), col("end_date"), col("date_precision")
        checks["date_order"] = start.isNull() | end.isNull() | (start <= end)
        month = (F.dayofmonth(start) == 1) & (end == F.last_day(start))
        year = (
            (F.month(start) == 1)
            & (F.dayofmonth(start) == 1)
            & (F.month(end) == 12)
            & (F.dayofmonth(end) == 31)
            & (F.year(start) == F.year(end))
        )
        week = F.datediff(end, start) <= 6
        checks["date_precision"] = (
            _is(precision, "day")
            | (_is(precision, "week") & week)
            | (_is(precision, "month") & month)
            | (_is(precision, "year") & year)
            | ~_is(precision, vocab.DATE_PRECISIONS)
            | start.isNull()
            | end.isNull()
        )
    if "claim_id" in frame.columns:
        low, high, qualifier, actor = col("low"), col("high"), col("qualifier"), col("actor")
        checks["claim_interval_order"] = low.isNull() | high.isNull() | (low <= high)
        counts = _is(col("field"), vocab.COUNT_FIELDS)
        actors = _is(col("field"), vocab.ACTOR_FIELDS)
        count_ok = qualifier.isNotNull() & low.isNotNull() & actor.isNull()
        exact_ok = ~_is(qualifier, "exact") | F.coalesce(low == high, F.lit(False))
        actor_ok = actor.isNotNull() & qualifier.isNull() & low.isNull() & high.isNull()
        checks["claim_shape"] = (~counts | (count_ok & exact_ok)) & (~actors | actor_ok)
    return checks


def _dataframe_checks(table: str, file: str, frame: DataFrame) -> list[RowCheck]:
    from pyspark.sql import functions as F

    checks = []
    for check, ok in _frame_checks(frame).items():
        assert check in DATAFRAME_CHECKS

        def word(rows: pd.DataFrame, check: str = check) -> list[Finding]:
            return frame_findings(table, file, rows, check)

        checks.append(RowCheck(~F.coalesce(ok, F.lit(True)), word))
    return checks


# --- across tables -----------------------------------------------------------------


def _keys(frame: DataFrame, column: str, alias: str) -> DataFrame:
    from pyspark.sql import functions as F

    return frame.select(F.col(column).alias(alias)).filter(F.col(alias).isNotNull()).distinct()


def _references(ds: Dataset, typed: Mapping[str, DataFrame]) -> list[Finding]:
    """References as left_anti joins; actor lists exploded with their positions."""
    from pyspark.sql import functions as F

    claims, incidents, actors = typed["claims"], typed["incidents"], typed["actors"]
    targets = {"article_id": typed["articles"], "incident_id": incidents}
    kinds = {name: column_kinds(SCHEMAS[name]) for name in SCHEMAS}
    findings: list[Finding] = []
    for column, target_key in refs.CLAIM_REFERENCES:
        keys = _keys(targets[column], target_key, column)
        bad = claims.filter(F.col(column).isNotNull()).join(keys, on=column, how="left_anti")
        rows = _collect(bad, kinds["claims"])
        findings += refs.claim_reference_findings(ds.files["claims"], column, target_key, rows)
    actor_ids = _keys(actors, "actor_id", "_id")
    for column in ("perpetrator", "claimed_by"):
        if column not in incidents.columns:
            continue
        exploded = incidents.select(
            LINE, F.posexplode(F.split(F.col(column), vocab.ACTOR_LIST_SEPARATOR, -1))
        ).select(LINE, "pos", F.regexp_replace("col", r"(?U)^\s+|\s+$", "").alias("_id"))
        unknown = exploded.join(actor_ids, on="_id", how="left_anti")
        lists = unknown.groupBy(LINE).agg(
            F.sort_array(F.collect_list(F.struct("pos", "_id"))).alias("_ids")
        )
        joined = incidents.join(lists, on=LINE).orderBy(LINE)
        collected = joined.collect()
        rows = to_pandas(
            collected,
            line_kinds(kinds["incidents"]),
            [c for c in incidents.columns if c in kinds["incidents"] or c == LINE],
        )
        ids = [[item["_id"] for item in row["_ids"]] for row in collected]
        findings += refs.actor_list_findings(ds.files["incidents"], column, rows, ids)
    if "parent" in actors.columns:
        parents = actors.withColumn("_id", F.col("parent")).filter(F.col("_id").isNotNull())
        bad = parents.join(actor_ids, on="_id", how="left_anti")
        findings += refs.parent_findings(ds.files["actors"], _collect(bad, kinds["actors"]))
    exclusions = typed["exclusions"]
    keys = _keys(typed["articles"], "article_id", "article_id")
    bad = exclusions.filter(F.col("article_id").isNotNull()).join(keys, "article_id", "left_anti")
    findings += exclusion_reference_findings(
        ds.files["exclusions"], _collect(bad, kinds["exclusions"])
    )
    for table, column, target, key in refs.SELF_REFERENCES:
        frame = typed[table]
        if column not in frame.columns:
            continue
        linked = frame.withColumn("_id", F.col(column)).filter(F.col("_id").isNotNull())
        bad = linked.join(_keys(typed[target], key, "_id"), on="_id", how="left_anti")
        rows = _collect(bad.orderBy(LINE), kinds[table])
        findings += refs.self_reference_findings(ds.files[table], table, column, target, rows)
    return findings


def _article_files(spark: SparkSession, ds: Dataset, articles: DataFrame) -> list[Finding]:
    """The loader's file states (status, sha256 of the bytes) joined to articles by line."""
    from pyspark.sql import functions as F

    states = ds.texts[["status", "detail", "sha256"]].rename(columns={"sha256": "_actual"})
    states[LINE] = ds.tables["articles"][LINE].to_numpy()
    state_kinds: dict[str, Kind] = {
        "status": "str",
        "detail": "str",
        "_actual": "str",
        LINE: "line",
    }
    joined = articles.join(to_spark(spark, states, state_kinds), on=LINE)
    kinds = {**column_kinds(SCHEMAS["articles"]), **state_kinds}
    status = F.col("status")
    unusable = F.coalesce(status != "ok", F.lit(True)) & (
        F.col("text_file").isNotNull() | F.coalesce(status != "missing", F.lit(True))
    )
    rows = _collect(joined.filter(unusable), kinds)
    findings = files.unusable_file_findings(
        ds.files["articles"], rows, list(rows["detail"]), list(rows["status"])
    )
    actual, declared = F.col("_actual"), F.col("sha256")
    mismatch = actual.isNotNull() & declared.isNotNull() & (actual != declared)
    rows = _collect(joined.filter(mismatch), kinds)
    findings += files.sha256_findings(
        ds.files["articles"], rows, list(rows["_actual"]), list(rows["sha256"])
    )
    return findings


def published_range(published: Column) -> tuple[Column, Column]:
    """First and last day of a YYYY / YYYY-MM / YYYY-MM-DD date (null when not a date)."""
    from pyspark.sql import functions as F

    shaped = published.rlike(java_regex(vocab.PARTIAL_DATE_PATTERN))
    length = F.length(published)
    padded = (
        F.when(length == 4, F.concat(published, F.lit("-01-01")))
        .when(length == 7, F.concat(published, F.lit("-01")))
        .otherwise(published)
    )
    start = F.when(shaped, F.try_to_date(padded, "yyyy-MM-dd"))
    end = (
        F.when(length == 7, F.last_day(start))
        .when(length == 4, F.make_date(F.year(start), F.lit(12), F.lit(31)))
        .otherwise(start)
    )
    return start, end


def _date_checks(table: str, ds: Dataset, frame: DataFrame, today: dt.date) -> list[RowCheck]:
    """Publication and incident dates that are not real or not plausible."""
    from pyspark.sql import functions as F

    earliest = pd.Timestamp(ds.rules.earliest_date)
    first, last = F.lit(earliest.date()), F.lit(today)
    file = ds.files[table]
    if table == "articles":
        published = F.col("published")
        start, end = published_range(published)
        shaped = published.rlike(java_regex(vocab.DATE_SHAPE_PATTERN))
        return [
            RowCheck(shaped & start.isNull(), partial(dates.unreal_published_findings, file)),
            RowCheck(
                start.isNotNull() & ((end < first) | (start > last)),
                lambda rows: dates.implausible_published_findings(file, rows, earliest, today),
            ),
        ]
    if table != "incidents":
        return []
    checks = []
    for column in ("start_date", "end_date"):
        value = F.col(column)

        def word(rows: pd.DataFrame, column: str = column) -> list[Finding]:
            return dates.implausible_incident_date_findings(file, column, rows, earliest, today)

        checks.append(RowCheck(value.isNotNull() & ((value < first) | (value > last)), word))
    return checks
