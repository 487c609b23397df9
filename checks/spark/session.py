"""One SparkSession per process: local[2] unless a master URL is given, quiet, Arrow on.

Executors run this package's code (grouped pandas UDFs), so their Python must be the
one running the gate: PYSPARK_PYTHON defaults to this interpreter. On a real cluster,
install incident-checks[spark] on the executors as well.

Start-up is bounded: a `spark://` master that does not accept a TCP connection within
CONNECT_TIMEOUT seconds, or a Spark that cannot start at all, is a one-line CannotRun
(exit 2) naming the master. The driver JVM's own log (start-up banners, executor-loss
warnings) goes to $CHECKS_SPARK_LOG when set, else nowhere, so the gate's stderr
holds only the gate's lines. `CHECKS_SPARK_CONF` adds Spark settings
(`key=value` pairs separated by spaces, e.g. `spark.executor.memory=2g`) after the
gate's defaults.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checks.errors import CannotRun

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[2]"
CONNECT_TIMEOUT = 10.0
"""Seconds to wait for a standalone master to accept a connection."""
CONF_ENV = "CHECKS_SPARK_CONF"
LOG_ENV = "CHECKS_SPARK_LOG"

CONFIG = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.session.timeZone": "UTC",
}
"""Small shuffles suit one machine; the UI and INFO logging are noise for a gate."""


def quiet_warnings() -> None:
    """pyspark warns on every import that pandas 3 is 'not fully supported'; the engine
    runs its own equivalence tests against the pandas engine instead."""
    warnings.filterwarnings("ignore", message=".*does not yet fully support pandas.*")


def is_local(master: str | None) -> bool:
    """True for local[...] masters, where tasks run in the driver (no executors to lose)."""
    return master is None or master == "local" or master.startswith("local[")


def extra_config() -> dict[str, str]:
    """Settings from $CHECKS_SPARK_CONF; a malformed entry is a CannotRun."""
    settings: dict[str, str] = {}
    for item in os.environ.get(CONF_ENV, "").split():
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise CannotRun(CONF_ENV, f"expected key=value, got {item!r}")
        settings[key] = value
    return settings


def spark_session(master: str | None = None) -> SparkSession:
    """Get or create the session (`master` defaults to local[2])."""
    quiet_warnings()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYARROW_IGNORE_TIMEZONE", "1")
    from pyspark.sql import SparkSession

    url = master or DEFAULT_MASTER
    if url.startswith("spark://"):
        require_reachable(url)
    builder = SparkSession.builder.master(url).appName("incident-checks")
    for key, value in {**CONFIG, **extra_config()}.items():
        builder = builder.config(key, value)
    try:
        with _driver_log():
            session = builder.getOrCreate()
    except Exception as exc:  # the gateway JVM did not start, or the master refused us
        raise CannotRun(url, f"cannot start Spark: {_first_line(exc)}") from None
    session.sparkContext.setLogLevel("ERROR")
    return session


def require_reachable(url: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """CannotRun unless one of the master URL's host:port accepts a TCP connection."""
    failures = []
    for address in url.removeprefix("spark://").split(","):
        host, _, port = address.rpartition(":")
        try:
            with socket.create_connection((host, int(port)), timeout=timeout):
                return
        except (OSError, ValueError) as exc:
            failures.append(f"{address}: {exc.strerror if isinstance(exc, OSError) else exc}")
    raise CannotRun(url, f"cannot reach the Spark master ({'; '.join(failures)})")


@contextlib.contextmanager
def _driver_log() -> Iterator[None]:
    """Point file descriptor 2 at $CHECKS_SPARK_LOG (or /dev/null) while the driver JVM
    starts, so the JVM inherits that as its stderr; the gate's own stderr is restored."""
    target = os.environ.get(LOG_ENV) or os.devnull
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(target, "ab") as log:
            os.dup2(log.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
