"""Both engines on one dataset folder: their results.json documents must be equal."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from checks.pipeline import run_gate
from checks.reports.json_report import result_document

TODAY = dt.date(2026, 11, 22)


def documents(root: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """results.json of both engines (as JSON round-trips them)."""
    pandas_doc = result_document(run_gate(root, None, today=TODAY).result)
    spark_doc = result_document(run_gate(root, None, today=TODAY, engine="spark").result)
    return _json(pandas_doc), _json(spark_doc)


def _json(document: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(document, default=str, ensure_ascii=False))
    return loaded


def assert_same(root: Path) -> dict[str, Any]:
    pandas_doc, spark_doc = documents(root)
    if pandas_doc != spark_doc:
        key = lambda f: json.dumps(f, sort_keys=True)  # noqa: E731
        only_pandas = sorted(map(key, pandas_doc["findings"]))
        only_spark = sorted(map(key, spark_doc["findings"]))
        diff = sorted(set(only_pandas) ^ set(only_spark))
        pytest.fail(f"engines differ: {len(diff)} findings differ, e.g. {diff[:3]}")
    return spark_doc
