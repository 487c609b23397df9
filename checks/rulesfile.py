"""The dataset's rules file (`rules.toml`): tolerances, severities, date bounds, conventions.

Read strictly: an unknown key, a wrong type or a negative tolerance stops the run
(exit 2) naming the key, because a silently ignored typo would loosen the gate.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks.errors import CannotRun
from checks.findings import Severity
from checks.loading.csvtable import decode_utf8

RULES_FILE = "rules.toml"
DEFAULT_EARLIEST = dt.date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far two figures may differ and still agree: max(absolute, relative * value)."""

    absolute: float = 0.0
    relative: float = 0.0


@dataclass(frozen=True, slots=True)
class Rules:
    """The parsed rules file, with every default filled in."""

    earliest_date: dt.date = DEFAULT_EARLIEST
    tolerances: Mapping[str, Tolerance] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    quantities: Mapping[str, Any] = field(default_factory=dict)

    def tolerance(self, field_name: str) -> Tolerance:
        """The tolerance of a claim field, falling back to `[tolerance.default]`."""
        return self.tolerances.get(field_name, self.tolerances.get("default", Tolerance()))


regex_position = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
"""tomllib (before 3.14) only puts the position in the message text."""

_TOP_LEVEL = {"dates", "tolerance", "severity", "quantities"}


def _line_of(text: str, key: str) -> int | None:
    """The first line that defines `key`: tomllib keeps no positions, so search the text."""
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip().strip("[]").strip()
        if stripped.startswith(f'"{key}"') or stripped.split("=")[0].strip() == key:
            return number
        if stripped.endswith(f".{key}") or stripped == key:
            return number
    return None


def load_rules(path: Path, known_rule_ids: set[str]) -> Rules:
    """Read `path` (absent: all defaults) into `Rules`, or raise CannotRun naming the key."""
    if not path.exists():
        return Rules()
    if not path.is_file():
        raise CannotRun(path, "the rules file is not a regular file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CannotRun(path, f"cannot read the rules file: {exc.strerror}") from None
    text = decode_utf8(path, raw)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = regex_position.search(str(exc))
        reason = regex_position.sub("", str(exc)).strip()
        line, col = (int(where[1]), int(where[2])) if where else (None, None)
        raise CannotRun(path, f"invalid TOML: {reason}", line=line, column=col) from None

    def fail(key: str, message: str, search: str | None = None) -> CannotRun:
        return CannotRun(
            path, f"{key}: {message}", line=_line_of(text, search or key.split(".")[-1])
        )

    for key in data:
        if key not in _TOP_LEVEL:
            raise fail(key, f"unknown key (allowed: {', '.join(sorted(_TOP_LEVEL))})")

    earliest = DEFAULT_EARLIEST
    dates = _table(data, "dates", fail)
    for key, value in dates.items():
        if key != "earliest":
            raise fail(f"dates.{key}", "unknown key (allowed: earliest)")
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date | str):
            raise fail("dates.earliest", "must be a date such as 1990-01-01")
        try:
            earliest = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        except ValueError:
            raise fail("dates.earliest", f"not an ISO date: {value!r}") from None

    tolerances: dict[str, Tolerance] = {}
    for name, spec in _table(data, "tolerance", fail).items():
        if not isinstance(spec, dict):
            raise fail(f"tolerance.{name}", "must be a table with absolute and relative")
        values: dict[str, float] = {}
        for key, value in spec.items():
            if key not in ("absolute", "relative"):
                raise fail(f"tolerance.{name}.{key}", "unknown key (allowed: absolute, relative)")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise fail(f"tolerance.{name}.{key}", f"must be a number, got {value!r}")
            if not math.isfinite(value):
                raise fail(f"tolerance.{name}.{key}", f"must be a finite number, got {value}")
            if value < 0:
                raise fail(f"tolerance.{name}.{key}", f"must not be negative, got {value}")
            values[key] = float(value)
        tolerances[name] = Tolerance(**values)

    severity: dict[str, Severity] = {}
    for rule_id, value in _table(data, "severity", fail).items():
        if rule_id not in known_rule_ids:
            raise fail(
                f"severity.{rule_id}", "no rule has this id (see the README's rule list)", rule_id
            )
        if value not in ("error", "warning", "notice"):
            raise fail(
                f"severity.{rule_id}",
                f"must be 'error', 'warning' or 'notice', got {value!r}",
                rule_id,
            )
        severity[rule_id] = Severity(value)

    return Rules(
        earliest_date=earliest,
        tolerances=tolerances,
        severity=severity,
        quantities=_table(data, "quantities", fail),
    )


def _table(data: Mapping[str, Any], key: str, fail: Any) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise fail(key, "must be a table")
    return value
