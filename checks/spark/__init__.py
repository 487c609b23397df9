"""The Apache Spark engine: the structure and consistency layers as Spark jobs.

Optional (`pip install incident-checks[spark]`): nothing here is imported by the
default gate, and `require_pyspark` turns a missing or unusable installation into
exit 2 instead of a traceback.
"""

from __future__ import annotations

from checks.errors import CannotRun

INSTALL_HINT = "the spark engine needs pyspark: pip install 'incident-checks[spark]'"


def require_pyspark() -> None:
    """Raise CannotRun (exit 2) when pyspark or pandera's PySpark backend cannot load."""
    from checks.spark.session import quiet_warnings

    quiet_warnings()
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise CannotRun("--engine spark", INSTALL_HINT) from None
    try:
        import pandera.pyspark  # noqa: F401
    except ImportError as exc:  # e.g. pandas 3.1, which pyspark.pandas cannot import
        raise CannotRun(
            "--engine spark", f"pandera's PySpark backend does not load ({exc}); {INSTALL_HINT}"
        ) from None
