"""The collector is paused inside the block and left as it was found, even on error."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import nullcontext

import pytest

from checks.gcpause import collector_paused


@pytest.fixture
def collector_state() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_state")
@pytest.mark.parametrize("enabled_before", [True, False])
@pytest.mark.parametrize("fails", [False, True])
def test_paused_inside_and_restored_after(enabled_before: bool, fails: bool) -> None:
    if enabled_before:
        gc.enable()
    else:
        gc.disable()
    inside: list[bool] = []
    with pytest.raises(RuntimeError) if fails else nullcontext(), collector_paused():
        inside.append(gc.isenabled())
        if fails:
            raise RuntimeError("the block failed")
    assert inside == [False]
    assert gc.isenabled() is enabled_before
