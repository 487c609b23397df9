"""Write report files atomically: a reader never sees a half-written report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _file_mode() -> int:
    """The mode `open()` would give a new file: 0o666 less the process's umask.

    `mkstemp` creates its file 0o600 whatever the umask, and `os.replace` keeps that mode,
    so a report served from a web server or read by another account (a CI artifact
    unpacked elsewhere) was unreadable. The umask can only be read by setting it; this
    runs once, at import, before any pool of writers is forked."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


def write_text_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`; the file gets
    the mode a plain write would give it (FILE_MODE)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
