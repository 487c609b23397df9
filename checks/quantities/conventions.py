"""The defaults table that turns qualifiers and vague words into intervals.

The values live in ``conventions.toml`` (with the sources: ACLED codes "tens",
"dozens", "hundreds" as 10, 12, 100 -- the conservative figure, used here as
the LOW bound; UCDP's low/best/high estimates give the interval shape).  They
are data, not code, so a dataset's rules file can override any entry with
:meth:`Conventions.with_overrides` without touching the grammar.
"""

from __future__ import annotations

import copy
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

_TOML = Path(__file__).with_name("conventions.toml")

#: Keys each rule table accepts, and whether the value may be fractional.
_RULE_KEYS: dict[str, dict[str, type]] = {
    "more_than": {},
    "at_least": {},
    "at_most": {"low": int},
    "fewer_than": {"low": int},
    "nearly": {"relative": float, "absolute": int},
    "approximately": {"relative": float, "absolute": int},
}
_VAGUE_KEYS = ("low", "high")


def _check_number(key: str, value: object, kind: type) -> None:
    """Refuse bools, wrong types, NaN and negatives, naming the key."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"conventions: {key} must be a number, got {value!r}")
    if kind is int and not isinstance(value, int):
        raise ValueError(f"conventions: {key} must be an integer, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"conventions: {key} must be finite, got {value!r}")
    if value < 0:
        raise ValueError(f"conventions: {key} must not be negative, got {value!r}")


def _validate(table: Mapping[str, Any]) -> None:
    """Check a whole (merged) table; every message names the offending key."""
    for name, body in table.items():
        if name == "vague":
            if not isinstance(body, Mapping):
                raise ValueError("conventions: vague must be a table")
            for word, entry in body.items():
                key = f"vague.{word}"
                if not isinstance(entry, Mapping):
                    raise ValueError(f"conventions: {key} must be a table")
                for sub in entry:
                    if sub not in _VAGUE_KEYS:
                        raise ValueError(f"conventions: unknown key {key}.{sub}")
                if "low" not in entry:
                    raise ValueError(f"conventions: {key}.low is required")
                _check_number(f"{key}.low", entry["low"], int)
                high = entry.get("high")
                if high is not None:
                    _check_number(f"{key}.high", high, int)
                    if high < entry["low"]:
                        raise ValueError(f"conventions: {key}.high is below {key}.low")
            continue
        if name not in _RULE_KEYS:
            raise ValueError(f"conventions: unknown key {name}")
        if not isinstance(body, Mapping):
            raise ValueError(f"conventions: {name} must be a table")
        for sub, value in body.items():
            kind = _RULE_KEYS[name].get(sub)
            if kind is None:
                raise ValueError(f"conventions: unknown key {name}.{sub}")
            _check_number(f"{name}.{sub}", value, kind)


def _merge(base: dict[str, Any], over: Mapping[str, Any], path: str) -> None:
    """Deep-merge ``over`` into ``base``; unknown keys are refused here too."""
    for key, value in over.items():
        if not isinstance(key, str):
            raise ValueError(f"conventions: key {key!r} under {path or 'top'} is not a string")
        full = f"{path}.{key}" if path else key
        # a vague entry without "high" is open-ended; an override may close it
        if key not in base and not (path.startswith("vague.") and key in _VAGUE_KEYS):
            raise ValueError(f"conventions: unknown key {full}")
        if isinstance(base.get(key), dict):
            if not isinstance(value, Mapping):
                raise ValueError(f"conventions: {full} must be a table")
            if path == "vague" and "high" in value and value["high"] is None:
                base[key].pop("high", None)
                value = {k: v for k, v in value.items() if k != "high"}
            _merge(base[key], value, full)
        else:
            base[key] = value


@cache
def _default_table() -> dict[str, Any]:
    with _TOML.open("rb") as fh:
        table = tomllib.load(fh)
    _validate(table)
    return table


@dataclass(frozen=True)
class Conventions:
    """Interval rules; build with :meth:`default` or :meth:`with_overrides`."""

    at_most_low: int
    fewer_than_low: int
    nearly_relative: float
    nearly_absolute: int
    approximately_relative: float
    approximately_absolute: int
    vague: tuple[tuple[str, int, int | None], ...]

    @classmethod
    def default(cls) -> Conventions:
        """The shipped table from ``conventions.toml``."""
        return _DEFAULT

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> Conventions:
        """Build from a full, already-merged table (validated here)."""
        _validate(table)
        vague = tuple(
            (word, int(entry["low"]), None if entry.get("high") is None else int(entry["high"]))
            for word, entry in table["vague"].items()
        )
        return cls(
            at_most_low=int(table["at_most"]["low"]),
            fewer_than_low=int(table["fewer_than"]["low"]),
            nearly_relative=float(table["nearly"]["relative"]),
            nearly_absolute=int(table["nearly"]["absolute"]),
            approximately_relative=float(table["approximately"]["relative"]),
            approximately_absolute=int(table["approximately"]["absolute"]),
            vague=vague,
        )

    def to_table(self) -> dict[str, Any]:
        """The nested-mapping form (same shape as ``conventions.toml``)."""
        vague: dict[str, dict[str, int]] = {}
        for word, low, high in self.vague:
            entry = {"low": low}
            if high is not None:
                entry["high"] = high
            vague[word] = entry
        return {
            "more_than": {},
            "at_least": {},
            "at_most": {"low": self.at_most_low},
            "fewer_than": {"low": self.fewer_than_low},
            "nearly": {"relative": self.nearly_relative, "absolute": self.nearly_absolute},
            "approximately": {
                "relative": self.approximately_relative,
                "absolute": self.approximately_absolute,
            },
            "vague": vague,
        }

    def with_overrides(self, overrides: Mapping[str, Any]) -> Conventions:
        """A copy with entries replaced, e.g. ``{"vague": {"dozens": {"low": 24}}}``.

        Raises ValueError naming the key for unknown keys, negative numbers and
        wrong types, so a bad rules file fails loudly instead of silently
        changing what "dozens" means.
        """
        if not isinstance(overrides, Mapping):
            raise ValueError("conventions: overrides must be a mapping")
        table = copy.deepcopy(self.to_table())
        _merge(table, overrides, "")
        return Conventions.from_table(table)

    def vague_interval(self, word: str) -> tuple[int, int | None]:
        """[low, high] for a vague word (key as written in the table)."""
        for name, low, high in self.vague:
            if name == word:
                return low, high
        raise KeyError(word)


_DEFAULT = Conventions.from_table(_default_table())
