"""Bounded Spark jobs: without executors a job waits forever; the gate does not.

Spark's scheduler keeps a job's tasks pending until some executor can run them, so
on a cluster whose workers are all gone (or none has the cores and memory asked
for) a job never ends. `watched` runs the engine's jobs under one job group, with a
thread that polls the driver's status tracker: when the application has had no
executor for `EXECUTOR_WAIT` seconds (CHECKS_SPARK_EXECUTOR_WAIT, default 60), it
cancels the group and the engine raises CannotRun (exit 2), one line naming the
master and the reason. Losing some executors is not an error: Spark re-runs their
tasks on the others. Local masters run tasks in the driver and are not watched.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checks.errors import CannotRun
from checks.spark.session import is_local

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

GROUP = "incident-checks"
WAIT_ENV = "CHECKS_SPARK_EXECUTOR_WAIT"
EXECUTOR_WAIT = 60.0
POLL = 0.5


def executor_wait() -> float:
    """Seconds without any executor before the jobs are cancelled."""
    text = os.environ.get(WAIT_ENV)
    if not text:
        return EXECUTOR_WAIT
    try:
        wait = float(text)
    except ValueError:
        raise CannotRun(WAIT_ENV, f"expected seconds, got {text!r}") from None
    if wait <= 0:
        raise CannotRun(WAIT_ENV, f"expected a positive number of seconds, got {text!r}")
    return wait


def executor_count(spark: SparkSession) -> int:
    """Executors registered with the driver now (the status tracker lists the driver too)."""
    infos = spark.sparkContext._jsc.sc().statusTracker().getExecutorInfos()
    return max(0, len(infos) - 1)


class Watchdog(threading.Thread):
    """Cancels the job group once there has been no executor for `wait` seconds."""

    def __init__(self, spark: SparkSession, master: str, wait: float) -> None:
        super().__init__(name="incident-checks-spark-watchdog", daemon=True)
        self.spark = spark
        self.master = master
        self.wait = wait
        self.reason: str | None = None
        self.done = threading.Event()

    def run(self) -> None:
        last_seen = time.monotonic()
        while not self.done.wait(POLL):
            try:
                executors = executor_count(self.spark)
            except Exception:  # the JVM is gone: the job fails on its own
                return
            now = time.monotonic()
            if executors:
                last_seen = now
            elif now - last_seen >= self.wait:
                self.reason = (
                    f"no Spark executor for {self.wait:g} s: the master has no live worker "
                    "with the free cores and memory the gate asks for"
                )
                with contextlib.suppress(Exception):
                    self.spark.sparkContext.cancelJobGroup(GROUP)


@contextlib.contextmanager
def watched(spark: SparkSession, master: str | None) -> Iterator[None]:
    """Run the block's Spark jobs under the watchdog (not for local masters)."""
    if master is None or is_local(master):
        yield
        return
    watchdog = Watchdog(spark, master, executor_wait())
    watchdog.start()
    try:
        yield
    except Exception:
        if watchdog.reason:
            raise CannotRun(master, watchdog.reason) from None
        raise
    finally:
        watchdog.done.set()
        watchdog.join(timeout=5)
    if watchdog.reason:  # the jobs were cancelled but the engine went on
        raise CannotRun(master, watchdog.reason)


def layer(spark: SparkSession, name: str) -> None:
    """Tag the following jobs (this thread) with the gate's group and the layer's name,
    as the Spark UI and the REST API show them; cancelling the group interrupts tasks."""
    spark.sparkContext.setJobGroup(GROUP, f"incident-checks: {name}", True)


def clear(spark: SparkSession) -> None:
    """Jobs after this one are no longer the gate's."""
    context: Any = spark.sparkContext
    context.setLocalProperty("spark.jobGroup.id", None)
    context.setLocalProperty("spark.job.description", None)
    context.setLocalProperty("spark.job.interruptOnCancel", None)
