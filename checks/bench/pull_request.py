"""The pull-request scenario: what a change of ten claims and one text costs.

Generate a dataset (`python -m checks synth`), commit it in a git repository, and run the
gate on it with an empty cache: the full run. Then change ten claims (their figures)
and one article text (a sentence added), commit that on a branch, and run the gate
again with `--base` the first commit and the cache the full run left: the pull
request's run. Each run is a fresh child process (peak RSS per run), timed layer by
layer through the pipeline's hook, with the comparison with the base ("base") and the
reports (incident pages by the default policy) timed apart, as `validate` runs them.
Reported: seconds per layer for both runs, the pull request's time as a share of the
full run's, per layer and in all, and peak RSS. Both runs read article texts on
`--jobs` processes as `validate` does (default: the CPUs this process may use).
Timings are never asserted.

    python -m checks.bench.pull_request [--incidents 100000] [--jobs N] [--out build/bench/pr]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from checks.bench.gate import cpu_seconds, machine
from checks.forkpool import usable_cpus

DEFAULT_INCIDENTS = 100_000
CHANGED_CLAIMS = 10
LAYERS = ("load", "structure", "expectations", "grounding", "consistency", "base", "reports")
ADDED_SENTENCE = " Police later said 3 more people had died in hospital."
TARGET_SHARE = 0.15
"""Issue 14: the pull request's run at most 15 % of the full run."""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
         "-c", "commit.gpgsign=false", *args],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def change_dataset(dataset: Path, claims: int = CHANGED_CLAIMS) -> dict[str, Any]:
    """Edit `claims` count claims (figure + 1, spread over the table) and one text."""
    path = dataset / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    field, low, high = header.index("field"), header.index("low"), header.index("high")
    counts = [i for i, row in enumerate(body) if row[field] == "killed" and row[low].isdigit()]
    step = max(1, len(counts) // claims)
    changed = counts[::step][:claims]
    for i in changed:
        row = body[i]
        row[low] = str(int(row[low]) + 1)
        if row[high].isdigit():
            row[high] = str(int(row[high]) + 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *body])
    text = min((dataset / "articles").glob("*.txt"))
    with text.open("a", encoding="utf-8") as handle:
        handle.write(ADDED_SENTENCE)
    return {"claims": [body[i][0] for i in changed], "text": text.name}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(
    dataset: Path, work: Path, suites: Path, cache: Path, base: str | None, jobs: int
) -> dict[str, Any]:
    """Child process: one `validate` run, layer by layer (see the module docstring)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations  # noqa: F401  (import cost is not a layer's)

    from checks.pipeline import GxPlaces
    from checks.reports.write import write_reports
    from checks.review import review

    timings: dict[str, float] = {}
    report_dir = work / "reports"
    places = GxPlaces(suites, work / "gx", report_dir / "data_docs")
    started = time.perf_counter()
    cpu_start = cpu_seconds()
    done = review(dataset, places, base=base, cache_dir=cache, timings=timings, jobs=jobs)
    t0 = time.perf_counter()
    write_reports(done, report_dir, jobs=jobs, cache_dir=cache)
    timings["reports"] = time.perf_counter() - t0
    wall = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_start
    pages = sum(1 for _ in (report_dir / "incidents").glob("*.html"))
    return {
        "timings": {k: round(v, 3) for k, v in timings.items()},
        "wall": round(wall, 3),
        "cpu_seconds": round(cpu, 1),
        "jobs": jobs,
        "rss_mb": round(_rss_mb()),
        "findings": len(done.run.result.findings),
        "incident_pages": pages,
    }


def _child(
    dataset: Path, work: Path, suites: Path, cache: Path, base: str | None, jobs: int
) -> dict[str, Any]:
    figures = work / "figures.json"
    command = [sys.executable, "-m", "checks.bench.pull_request", "--child", str(dataset),
               "--work", str(work), "--suites", str(suites), "--cache-dir", str(cache),
               "--jobs", str(jobs)]  # fmt: skip
    if base is not None:
        command += ["--base", base]
    subprocess.run(command, check=True)
    result: dict[str, Any] = json.loads(figures.read_text(encoding="utf-8"))
    return result


def run(incidents: int, out: Path, suites: Path, seed: int = 0, jobs: int = 1) -> dict[str, Any]:
    """The whole scenario in `out` (replaced); returns the figures."""
    shutil.rmtree(out, ignore_errors=True)
    repo = out / "repo"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "checks", "synth", "--incidents", str(incidents),
         "--out", str(repo), "--seed", str(seed)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    dataset = repo / "dataset"
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "the dataset")
    prepared = time.perf_counter() - started
    cache = out / "cache"
    full = _child(dataset, out / "full", suites, cache, None, jobs)
    _git(repo, "checkout", "-q", "-b", "change")
    edits = change_dataset(dataset)
    _git(repo, "commit", "-q", "-am", "ten claims and one text")
    pull = _child(dataset, out / "pull", suites, cache, "main", jobs)
    shares = {
        layer: round(pull["timings"].get(layer, 0.0) / full["timings"][layer], 3)
        for layer in LAYERS
        if full["timings"].get(layer)
    }
    total_full = sum(full["timings"].get(layer, 0.0) for layer in LAYERS)
    total_pull = sum(pull["timings"].get(layer, 0.0) for layer in LAYERS)
    return {
        "incidents": incidents,
        "seed": seed,
        "jobs": jobs,
        "prepare_seconds": round(prepared, 1),
        "edits": edits,
        "full": full,
        "pull_request": pull,
        "share": shares,
        "share_all": round(total_pull / total_full, 3),
        "target_share": TARGET_SHARE,
        "met": total_pull / total_full <= TARGET_SHARE,
    }


def table(figures: dict[str, Any]) -> str:
    """The Markdown table of the scenario."""
    full, pull = figures["full"]["timings"], figures["pull_request"]["timings"]
    lines = [
        f"Pull-request scenario at {figures['incidents']:,} incidents: "
        f"{len(figures['edits']['claims'])} claims and 1 article text changed, "
        f"`validate --base` with the full run's cache; texts read on {figures['jobs']} "
        "process(es).",
        "",
        "| layer | full run | pull request | share |",
        "| --- | ---: | ---: | ---: |",
    ]
    for layer in LAYERS:
        if layer in full or layer in pull:
            share = figures["share"].get(layer)
            lines.append(
                f"| {layer} | {full.get(layer, 0.0):.2f} s | {pull.get(layer, 0.0):.2f} s "
                f"| {'–' if share is None else f'{share:.0%}'} |"
            )
    all_full = sum(full.get(layer, 0.0) for layer in LAYERS)
    all_pull = sum(pull.get(layer, 0.0) for layer in LAYERS)
    lines.append(
        f"| **all** | {all_full:.1f} s | {all_pull:.1f} s | {figures['share_all']:.0%} "
        f"(target ≤ {figures['target_share']:.0%}: {'met' if figures['met'] else 'NOT met'}) |"
    )
    lines += [
        "",
        f"CPU seconds (workers included): full run {figures['full']['cpu_seconds']:,} s, "
        f"pull request {figures['pull_request']['cpu_seconds']:,} s. "
        f"Peak RSS: full run {figures['full']['rss_mb']:,} MB, "
        f"pull request {figures['pull_request']['rss_mb']:,} MB. Incident pages written: "
        f"{figures['full']['incident_pages']:,} and {figures['pull_request']['incident_pages']:,}.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checks.bench.pull_request", description=__doc__
    )
    parser.add_argument("--incidents", type=int, default=DEFAULT_INCIDENTS)
    parser.add_argument("--out", type=Path, default=Path("build/bench/pr"))
    parser.add_argument("--suites", type=Path, default=Path("expectations"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--jobs",
        type=int,
        help="processes reading article texts, as validate's --jobs (default: the CPUs "
        "this process may use)",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    jobs = max(1, args.jobs or usable_cpus())
    if args.child is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        figures = measure(args.child, args.work, args.suites, args.cache_dir, args.base, jobs)
        (args.work / "figures.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
        return 0
    figures = run(args.incidents, args.out, args.suites.resolve(), args.seed, jobs)
    figures["machine"] = machine()
    figures["date"] = dt.date.today().isoformat()
    (args.out / "results.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    markdown = table(figures)
    (args.out / "results.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
