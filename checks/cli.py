"""Command-line interface: `python -m checks validate|extract|parse-quantity`.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
Bad input never produces a traceback: it is a finding or a one-line `CannotRun`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from checks.errors import CannotRun
from checks.findings import ExitCode

DEFAULT_DATASET = Path("datasets/seed")
DEFAULT_REPORT_DIR = Path("build/reports")


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
        help=f"where reports are written (default: {DEFAULT_REPORT_DIR})",
    )
    return parser


def _validate(args: argparse.Namespace) -> int:
    from checks.pipeline import validate
    from checks.reports.json_report import write_json_report
    from checks.reports.terminal import render_terminal

    dataset: Path = args.dataset
    report_dir: Path = args.report_dir
    if _inside(report_dir, dataset):
        raise CannotRun(report_dir, "the report folder must not be inside the dataset folder")
    result = validate(dataset)
    path = write_json_report(result, report_dir)
    print(render_terminal(result))
    print(f"report: {path}")
    return int(result.exit_code)


def _inside(child: Path, parent: Path) -> bool:
    child, parent = child.resolve(), parent.resolve()
    return child == parent or parent in child.parents


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (never raises for bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args)
    except CannotRun as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return int(ExitCode.CANNOT_RUN)
    return int(ExitCode.CANNOT_RUN)
