"""The whole gate as one function: load -> structure -> grounding -> consistency -> result."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from checks.cache.grounding import GroundingCache, ground
from checks.consistency import check_consistency
from checks.dataset import TABLES, Dataset
from checks.errors import CannotRun
from checks.expectations import run_expectations
from checks.findings import Finding, Layer, Severity, ValidationResult, sort_findings
from checks.gcpause import collector_paused
from checks.grounding.exclusions import exclusion_structure_findings
from checks.loading.loader import load_dataset
from checks.quantities import Conventions
from checks.rulesfile import RULES_FILE
from checks.structure.run import check_structure


def apply_severity(findings: Iterable[Finding], overrides: Mapping[str, Severity]) -> list[Finding]:
    """Apply the rules file's [severity] table: a dataset may promote or demote a rule."""
    return [
        dataclasses.replace(f, severity=overrides[f.rule_id]) if f.rule_id in overrides else f
        for f in findings
    ]


def conventions_of(dataset: Dataset) -> Conventions:
    """The quantity conventions: the shipped table with the rules file's [quantities]."""
    try:
        return Conventions.default().with_overrides(dataset.rules.quantities)
    except ValueError as exc:
        raise CannotRun(dataset.root / RULES_FILE, f"[quantities]: {exc}") from None


Timings = MutableMapping[str, float]
"""Seconds per layer ("load", "structure", ...), filled in when a caller passes one."""


@contextmanager
def timed(timings: Timings | None, layer: str) -> Iterator[None]:
    """Add the wall time of the block to timings[layer] (nothing when timings is None)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings[layer] = timings.get(layer, 0.0) + time.perf_counter() - start


def check_dataset(
    dataset: Dataset,
    today: dt.date | None = None,
    timings: Timings | None = None,
    cache_dir: Path | None = None,
    jobs: int = 1,
) -> tuple[list[Finding], Mapping[str, pd.DataFrame]]:
    """Every pandas layer on a loaded dataset: findings and the typed tables.

    The only I/O is the statement cache in `cache_dir` (None: no cache). `jobs` is how
    many processes may read article texts the cache does not hold.
    """
    conventions = conventions_of(dataset)
    with timed(timings, "structure"):
        structure = check_structure(dataset, today=today)
        findings = list(structure.findings)
        findings += exclusion_structure_findings(dataset)
    with timed(timings, "grounding"):
        cache = None if cache_dir is None else GroundingCache(cache_dir, conventions)
        grounding = ground(dataset, structure.typed, conventions, cache, jobs)
        findings += grounding.findings
    with timed(timings, "consistency"), collector_paused():
        findings += check_consistency(dataset, structure.typed, grounding.located, grounding.texts)
    return findings, structure.typed


@dataclass(frozen=True, slots=True)
class GxPlaces:
    """Where the Great Expectations layer reads its suites and writes its state and docs."""

    suites_dir: Path
    gx_root: Path
    data_docs_dir: Path


@dataclass(frozen=True, slots=True)
class GateRun:
    """One run of the gate: the result every report reads, and the tables reports show."""

    result: ValidationResult
    typed: Mapping[str, pd.DataFrame]
    data_docs_index: Path | None
    dataset: Dataset | None = None
    """The tables as read (strings and file lines), for `--base` to diff."""


def run_gate(
    root: Path,
    gx: GxPlaces | None,
    today: dt.date | None = None,
    timings: Timings | None = None,
    engine: str = "pandas",
    master: str | None = None,
    cache_dir: Path | None = None,
    jobs: int = 1,
) -> GateRun:
    """Load `root` and run every layer; GX (layer 2) runs when `gx` says where.

    `cache_dir` keeps the statements extracted from article texts between runs (see
    `checks.cache`); None runs without a cache. `jobs` processes may read the texts it
    does not hold (`checks.quantities.batch`). The findings are the same either way.

    `timings`, when given, receives the seconds spent per layer (the benchmark's hook;
    "data_docs" is the GX Data Docs rendering, apart from "expectations").
    `engine="spark"` runs structure and consistency on Spark (`master`, default
    local[2]); the findings are the same as the pandas engine's. Raises CannotRun when
    the dataset cannot be checked at all (or the spark engine is not installed).
    """
    if engine == "spark":
        from checks.spark import require_pyspark

        require_pyspark()
    with timed(timings, "load"):
        dataset, findings = load_dataset(root)
    if engine == "spark":
        from checks.spark.engine import check_dataset_spark

        with timed(timings, "spark"):
            layer_findings, typed = check_dataset_spark(
                dataset, conventions_of(dataset), today=today, master=master,
                cache_dir=cache_dir, jobs=jobs,
            )  # fmt: skip
    else:
        layer_findings, typed = check_dataset(
            dataset, today=today, timings=timings, cache_dir=cache_dir, jobs=jobs
        )
    findings += layer_findings
    layers = [Layer.LOAD, Layer.STRUCTURE, Layer.GROUNDING, Layer.CONSISTENCY]
    docs: Path | None = None
    if gx is not None:
        with timed(timings, "expectations"):
            gx_findings, docs = run_expectations(
                typed,
                findings,
                dataset.files,
                gx.gx_root,
                gx.data_docs_dir,
                gx.suites_dir,
                timings=timings,
            )
        if timings is not None:
            timings["expectations"] -= timings.get("data_docs", 0.0)
        findings += gx_findings
        layers.insert(2, Layer.EXPECTATIONS)
    findings = apply_severity(findings, dataset.rules.severity)
    result = ValidationResult(
        dataset=str(root),
        findings=tuple(sort_findings(findings)),
        row_counts=row_counts(dataset),
        layers_run=tuple(layers),
    )
    return GateRun(result=result, typed=typed, data_docs_index=docs, dataset=dataset)


def row_counts(dataset: Dataset) -> dict[str, int]:
    """Rows per table; disputes.csv only where the dataset records reviews."""
    counts = {name: len(dataset.tables[name]) for name in TABLES}
    if len(dataset.tables["disputes"]):
        counts["disputes"] = len(dataset.tables["disputes"])
    return counts


def validate(root: Path, today: dt.date | None = None) -> ValidationResult:
    """The pandas layers only (no GX state on disk): what most tests call."""
    return run_gate(root, gx=None, today=today).result
