"""The worker-loss test's pyspark daemon: every consistency group waits for the test.

The test runs the gate with `spark.python.daemon.module=tests.spark.held_daemon` (and the
repository on the executors' PYTHONPATH, through `spark.executorEnv`), so the executors'
Python workers fork from this module instead of `pyspark.daemon`. It wraps
`checks.spark.consistency.group_findings`: before running the rules on a group, the
worker touches a `held-...` marker (its pid and task, see `marker`) in
$CHECKS_TEST_HOLD_DIR and waits until `release` appears there (at most HOLD_LIMIT
seconds, so a test that died cannot block an executor for ever). The test can then
kill the worker of a consistency task that is certainly still running, however fast
the rules are, and release the tasks once Spark has seen them fail. The rules
themselves run unchanged after the wait.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from checks.spark import consistency

HOLD_ENV = "CHECKS_TEST_HOLD_DIR"
HOLD_LIMIT = 600.0
RELEASE = "release"

GroupFindings = Callable[[Any, pd.DataFrame], pd.DataFrame]


def marker() -> str:
    """`held-PID-PARTITION-STAGE.TASK`: which Python worker holds which task."""
    from pyspark import TaskContext

    task = TaskContext.get()
    assert task is not None
    return f"held-{os.getpid()}-{task.partitionId()}-{task.stageId()}.{task.taskAttemptId()}"


def parse(name: str) -> tuple[int, int]:
    """(pid, partition) of a marker's file name."""
    _, pid, partition, _ = name.split("-")
    return int(pid), int(partition)


def held(run: GroupFindings) -> GroupFindings:
    def group_findings(context: Any, group: pd.DataFrame) -> pd.DataFrame:
        folder = Path(os.environ[HOLD_ENV])
        (folder / marker()).touch()
        deadline = time.monotonic() + HOLD_LIMIT
        while not (folder / RELEASE).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        return run(context, group)

    return group_findings


if os.environ.get(HOLD_ENV):
    # The UDF refers to group_findings by module and name: forked workers unpickle this.
    consistency.group_findings = held(consistency.group_findings)  # type: ignore[assignment]

if __name__ == "__main__":
    from pyspark import daemon

    daemon.manager()
