"""Incident pages through the cache: the report folder is the same with a warm cache, a
cold one and none, and a page is rendered again exactly when what it shows changed."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pytest

from checks.cache import pages as page_cache
from checks.cache.keys import PAGES, pages_version
from checks.cache.pages import PageCache, incident_page_key
from checks.cache.store import CacheStore
from checks.forkpool import can_fork
from checks.reports import html
from checks.reports import views as views_module
from checks.reports.pages import choose_pages
from checks.reports.views import (
    IncidentInputs,
    IncidentRow,
    IncidentView,
    ViewPlan,
    finish_views,
    incident_slug,
    incident_view,
    plan_views,
)
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

        def counting(row: IncidentRow, text: str) -> bytes:
            tempfile.mkstemp(dir=folder)
            return original(row, text)

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


def _plan(done: Review) -> ViewPlan:
    run = done.run
    choice = choose_pages(run.typed, run.result.findings, done.change)
    return plan_views(run.typed, run.result, done.change, done.verdicts, choice)


def _views_keys(done: Review) -> list[str]:
    return [incident_page_key(inputs, None) for inputs in _plan(done).pages]


def test_the_key_follows_every_input_and_nothing_else() -> None:
    inputs = _plan(review(SEED, None)).pages[0]
    key = incident_page_key(inputs, None)
    assert key.startswith(f"{PAGES}{pages_version()}:")
    assert incident_page_key(dataclasses.replace(inputs), None) == key
    row = ((inputs.row[0][0], "other"), *inputs.row[1:])
    assert incident_page_key(dataclasses.replace(inputs, row=row), None) != key
    assert incident_page_key(dataclasses.replace(inputs, verdict="conflict!"), None) != key
    claims = ((*inputs.claims[0][:-1], "2099-01-01"), *inputs.claims[1:])  # its article's date
    assert incident_page_key(dataclasses.replace(inputs, claims=claims), None) != key
    assert incident_page_key(inputs, "../data_docs/index.html") != key


def test_a_page_is_what_its_inputs_build() -> None:
    """The key stands for the page only if the view is built from the inputs alone: the
    views `finish_views` builds are `incident_view` of the plan's inputs."""
    plan = _plan(review(REPORTING, None))
    views = finish_views(plan)
    assert [v.incident_id for v in views.incidents] == [p.incident_id for p in plan.pages]
    assert list(views.incidents) == [incident_view(p) for p in plan.pages]


@pytest.mark.parametrize(
    "payload",
    [
        b"not zlib at all",
        zlib.compress(b"no line at all"),
        zlib.compress(b'["inc", "f", "n", "d", "p", ["1", "2"], 1, 0, "v"]\n<html>'),
        zlib.compress(b'["inc", "f", "n", "d", "p", ["1", "2", "3"], -1, 0, "v"]\n<html>'),
        zlib.compress(b'["inc", "f", "n", "d", "p", ["1", "2", "3"], true, 0, "v"]\n<html>'),
        zlib.compress(b"\xff\xfe\n<html>"),
    ],
    ids=["not-zlib", "no-line", "short-killed", "negative", "bool-count", "not-utf8"],
)
def test_a_payload_that_is_not_a_page_is_a_miss(payload: bytes) -> None:
    assert page_cache.unpack(payload) is None


def test_a_packed_page_unpacks_to_itself() -> None:
    row = IncidentRow(
        "inc-1", "incidents/inc-1.html", "A\nname", "2019", "—", ("1", "2", "3"), 4, 0, "—"
    )
    page = page_cache.unpack(page_cache.pack(row, "<html>\n<p>é</p>\n"))
    assert page == page_cache.CachedPage(row, "<html>\n<p>é</p>\n")


def _edit_rows(root: Path, table: str, key: str, value: str, column: str, new: str) -> None:
    rows = read_rows(root / f"{table}.csv")
    row = next(r for r in rows if r[key] == value)
    row[column] = new
    write_rows(root / f"{table}.csv", rows)


_EDITS: dict[str, tuple[str, str, str, str, str]] = {
    # (table, key column, key, column, new value): each reaches an incident page
    "claim-figure": ("claims", "claim_id", "c202", "low", "151"),
    "claim-quote": ("claims", "claim_id", "c203", "quote", "no more than 150 people"),
    "claim-successor": ("claims", "claim_id", "c201", "superseded_by", "c203"),
    "article-outlet": ("articles", "article_id", "", "outlet", "Another Outlet"),
    "article-date": ("articles", "article_id", "", "published", "2015-01-20"),
    "sub-event-name": (
        "incidents",
        "incident_id",
        "nz-2019-christchurch-linwood",
        "name",
        "Linwood",
    ),
    "sub-event-toll": (
        "incidents",
        "incident_id",
        "nz-2019-christchurch-linwood",
        "killed_high",
        "9",
    ),
    "dispute-reason": ("disputes", "dispute_id", "d01", "reason", "the counts disagree"),
    "dispute-best": ("disputes", "dispute_id", "d01", "best", "2000"),
}


@pytest.mark.parametrize("edit", sorted(_EDITS))
def test_an_edit_of_any_input_is_on_the_warm_page(
    edit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever an edit reaches (a claim, its article, a sub-event linked from its
    parent's page, a dispute), the warm cache's report is the report without a cache,
    and every page that changed was built again, not taken from the cache."""
    root = tmp_path / "reporting"
    shutil.copytree(REPORTING, root)
    cache = tmp_path / "cache"
    write_reports(review(root, None), tmp_path / "before", cache_dir=cache)
    table, key, value, column, new = _EDITS[edit]
    if table == "articles":  # the article of the first claim of Baga
        value = next(r for r in read_rows(root / "claims.csv") if r["claim_id"] == "c202")[
            "article_id"
        ]
    _edit_rows(root, table, key, value, column, new)
    edited = review(root, None)
    built: list[str] = []
    original = views_module.incident_view

    def counting(inputs: IncidentInputs) -> IncidentView:
        built.append(inputs.incident_id)
        return original(inputs)

    monkeypatch.setattr(views_module, "incident_view", counting)
    write_reports(edited, tmp_path / "warm", cache_dir=cache)
    monkeypatch.setattr(views_module, "incident_view", original)
    write_reports(edited, tmp_path / "none")
    before = pages_of(tree_hashes(tmp_path / "before"))
    warm, without = tree_hashes(tmp_path / "warm"), tree_hashes(tmp_path / "none")
    assert warm == without
    changed = {path for path, digest in pages_of(without).items() if before.get(path) != digest}
    assert changed, "the edit must reach a page"
    assert changed <= {f"incidents/{incident_slug(i)}.html" for i in built}
    assert len(built) < len(pages_of(without))


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


def test_a_page_held_for_another_file_is_not_written(tmp_path: Path) -> None:
    """A cache folder is restored from elsewhere: an entry under an incident's key whose
    page names another file (here outside the report) is not taken; the page is built."""
    done = review(REPORTING, None)
    inputs = _plan(done).pages[0]
    cache = tmp_path / "cache"
    key = incident_page_key(inputs, None)
    row = IncidentRow(
        inputs.incident_id, "../../escaped.html", "n", "d", "p", ("1", "2", "3"), 0, 0, "v"
    )
    CacheStore(cache).put({key: page_cache.pack(row, "<p>planted</p>")})
    assert key in PageCache(cache).lookup([key])
    assert inputs.incident_id not in PageCache(cache).held([inputs], None).reused
    write_reports(done, tmp_path / "report" / "warm", cache_dir=cache)
    write_reports(done, tmp_path / "report" / "none")
    assert not list(tmp_path.rglob("escaped.html"))
    assert tree_hashes(tmp_path / "report" / "warm") == tree_hashes(tmp_path / "report" / "none")
