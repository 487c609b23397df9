"""One SparkSession per process: local[2] unless a master URL is given, quiet, Arrow on.

Executors run this package's code (grouped pandas UDFs), so their Python must be the
one running the gate: PYSPARK_PYTHON defaults to this interpreter. On a real cluster,
install incident-checks[spark] on the executors as well.
"""

from __future__ import annotations

import os
import sys
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[2]"

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


def spark_session(master: str | None = None) -> SparkSession:
    """Get or create the session (`master` defaults to local[2])."""
    quiet_warnings()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYARROW_IGNORE_TIMEZONE", "1")
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master or DEFAULT_MASTER).appName("incident-checks")
    for key, value in CONFIG.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
