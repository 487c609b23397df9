"""Benchmark of the Spark engine against the pandas engine, in the same process.

For each size: generate a synthetic dataset, load it once, then time the layers both
engines run (structure, grounding, consistency; no GX, no reports) on the same loaded
dataset: the pandas engine once, then the Spark engine on each master in turn. Each
master gets its own session, started and warmed up on a small dataset first, so its
start-up is reported apart. Reported per size and master: seconds per engine, the
ratio spark / pandas, and whether both engines' findings are identical. Needs the
spark extra; timings are never asserted anywhere.

    python -m checks.bench.spark [--sizes 500 2000] [--master local[2]] [--cluster]

`--master` may be repeated; `--cluster` adds a standalone cluster started here
(a master and two 1-core workers on 127.0.0.1, `checks.spark.cluster`), stopped at
the end.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

EXECUTOR_MEMORY = "512m"


def _keys(findings: list[Any]) -> list[str]:
    return sorted(json.dumps(f.to_json(), sort_keys=True, default=str) for f in findings)


def measure(size: int, masters: list[str], work: Path) -> list[dict[str, Any]]:
    """Time the pandas engine, then Spark on each master, on one generated dataset."""
    from checks.loading.loader import load_dataset
    from checks.pipeline import check_dataset, conventions_of
    from checks.synth.generate import generate

    manifest = generate(work / f"synth-{size}", size, seed=1)
    dataset, _ = load_dataset(manifest.dataset)
    started = time.perf_counter()
    pandas_findings, _ = check_dataset(dataset)
    pandas_s = time.perf_counter() - started
    rows = []
    for master in masters:
        spark_s, identical = _spark_run(dataset, conventions_of(dataset), master, pandas_findings)
        rows.append(
            {
                "incidents": size,
                "claims": len(dataset.tables["claims"]),
                "master": master,
                "pandas_s": round(pandas_s, 2),
                "spark_s": round(spark_s, 2),
                "spark_over_pandas": round(spark_s / pandas_s, 2),
                "identical_findings": identical,
                "findings": len(pandas_findings),
            }
        )
    return rows


def _spark_run(
    dataset: Any, conventions: Any, master: str, expected: list[Any]
) -> tuple[float, bool]:
    from checks.spark.engine import check_dataset_spark

    started = time.perf_counter()
    findings, _ = check_dataset_spark(dataset, conventions, master=master)
    return time.perf_counter() - started, _keys(findings) == _keys(expected)


def start_session(master: str, work: Path) -> float:
    """Stop any session, start one on `master` and warm it up; its start-up seconds."""
    from pyspark.sql import SparkSession

    from checks.loading.loader import load_dataset
    from checks.pipeline import conventions_of
    from checks.spark.session import spark_session
    from checks.synth.generate import generate

    active = SparkSession.getActiveSession()
    if active is not None:
        active.stop()
    started = time.perf_counter()
    spark_session(master)
    start_s = time.perf_counter() - started
    warm = generate(work / "warm-up", 60, seed=2)  # JVM, Python workers, executors
    dataset, _ = load_dataset(warm.dataset)
    _spark_run(dataset, conventions_of(dataset), master, [])
    return start_s


def main() -> None:
    import os

    parser = argparse.ArgumentParser(prog="python -m checks.bench.spark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument(
        "--master", action="append", help="Spark master URL, repeatable (default local[2])"
    )
    parser.add_argument(
        "--cluster", action="store_true", help="also a standalone cluster of two 1-core workers"
    )
    args = parser.parse_args()
    from checks.spark import require_pyspark

    require_pyspark()
    masters: list[str] = list(args.master or ([] if args.cluster else ["local[2]"]))
    cluster = None
    if args.cluster:
        from checks.spark.cluster import HOST, start_cluster

        os.environ.setdefault("SPARK_LOCAL_IP", HOST)
        os.environ.setdefault("SPARK_LOCAL_HOSTNAME", HOST)
        os.environ.setdefault("CHECKS_SPARK_CONF", f"spark.executor.memory={EXECUTOR_MEMORY}")
        cluster = start_cluster(2)
        masters.append(cluster.url)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            runs: dict[int, list[dict[str, Any]]] = {}
            for master in masters:  # one session at a time; sizes within it
                start_s = start_session(master, work)
                print(json.dumps({"master": master, "spark_start_s": round(start_s, 2)}))
                for size in args.sizes:
                    for row in measure(size, [master], work):
                        runs.setdefault(size, []).append(row)
                        print(json.dumps(row), flush=True)
    finally:
        if cluster is not None:
            from pyspark.sql import SparkSession

            active = SparkSession.getActiveSession()
            if active is not None:
                active.stop()
            cluster.stop()


if __name__ == "__main__":
    main()
