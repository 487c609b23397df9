"""The HTML report as a person sees it: rendered by a real headless Chromium."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from checks.findings import Finding, Layer, Severity, ValidationResult, sort_findings
from checks.loading.loader import load_dataset
from checks.reports.html import write_html_report
from checks.reports.views import build_report_views
from checks.structure.run import check_structure

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "test-screenshots"
CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium)"
)
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def _chromium(url: str, tmp: Path, *extra: str) -> str:
    assert CHROMIUM is not None
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *extra,
        url,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(page: Path, tmp: Path) -> str:
    return _chromium(page.resolve().as_uri(), tmp, "--dump-dom")


def screenshot(page: Path, tmp: Path, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / name
    _chromium(page.resolve().as_uri(), tmp, f"--screenshot={target}", "--window-size=1280,2000")
    assert target.is_file()
    assert target.stat().st_size > 10_000
    return target


def visible_text(dom: str) -> str:
    """The DOM's text content, roughly: tags dropped, entities decoded, spaces collapsed."""
    body = re.sub(r"<(style|title)[^>]*>.*?</\1>", " ", dom, flags=re.S)
    body = re.sub(r"</?mark>", "", body)  # inline: no word break
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report on a seed copy whose claim c0015 quotes markup, with a Quetta conflict."""
    tmp = tmp_path_factory.mktemp("report")
    dataset_dir = tmp / "dataset"
    shutil.copytree(REPO / "datasets" / "seed", dataset_dir)
    claims = dataset_dir / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    hostile = f"a fighter {XSS_SCRIPT} who was {XSS_IMG} killed"
    text = text.replace(
        "a fighter who was killed by security forces in the attack", hostile.replace('"', '""')
    )
    claims.write_text(text, encoding="utf-8")
    dataset, _ = load_dataset(dataset_dir)
    typed = check_structure(dataset).typed
    conflict = Finding(
        "consistency.claims-disagree",
        Severity.ERROR,
        Layer.CONSISTENCY,
        "the killed figures of c0014 and c0018 disagree",
        table="claims",
        row_key="c0014",
        file=dataset.files["claims"],
        line=15,
        columns=("low", "high"),
        evidence={
            "field": "killed",
            "claims": ["c0014", "c0018"],
            "tolerance": {"absolute": 2, "relative": 0.05},
            "consensus": [75, 80],
        },
    )
    warning = Finding(
        "grounding.quote-not-found",
        Severity.WARNING,
        Layer.GROUNDING,
        f"quote {XSS_IMG} not in article",
        table="claims",
        row_key="c0015",
        file=dataset.files["claims"],
        line=16,
    )
    result = ValidationResult(
        dataset=str(dataset_dir),
        findings=tuple(sort_findings([conflict, warning])),
        row_counts={name: len(frame) for name, frame in typed.items()},
        layers_run=tuple(Layer),
    )
    report_dir = tmp / "reports"
    docs = report_dir / "data_docs" / "index.html"
    docs.parent.mkdir(parents=True)
    docs.write_text("<html><body>Data Docs stand-in</body></html>", encoding="utf-8")
    index = write_html_report(build_report_views(typed, result), result, report_dir, docs)
    assert index == report_dir / "index.html"
    return report_dir


def test_report_is_self_contained(report: Path) -> None:
    for page in [report / "index.html", *sorted((report / "incidents").glob("*.html"))]:
        source = page.read_text(encoding="utf-8")
        assert "<script" not in source.lower()
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", source)
    assert sorted(p.name for p in (report / "incidents").glob("*.html")) == [
        "karachi-2015-ismaili-bus.html",
        "lahore-2010-ahmadi-mosques.html",
        "mumbai-2008.html",
        "quetta-2013-bombings.html",
        "quetta-2016-compound-raid.html",
        "quetta-2016-police-academy.html",
    ]


@needs_chromium
def test_index_renders_totals_and_links(report: Path, tmp_path: Path) -> None:
    dom = dump_dom(report / "index.html", tmp_path)
    text = visible_text(dom)
    assert "FAILED" in text
    assert "1 error(s), 1 warning(s)" in text
    totals = re.search(r'<table class="totals">(.*?)</table>', dom, re.S)
    assert totals is not None
    rows = re.findall(
        r"<tr>\s*<td>(\w+).*?</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>",
        totals.group(1),
        re.S,
    )
    assert ("consistency", "1", "0") in rows
    assert ("grounding", "0", "1") in rows
    assert ("structure", "0", "0") in rows
    links = dict(re.findall(r'<a class="incident-link" href="([^"]+)">([^<]+)</a>', dom))
    assert links == {"incidents/quetta-2016-police-academy.html": "quetta-2016-police-academy"}
    assert 'href="data_docs/index.html"' in dom
    for href in links:
        assert (report / href).is_file()
    screenshot(report / "index.html", tmp_path, "report-index.png")


@needs_chromium
def test_quetta_page_shows_both_quotes_and_chart(report: Path, tmp_path: Path) -> None:
    page = report / "incidents" / "quetta-2016-police-academy.html"
    dom = dump_dom(page, tmp_path)
    text = visible_text(dom)
    assert "left more than 60 dead" in text
    assert "the Monday night raid that killed 61 people" in text
    assert "<mark>more than 60</mark>" in dom
    assert "<mark>61</mark>" in dom
    assert dom.count("<svg") >= 1
    assert "outside consensus" in text  # c0018 [61, 61] misses [75, 80] even with tolerance
    assert 'class="open-arrow"' in dom  # "more than 60" has no upper bound
    assert "the killed figures of c0014 and c0018 disagree" in text
    assert 'href="../index.html"' in dom
    assert 'href="../data_docs/index.html"' in dom
    shot = screenshot(page, tmp_path, "report-quetta-police-academy.png")
    assert shot.stat().st_size > 20_000


@needs_chromium
def test_markup_in_quotes_renders_as_text(report: Path, tmp_path: Path) -> None:
    for page in (report / "incidents" / "quetta-2016-police-academy.html", report / "index.html"):
        dom = dump_dom(page, tmp_path)
        assert "<script" not in dom.lower()
        assert "<img" not in dom.lower()
        assert "onerror=alert(1)" in dom  # still there, as text
        assert XSS_IMG in visible_text(dom)
    quetta = visible_text(
        dump_dom(report / "incidents" / "quetta-2016-police-academy.html", tmp_path)
    )
    assert XSS_SCRIPT in quetta


def test_incident_ids_are_sanitised_in_file_names(tmp_path: Path) -> None:
    from checks.reports.views import IncidentView, ReportViews, incident_slug

    evil = IncidentView(
        incident_id="../../evil",
        file=f"incidents/{incident_slug('../../evil')}.html",
        name="<b>x</b>",
        dates="—",
        place="—",
        perpetrator="—",
        claimed_by="—",
        killed=("—", "—", "—"),
        injured=("—", "—", "—"),
        verdict="—",
        claims=(),
        findings=(),
        charts=(),
    )
    views = ReportViews("d", True, 0, 0, (), (), (), (evil,))
    result = ValidationResult("d", (), {}, ())
    write_html_report(views, result, tmp_path / "r", None)
    written = [p.relative_to(tmp_path) for p in tmp_path.rglob("*.html")]
    assert all(str(p).startswith("r" + os.sep) for p in written)
    page = next((tmp_path / "r" / "incidents").glob("*.html")).read_text(encoding="utf-8")
    assert "&lt;b&gt;x&lt;/b&gt;" in page
