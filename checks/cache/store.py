"""One SQLite file of cache entries, safe to share between runs and never trusted.

SQLite gives what a folder of small files would have to rebuild: one file for
100,000 entries (file creation is the slow part of a cold run), atomic transactions
(a run killed mid-write leaves the previous state), and locking, so two runs sharing a
cache folder at once serialise their writes instead of corrupting them. Each entry
also carries a digest of its key and payload: a truncated or foreign entry fails it and
reads as a miss. A file that is not this cache's database (corrupt, truncated, another
program's) is replaced by an empty one. Every failure here degrades to "no cache";
the gate's findings never depend on the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

FILE_NAME = "statements.sqlite3"
SCHEMA = 1
_BUSY_SECONDS = 30.0
_BATCH = 500  # keys per SELECT (SQLite's default limit on bound parameters is 32766)


def _digest(key: str, payload: bytes) -> str:
    return hashlib.sha256(key.encode("utf-8") + b"\0" + payload).hexdigest()


class CacheStore:
    """get/put of byte payloads by key in DIR/statements.sqlite3."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / FILE_NAME
        self.rejected = 0
        """Entries read but refused (bad digest): recomputed and overwritten."""

    def get(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The payloads found for `keys` whose digest checks out."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        with self._connection() as db:
            if db is None:
                return found
            for lo in range(0, len(wanted), _BATCH):
                batch = wanted[lo : lo + _BATCH]
                marks = ",".join("?" * len(batch))
                rows = db.execute(
                    f"SELECT key, digest, payload FROM entries WHERE key IN ({marks})",
                    batch,
                ).fetchall()
                for key, digest, payload in rows:
                    if (
                        isinstance(key, str)
                        and isinstance(payload, bytes)
                        and digest == _digest(key, payload)
                    ):
                        found[key] = payload
                    else:
                        self.rejected += 1
        return found

    def put(self, entries: Mapping[str, bytes]) -> None:
        """Store entries in one transaction; a busy or broken database stores nothing."""
        if not entries:
            return
        rows = [(key, _digest(key, payload), payload) for key, payload in entries.items()]
        with self._connection() as db:
            if db is None:
                return
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO entries (key, digest, payload) VALUES (?, ?, ?)", rows
                )

    def prune(self, namespace: str, current: str) -> int:
        """Delete the entries of `namespace` (a key prefix such as "statements:") whose
        key does not start with `current` (the same namespace and this code's version):
        no run of this code can hit them, and a cache that CI restores and saves would
        otherwise carry every past version's entries for ever. The file shrinks only when
        something was deleted (VACUUM rewrites it). Returns the number deleted."""
        if not current.startswith(namespace):
            raise ValueError(f"{current!r} is not a key prefix within {namespace!r}")
        deleted = 0
        with self._connection() as db:
            if db is None:
                return 0
            with db:
                deleted = db.execute(
                    "DELETE FROM entries WHERE substr(key, 1, ?) = ? AND substr(key, 1, ?) <> ?",
                    (len(namespace), namespace, len(current), current),
                ).rowcount
            if deleted:
                db.execute("VACUUM")
        return deleted

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection | None]:
        """An open database with this cache's schema, or None when there is none to be had."""
        db = self._open()
        try:
            yield db
        except sqlite3.Error:
            # Busy past the timeout, disk full, or the file broke under us: no cache.
            pass
        finally:
            if db is not None:
                db.close()

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        for attempt in range(2):
            try:
                db = sqlite3.connect(self.path, timeout=_BUSY_SECONDS)
            except sqlite3.Error:
                return None
            try:
                if _ready(db):
                    return db
            except sqlite3.OperationalError:
                # Busy past the timeout, or I/O: no cache this time. The file may be
                # another run's, mid-write: never replace it for this.
                db.close()
                return None
            except sqlite3.DatabaseError:
                pass  # not a database
            db.close()
            if attempt == 0:
                _replace_foreign(self.path)
        return None


def _state(db: sqlite3.Connection) -> tuple[int, set[str]]:
    """(user_version, table names) of the open database, read in one statement: one
    snapshot. Read in two, a run creating the file could commit between them, and the
    reader saw a table without a version (a foreign file, to be replaced)."""
    version, names = db.execute(
        "SELECT (SELECT user_version FROM pragma_user_version),"
        " (SELECT group_concat(name, char(0)) FROM sqlite_master WHERE type = 'table')"
    ).fetchone()
    return int(version), set(names.split("\0")) if names else set()


def _ready(db: sqlite3.Connection) -> bool:
    """Create the schema in an empty file; False when the file holds something else.

    The table and the schema version are written in one IMMEDIATE transaction, after
    looking again under its write lock. Written one after the other, a second run
    opening the new file between them saw a table without a version, took the file
    for a foreign one and replaced it, losing the first run's entries (CI of stop 19:
    1,900 of 2,000 entries left by two writers)."""
    state = _state(db)
    if state == (SCHEMA, {"entries"}):
        return True
    if state != (0, set()):
        return False
    db.execute("BEGIN IMMEDIATE")
    try:
        if _state(db) == (0, set()):
            db.execute(
                "CREATE TABLE entries "
                "(key TEXT PRIMARY KEY, digest TEXT NOT NULL, payload BLOB NOT NULL)"
            )
            db.execute(f"PRAGMA user_version = {SCHEMA}")
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return _state(db) == (SCHEMA, {"entries"})


def _replace_foreign(path: Path) -> None:
    """Move a file that is not this cache aside (atomically) so a fresh one can start."""
    aside = path.with_name(f"{path.name}.foreign-{os.getpid()}")
    with contextlib.suppress(OSError):
        os.replace(path, aside)
        aside.unlink()
