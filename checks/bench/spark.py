"""Benchmark of the Spark engine against the pandas engine, in the same process.

For each size: generate a synthetic dataset, load it once, then time the layers both
engines run (structure, grounding, consistency; no GX, no reports) on the same loaded
dataset. The Spark session is started and warmed up on a small dataset first, so its
start-up is reported apart. Reported per size: seconds per engine, the ratio
spark / pandas, and whether both engines' findings are identical. Needs the spark
extra; timings are never asserted anywhere.

    python -m checks.bench.spark [--sizes 500 2000] [--master local[2]]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any


def _keys(findings: list[Any]) -> list[str]:
    return sorted(json.dumps(f.to_json(), sort_keys=True, default=str) for f in findings)


def measure(size: int, master: str | None, work: Path) -> dict[str, Any]:
    """Time both engines on one generated dataset of `size` incidents."""
    from checks.loading.loader import load_dataset
    from checks.pipeline import check_dataset, conventions_of
    from checks.spark.engine import check_dataset_spark
    from checks.synth.generate import generate

    manifest = generate(work / f"synth-{size}", size, seed=1)
    dataset, _ = load_dataset(manifest.dataset)
    started = time.perf_counter()
    pandas_findings, _ = check_dataset(dataset)
    pandas_s = time.perf_counter() - started
    started = time.perf_counter()
    spark_findings, _ = check_dataset_spark(dataset, conventions_of(dataset), master=master)
    spark_s = time.perf_counter() - started
    return {
        "incidents": size,
        "claims": len(dataset.tables["claims"]),
        "pandas_s": round(pandas_s, 2),
        "spark_s": round(spark_s, 2),
        "spark_over_pandas": round(spark_s / pandas_s, 2),
        "identical_findings": _keys(pandas_findings) == _keys(spark_findings),
        "findings": len(pandas_findings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m checks.bench.spark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--master", default=None, help="Spark master URL (default local[2])")
    args = parser.parse_args()
    from checks.spark import require_pyspark
    from checks.spark.session import spark_session

    require_pyspark()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        spark_session(args.master)
        print(json.dumps({"spark_start_s": round(time.perf_counter() - started, 2)}))
        measure(60, args.master, work)  # warm-up: JVM, Python workers
        for size in args.sizes:
            print(json.dumps(measure(size, args.master, work)), flush=True)


if __name__ == "__main__":
    main()
