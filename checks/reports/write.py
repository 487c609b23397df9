"""Write every file report of one review: results.json, junit.xml, the HTML report.

One sequence for `validate` and the benchmarks, so a benchmark cannot drift from what
`validate` writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checks.cache.pages import PageCache
from checks.gcpause import collector_paused
from checks.reports.html import write_html_report
from checks.reports.json_report import write_json_report
from checks.reports.junit import write_junit_report
from checks.reports.pages import RELEVANT, choose_pages
from checks.reports.views import build_report_views
from checks.review import Review


@dataclass(frozen=True, slots=True)
class WrittenReports:
    """Where the reports of a run were written."""

    results: Path
    junit: Path
    html: Path


def write_reports(
    review: Review,
    report_dir: Path,
    pages: str = RELEVANT,
    jobs: int = 1,
    cache_dir: Path | None = None,
) -> WrittenReports:
    """Write the reports of `review` into `report_dir` (raises OSError when it cannot);
    incident pages on up to `jobs` processes, those whose view is unchanged taken from
    the cache in `cache_dir` when one is given."""
    run, change = review.run, review.change
    with collector_paused():  # views and pages are many small acyclic objects
        results = write_json_report(run.result, report_dir, change)
        junit = write_junit_report(run.result, report_dir)
        choice = choose_pages(run.typed, run.result.findings, change, pages)
        views = build_report_views(run.typed, run.result, change, review.verdicts, choice)
        cache = None if cache_dir is None else PageCache(cache_dir)
        html = write_html_report(
            views, run.result, report_dir, run.data_docs_index, change, jobs, cache
        )
    return WrittenReports(results=results, junit=junit, html=html)
