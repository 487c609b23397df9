"""Benchmark of the whole gate on synthetic datasets of growing size.

For each size: generate a dataset with planted defects (`python -m checks synth`),
then, in a fresh child process (so peak RSS is per size), run every layer with the
pipeline's timing hook (GX validation and Data Docs rendering timed apart), write the
reports (the HTML pages the default page policy writes), and run the plain-pandas
baseline (`checks.bench.baseline`) on the same files in the same process. Reported
per size: seconds per layer, claims per second, peak RSS, the ratios against the
baseline, whether the findings per rule id equal the manifest's planted counts, and
whether the baseline's counts equal the gate's for every rule the baseline implements.
The gate reads article texts on `--jobs` processes as `validate` does (default: the
CPUs this process may use); the CPU seconds of the gate run, its workers' included, are
reported beside the wall time, and the largest worker's peak RSS beside the gate's.
Timings are never asserted anywhere.

    python -m checks.bench.gate [--sizes 1000 10000] [--million] [--jobs N] [--out build/bench]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from checks.forkpool import usable_cpus

DEFAULT_SIZES = (1_000, 10_000)
MILLION_INCIDENTS = 100_000
"""--million: 100,000 incidents x 10 claims = 1,000,000 claims (plus planted extras)."""
LAYERS = ("load", "structure", "expectations", "grounding", "consistency", "reports")
"""Layers summed into the all-layers time; Data Docs rendering is reported apart."""


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU seconds of this process and its ended children (the texts' readers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(
    dataset: Path, manifest_path: Path, work: Path, suites: Path, jobs: int
) -> dict[str, Any]:
    """Child process: run the gate and the baseline once on `dataset`, return the figures."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    started = time.perf_counter()
    import great_expectations  # noqa: F401  (import cost reported apart, not per layer)

    gx_import = time.perf_counter() - started
    from checks.bench import baseline
    from checks.pipeline import GxPlaces
    from checks.reports.write import write_reports
    from checks.review import review
    from checks.synth import Manifest

    rss_start = _rss_mb()
    timings: dict[str, float] = {}
    report_dir = work / "reports"
    places = GxPlaces(suites, work / "gx", report_dir / "data_docs")
    cpu_start = cpu_seconds()
    done = review(dataset, places, timings=timings, jobs=jobs)
    with_reports = time.perf_counter()
    # As `validate` writes them, with its default page policy.
    write_reports(done, report_dir, jobs=jobs)
    timings["reports"] = time.perf_counter() - with_reports
    gate_cpu = cpu_seconds() - cpu_start
    rss_gate = _rss_mb()
    got = Counter(f.rule_id for f in done.run.result.findings)
    del done

    t0 = time.perf_counter()
    tables = baseline.read(dataset)
    t1 = time.perf_counter()
    base_counts = baseline.check(dataset, tables, dt.date.today())
    t2 = time.perf_counter()
    rss_all = _rss_mb()

    expected = Manifest.read(manifest_path).expected_for(gx=True)
    planted_diff = {
        rule: {"expected": expected.get(rule, 0), "found": got.get(rule, 0)}
        for rule in sorted(set(expected) | set(got))
        if expected.get(rule, 0) != got.get(rule, 0)
    }
    baseline_diff = {
        rule: {"baseline": base_counts[rule], "gate": got.get(rule, 0)}
        for rule in baseline.COVERED
        if base_counts[rule] != got.get(rule, 0)
    }
    checks = timings["structure"] + timings["consistency"]
    all_layers = sum(timings[layer] for layer in LAYERS)
    base_checks, base_total = t2 - t1, t2 - t0
    return {
        "timings": {k: round(v, 3) for k, v in timings.items()},
        "gx_import": round(gx_import, 3),
        "jobs": jobs,
        "gate_cpu_seconds": round(gate_cpu, 1),
        "all_layers": round(all_layers, 3),
        "structure_consistency": round(checks, 3),
        "baseline": {"read": round(t1 - t0, 3), "checks": round(base_checks, 3)},
        "ratio_checks": round(checks / base_checks, 2),
        "ratio_all": round(all_layers / base_total, 2),
        "rss_mb": {
            "start": round(rss_start),
            "gate": round(rss_gate),
            "with_baseline": round(rss_all),
            "largest_worker": round(_rss_mb(resource.RUSAGE_CHILDREN)),
        },
        "findings": sum(got.values()),
        "planted_match": not planted_diff,
        "planted_diff": planted_diff,
        "baseline_match": not baseline_diff,
        "baseline_diff": baseline_diff,
    }


def machine() -> dict[str, Any]:
    """What the figures ran on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run_size(incidents: int, out: Path, suites: Path, seed: int, jobs: int) -> dict[str, Any]:
    """Generate one size (subprocess) and measure it (fresh subprocess)."""
    folder = out / "data" / f"n{incidents}"
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "checks",
            "synth",
            "--incidents",
            str(incidents),
            "--out",
            str(folder),
            "--seed",
            str(seed),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    generated = time.perf_counter() - started
    figures_file = folder / "figures.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "checks.bench.gate",
            "--child",
            str(folder),
            "--suites",
            str(suites),
            "--figures",
            str(figures_file),
            "--jobs",
            str(jobs),
        ],
        check=True,
    )
    figures: dict[str, Any] = json.loads(figures_file.read_text(encoding="utf-8"))
    manifest = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    rows = manifest["rows"]
    figures.update(
        {
            "incidents": incidents,
            "claims": rows["claims"],
            "articles": rows["articles"],
            "generate_seconds": round(generated, 2),
            "claims_per_second": round(rows["claims"] / figures["all_layers"]),
            "claims_per_second_checks": round(rows["claims"] / figures["structure_consistency"]),
        }
    )
    return figures


def table(results: list[dict[str, Any]]) -> str:
    """The Markdown table the README quotes."""
    head = (
        "| incidents | claims | jobs | load | structure | GX validation | grounding | consistency "
        "| reports | all layers | gate CPU | Data Docs | claims/s (all) | peak RSS "
        "| baseline checks | structure+consistency / baseline "
        "| all layers / baseline (read+checks) | planted counts | baseline counts |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:"
        "|:-:|:-:|\n"
    )
    lines = []
    for r in results:
        t = r["timings"]
        lines.append(
            f"| {r['incidents']:,} | {r['claims']:,} | {r['jobs']} | {t['load']:.2f} s "
            f"| {t['structure']:.2f} s | {t['expectations']:.2f} s | {t['grounding']:.2f} s "
            f"| {t['consistency']:.2f} s | {t['reports']:.2f} s | {r['all_layers']:.1f} s "
            f"| {r['gate_cpu_seconds']:.1f} s | {t.get('data_docs', 0):.2f} s "
            f"| {r['claims_per_second']:,} | {r['rss_mb']['gate']:,} MB "
            f"(worker {r['rss_mb']['largest_worker']:,} MB) "
            f"| {r['baseline']['checks']:.2f} s | {r['ratio_checks']:.2f}x | {r['ratio_all']:.1f}x "
            f"| {'exact' if r['planted_match'] else 'DIFFER'} "
            f"| {'equal' if r['baseline_match'] else 'DIFFER'} |"
        )
    return head + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.bench.gate", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--million",
        action="store_true",
        help=f"add {MILLION_INCIDENTS:,} incidents (1,000,000 claims)",
    )
    parser.add_argument("--out", type=Path, default=Path("build/bench"))
    parser.add_argument("--suites", type=Path, default=Path("expectations"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep-data", action="store_true", help="keep the generated datasets")
    parser.add_argument(
        "--jobs",
        type=int,
        help="processes reading article texts, as validate's --jobs (default: the CPUs "
        "this process may use)",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--figures", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    jobs = max(1, args.jobs or usable_cpus())
    if args.child is not None:
        figures = measure(
            args.child / "dataset",
            args.child / "expected.json",
            args.child / "work",
            args.suites,
            jobs,
        )
        args.figures.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        return 0
    sizes = sorted(set(args.sizes) | ({MILLION_INCIDENTS} if args.million else set()))
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for incidents in sizes:
        print(f"bench: {incidents:,} incidents ...", flush=True)
        results.append(run_size(incidents, args.out, args.suites.resolve(), args.seed, jobs))
        if not args.keep_data:
            shutil.rmtree(args.out / "data" / f"n{incidents}")
    if not args.keep_data and not any((args.out / "data").iterdir()):
        (args.out / "data").rmdir()
    report = {"machine": machine(), "seed": args.seed, "sizes": results}
    (args.out / "results.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    markdown = table(results)
    m = report["machine"]
    header = (
        f"Machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['ram_gb']} GB RAM, "
        f"Python {m['python']}.\n\n"
    )
    (args.out / "results.md").write_text(header + markdown, encoding="utf-8")
    print(header + markdown)
    ok = all(r["planted_match"] and r["baseline_match"] for r in results)
    if not ok:
        print("bench: planted or baseline counts differ; see results.json", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
