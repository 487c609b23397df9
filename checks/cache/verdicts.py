"""Each incident's verdict for a committed state of a dataset, through the cache.

`validate --base REF` needs to know which incidents were in conflict at REF. Working
that out means checking the base dataset in full (every layer but GX), which costs as
much as the run under review. Yet the base of a pull request is almost always a state
the gate has already checked (the run on the base branch's last push, or the previous
push of the same pull request). So the verdicts of every run on a committed, clean
dataset folder are kept under its git tree id, and `--base` reads them back when the
base's tree, the gate's source and the day all match; any miss checks the base in
full, as before, and stores what it found.

A tree id names the folder's exact content: two trees with the same id hold the same
bytes, so a hit can never stand for another dataset. Entries are JSON checked on the
way in, like the statements: anything else is a miss.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from checks.cache.keys import VERDICTS, gate_version, verdicts_key, verdicts_version
from checks.cache.store import CacheStore
from checks.consistency.verdicts import CONFLICT, CONSISTENT, REVIEWED, UNCHECKED

FORMAT = 1
_VERDICTS = frozenset({CONFLICT, CONSISTENT, REVIEWED, UNCHECKED})


def encode_verdicts(verdicts: Mapping[str, str]) -> bytes:
    """incident_id -> verdict as compact JSON, sorted so equal maps give equal bytes."""
    body = [FORMAT, dict(sorted(verdicts.items()))]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_verdicts(payload: bytes) -> dict[str, str]:
    """What `encode_verdicts` wrote; ValueError for anything else."""
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a cache entry: {exc}") from None
    if not (isinstance(data, list) and len(data) == 2 and data[0] == FORMAT):
        raise ValueError("not a verdicts entry of this format")
    verdicts = data[1]
    if not isinstance(verdicts, dict):
        raise ValueError("verdicts are not a mapping")
    for incident_id, verdict in verdicts.items():
        if not isinstance(incident_id, str) or verdict not in _VERDICTS:
            raise ValueError(f"not a verdict: {incident_id!r} -> {verdict!r}")
    return verdicts


@dataclass(frozen=True, slots=True)
class VerdictCache:
    """Verdicts by dataset tree, for the day the checks ran for."""

    folder: Path
    day: dt.date

    def _key(self, tree: str) -> str:
        return verdicts_key(tree, gate_version(), self.day.isoformat())

    def get(self, tree: str) -> dict[str, str] | None:
        """The verdicts stored for `tree`, or None (never stored, or not trusted)."""
        key = self._key(tree)
        payload = CacheStore(self.folder).get([key]).get(key)
        if payload is None:
            return None
        try:
            return decode_verdicts(payload)
        except ValueError:
            return None

    def put(self, tree: str, verdicts: Mapping[str, str]) -> None:
        """Keep the verdicts of the dataset whose folder is the git tree `tree`, and drop
        those of other gate versions or other days (no run of this code for this day
        can hit them)."""
        store = CacheStore(self.folder)
        store.put({self._key(tree): encode_verdicts(verdicts)})
        store.prune(VERDICTS, verdicts_version(gate_version(), self.day.isoformat()))
