"""Layer 4 on Spark: the pandas consistency rules, run per group of incidents on executors.

Every consistency rule compares rows of one incident family (an incident, its
sub-events and their parent: its claims, its incident rows, its reviewed disputes, the
articles and texts its claims cite), so the tables are keyed by a hash bucket of the
family's root incident (`subevents.family_roots`, computed on the driver from the small
incidents table), unioned as tagged JSON rows, and `groupBy(bucket).applyInPandas` runs
the pandas engine's `check_consistency` on each bucket. The rules' code is shared, so findings
are the same by construction; only findings (as JSON) return to the driver. The small
actors table travels with the function to every group.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from checks.consistency import check_consistency
from checks.consistency.subevents import family_roots
from checks.dataset import Dataset
from checks.findings import Finding
from checks.grounding.run import LOCATED_COLUMNS
from checks.loading.csvtable import LINE
from checks.rulesfile import Rules
from checks.spark.frames import Kind, cast, column_kinds, line_kinds, to_spark
from checks.spark.wire import finding_from_json, finding_to_json
from checks.structure.schemas import SCHEMAS

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

GROUP, TAG, PAYLOAD = "_group", "_table", "_row"
LOCATED_KINDS: dict[str, Kind] = {"found": "bool", "start": "int", "end": "int"}
TEXT_KINDS: dict[str, Kind] = {"article_id": "str", "text": "str"}


@dataclass(frozen=True, slots=True)
class GroupContext:
    """What every group needs besides its rows (pickled once into the function)."""

    root: str
    files: Mapping[str, str]
    rules: Rules
    actors: pd.DataFrame
    kinds: Mapping[str, Mapping[str, Kind]]


def check_consistency_spark(
    spark: SparkSession,
    ds: Dataset,
    typed: Mapping[str, DataFrame],
    actors: pd.DataFrame,
    located: pd.DataFrame,
    texts: Mapping[str, str],
) -> list[Finding]:
    """Run the consistency layer; `located` / `texts` come from the grounding layer."""
    union, kinds = incident_rows(spark, ds, typed, located, texts)
    context = GroupContext(
        root=str(ds.root), files=dict(ds.files), rules=ds.rules, actors=actors, kinds=kinds
    )
    found = union.groupBy(GROUP).applyInPandas(_runner(context), "finding string")
    return [finding_from_json(json.loads(row["finding"])) for row in found.collect()]


def incident_rows(
    spark: SparkSession,
    ds: Dataset,
    typed: Mapping[str, DataFrame],
    located: pd.DataFrame,
    texts: Mapping[str, str],
) -> tuple[DataFrame, dict[str, dict[str, Kind]]]:
    """Every row a group needs, tagged with its table and keyed by incident_id, and the
    columns (with kinds) each table has."""

    places = located[list(LOCATED_COLUMNS)].copy()
    places[LINE] = ds.tables["claims"].loc[located.index, LINE].to_numpy()
    claims = typed["claims"].join(
        to_spark(spark, places, {**LOCATED_KINDS, LINE: "line"}), on=LINE, how="left"
    )
    text_frame = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    buckets = bucket_count(spark, len(ds.tables["claims"]))
    roots = family_roots(ds.tables["incidents"])
    root_frame = to_spark(
        spark,
        pd.DataFrame({"incident_id": roots.index.to_numpy(), ROOT: roots.to_numpy()}),
        {"incident_id": "str", ROOT: "str"},
    )

    def by_family(frame: DataFrame) -> DataFrame:
        return _family(frame, root_frame).withColumn(GROUP, _bucket(ROOT, buckets)).drop(ROOT)

    claims = by_family(claims)
    cited = claims.select(GROUP, "article_id").distinct()
    sources = {
        "claims": claims,
        "incidents": by_family(typed["incidents"]),
        "disputes": by_family(typed["disputes"]),
        "articles": cited.join(typed["articles"], on="article_id"),
        "texts": cited.join(to_spark(spark, text_frame, TEXT_KINDS), on="article_id"),
    }
    kinds: dict[str, dict[str, Kind]] = {}
    for name, frame in sources.items():
        declared = TEXT_KINDS if name == "texts" else line_kinds(column_kinds(SCHEMAS[name]))
        if name == "claims":
            declared = {**declared, **LOCATED_KINDS}
        kinds[name] = {c: k for c, k in declared.items() if c in frame.columns}
    tagged = [_tagged(frame, name, kinds[name]) for name, frame in sources.items()]
    union = tagged[0]
    for frame in tagged[1:]:
        union = union.unionByName(frame)
    return union, kinds


ROOT = "_root"


def _family(frame: DataFrame, roots: DataFrame) -> DataFrame:
    """`frame` with ROOT: its incident's family root, or its own incident_id when that
    names no incident (those rows only meet rows naming the same id, as in pandas)."""
    from pyspark.sql import functions as F

    joined = frame.join(roots.withColumnRenamed(ROOT, "_r"), on="incident_id", how="left")
    return joined.withColumn(ROOT, F.coalesce(F.col("_r"), F.col("incident_id"))).drop("_r")


CLAIMS_PER_BUCKET = 20_000
"""Enough rows per pandas call to amortise its fixed cost, few enough to fit in memory."""


def bucket_count(spark: SparkSession, claims: int) -> int:
    """At least two buckets per core, more as the claims grow."""
    cores = int(spark.sparkContext.defaultParallelism)
    return max(2 * cores, claims // CLAIMS_PER_BUCKET)


def _bucket(column: str, buckets: int) -> Column:
    """The group of an incident: a hash bucket. Every rule compares rows of one incident
    only, so a bucket of whole incidents gives the findings each incident would; the
    missing incident_id (claims naming none) hashes to one bucket like any value."""
    from pyspark.sql import functions as F

    return F.pmod(F.hash(F.col(column)), F.lit(buckets))


def _tagged(frame: DataFrame, table: str, kinds: Mapping[str, Kind]) -> DataFrame:
    """(group, table, JSON of the row); dates as ISO text, named like their column."""
    from pyspark.sql import functions as F

    cells = [
        F.col(c).cast("string").alias(c) if kinds[c] == "date" else F.col(c)
        for c in kinds
        if c in frame.columns
    ]
    shaped = frame.select(F.col(GROUP), *cells)
    return shaped.select(
        F.col(GROUP),
        F.lit(table).alias(TAG),
        F.to_json(F.struct(*[c for c in shaped.columns if c != GROUP])).alias(PAYLOAD),
    )


def _table(group: pd.DataFrame, table: str, kinds: Mapping[str, Kind]) -> pd.DataFrame:
    """The group's rows of `table`, typed as the pandas engine types them, in file order."""
    payloads = group.loc[group[TAG] == table, PAYLOAD]
    columns = list(kinds)
    records = [json.loads(p) for p in payloads]
    frame = (
        pd.DataFrame.from_records(records, columns=columns)
        if records
        else pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    )
    for name in columns:
        frame[name] = cast(frame[name].astype(object), kinds[name])
    if LINE in frame:
        frame = frame.sort_values(LINE, kind="stable")
    return frame.reset_index(drop=True)


def _runner(context: GroupContext) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """A plain function of the group for applyInPandas (which inspects its signature)."""

    def run(group: pd.DataFrame) -> pd.DataFrame:
        return group_findings(context, group)

    return run


def group_findings(context: GroupContext, group: pd.DataFrame) -> pd.DataFrame:
    """Executor side: one incident's rows -> the pandas rules -> findings as JSON."""
    claims = _table(group, "claims", context.kinds["claims"])
    located = claims[list(LOCATED_COLUMNS)]
    claims = claims.drop(columns=list(LOCATED_COLUMNS))
    articles = _table(group, "articles", context.kinds["articles"])
    incidents = _table(group, "incidents", context.kinds["incidents"])
    disputes = _table(group, "disputes", context.kinds["disputes"])
    text_rows = _table(group, "texts", context.kinds["texts"]).drop_duplicates("article_id")
    texts = dict(zip(text_rows["article_id"], text_rows["text"], strict=True))
    tables = {
        "articles": articles,
        "incidents": incidents,
        "claims": claims,
        "actors": context.actors,
        "disputes": disputes,
    }
    ds = Dataset(
        root=Path(context.root),
        tables=tables,
        files=context.files,
        texts=pd.DataFrame(),
        rules=context.rules,
    )
    findings = check_consistency(ds, tables, located, texts)
    return pd.DataFrame({"finding": [finding_to_json(f) for f in findings]}, dtype=object)
