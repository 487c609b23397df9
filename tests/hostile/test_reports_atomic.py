"""Item 8: nothing lost. A failing run still writes results.json and the report; a
write that fails leaves the previous file whole and no temporary file behind; a
report folder that cannot be written is exit 2 with one line, not a traceback."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checks.reports.atomic import write_text_atomic
from tests.hostile.builder import Hostile


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failing_run_replaces_the_previous_report(hostile: Hostile) -> None:
    first = hostile.validate()
    assert first.code == 0
    assert first.results()["exit_code"] == 0
    line = hostile.set_cell("claims.csv", "c0007", "note", "=1+1")
    second = hostile.validate()
    assert second.code == 1
    document = second.results()
    assert document["exit_code"] == 1
    assert [(f["rule_id"], f["line"]) for f in document["findings"]] == [
        ("structure.formula-injection", line)
    ]
    index = (hostile.reports / "index.html").read_text(encoding="utf-8")
    assert "FAILED" in index
    assert "structure.formula-injection" in index
    assert _leftovers(hostile.reports) == []


def test_failing_run_in_a_child_process_writes_results(hostile: Hostile) -> None:
    hostile.set_cell("claims.csv", "c0007", "note", "@SUM(1)")
    run = hostile.validate_subprocess()
    assert run.code == 1
    assert run.err == ""
    assert json.loads((hostile.reports / "results.json").read_text())["exit_code"] == 1
    assert (hostile.reports / "index.html").stat().st_size > 0


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    target = tmp_path / "index.html"
    write_text_atomic(target, "previous report\n")
    return target


def test_failed_rename_keeps_the_previous_file(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device", dst)

    monkeypatch.setattr(os, "replace", refuse)  # fault injection at the seam atomic writes through
    with pytest.raises(OSError, match="No space left"):
        write_text_atomic(previous, "new report\n")
    assert previous.read_text() == "previous report\n"
    assert _leftovers(previous.parent) == []


def test_failed_write_keeps_the_previous_file(previous: Path) -> None:
    """A real failure while writing (the text cannot be encoded), no fault injection."""
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(previous, "x" * 100_000 + "\ud800")
    assert previous.read_text() == "previous report\n"
    assert _leftovers(previous.parent) == []


def test_directory_in_place_of_the_target(tmp_path: Path) -> None:
    target = tmp_path / "results.json"
    target.mkdir()
    (target / "keep").write_text("kept")
    with pytest.raises(IsADirectoryError):
        write_text_atomic(target, "{}")
    assert (target / "keep").read_text() == "kept"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", ["file-as-dir", "under-a-file", "results-is-dir"])
def test_unwritable_report_folder_exits_2(hostile: Hostile, tmp_path: Path, kind: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    if kind == "file-as-dir":
        hostile.reports = blocker
        expected = f"error: {blocker}: cannot write the report: File exists"
    elif kind == "under-a-file":
        hostile.reports = blocker / "reports"
        expected = f"error: {blocker / 'reports'}: cannot write the report: Not a directory"
    else:
        (hostile.reports / "results.json").mkdir(parents=True)
        expected = (
            f"error: {hostile.reports / 'results.json'}: cannot write the report: Is a directory"
        )
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == expected
    assert blocker.read_text() == "a file, not a folder"
    if kind == "results-is-dir":
        assert _leftovers(hostile.reports) == []
        assert os.listdir(hostile.reports / "results.json") == []


def test_cannot_run_replaces_a_previous_passing_report(hostile: Hostile) -> None:
    """An exit 2 leaves no stale PASSED behind: results.json and index.html say why."""
    assert hostile.validate().code == 0
    header = hostile.read("claims.csv").split(b"\n", 1)
    evil = b"<b id=injected>x</b>"
    hostile.write("claims.csv", header[0] + b"," + evil + b"," + evil + b"\n" + header[1])
    width = header[0].count(b",") + 1
    run = hostile.validate()
    assert run.code == 2
    message = f"column {evil.decode()!r} appears twice (columns {width + 1} and {width + 2})"
    assert run.error_line() == f"error: {hostile.path('claims.csv')}:1:{width + 2}: {message}"
    document = run.results()
    assert document["exit_code"] == 2
    assert document["passed"] is False
    assert document["findings"] == []
    assert set(document) >= {"schema_version", "row_counts", "totals", "layers_run", "rules"}
    assert all(v == {"error": 0, "warning": 0, "notice": 0} for v in document["totals"].values())
    assert document["error"] == {
        "file": str(hostile.path("claims.csv")),
        "line": 1,
        "column": width + 2,
        "message": message,
    }
    page = (hostile.reports / "index.html").read_text(encoding="utf-8")
    assert "COULD NOT RUN" in page
    assert "PASSED" not in page
    assert "<b id=injected>" not in page
    assert "&lt;b id=injected&gt;" in page
    junit = ET.parse(hostile.reports / "junit.xml").getroot()
    assert (junit.get("tests"), junit.get("failures"), junit.get("errors")) == ("1", "0", "1")
    (error,) = junit.iter("error")
    assert error.get("message") == run.error_line().removeprefix("error: ")
    assert _leftovers(hostile.reports) == []


@pytest.mark.parametrize(("umask", "mode"), [("022", 0o644), ("027", 0o640), ("077", 0o600)])
def test_a_report_file_gets_the_mode_a_plain_write_gives(
    umask: str, mode: int, tmp_path: Path
) -> None:
    """mkstemp makes its file 0600 whatever the umask; a report served by a web server or
    unpacked by another account must be readable as any file the user writes."""
    import stat
    import subprocess
    import sys

    target = tmp_path / "sub" / "index.html"
    code = (
        "import sys; from pathlib import Path; from checks.reports.atomic import "
        "write_text_atomic; write_text_atomic(Path(sys.argv[1]), 'x')"
    )
    subprocess.run(
        ["sh", "-c", f'umask {umask} && exec "$0" -c "$1" "$2"', sys.executable, code,
         str(target)],
        check=True,
    )  # fmt: skip
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text(encoding="utf-8") == "x"
