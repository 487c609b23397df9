"""The store never trusts what it reads and never breaks the run that uses it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from checks.cache.store import FILE_NAME, CacheStore, _ready


def test_put_then_get(tmp_path: Path) -> None:
    store = CacheStore(tmp_path / "c")
    store.put({"a": b"1", "b": b"22"})
    assert store.get(["a", "b", "missing"]) == {"a": b"1", "b": b"22"}
    assert store.rejected == 0


def test_many_keys_are_read_in_batches(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    entries = {f"k{i}": str(i).encode() for i in range(1_234)}
    store.put(entries)
    assert store.get(entries) == entries


def test_an_entry_whose_payload_was_changed_is_a_miss(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    store.put({"a": b"original", "b": b"kept"})
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("UPDATE entries SET payload = ? WHERE key = 'a'", (b"origin",))
    assert store.get(["a", "b"]) == {"b": b"kept"}
    assert store.rejected == 1


def test_an_entry_copied_under_another_key_is_a_miss(tmp_path: Path) -> None:
    """A foreign entry: the right digest for its payload, but of another key."""
    store = CacheStore(tmp_path)
    store.put({"a": b"of a"})
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("INSERT INTO entries SELECT 'b', digest, payload FROM entries WHERE key = 'a'")
    assert store.get(["a", "b"]) == {"a": b"of a"}
    assert store.rejected == 1


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all\n" * 100, b"SQLite format 3\x00" + b"\x00" * 50],
)
def test_a_file_that_is_not_the_cache_is_replaced(tmp_path: Path, content: bytes) -> None:
    (tmp_path / FILE_NAME).write_bytes(content)
    store = CacheStore(tmp_path)
    assert store.get(["a"]) == {}
    store.put({"a": b"1"})
    assert CacheStore(tmp_path).get(["a"]) == {"a": b"1"}


def test_a_truncated_database_is_replaced(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    store.put({f"k{i}": os.urandom(2_000) for i in range(200)})
    path = tmp_path / FILE_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    fresh = CacheStore(tmp_path)
    fresh.get([f"k{i}" for i in range(200)])  # whatever survives must check out
    fresh.put({"new": b"1"})
    assert CacheStore(tmp_path).get(["new"]) == {"new": b"1"}


def test_another_programs_database_is_replaced(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('mine')")
    store = CacheStore(tmp_path)
    store.put({"a": b"1"})
    assert store.get(["a"]) == {"a": b"1"}


def test_a_folder_that_cannot_be_created_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    store = CacheStore(blocker / "cache")
    store.put({"a": b"1"})
    assert store.get(["a"]) == {}


# Each writer is its own Python process, as two gate runs sharing a cache would be.
WRITER = """
import sys
from pathlib import Path
from checks.cache.store import CacheStore

folder, worker = Path(sys.argv[1]), int(sys.argv[2])
store = CacheStore(folder)
for round_ in range(20):
    store.put({f"w{worker}-{round_}-{i}": f"{worker}:{i}".encode() for i in range(50)})
    store.get([f"w{1 - worker}-{round_}-{i}" for i in range(50)])
"""


def test_two_runs_writing_at_once_leave_every_entry_intact(tmp_path: Path) -> None:
    workers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(w)]) for w in (0, 1)
    ]
    for worker in workers:
        assert worker.wait(timeout=300) == 0
    keys = [f"w{w}-{r}-{i}" for w in (0, 1) for r in range(20) for i in range(50)]
    found = CacheStore(tmp_path).get(keys)
    assert len(found) == len(keys)
    assert found["w1-19-49"] == b"1:49"
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# Runs that open a new cache folder at the same moment: each writes at once.
OPENER = """
import sys
from pathlib import Path
from checks.cache.store import CacheStore

folder, worker, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
while not go.exists():
    pass
CacheStore(folder).put({f"first-{worker}": worker.encode()})
"""


def test_runs_creating_the_cache_at_once_keep_each_others_entries(tmp_path: Path) -> None:
    """The schema is created atomically: no run takes a half-created file for a foreign
    one and replaces it (which lost the other run's first entries)."""
    for attempt in range(6):
        folder, go = tmp_path / f"cache-{attempt}", tmp_path / f"go-{attempt}"
        workers = [
            subprocess.Popen([sys.executable, "-c", OPENER, str(folder), str(w), str(go)])
            for w in range(3)
        ]
        go.touch()
        for worker in workers:
            assert worker.wait(timeout=120) == 0
        found = CacheStore(folder).get([f"first-{w}" for w in range(3)])
        assert found == {f"first-{w}": str(w).encode() for w in range(3)}, attempt


def test_the_schema_is_created_in_one_transaction(tmp_path: Path) -> None:
    """Table and version in one IMMEDIATE transaction, so no other run ever sees a table
    without a version (which it would replace as foreign)."""
    db = sqlite3.connect(tmp_path / FILE_NAME)
    seen: list[str] = []
    db.set_trace_callback(seen.append)
    assert _ready(db)
    db.close()

    def at(prefix: str) -> int:
        return next(i for i, statement in enumerate(seen) if statement.startswith(prefix))

    begin, commit = at("BEGIN IMMEDIATE"), at("COMMIT")
    assert begin < at("CREATE TABLE entries") < commit
    assert begin < at("PRAGMA user_version = ") < commit


def test_prune_drops_other_versions_within_one_namespace_only(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    old = {"statements:g1:c1:t": b"x" * 1_000_000}
    kept = {
        "statements:g2:c1:t": b"1",
        "statements:g2:c9:u": b"2",  # the same grammar, other conventions
        "verdicts:g1:2026-11-30:t": b"3",  # another namespace
    }
    store.put(old | kept)
    size = (tmp_path / FILE_NAME).stat().st_size
    assert store.prune("statements:", "statements:g2:") == 1
    assert store.get([*old, *kept]) == kept
    assert (tmp_path / FILE_NAME).stat().st_size < size - 500_000, "VACUUM gave the space back"


def test_prune_with_nothing_stale_deletes_nothing(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    entries = {"statements:g2:c1:t": b"1", "statements:g2x:c1:t": b"2"}
    store.put(entries)
    assert store.prune("statements:", "statements:g2x:") == 1, "g2: is not a prefix of g2x:"
    assert store.prune("statements:", "statements:g2x:") == 0
    assert store.get(entries) == {"statements:g2x:c1:t": b"2"}


def test_prune_refuses_a_version_outside_its_namespace(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a key prefix"):
        CacheStore(tmp_path).prune("statements:", "verdicts:g1:")
