"""`extract_statements` over many texts, on several processes when there are enough.

Reading one text never depends on another, and reading them all is most of a cold
run's grounding (the quantity grammar over every article). A pool of forked processes
spreads it over the cores. Forked, they start with the grammar compiled and the texts
in memory, so a task names a range of texts and only the statements travel back; a
fork server or spawned processes would compile the grammar again and re-run the
caller's main script. The children run only the grammar (pure Python and `regex`),
never a library whose threads the fork leaves behind (pyarrow's pool, Spark's
gateway), and they leave with `os._exit`, so no exit handler of the parent runs
twice. The statements come back in the texts' order and are the same, statement for
statement, as one process reads them (`tests/quantities/test_quantity_batch.py`).
"""

from __future__ import annotations

import multiprocessing
import os
import warnings
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from checks.quantities.conventions import Conventions
from checks.quantities.statements import Statement, extract_statements

MIN_TEXTS = 2000
"""Fewer texts than this are read in the calling process: for them the pool's start
and its results' pickling weigh more than the second core gives."""

CHUNK = 250
"""Texts per task: large enough that a task's overhead is small, small enough that
the last tasks of the pool finish close together."""

_JOB: tuple[list[str], Conventions] | None = None
"""The texts and conventions of the running `extract_many`, which the forked children
inherit; set only while its pool runs."""


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether the pool can run here: Linux's fork (macOS's is unsafe with its
    frameworks, Windows has none); elsewhere everything runs in one process."""
    return os.name == "posix" and os.uname().sysname == "Linux"


def extract_many(
    texts: Mapping[str, str],
    conventions: Conventions,
    jobs: int = 1,
    min_texts: int | None = None,
) -> dict[str, tuple[Statement, ...]]:
    """key -> the statements of its text, on up to `jobs` processes.

    With `jobs` <= 1, fewer than `min_texts` texts (default `MIN_TEXTS`) or no fork,
    everything runs here.
    When the pool cannot start or loses a process (a worker killed for memory), the
    texts are read here instead: slower, never different.
    """
    global _JOB
    keys = list(texts)
    values = [texts[key] for key in keys]
    least = MIN_TEXTS if min_texts is None else min_texts
    if jobs <= 1 or len(keys) < max(least, 2) or _JOB is not None or not can_fork():
        return dict(zip(keys, _read(values, conventions), strict=True))
    starts = range(0, len(keys), CHUNK)
    _JOB = (values, conventions)
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a threaded process may deadlock the child;
            # the children here touch nothing those threads hold (see the docstring).
            warnings.filterwarnings("ignore", "This process .* multi-threaded", DeprecationWarning)
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(min(jobs, len(starts)), mp_context=context) as pool:
                read = list(pool.map(_read_range, starts))
    except (BrokenProcessPool, OSError):
        read = [_read(values[start : start + CHUNK], conventions) for start in starts]
    finally:
        _JOB = None
    statements = [found for chunk in read for found in chunk]
    return dict(zip(keys, statements, strict=True))


def _read(texts: list[str], conventions: Conventions) -> list[tuple[Statement, ...]]:
    return [tuple(extract_statements(text, conventions)) for text in texts]


def _read_range(start: int) -> list[tuple[Statement, ...]]:
    """In a child: the statements of the inherited texts from `start` on, one chunk."""
    assert _JOB is not None, "a child of extract_many inherits its texts"
    texts, conventions = _JOB
    return _read(texts[start : start + CHUNK], conventions)
