"""The Apache Spark engine: the structure and consistency layers as Spark jobs.

Optional (`pip install incident-checks[spark]`): nothing here is imported by the
default gate, and `require_pyspark` turns a missing installation into exit 2.
"""

from __future__ import annotations

from checks.errors import CannotRun

INSTALL_HINT = "the spark engine needs pyspark: pip install 'incident-checks[spark]'"


def require_pyspark() -> None:
    """Raise CannotRun (exit 2) when pyspark or pandera's PySpark backend is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise CannotRun("--engine spark", INSTALL_HINT) from None
