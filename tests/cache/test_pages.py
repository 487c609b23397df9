"""Incident pages through the cache: the report folder is the same with a warm cache, a
cold one and none, and a page is rendered again exactly when what it shows changed."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from checks.cache import pages as page_cache
from checks.cache.keys import PAGES, pages_version
from checks.cache.pages import PageCache, incident_page_key
from checks.cache.store import CacheStore
from checks.forkpool import can_fork
from checks.reports import html
from checks.reports.views import incident_slug
from checks.reports.write import write_reports
from checks.review import Review, review
from checks.synth.generate import generate
from tests.conftest import REPO, REPORTING, SEED, read_rows, tree_hashes, write_rows


class Rendered:
    """Pages rendered with a cache (each is packed for it), counted by a file per page so
    that pages the pool's children render are counted too."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        folder.mkdir(parents=True)
        original = page_cache.pack

        def counting(text: str) -> bytes:
            tempfile.mkstemp(dir=folder)
            return original(text)

        monkeypatch.setattr(page_cache, "pack", counting)

    def __len__(self) -> int:
        return len(os.listdir(self.folder))


def pages_of(tree: dict[str, str]) -> dict[str, str]:
    return {path: digest for path, digest in tree.items() if path.startswith("incidents/")}


@pytest.mark.parametrize("root", [SEED, REPORTING], ids=["seed", "reporting"])
def test_shipped_reports_same_without_cold_and_warm(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = review(root, None)
    rendered = Rendered(tmp_path / "rendered", monkeypatch)
    write_reports(done, tmp_path / "none")
    assert len(rendered) == 0  # no cache: nothing packed
    cache = tmp_path / "cache"
    write_reports(done, tmp_path / "cold", cache_dir=cache)
    pages = len(pages_of(tree_hashes(tmp_path / "cold")))
    assert len(rendered) == pages > 0
    write_reports(done, tmp_path / "warm", cache_dir=cache)
    assert len(rendered) == pages  # the warm run rendered none
    without = tree_hashes(tmp_path / "none")
    assert tree_hashes(tmp_path / "cold") == without
    assert tree_hashes(tmp_path / "warm") == without


def _generated(tmp_path: Path, name: str) -> Path:
    return generate(tmp_path / name, 30, seed=7).dataset


def test_an_edit_renders_again_only_the_pages_whose_view_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _generated(tmp_path, "gen")
    cache = tmp_path / "cache"
    write_reports(review(root, None), tmp_path / "before", cache_dir=cache)
    # One claim's figure raised: its incident's page (figures, charts) must change.
    claims = read_rows(root / "claims.csv")
    row = next(r for r in claims if r["field"] == "killed" and r["low"].isdigit())
    row["low"] = str(int(row["low"]) + 5)
    if row["high"].isdigit():
        row["high"] = str(int(row["high"]) + 5)
    write_rows(root / "claims.csv", claims)
    edited = review(root, None)
    rendered = Rendered(tmp_path / "rendered", monkeypatch)
    write_reports(edited, tmp_path / "warm", cache_dir=cache)
    write_reports(edited, tmp_path / "none")
    warm, without = tree_hashes(tmp_path / "warm"), tree_hashes(tmp_path / "none")
    assert warm == without
    changed = {
        path
        for path, digest in pages_of(without).items()
        if pages_of(tree_hashes(tmp_path / "before")).get(path) != digest
    }
    assert f"incidents/{incident_slug(row['incident_id'])}.html" in changed
    assert len(rendered) == len(changed)  # exactly the changed pages were rendered
    assert 0 < len(rendered) < len(pages_of(without))


def test_an_unreadable_entry_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry whose digest checks out but whose payload is not a page (a foreign
    writer's) is a miss: the page is rendered, and the folder is still the same."""
    done = review(SEED, None)
    cache = tmp_path / "cache"
    write_reports(done, tmp_path / "cold", cache_dir=cache)
    first = _views_keys(done)[0]
    assert first in PageCache(cache).lookup([first])
    CacheStore(cache).put({first: b"not zlib at all"})
    assert first not in PageCache(cache).lookup([first])
    rendered = Rendered(tmp_path / "rendered", monkeypatch)
    write_reports(done, tmp_path / "warm", cache_dir=cache)
    assert len(rendered) == 1
    assert tree_hashes(tmp_path / "warm") == tree_hashes(tmp_path / "cold")


def _views_keys(done: Review) -> list[str]:
    from checks.reports.pages import choose_pages
    from checks.reports.views import build_report_views

    run = done.run
    choice = choose_pages(run.typed, run.result.findings, done.change)
    views = build_report_views(run.typed, run.result, done.change, done.verdicts, choice)
    return [incident_page_key(view, None) for view in views.incidents]


def test_the_key_follows_every_input_and_nothing_else() -> None:
    from checks.reports.pages import choose_pages
    from checks.reports.views import build_report_views

    done = review(SEED, None)
    run = done.run
    choice = choose_pages(run.typed, run.result.findings, done.change)
    view = build_report_views(run.typed, run.result, done.change, done.verdicts, choice).incidents[
        0
    ]
    key = incident_page_key(view, None)
    assert key.startswith(f"{PAGES}{pages_version()}:")
    assert incident_page_key(dataclasses.replace(view), None) == key
    assert incident_page_key(dataclasses.replace(view, name=view.name + "!"), None) != key
    assert incident_page_key(view, "../data_docs/index.html") != key


def test_keys_are_the_same_in_another_process_with_another_string_hash_seed(
    tmp_path: Path,
) -> None:
    """The key prints the view; if it held a set, its order (and the key) would change
    with PYTHONHASHSEED and a warm cache would never hit in CI."""
    code = (
        "from checks.review import review\n"
        "from tests.cache.test_pages import _views_keys\n"
        "from tests.conftest import SEED\n"
        "print('\\n'.join(_views_keys(review(SEED, None))))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]
    assert len(runs[0].split()) > 1


@pytest.mark.skipif(not can_fork(), reason="the pool needs Linux's fork")
def test_pages_from_the_cache_on_the_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cold on the pool stores what the children rendered; warm on the pool renders none;
    both folders equal one process without a cache."""
    done = review(_generated(tmp_path, "gen"), None)
    monkeypatch.setattr(html, "MIN_PAGES", 2)
    monkeypatch.setattr(html, "CHUNK", 4)
    cache = tmp_path / "cache"
    write_reports(done, tmp_path / "none")
    rendered = Rendered(tmp_path / "rendered", monkeypatch)
    write_reports(done, tmp_path / "cold", jobs=2, cache_dir=cache)
    assert len(rendered) == 30
    write_reports(done, tmp_path / "warm", jobs=2, cache_dir=cache)
    assert len(rendered) == 30  # the warm run rendered none
    without = tree_hashes(tmp_path / "none")
    assert len(pages_of(without)) == 30
    assert tree_hashes(tmp_path / "cold") == without
    assert tree_hashes(tmp_path / "warm") == without
