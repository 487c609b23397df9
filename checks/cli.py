"""Command-line interface: `python -m checks validate|init|extract|hash|precommit|...`.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
Bad input never produces a traceback: it is a finding or a one-line `CannotRun`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from checks.errors import CannotRun
from checks.findings import ExitCode
from checks.reports.pages import ALL, ALL_PAGES_UP_TO, MODES, RELEVANT

DEFAULT_DATASET = Path("datasets/seed")
DEFAULT_REPORT_DIR = Path("build/reports")
DEFAULT_SUITES = Path("expectations")
DEFAULT_GX_DIR = Path("build/gx")


def _jobs(value: str) -> int:
    """`--jobs`: a whole number of processes, at least one."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (1 or more)")
    return jobs


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m checks",
        description="Validate incident datasets extracted from news articles.",
        epilog="Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check a dataset folder and write reports",
        description="Check a dataset folder (articles/, articles.csv, incidents.csv, "
        "claims.csv, actors.csv, rules.toml) and write results.json into the report folder.",
        epilog="Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.",
    )
    validate.add_argument(
        "dataset",
        nargs="?",
        type=Path,
        default=DEFAULT_DATASET,
        help=f"dataset folder (default: {DEFAULT_DATASET})",
    )
    validate.add_argument(
        "--report-dir",
        type=Path,
        default=DEFAULT_REPORT_DIR,
        help=f"where reports are written (default: {DEFAULT_REPORT_DIR}): results.json, "
        "index.html, incidents/, data_docs/",
    )
    validate.add_argument(
        "--expectations",
        type=Path,
        default=DEFAULT_SUITES,
        help=f"folder of Great Expectations suites (default: {DEFAULT_SUITES})",
    )
    validate.add_argument(
        "--gx-dir",
        type=Path,
        default=DEFAULT_GX_DIR,
        help=f"where Great Expectations keeps its state (default: {DEFAULT_GX_DIR})",
    )
    validate.add_argument(
        "--base",
        metavar="REF",
        help="also report the change under review: compare the dataset with its state at "
        "the git ref REF (rows added, removed, changed; incident verdicts that changed)",
    )
    validate.add_argument(
        "--pages",
        metavar="{" + ",".join(MODES) + "}",
        default=RELEVANT,
        help=f"which incident pages the HTML report writes: {RELEVANT} (default) writes "
        "a page for every incident with a finding (notices included) and every incident "
        f"the change under review (--base) touches, and every page when the dataset has "
        f"at most {ALL_PAGES_UP_TO} incidents; {ALL} writes every incident's page",
    )
    validate.add_argument(
        "--no-expectations",
        action="store_true",
        help="skip the Great Expectations layer and its Data Docs (faster local runs)",
    )
    cache = validate.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache",
        type=Path,
        default=Path("build/cache"),
        metavar="DIR",
        help="keep what is derived from article texts (the statements the extractor "
        "finds) in DIR between runs, keyed by each text's sha256, the grammar's version "
        "and the conventions, and the incident pages, keyed by what each shows; findings "
        "and reports are the same with or without it (default: build/cache)",
    )
    cache.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache",
    )
    validate.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="processes that read the article texts the cache does not hold (when there "
        "are at least 2,000) and write the incident pages (at least 500) (default: the "
        "CPUs this process may use; 1: all in this process); the results are the same "
        "for any N",
    )
    validate.add_argument(
        "--engine",
        choices=("pandas", "spark"),
        default="pandas",
        help="run structure and consistency in pandas (default) or on Apache Spark "
        "(needs pip install 'incident-checks[spark]' and Java 17); findings are the same",
    )
    validate.add_argument(
        "--master",
        metavar="URL",
        default=None,
        help="Spark master URL for --engine spark (default: local[2])",
    )
    extract = commands.add_parser(
        "extract",
        help="propose casualty statements found in an article text (JSON lines)",
        description="Print one JSON object per casualty statement the quantity grammar finds "
        "in ARTICLE: field, quote, span, qualifier and interval. Use it to draft claims.csv rows.",
    )
    extract.add_argument("article", type=Path, help="an article text file (UTF-8)")
    extract.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        dest="output",
        help="json (default): one object per statement; csv: draft claims.csv rows "
        "(needs --article-id and --incident-id)",
    )
    extract.add_argument("--article-id", metavar="ID", help="the article_id of the csv rows")
    extract.add_argument("--incident-id", metavar="ID", help="the incident_id of the csv rows")
    extract.add_argument(
        "--dataset",
        type=Path,
        metavar="DIR",
        help="continue DIR/claims.csv: its header and its claim id numbering (csv only)",
    )
    extract.add_argument(
        "--no-header",
        action="store_true",
        help="csv: print the rows only, ready to append to claims.csv",
    )
    init = commands.add_parser(
        "init",
        help="start a dataset: headers, a commented rules.toml, an empty articles/",
        description="Write an empty dataset in the shipped layout into DIR (created if "
        "absent): articles.csv, incidents.csv, claims.csv, actors.csv and exclusions.csv "
        "with their headers, a commented rules.toml and an empty articles/ folder. It "
        "validates with exit 0. Refuses to overwrite anything.",
    )
    init.add_argument("dir", type=Path, help="the new dataset folder")
    hash_ = commands.add_parser(
        "hash",
        help="report (--write: update) the sha256 of article texts that were corrected",
        description="Print `path: declared X, actual Y` for each article text whose bytes "
        "differ from its articles.csv sha256 (exit 1 if any). --write rewrites those "
        "sha256 cells and nothing else, atomically (exit 0).",
    )
    hash_.add_argument("dir", type=Path, help="the dataset folder")
    hash_.add_argument(
        "--write", action="store_true", help="update the sha256 cells of articles.csv"
    )
    precommit = commands.add_parser(
        "precommit",
        help="the fast layers (no GX) on the dataset folders FILES belong to (pre-commit)",
        description="For each FILE, find its dataset folder (the nearest ancestor holding "
        "rules.toml or claims.csv) and check each folder once with load, structure, "
        "grounding and consistency; no report is written. Files in no dataset are ignored.",
    )
    precommit.add_argument("files", nargs="*", type=Path, metavar="FILE")
    parse = commands.add_parser(
        "parse-quantity",
        help="parse a phrase such as 'more than 60 dead' into a qualifier and an interval",
        description="Print the first quantity in TEXT as JSON (qualifier, low, high, span); "
        "exit 1 when TEXT holds no quantity.",
    )
    parse.add_argument("text", help="the phrase to parse")
    synth = commands.add_parser(
        "synth",
        help="write a synthetic dataset with planted defects (for tests and benchmarks)",
        description="Write OUT/dataset/ (the shipped layout, obviously synthetic names) and "
        "OUT/expected.json (the findings per rule id the gate must report). Deterministic: "
        "the same arguments give byte-identical files.",
    )
    synth.add_argument("--incidents", type=int, required=True, help="number of incidents")
    synth.add_argument("--out", type=Path, required=True, help="output folder")
    synth.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    synth.add_argument(
        "--defects",
        type=float,
        default=None,
        help="share of incidents per defect kind (default: 0.005; 0 for a clean dataset)",
    )
    return parser


def _validate(args: argparse.Namespace) -> int:
    from checks.consistency.verdicts import incident_names
    from checks.forkpool import usable_cpus
    from checks.pipeline import GxPlaces
    from checks.reports.github import IncidentLine, write_github_outputs
    from checks.reports.terminal import render_terminal
    from checks.reports.write import write_reports
    from checks.review import review

    dataset: Path = args.dataset
    report_dir: Path = args.report_dir
    if args.pages not in MODES:
        raise CannotRun("--pages", f"unknown value {args.pages!r}: use one of {', '.join(MODES)}")
    cache_dir: Path | None = None if args.no_cache else args.cache
    jobs: int = args.jobs or usable_cpus()
    for output in (report_dir, args.gx_dir, cache_dir):
        if output is not None and _inside(output, dataset):
            raise CannotRun(output, "outputs must not be written inside the dataset folder")
    gx = None
    if not args.no_expectations:
        gx = GxPlaces(
            suites_dir=args.expectations,
            gx_root=args.gx_dir,
            data_docs_dir=report_dir / "data_docs",
        )
    try:
        done = review(
            dataset, gx, base=args.base, cache_dir=cache_dir, engine=args.engine,
            master=args.master, jobs=jobs,
        )  # fmt: skip
    except CannotRun as error:
        _write_cannot_run(dataset, error, report_dir)
        raise
    result = done.run.result
    try:
        written = write_reports(done, report_dir, args.pages, jobs, cache_dir)
    except OSError as exc:
        where = exc.filename2 or exc.filename or report_dir
        raise CannotRun(where, f"cannot write the report: {exc.strerror or exc}") from None
    try:
        print(render_terminal(result))
        if _on_github():
            names = incident_names(done.run.typed)
            lines = [IncidentLine(i, names.get(i, ""), v) for i, v in done.verdicts.items()]
            for command in write_github_outputs(result, _repo_root(dataset), lines, done.change):
                print(command)
        print(f"report: {written.html}")
        print(f"results: {written.results}")
        print(f"junit: {written.junit}")
        if done.run.data_docs_index is not None:
            print(f"data docs: {done.run.data_docs_index}")
        sys.stdout.flush()
    except BrokenPipeError:
        # `validate | head`: the reader has what it wanted; the verdict still stands.
        _silence_stdout()
    return int(result.exit_code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _on_github() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _repo_root(dataset: Path) -> Path:
    """Where annotation paths start: $GITHUB_WORKSPACE, else the git top level, else cwd."""
    from checks.change.gitref import toplevel

    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(workspace)
    return toplevel(dataset) or Path.cwd()


def _write_cannot_run(dataset: Path, error: CannotRun, report_dir: Path) -> None:
    """Replace a previous run's results.json and index.html (best effort: the report
    folder may be what is broken), so no stale PASSED report survives an exit 2."""
    from checks.reports.html import write_cannot_run_page
    from checks.reports.json_report import write_cannot_run_report
    from checks.reports.junit import write_cannot_run_junit

    try:
        write_cannot_run_report(str(dataset), error, report_dir)
        write_cannot_run_junit(error.one_line(), report_dir)
        write_cannot_run_page(str(dataset), error.one_line(), report_dir)
    except OSError:
        pass


def _inside(child: Path, parent: Path) -> bool:
    child, parent = child.resolve(), parent.resolve()
    return child == parent or parent in child.parents


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (never raises for bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args)
        if args.command == "extract":
            from checks.quantities.commands import run_extract

            return run_extract(
                args.article,
                args.output,
                args.article_id,
                args.incident_id,
                args.dataset,
                header=not args.no_header,
            )
        if args.command == "init":
            from checks.scaffold.init import run_init

            return run_init(args.dir)
        if args.command == "hash":
            from checks.hashes import run_hash

            return run_hash(args.dir, args.write)
        if args.command == "precommit":
            from checks.precommit import run_precommit

            return run_precommit(args.files)
        if args.command == "parse-quantity":
            from checks.quantities.commands import run_parse_quantity

            return run_parse_quantity(args.text)
        if args.command == "synth":
            from checks.synth.cli import run_synth

            return run_synth(args.out, args.incidents, args.seed, args.defects)
    except BrokenPipeError:
        # `extract ... | head`: the output was cut short on purpose, nothing failed.
        _silence_stdout()
        return 0
    except CannotRun as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        if args.command == "validate" and _on_github():
            from checks.reports.github import cannot_run_annotation

            print(cannot_run_annotation(exc, _repo_root(args.dataset)))
        return int(ExitCode.CANNOT_RUN)
    return int(ExitCode.CANNOT_RUN)
