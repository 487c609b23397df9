"""Incident pages written on the fork pool are the files one process writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks.forkpool import can_fork
from checks.reports import html
from checks.reports.atomic import write_text_atomic
from checks.reports.write import write_reports
from checks.review import review
from checks.synth.generate import generate
from tests.conftest import tree_hashes

pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool needs Linux's fork")


@pytest.mark.parametrize("jobs", [2, 3])
def test_pages_on_the_pool_are_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A generated dataset with planted defects (every page written: it is small), the
    threshold lowered; each page's writer leaves its pid, so the test knows the pool
    wrote them."""
    done = review(generate(tmp_path / "gen", 40, seed=4).dataset, None)
    monkeypatch.setattr(html, "MIN_PAGES", 2)
    monkeypatch.setattr(html, "CHUNK", 3)
    writers = tmp_path / "writers"
    original = write_text_atomic

    def signed(path: Path, text: str) -> None:
        (writers / path.parent.name).mkdir(parents=True, exist_ok=True)
        (writers / path.parent.name / str(os.getpid())).touch()
        original(path, text)

    monkeypatch.setattr(html, "write_text_atomic", signed)
    trees = {}
    for run_jobs in (1, jobs):
        out = tmp_path / f"jobs{run_jobs}"
        write_reports(done, out, jobs=run_jobs)
        trees[run_jobs] = tree_hashes(out)
        pages = {int(pid) for pid in os.listdir(writers / "incidents")}
        if run_jobs == 1:
            assert pages == {os.getpid()}
        else:
            assert os.getpid() not in pages
            assert len(pages) >= 2
        (writers / "incidents").rename(writers / f"incidents-{run_jobs}")
    assert len([p for p in trees[1] if p.startswith("incidents/")]) == 40
    assert trees[1] == trees[jobs]
