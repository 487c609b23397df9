"""One review of a dataset: the gate's run, each incident's verdict, the change under review.

`validate` and the benchmarks all go through here, so what a benchmark times is what
`validate` does: run the gate, decide the verdicts, keep them for a later `--base`
(when a cache folder is given), and compare with the base when one is named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from checks.change.model import Change
from checks.change.run import compare_with_base, remember_verdicts
from checks.consistency.verdicts import incident_verdicts
from checks.pipeline import GateRun, GxPlaces, Timings, run_gate, timed


@dataclass(frozen=True, slots=True)
class Review:
    """What every report of one `validate` run reads."""

    run: GateRun
    verdicts: dict[str, str]
    change: Change | None


def review(
    dataset: Path,
    gx: GxPlaces | None,
    *,
    base: str | None = None,
    cache_dir: Path | None = None,
    today: dt.date | None = None,
    timings: Timings | None = None,
    engine: str = "pandas",
    master: str | None = None,
    jobs: int = 1,
) -> Review:
    """Run the gate on `dataset` and, with `base`, compare it with the dataset at that ref.

    `timings["base"]` receives the time spent keeping the verdicts and comparing with
    the base. `jobs` processes may read the article texts the cache does not hold (the
    head's and, when it is checked in full, the base's). Raises CannotRun when the
    dataset (or the base ref) cannot be checked.
    """
    run = run_gate(
        dataset, gx, today=today, timings=timings, engine=engine, master=master,
        cache_dir=cache_dir, jobs=jobs,
    )  # fmt: skip
    verdicts = incident_verdicts(run.typed, run.result.findings)
    change = None
    with timed(timings, "base"):
        if cache_dir is not None:
            remember_verdicts(dataset, verdicts, cache_dir, today)
        if base is not None and run.dataset is not None:
            change = compare_with_base(run.dataset, verdicts, base, today, cache_dir, jobs)
    return Review(run=run, verdicts=verdicts, change=change)
