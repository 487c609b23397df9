"""Sessions: `nox -s validate` (the gate on the shipped datasets), `tests`, `lint`, `bench`,
`accuracy` (recall and precision of `extract`, grammar exact match, on the evaluation set),
`fuzz` (long hypothesis run, not a default), `spark` (the Spark engine's tests, with the
optional spark extra)."""

from __future__ import annotations

from pathlib import Path

import nox
import nox.command

nox.options.sessions = ["validate", "tests", "lint"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

DATASETS = ("datasets/seed", "datasets/reporting")
"""The shipped datasets: the seed articles, and real multi-source reporting with reviews."""
REPORT_DIR = "build/reports"
ENV = {"GX_ANALYTICS_ENABLED": "False"}


@nox.session
def validate(session: nox.Session) -> None:
    """Run the gate on every shipped dataset (or on `nox -s validate -- PATH [options]`).

    Each dataset's report goes to build/reports/<name>/; every dataset is checked even
    when an earlier one fails, and the session fails if any did. Options alone
    (`nox -s validate -- --base origin/main`, as CI runs it) apply to each dataset.
    """
    session.install(".")
    failed = []
    for args in validate_runs(session.posargs):
        try:
            session.run("python", "-m", "checks", "validate", *args, env=ENV)
        except nox.command.CommandFailed:
            failed.append(args[0])
    if failed:
        session.error(f"the gate failed on: {', '.join(failed)}")


def validate_runs(posargs: list[str]) -> list[list[str]]:
    """The `validate` argument lists: each shipped dataset into its own report folder,
    unless a dataset path is given first."""
    if posargs and not posargs[0].startswith("-"):
        return [list(posargs)]
    return [
        [dataset, "--report-dir", f"{REPORT_DIR}/{dataset.rsplit('/', 1)[-1]}", *posargs]
        for dataset in DATASETS
    ]


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (pass pytest options after `--`); the log ends with the 25
    slowest tests, so the suite's time can be watched from CI's output."""
    session.install("-e", ".[test]")
    session.run("pytest", "--durations=25", *session.posargs, env=ENV)


@nox.session
def spark(session: nox.Session) -> None:
    """The Spark engine's tests (`pytest -m spark`): needs Java 17 and the spark extra.

    Besides local[2], the tests run the gate on a real standalone cluster: a master and
    two workers started here as separate processes (`python -m checks.spark.cluster`,
    pyspark's spark-class, bound to 127.0.0.1) and handed to pytest through
    $CHECKS_SPARK_CLUSTER. The cluster is torn down in `finally`, even when a test
    fails, and the session fails if any of its processes is left behind.
    """
    session.install("-e", ".[test,spark]")
    state = Path(session.create_tmp()) / "spark-cluster.json"
    cluster = ["python", "-m", "checks.spark.cluster"]
    try:
        session.run(*cluster, "start", "--workers", "2", "--state", str(state), env=ENV)
        env = {**ENV, "CHECKS_SPARK_CLUSTER": str(state)}
        session.run("pytest", "-m", "spark", *session.posargs, env=env)
    finally:
        session.run(*cluster, "stop", "--state", str(state), env=ENV)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format check) and mypy --strict over the package, its tests and
    this file (the tests' own imports, pytest and hypothesis, come with the test extra)."""
    session.install("-e", ".[test,lint]")
    session.run("ruff", "check", "checks", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "checks", "tests", "noxfile.py")
    session.run("mypy")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks; figures are ratios against a baseline timed in the same process.

    The quantity grammar, then the whole gate on synthetic datasets of 1,000 and 10,000
    incidents; `nox -s bench -- --million` adds 100,000 incidents (1,000,000 claims).
    Results: build/bench/results.json and results.md. Last, the pull-request scenario at
    100,000 incidents (a full run, then ten claims and one text changed and checked
    with --base and the full run's cache): build/bench/pr/results.json and results.md.
    """
    session.install(".")
    session.run("python", "-m", "checks.bench.quantities", env=ENV)
    session.run("python", "-m", "checks.bench.gate", *session.posargs, env=ENV)
    session.run("python", "-m", "checks.bench.pull_request", env=ENV)


@nox.session
def accuracy(session: nox.Session) -> None:
    """Recall and precision of `extract` per field and the grammar's exact-match rate on
    the evaluation sets (tests/accuracy/data: dev, released, fresh-dev, fresh-held,
    third-dev and fourth-dev, read while the grammar changed; third-held and fourth-held,
    the held-back halves, never read); figures go to build/accuracy/accuracy.json and
    accuracy.md."""
    session.install(".")
    session.run(
        "python", "-m", "checks.bench.accuracy", "--out", "build/accuracy", *session.posargs
    )


@nox.session
def fuzz(session: nox.Session) -> None:
    """Long fuzz run of the CSV reader and quantity parser (not in the default sessions).

    `nox -s fuzz` runs tests/hostile/test_fuzz.py, and the property that Arrow's reader
    reads what the strict reader reads (tests/loading/test_arrowcsv.py), with 10000
    examples per property; set CHECKS_FUZZ_EXAMPLES to change that.
    """
    session.install("-e", ".[test]")
    env = {**ENV, "CHECKS_FUZZ_PROFILE": "fuzz"}
    properties = [
        "tests/hostile/test_fuzz.py",
        "tests/loading/test_arrowcsv.py::test_any_bytes_read_as_the_strict_reader_reads_them",
    ]
    session.run("pytest", *properties, *session.posargs, env=env)
