"""The Spark engine's counterpart of `checks.pipeline.check_dataset`.

What runs where: loading (the strict CSV reader, article texts) happens on the
driver; the structure layer and the consistency rules run as Spark jobs; grounding
(quotes against texts) runs with pandas on the driver, as the article texts are read
there, and so do the Great Expectations suites and the reports, which read the typed
pandas tables built here by the same typing step the pandas engine uses.

On a cluster the Spark jobs run under `watched`: when no executor is left for long,
they are cancelled and the gate exits 2 instead of waiting forever.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from checks.cache.grounding import GroundingCache, ground
from checks.dataset import TABLES, Dataset
from checks.findings import Finding
from checks.quantities import Conventions
from checks.spark.consistency import check_consistency_spark
from checks.spark.session import spark_session
from checks.spark.structure import check_structure_spark
from checks.spark.watchdog import clear, layer, watched
from checks.structure.schemas import SCHEMAS
from checks.structure.typing import apply_types


def check_dataset_spark(
    dataset: Dataset,
    conventions: Conventions,
    today: dt.date | None = None,
    master: str | None = None,
    cache_dir: Path | None = None,
    jobs: int = 1,
) -> tuple[list[Finding], Mapping[str, pd.DataFrame]]:
    """Every layer the pandas engine runs, with structure and consistency on Spark
    (grounding is the pandas engine's, texts read on up to `jobs` processes)."""
    spark = spark_session(master)
    try:
        with watched(spark, master):
            layer(spark, "structure")
            structure = check_structure_spark(spark, dataset, today or dt.date.today())
            typed = {
                name: apply_types(name, dataset.files[name], dataset.tables[name], SCHEMAS[name])[0]
                for name in TABLES
            }
            cache = None if cache_dir is None else GroundingCache(cache_dir, conventions)
            grounding = ground(dataset, typed, conventions, cache, jobs)
            findings = structure.findings + grounding.findings
            layer(spark, "consistency")
            findings += check_consistency_spark(
                spark, dataset, structure.typed, typed["actors"], grounding.located, grounding.texts
            )
            for frame in structure.typed.values():
                frame.unpersist()
    finally:
        clear(spark)
    return findings, typed
