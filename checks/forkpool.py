"""Work over consecutive ranges of items on forked processes, results in order.

Reading article texts and rendering incident pages are both many independent pieces
of work over data the gate already holds. A pool of processes forked (Linux) after the
data is built starts with it in memory: a task names a range of items and only what
the work returns travels back. A fork server or spawned processes would import the
package again and re-run the caller's main script. The work done in a child is pure
Python (the quantity grammar, Jinja), never a library whose threads the fork leaves
behind (pyarrow's pool, Spark's gateway), and children leave with `os._exit`, so no
exit handler of the parent runs twice. When the pool cannot start or loses a process
(no fork on this OS, a worker killed for memory), the work runs in this process:
slower, never different.
"""

from __future__ import annotations

import multiprocessing
import os
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")

_WORK: Callable[[int, int], Sequence[Any]] | None = None
"""The running `map_ranges`'s work, which the forked children inherit; set only while
its pool runs."""


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the OS tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether a pool can run here: Linux's fork (macOS's is unsafe with its frameworks,
    Windows has none); elsewhere the work runs in one process."""
    return os.name == "posix" and os.uname().sysname == "Linux"


def map_ranges(
    work: Callable[[int, int], Sequence[T]], count: int, jobs: int, chunk: int, least: int = 0
) -> list[T]:
    """`work(start, stop)` over consecutive ranges of `chunk` items covering [0, count),
    concatenated in order, on up to `jobs` forked processes.

    `work` must be a pure function of its range (it may run twice when a pool breaks);
    with fewer than `least` items (below which the pool's start costs more than it
    saves), one range, one job, no fork or a pool already running, it runs here once.
    """
    global _WORK
    starts = range(0, count, max(chunk, 1))
    if jobs <= 1 or count < least or len(starts) < 2 or _WORK is not None or not can_fork():
        return list(work(0, count))
    ranges = [(start, min(start + chunk, count)) for start in starts]
    _WORK = work
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns that forking a threaded process may deadlock the child;
            # the children here touch nothing those threads hold (see the docstring).
            warnings.filterwarnings("ignore", "This process .* multi-threaded", DeprecationWarning)
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(min(jobs, len(ranges)), mp_context=context) as pool:
                parts = list(pool.map(_run, ranges))
    except (BrokenProcessPool, OSError):
        parts = [work(0, count)]
    finally:
        _WORK = None
    return [item for part in parts for item in part]


def _run(bounds: tuple[int, int]) -> Sequence[Any]:
    """In a child: the inherited work over one range."""
    assert _WORK is not None, "a child of map_ranges inherits its work"
    return _WORK(*bounds)
