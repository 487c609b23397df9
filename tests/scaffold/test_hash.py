"""`python -m checks hash DIR [--write]`: report and update the sha256 of corrected texts."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.cli import main
from checks.hashes import records, replace_column
from checks.loading.csvtable import LINE, read_table
from tests.conftest import EditCell, read_rows, tree_hashes

ARTICLE = "003_492807fbb42c8eb3"
TEXT = f"articles/{ARTICLE}.txt"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["hash", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _correct_text(root: Path) -> tuple[str, str]:
    """Correct article 003 as a maintainer would; return (old, new) digest."""
    path = root / TEXT
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(path.read_bytes() + b"A sentence restored from the outlet's page.\n")
    return old, hashlib.sha256(path.read_bytes()).hexdigest()


def test_quiet_when_every_text_matches(seed_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_hashes(seed_copy)
    code, out, err = _run(capsys, str(seed_copy))
    assert (code, err) == (0, "")
    assert out == f"{seed_copy / 'articles.csv'}: every sha256 matches its text\n"
    assert tree_hashes(seed_copy) == before


def test_reports_a_corrected_text_and_writes_nothing(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _correct_text(seed_copy)
    before = tree_hashes(seed_copy)
    code, out, err = _run(capsys, str(seed_copy))
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"{seed_copy / TEXT}: declared {old}, actual {new}",
        "1 mismatch(es); `--write` updates the sha256 column",
    ]
    assert tree_hashes(seed_copy) == before


def test_write_changes_that_cell_and_no_other_byte(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _correct_text(seed_copy)
    articles = seed_copy / "articles.csv"
    before = articles.read_bytes()
    mode = articles.stat().st_mode
    code, out, _ = _run(capsys, str(seed_copy), "--write")
    assert code == 0
    assert out == f"{seed_copy / TEXT}: declared {old}, actual {new} (written)\n"
    assert articles.read_bytes() == before.replace(old.encode(), new.encode())
    assert articles.stat().st_mode == mode
    assert [p.name for p in seed_copy.iterdir() if p.name.startswith(".")] == []
    assert _run(capsys, str(seed_copy))[0] == 0


def test_write_keeps_crlf_a_bom_and_a_quoted_cell(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _correct_text(seed_copy)
    articles = seed_copy / "articles.csv"
    quoted = f'"{old}"'.encode()
    data = b"\xef\xbb\xbf" + articles.read_bytes().replace(b"\n", b"\r\n")
    data = data.replace(b"," + old.encode(), b"," + quoted)
    articles.write_bytes(data)
    assert _run(capsys, str(seed_copy), "--write")[0] == 0
    assert articles.read_bytes() == data.replace(quoted, f'"{new}"'.encode())


def test_fills_an_empty_cell_and_names_a_malformed_one(
    edit_cell: EditCell, seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_cell("articles", ARTICLE, "sha256", "")
    edit_cell("articles", "002_e3ca868f480167ee", "sha256", "not\x1b[31mhex")
    code, out, _ = _run(capsys, str(seed_copy))
    assert code == 1
    assert f"{seed_copy / TEXT}: declared (empty), actual " in out
    assert "declared 'not\\x1b[31mhex', actual " in out, "shown as text, never as escapes"
    assert _run(capsys, str(seed_copy), "--write")[0] == 0
    rows = {r["article_id"]: r["sha256"] for r in read_rows(seed_copy / "articles.csv")}
    assert rows[ARTICLE] == hashlib.sha256((seed_copy / TEXT).read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("text_file", "message"),
    [
        ("../outside.txt", "text_file must not contain '..'"),
        ("/etc/hostname", "text_file must be relative to the dataset folder"),
        ("articles/gone.txt", "file not found"),
    ],
)
def test_refuses_texts_the_loader_refuses_and_writes_nothing(
    edit_cell: EditCell,
    seed_copy: Path,
    capsys: pytest.CaptureFixture[str],
    text_file: str,
    message: str,
) -> None:
    _correct_text(seed_copy)
    line = edit_cell("articles", "002_e3ca868f480167ee", "text_file", text_file)
    before = tree_hashes(seed_copy)
    code, out, err = _run(capsys, str(seed_copy), "--write")
    assert (code, out) == (2, "")
    assert err == (
        f"error: {seed_copy / text_file}: {message} (articles.csv line {line}); nothing written\n"
    )
    assert tree_hashes(seed_copy) == before


def test_refuses_a_link_out_of_the_folder(
    edit_cell: EditCell, seed_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not a dataset file\n", encoding="utf-8")
    os.symlink(secret, seed_copy / "articles" / "link.txt")
    edit_cell("articles", ARTICLE, "text_file", "articles/link.txt")
    code, _, err = _run(capsys, str(seed_copy))
    assert code == 2
    assert "text_file leads outside the dataset folder" in err
    assert err.count("\n") == 1


def test_refuses_a_table_that_links_out_or_is_malformed(
    seed_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = seed_copy / "articles.csv"
    elsewhere = tmp_path / "articles.csv"
    articles.rename(elsewhere)
    os.symlink(elsewhere, articles)
    code, _, err = _run(capsys, str(seed_copy), "--write")
    assert code == 2
    assert err.startswith(f"error: {articles}: is a link leading outside the dataset folder")
    articles.unlink()
    articles.write_bytes(elsewhere.read_bytes() + b'x,"unterminated\n')
    code, _, err = _run(capsys, str(seed_copy))
    assert code == 2
    assert ": unterminated quoted field" in err
    code, _, err = _run(capsys, str(tmp_path / "missing"))
    assert (code, err) == (2, f"error: {tmp_path / 'missing'}: dataset folder not found\n")


def test_a_failed_write_leaves_the_file_whole(
    seed_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _correct_text(seed_copy)
    before = tree_hashes(seed_copy)

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)  # the seam hashes writes through
    code, out, err = _run(capsys, str(seed_copy), "--write")
    assert (code, out) == (2, "")
    assert err == f"error: {seed_copy / 'articles.csv'}: cannot write: No space left on device\n"
    assert tree_hashes(seed_copy) == before, "no temporary file left behind either"


cells = st.lists(st.sampled_from(["a", "b", ",", '"', "\n", "\r\n", " "]), max_size=6).map("".join)


@given(
    st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n"]),
    st.data(),
)
def test_replace_column_changes_only_the_chosen_cells(
    rows: list[list[str]], ending: str, data: st.DataObject
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=ending)
    writer.writerow(["k", "sha256", "v"])
    writer.writerows(rows)
    text = buffer.getvalue()
    table = records(text)
    parsed = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_text(text, encoding="utf-8", newline="")
        lines = list(read_table(path, ["k", "sha256", "v"], []).frame[LINE])
    assert [r.line for r in table[1:]] == lines, "the loader's row lines"
    assert [[text[a:b].replace('""', '"') for a, b in r.spans] for r in table] == parsed
    chosen = data.draw(st.sets(st.integers(min_value=1, max_value=len(table) - 1)))
    values = {table[i].line: f"{i:064x}" for i in chosen}
    updated = replace_column(Path("t.csv"), text, "sha256", values)
    expected = [row[:] for row in parsed]
    for i in chosen:
        expected[i][1] = f"{i:064x}"
    assert [r for r in csv.reader(io.StringIO(updated, newline="")) if r] == expected
    if not chosen:
        assert updated == text
