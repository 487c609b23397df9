"""The verdict cache: a dataset tree's verdicts, read back only under the same key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import checks
from checks.cache.keys import gate_version, source_digest, verdicts_key
from checks.cache.store import CacheStore
from checks.cache.verdicts import VerdictCache, decode_verdicts, encode_verdicts
from checks.consistency.verdicts import CONFLICT, CONSISTENT, REVIEWED, UNCHECKED

DAY = dt.date(2026, 11, 30)
TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
VERDICTS = {"b": CONFLICT, "a": CONSISTENT, "c": REVIEWED, "d": UNCHECKED}


def test_round_trip_and_canonical_bytes() -> None:
    assert decode_verdicts(encode_verdicts(VERDICTS)) == VERDICTS
    assert encode_verdicts(VERDICTS) == encode_verdicts(dict(sorted(VERDICTS.items())))


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"\xff\xfe",
        b"[1]",
        b'[2, {"a": "consistent"}]',
        b'[1, ["a", "consistent"]]',
        b'[1, {"a": "fine"}]',
        b'[1, {"a": null}]',
        encode_verdicts(VERDICTS)[:-3],
    ],
    ids=["empty", "not-utf8", "short", "other-format", "list", "unknown-verdict", "null",
         "truncated"],
)  # fmt: skip
def test_anything_else_is_refused(payload: bytes) -> None:
    with pytest.raises(ValueError, match=r"not a"):
        decode_verdicts(payload)


def test_put_then_get(tmp_path: Path) -> None:
    cache = VerdictCache(tmp_path, DAY)
    assert cache.get(TREE) is None
    cache.put(TREE, VERDICTS)
    assert cache.get(TREE) == VERDICTS


@pytest.mark.parametrize(
    "other",
    [
        VerdictCache(Path("."), DAY + dt.timedelta(days=1)),
        VerdictCache(Path("."), DAY - dt.timedelta(days=1)),
    ],
    ids=["tomorrow", "yesterday"],
)
def test_another_day_misses(tmp_path: Path, other: VerdictCache) -> None:
    VerdictCache(tmp_path, DAY).put(TREE, VERDICTS)
    assert VerdictCache(tmp_path, other.day).get(TREE) is None
    assert VerdictCache(tmp_path, DAY).get("0" * 40) is None, "another tree misses"


def test_key_names_tree_gate_and_day() -> None:
    key = verdicts_key(TREE, gate_version(), DAY.isoformat())
    assert TREE in key
    assert gate_version() in key
    assert "2026-11-30" in key
    assert verdicts_key(TREE, "other-gate", DAY.isoformat()) != key


def test_another_gate_version_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    VerdictCache(tmp_path, DAY).put(TREE, VERDICTS)
    monkeypatch.setattr("checks.cache.verdicts.gate_version", lambda: "edited-source")
    assert VerdictCache(tmp_path, DAY).get(TREE) is None


def test_a_forged_entry_is_a_miss(tmp_path: Path) -> None:
    """An entry whose payload is not verdicts (right key, digest recomputed) is ignored."""
    key = verdicts_key(TREE, gate_version(), DAY.isoformat())
    CacheStore(tmp_path).put({key: b'[1, {"a": "trust me"}]'})
    assert VerdictCache(tmp_path, DAY).get(TREE) is None


def _package(root: Path) -> Path:
    (root / "consistency").mkdir(parents=True)
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "consistency" / "tolls.py").write_text("TOLERANCE = 2\n", encoding="utf-8")
    (root / "vocab.toml").write_text("a = 1\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("edit", "changes"),
    [
        (lambda p: (p / "consistency" / "tolls.py").write_text("TOLERANCE = 3\n"), True),
        (lambda p: (p / "vocab.toml").write_text("a = 2\n"), True),
        (lambda p: (p / "consistency" / "tolls.py").rename(p / "consistency" / "t.py"), True),
        (lambda p: (p / "consistency" / "new.py").write_text(""), True),
        (lambda p: (p / "notes.md").write_text("prose"), False),
        (lambda p: (p / "__pycache__").mkdir() or (p / "__pycache__" / "x.pyc").write_bytes(b"1"),
         False),
    ],
    ids=["nested-module", "toml", "rename", "new-module", "other-file", "bytecode"],
)  # fmt: skip
def test_source_digest_follows_every_module(
    tmp_path: Path, edit: Callable[[Path], object], changes: bool
) -> None:
    package = _package(tmp_path / "pkg")
    before = source_digest(package)
    edit(package)
    assert (source_digest(package) != before) is changes


def test_gate_version_is_the_package_digest() -> None:
    assert gate_version() == source_digest(Path(checks.__file__).parent)


def test_put_drops_the_verdicts_no_run_of_this_gate_today_can_hit(tmp_path: Path) -> None:
    stale = {
        verdicts_key(TREE, gate_version(), (DAY - dt.timedelta(days=1)).isoformat()): b"[1,{}]",
        verdicts_key(TREE, "edited-source", DAY.isoformat()): b"[1,{}]",
    }
    other_tree = verdicts_key("0" * 40, gate_version(), DAY.isoformat())
    CacheStore(tmp_path).put(stale | {other_tree: b"[1,{}]"})
    VerdictCache(tmp_path, DAY).put(TREE, VERDICTS)
    assert CacheStore(tmp_path).get([*stale, other_tree]) == {other_tree: b"[1,{}]"}
    assert VerdictCache(tmp_path, DAY).get(TREE) == VERDICTS
