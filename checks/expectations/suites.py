"""Read the suites in expectations/*.json (GX 1.x suite JSON) and check their shape.

The suites are reviewed like code, so a malformed one stops the run (CannotRun names
the file) instead of GX silently dropping an expectation it cannot build.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks.errors import CannotRun
from checks.findings import Severity

SUITE_NAMES = ("articles", "incidents", "claims", "actors", "consistency_results")
"""One suite per table plus the derived consistency_results batch; file = <name>.json."""

SEVERITIES: dict[str, Severity | None] = {
    "critical": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": None,
}
"""GX 1.x expectation severity -> gate severity; `info` is shown in Data Docs only."""


@dataclass(frozen=True, slots=True)
class SuiteSpec:
    """One suite file: its name (= the batch it validates), path and raw JSON document."""

    name: str
    path: Path
    document: Mapping[str, Any]

    @property
    def expectations(self) -> list[Mapping[str, Any]]:
        """The expectation configurations, in file order."""
        return list(self.document["expectations"])

    def columns(self) -> set[str]:
        """Every column any expectation of the suite names."""
        names: set[str] = set()
        for exp in self.expectations:
            kwargs = exp.get("kwargs", {})
            for key in ("column", "column_A", "column_B"):
                if isinstance(kwargs.get(key), str):
                    names.add(kwargs[key])
            names.update(kwargs.get("column_list") or ())
        return names


def _check_expectation(path: Path, index: int, exp: Any) -> None:
    where = f"expectation #{index + 1}"
    if not isinstance(exp, dict):
        raise CannotRun(path, f"{where} is not a JSON object")
    if not isinstance(exp.get("type"), str) or not exp["type"].startswith("expect_"):
        raise CannotRun(path, f"{where} has no 'type' naming an expect_* expectation")
    if not isinstance(exp.get("kwargs", {}), dict):
        raise CannotRun(path, f"{where} ({exp['type']}): 'kwargs' must be an object")
    severity = exp.get("severity", "critical")
    if severity not in SEVERITIES:
        raise CannotRun(
            path, f"{where} ({exp['type']}): severity {severity!r} is not one of {list(SEVERITIES)}"
        )


def load_suite_specs(suites_dir: Path) -> list[SuiteSpec]:
    """The suites of `suites_dir`, in SUITE_NAMES order; raises CannotRun on a bad file."""
    specs: list[SuiteSpec] = []
    for name in SUITE_NAMES:
        path = suites_dir / f"{name}.json"
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CannotRun(path, "expectation suite not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CannotRun(path, f"cannot read expectation suite: {exc}") from None
        except json.JSONDecodeError as exc:
            raise CannotRun(
                path, f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
            ) from None
        if not isinstance(document, dict):
            raise CannotRun(path, "an expectation suite is a JSON object")
        if document.get("name") != name:
            raise CannotRun(path, f"suite 'name' must be {name!r}, the file's name")
        expectations = document.get("expectations")
        if not isinstance(expectations, list) or not expectations:
            raise CannotRun(path, "'expectations' must be a non-empty list")
        for index, exp in enumerate(expectations):
            _check_expectation(path, index, exp)
        specs.append(SuiteSpec(name=name, path=path, document=document))
    return specs
