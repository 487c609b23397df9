"""Write every file report of one review: results.json, junit.xml, the HTML report.

One sequence for `validate` and the benchmarks, so a benchmark cannot drift from what
`validate` writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checks.cache.pages import PageCache, PageLookup
from checks.gcpause import collector_paused
from checks.reports.html import incident_docs_href, write_html_report
from checks.reports.json_report import write_json_report
from checks.reports.junit import write_junit_report
from checks.reports.pages import RELEVANT, choose_pages
from checks.reports.views import finish_views, plan_views
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
    incident pages on up to `jobs` processes, those whose inputs are unchanged taken
    from the cache in `cache_dir` when one is given, without building their views."""
    run, change = review.run, review.change
    with collector_paused():  # views and pages are many small acyclic objects
        results = write_json_report(run.result, report_dir, change)
        junit = write_junit_report(run.result, report_dir)
        choice = choose_pages(run.typed, run.result.findings, change, pages)
        plan = plan_views(run.typed, run.result, change, review.verdicts, choice)
        cache = None if cache_dir is None else PageCache(cache_dir)
        held = PageLookup({}, {})
        if cache is not None:
            held = cache.held(plan.pages, incident_docs_href(report_dir, run.data_docs_index))
        views = finish_views(plan, {i: page.row for i, page in held.reused.items()})
        html = write_html_report(
            views, run.result, report_dir, run.data_docs_index, change, jobs, cache,
            held.keys, tuple(held.reused.values()),
        )  # fmt: skip
    return WrittenReports(results=results, junit=junit, html=html)
