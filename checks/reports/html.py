"""build/reports/index.html and one page per incident, rendered from `ReportViews`.

Jinja2 with autoescape on for every template: whatever the dataset holds (quotes,
names, ids) reaches the page as text. No JavaScript, no CDN, CSS inline, relative
links only, so the report works opened from file:// or as a CI artifact.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from checks.change.model import Change
from checks.findings import ValidationResult
from checks.reports.atomic import write_text_atomic
from checks.reports.views import ReportViews


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("checks.reports", "templates"),
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


def write_html_report(
    views: ReportViews,
    result: ValidationResult,
    report_dir: Path,
    data_docs_index: Path | None,
    change: Change | None = None,
) -> Path:
    """Write index.html and incidents/<slug>.html into `report_dir`; return index.html."""
    env = _environment()
    report_dir.mkdir(parents=True, exist_ok=True)
    docs_root = _href(data_docs_index, report_dir) if data_docs_index else None
    docs_incident = _href(data_docs_index, report_dir / "incidents") if data_docs_index else None
    index = report_dir / "index.html"
    write_text_atomic(
        index,
        env.get_template("index.j2").render(
            v=views, result=result, docs_href=docs_root, change=change
        ),
    )
    page = env.get_template("incident.j2")
    for incident in views.incidents:
        write_text_atomic(
            report_dir / incident.file, page.render(i=incident, docs_href=docs_incident)
        )
    return index


def write_cannot_run_page(dataset: str, error: str, report_dir: Path) -> Path:
    """index.html for a run that could not check the dataset, replacing a stale report."""
    index = report_dir / "index.html"
    page = _environment().get_template("cannot_run.j2").render(dataset=dataset, error=error)
    write_text_atomic(index, page)
    return index
