"""GitHub outputs: workflow commands and the job summary, checked against their formats.

Workflow commands are parsed back the way the Actions runner reads them
(actions/runner ActionCommand.TryParseV2: a line starting with `::`, the command and
its properties up to the next `::`, properties split at `,` and `=`, then unescaped),
so a test fails when escaping loses or corrupts text, or lets data escape its field.
"""

from __future__ import annotations

import re
from pathlib import Path

import mistune
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.change.model import CellChange, Change, RowChange, TableChange, VerdictChange
from checks.consistency.verdicts import CONFLICT, CONSISTENT, incident_names, incident_verdicts
from checks.errors import CannotRun
from checks.findings import Finding, Layer, Severity, ValidationResult
from checks.pipeline import run_gate
from checks.reports import github as G
from tests.conftest import run_checks_cli
from tests.gitrepo import CHANGED_CLAIM, QUETTA, set_cells

# ---------------------------------------------------------------- a runner-side parser


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """(name, properties, data) as the runner reads one output line."""
    assert line.startswith("::"), line
    end = line.index("::", 2)
    info, data = line[2:end], line[end + 2 :]
    name, _, props = info.partition(" ")
    properties: dict[str, str] = {}
    for pair in filter(None, props.split(",")):
        key, sep, value = pair.partition("=")
        assert sep, f"property without '=': {pair!r}"
        properties[key] = _unescape_property(value)
    return name, properties, _unescape_data(data)


# ---------------------------------------------------------------- escaping


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v", "k: v", "k%3A v"),
        ("a,b", "a,b", "a%2Cb"),
        ("%0A", "%250A", "%250A"),
        ("::set-output name=x::y", "::set-output name=x::y", "%3A%3Aset-output name=x%3A%3Ay"),
    ],
)
def test_escaping_follows_actions_toolkit(raw: str, data: str, prop: str) -> None:
    assert G.escape_data(raw) == data
    assert G.escape_property(raw) == prop


_TRICKY = ["%", "\r", "\n", ":", ",", "=", "::", "%0A", "%25", "%3A", " "]
text = st.lists(st.one_of(st.sampled_from(_TRICKY), st.characters(codec="utf-8")), max_size=40).map(
    "".join
)


@given(message=text, file=text, title=text, line=st.integers(1, 10**6))
def test_any_text_survives_a_round_trip_on_one_line(
    message: str, file: str, title: str, line: int
) -> None:
    out = G.command("error", {"file": file, "line": line, "title": title}, message)
    assert "\n" not in out
    assert "\r" not in out
    name, props, data = parse_command(out)
    assert name == "error"
    assert data == message
    expected = {"line": str(line)}
    expected |= {k: v for k, v in (("file", file), ("title", title)) if v}
    assert props == expected


def _finding(**changes: object) -> Finding:
    base: dict[str, object] = {
        "rule_id": "grounding.figure-mismatch",
        "severity": Severity.ERROR,
        "layer": Layer.GROUNDING,
        "message": "quote reads 61",
        "table": "claims",
        "row_key": "c0018",
        "file": "/repo/datasets/seed/claims.csv",
        "line": 19,
    }
    base.update(changes)
    return Finding(**base)  # type: ignore[arg-type]


def test_annotation_points_at_the_csv_line_relative_to_the_root() -> None:
    line = G.annotation(_finding(), Path("/repo"))
    assert line == (
        "::error file=datasets/seed/claims.csv,line=19,"
        "title=grounding.figure-mismatch%3A Figures do not match the quote::quote reads 61"
    )


@pytest.mark.parametrize(
    ("finding", "expected_props"),
    [
        (_finding(severity=Severity.WARNING), {"file", "line", "title"}),
        (_finding(line=None), {"file", "title"}),
        (_finding(file=None, line=None), {"title"}),
    ],
    ids=["warning", "no-line", "no-file"],
)
def test_annotation_leaves_out_what_is_unknown(finding: Finding, expected_props: set[str]) -> None:
    name, props, _ = parse_command(G.annotation(finding, Path("/repo")))
    assert name == finding.severity.value
    assert set(props) == expected_props, "never a col= the finding does not know"


def test_cannot_run_annotation_gives_a_column_only_when_known() -> None:
    with_col = CannotRun("/repo/datasets/seed/claims.csv", "bad, quote: here", line=3, column=7)
    named_col = CannotRun("/repo/datasets/seed/claims.csv", "missing", column="claim_id")
    _, props, data = parse_command(G.cannot_run_annotation(with_col, Path("/repo")))
    assert props["col"] == "7"
    assert props["line"] == "3"
    assert props["file"] == "datasets/seed/claims.csv"
    assert data == "bad, quote: here"
    _, props, _ = parse_command(G.cannot_run_annotation(named_col, Path("/repo")))
    assert "col" not in props
    assert "line" not in props


def test_annotations_are_capped_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(G, "MAX_ANNOTATIONS", 3)
    findings = tuple(_finding(line=n) for n in range(2, 7))
    result = ValidationResult("d", findings, {}, (Layer.GROUNDING,))
    lines = G.annotation_lines(result, Path("/repo"))
    assert len(lines) == 4
    name, _, data = parse_command(lines[-1])
    assert (name, data) == ("notice", "2 more finding(s) not annotated")


# ---------------------------------------------------------------- Markdown


def render(markdown: str) -> str:
    """Markdown -> HTML with raw HTML passed through, as GitHub's renderer would see it."""
    to_html = mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "url"])
    return str(to_html(markdown))


@pytest.mark.parametrize(
    "payload",
    [
        "a | b",
        "`code`",
        "[x](https://evil.example)",
        "# heading",
        "<script>alert(1)</script>",
        "</script><img src=x onerror=alert(1)>",
        "**bold** _em_ ~~del~~",
        "line\n# second",
        "&lt;b&gt;",
        "![img](https://evil.example/x.png)",
        "<https://evil.example>",
        "https://evil.example www.evil.example",
    ],
)
def test_md_cell_renders_as_the_text_itself(payload: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {G.md(payload)} | end |\n"
    html = render(table)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)
    assert len(cells) == 2, html
    assert cells[1].strip() == "end"
    assert not re.search(r"<(?!/?td|/?tr|/?table|/?tbody|/?thead|/?th)[a-z]", html), html
    shown = cells[0].strip()
    unescaped = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    unescaped = unescaped.replace("&#x27;", "'").replace("&amp;", "&")
    assert unescaped == payload.replace("\n", " ")


def test_summary_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(G, "SUMMARY_BUDGET", 20_000)
    findings = tuple(_finding(line=n, message="x" * 300) for n in range(2, 500))
    result = ValidationResult("d", findings, {"claims": 500}, (Layer.GROUNDING,))
    summary = G.job_summary(result, Path("/repo"), [])
    assert len(summary.encode("utf-8")) < 25_000
    left = re.search(r"(\d+) more finding\(s\) not shown", summary)
    assert left is not None
    shown = summary.count("| error |")
    assert shown + int(left.group(1)) == len(findings)


def test_summary_is_appended_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    result = ValidationResult("d", (_finding(),), {"claims": 1}, (Layer.GROUNDING,))
    G.write_github_outputs(result, Path("/repo"), [], None, {"GITHUB_STEP_SUMMARY": str(target)})
    G.write_github_outputs(result, Path("/repo"), [], None, {"GITHUB_STEP_SUMMARY": str(target)})
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")
    assert text.count("## Incident data gate: FAILED") == 2


def test_summary_lists_the_change_and_marks_touched_findings() -> None:
    row = RowChange("claims", "c0018", "changed", 19, (CellChange("low", "61", "45"),))
    added = RowChange("articles", "a-new", "added", 6)
    change = Change(
        "HEAD~1",
        "f" * 40,
        True,
        (
            TableChange("claims", (), (), (row,)),
            TableChange("articles", (added,), (), ()),
        ),
        (VerdictChange(QUETTA, CONSISTENT, CONFLICT),),
    )
    result = ValidationResult(
        "/repo/datasets/seed",
        (_finding(), _finding(row_key="c0014", line=15)),
        {"claims": 2},
        (Layer.GROUNDING,),
    )
    incidents = [G.IncidentLine(QUETTA, "Raid on a college", CONFLICT)]
    summary = G.job_summary(result, Path("/repo"), incidents, change)
    rows = [line for line in summary.splitlines() if line.startswith("| error")]
    assert [G.TOUCHED in r for r in rows] == [True, False]
    assert "### This change" in summary
    assert "- added `a-new` (line 6)" in summary
    assert "- changed `c0018` (line 19): `low`: 61 → 45" in summary
    assert f"- `{QUETTA}` (Raid on a college): consistent → conflict" in summary
    assert "Dataset `datasets/seed`" in summary


# ---------------------------------------------------------------- planted payloads

PAYLOAD = (
    "</script><script>alert(1)</script> | `tick` [link](https://evil.example) "
    "\n# Heading\n::set-output name=x::y\r\n::error::pwned %0A 100% <b>&amp;</b>"
)


@pytest.fixture
def hostile(seed_copy: Path) -> Path:
    """The seed with payloads in a quote, an incident name and a claim's actor."""
    set_cells(seed_copy / "claims.csv", "c0014", quote=f"left more than 60 dead {PAYLOAD}")
    set_cells(seed_copy / "claims.csv", CHANGED_CLAIM, low="45", high="45")
    set_cells(seed_copy / "claims.csv", "c0020", actor=PAYLOAD)
    set_cells(seed_copy / "incidents.csv", QUETTA, name=f"Quetta {PAYLOAD}")
    return seed_copy


def test_planted_payloads_stay_inert_in_summary(hostile: Path) -> None:
    run = run_gate(hostile, gx=None)
    verdicts = incident_verdicts(run.typed, run.result.findings)
    names = incident_names(run.typed)
    assert verdicts[QUETTA] == CONFLICT
    assert "<script>" in names[QUETTA], "the payload reached the incident row"
    incidents = [G.IncidentLine(i, names[i], v) for i, v in verdicts.items()]
    summary = G.job_summary(run.result, hostile, incidents)
    assert any("evil.example" in f.message for f in run.result.findings)
    html = render(summary)
    assert "<script" not in html
    assert "<b>" not in html
    assert "<a " not in html
    assert "<img" not in html
    assert "<code>tick</code>" not in html
    assert re.findall(r"<h(\d)", html) == ["2", "3", "3"], "only the summary's own headings"
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        widths = {len(re.findall(r"<t[dh]", tr)) for tr in re.findall(r"<tr>.*?</tr>", table, re.S)}
        assert len(widths) == 1, f"a payload split a table row: {widths}"
    conflict_rows = [line for line in summary.splitlines() if f"`{QUETTA}`" in line]
    assert len(conflict_rows) == 1
    assert "Quetta" in conflict_rows[0]


def test_planted_payloads_stay_inert_in_annotations(hostile: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(hostile.parent),
    }
    args = ["validate", str(hostile), "--no-expectations", "--report-dir", str(tmp_path / "r")]
    done = run_checks_cli(*args, cwd=tmp_path, env=env)
    assert done.returncode == 1, done.stderr
    commands = [line for line in done.stdout.split("\n") if line.startswith("::")]
    assert commands
    assert "\r" not in done.stdout.replace("\r\n", "")
    planted = 0
    for line in commands:
        name, props, data = parse_command(line)
        assert name in {"error", "warning"}, line
        assert set(props) <= {"file", "line", "title"}
        assert not props["file"].startswith("/")
        planted += "::set-output name=x::y" in data
    assert planted, "some finding message carries the payload, inert inside its command"
    assert "::set-output" in summary.read_text(encoding="utf-8").replace("\\", "")
