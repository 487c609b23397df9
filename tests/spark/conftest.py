"""One local[2] SparkSession for every Spark test (start-up costs seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """The session the engine will also get (SparkSession.getOrCreate)."""
    pytest.importorskip("pyspark")
    from checks.spark.session import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()
