"""`map_ranges`: the ranges cover every item once, in order, on other processes, and a
lost worker or a single range leaves the work to this process."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import forkpool
from checks.forkpool import can_fork, map_ranges, usable_cpus

pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool needs Linux's fork")


def _numbered(start: int, stop: int) -> list[tuple[int, int]]:
    """(item, pid of the process that did it)."""
    return [(item, os.getpid()) for item in range(start, stop)]


@settings(max_examples=12, deadline=None)
@given(count=st.integers(0, 60), chunk=st.integers(1, 25), jobs=st.integers(1, 3))
def test_ranges_cover_every_item_once_in_order(count: int, chunk: int, jobs: int) -> None:
    done = map_ranges(_numbered, count, jobs, chunk)
    assert [item for item, _ in done] == list(range(count))
    pids = {pid for _, pid in done}
    if jobs > 1 and count > chunk:
        assert os.getpid() not in pids
    else:
        assert pids <= {os.getpid()}
    assert forkpool._WORK is None


@pytest.mark.parametrize(("count", "least", "pooled"), [(39, 40, False), (40, 40, True)])
def test_fewer_items_than_least_are_done_here(count: int, least: int, pooled: bool) -> None:
    pids = {pid for _, pid in map_ranges(_numbered, count, 2, 10, least=least)}
    assert (os.getpid() not in pids) is pooled


def test_the_inherited_data_needs_no_pickling() -> None:
    """The work is a closure over data built here (unpicklable: a lambda inside)."""
    data = [lambda: n for n in range(30)]  # noqa: B023  (each lambda is only called for identity)
    done = map_ranges(lambda a, b: [id(f) for f in data[a:b]], 30, 2, 7)
    assert done == [id(f) for f in data]  # fork keeps addresses: the children saw these


def test_a_lost_worker_leaves_the_work_to_this_process() -> None:
    parent = os.getpid()

    def work(start: int, stop: int) -> list[int]:
        if os.getpid() != parent:
            os._exit(9)  # as the kernel's OOM killer would end a worker
        return list(range(start, stop))

    assert map_ranges(work, 100, 2, 10) == list(range(100))
    assert forkpool._WORK is None


def test_an_error_in_the_work_is_raised_here() -> None:
    def work(start: int, stop: int) -> list[int]:
        raise ValueError(f"bad range {start}")

    with pytest.raises(ValueError, match="bad range"):
        map_ranges(work, 40, 2, 10)
    assert forkpool._WORK is None


def test_usable_cpus_is_at_least_one() -> None:
    assert usable_cpus() >= 1
