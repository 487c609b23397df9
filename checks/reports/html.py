"""build/reports/index.html and one page per incident, rendered from `ReportViews`.

Jinja2 with autoescape on for every template: whatever the dataset holds (quotes,
names, ids) reaches the page as text. No JavaScript, no CDN, CSS inline, relative
links only, so the report works opened from file:// or as a CI artifact.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from checks.cache import pages as page_cache
from checks.cache.pages import CachedPage, PageCache
from checks.change.model import Change
from checks.findings import ValidationResult
from checks.forkpool import map_ranges
from checks.reports.atomic import write_text_atomic
from checks.reports.views import ReportViews, index_row

MIN_PAGES = 500
"""Fewer incident pages than this are written by the gate's process alone."""
CHUNK = 100
"""Incident pages per task of the pool."""


def _environment() -> Environment:
    """Templates ship in the package and do not change during a run: no reload checks
    (with them, each of the three imports per incident page asked the loader again)."""
    return Environment(
        loader=PackageLoader("checks.reports", "templates"),
        auto_reload=False,
        autoescape=select_autoescape(enabled_extensions=("j2", "html"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _href(target: Path, start: Path) -> str:
    """A relative URL from the folder `start` to `target` (forward slashes on any OS)."""
    rel = os.path.relpath(target.resolve(), start.resolve())
    return "/".join(rel.split(os.sep))


def incident_docs_href(report_dir: Path, data_docs_index: Path | None) -> str | None:
    """The link from an incident page to the Data Docs (None without Data Docs)."""
    return _href(data_docs_index, report_dir / "incidents") if data_docs_index else None


def write_html_report(
    views: ReportViews,
    result: ValidationResult,
    report_dir: Path,
    data_docs_index: Path | None,
    change: Change | None = None,
    jobs: int = 1,
    cache: PageCache | None = None,
    keys: Mapping[str, str] | None = None,
    reused: Sequence[CachedPage] = (),
) -> Path:
    """Write index.html (and index-N.html when the incident list runs on) and the
    incident pages `views` holds into `report_dir`; return index.html.

    With `jobs` > 1 and at least `MIN_PAGES` pages to render, they are rendered and
    written on forked processes (`checks.forkpool`); the files are the same. With a
    `cache`, each page rendered is stored under its key in `keys` (incident id -> key,
    `checks.cache.pages.incident_page_key`); `reused` are pages the cache already held
    (their views are not in `views`), written as they are.

    Pages of an earlier run that this run did not write are removed, so the folder
    holds this run's report only (an old page would show findings since fixed)."""
    env = _environment()
    report_dir.mkdir(parents=True, exist_ok=True)
    docs_root = _href(data_docs_index, report_dir) if data_docs_index else None
    docs_incident = incident_docs_href(report_dir, data_docs_index)
    index = report_dir / "index.html"
    row_pages = views.row_pages
    row_files = [name for name, _ in row_pages]
    for number, (name, rows) in enumerate(row_pages, start=1):
        template = env.get_template("index.j2" if number == 1 else "index_rows.j2")
        page_text = template.render(
            v=views,
            result=result,
            docs_href=docs_root,
            change=change,
            rows=rows,
            rows_last=number == len(row_pages),
            row_files=row_files,
            current=number,
        )
        write_text_atomic(report_dir / name, page_text)
    if cache is not None and keys is None:
        raise ValueError("a page cache needs the pages' keys")
    _write_incident_pages(env, views, report_dir, docs_incident, jobs, cache, keys or {}, reused)
    written = {report_dir / name for name in row_files}
    written |= {report_dir / incident.file for incident in views.incidents}
    written |= {report_dir / (kept.row.file or "") for kept in reused}
    for stale in (*report_dir.glob("index-*.html"), *report_dir.glob("incidents/*.html")):
        if stale not in written:
            stale.unlink()
    return index


def _write_incident_pages(
    env: Environment,
    views: ReportViews,
    report_dir: Path,
    docs_href: str | None,
    jobs: int,
    cache: PageCache | None,
    keys: Mapping[str, str],
    reused: Sequence[CachedPage],
) -> None:
    """Every incident page: the views rendered (on the pool when there are many) and,
    with a cache, stored under their key in `keys` (by incident id); the pages in
    `reused` written as the cache held them."""
    page = env.get_template("incident.j2")
    incidents = views.incidents

    def write_pages(start: int, stop: int) -> list[tuple[int, bytes]]:
        """Write pages start..stop-1; return (position, packed page) of those rendered."""
        rendered: list[tuple[int, bytes]] = []
        for n in range(start, stop):
            if n >= len(incidents):
                kept = reused[n - len(incidents)]
                write_text_atomic(report_dir / (kept.row.file or ""), kept.html)
                continue
            incident = incidents[n]
            text = page.render(i=incident, docs_href=docs_href)
            if cache is not None:
                rendered.append((n, page_cache.pack(index_row(incident), text)))
            write_text_atomic(report_dir / incident.file, text)
        return rendered

    total = len(incidents) + len(reused)
    rendered = map_ranges(write_pages, total, jobs, CHUNK, least=MIN_PAGES)
    if cache is not None:
        cache.store({keys[incidents[n].incident_id]: packed for n, packed in rendered})


def write_cannot_run_page(dataset: str, error: str, report_dir: Path) -> Path:
    """index.html for a run that could not check the dataset, replacing a stale report."""
    index = report_dir / "index.html"
    page = _environment().get_template("cannot_run.j2").render(dataset=dataset, error=error)
    write_text_atomic(index, page)
    return index
