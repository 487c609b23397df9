"""Reading article texts: the string-path reading agrees with pathlib's, link by link.

`checks.loading.texts` maps a `text_file` cell to a file inside the dataset with plain
strings (pathlib's parsing cost more than the reading itself at 100,000 articles). The
oracle here is the pathlib reading it replaced: the same refusals, the same target,
the same path shown in findings, on hypothesis-made cells, with links inside the
folder that lead out of it and links that stay in.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.loading.texts import read_texts, resolve_inside


def pathlib_reading(root: Path, relative: str) -> tuple[str | None, str]:
    """The reading before strings: Path parts, Path.parents, and realpath (the old code
    called Path.resolve(), which raised RuntimeError on a link loop: a traceback)."""
    candidate = Path(relative)
    if candidate.is_absolute() or relative.startswith(("/", "\\")) or ":" in relative[:3]:
        return None, "absolute-path"
    if ".." in candidate.parts:
        return None, "outside-dataset"
    root_real = root.resolve()
    target = Path(os.path.realpath(root / candidate))
    if target != root_real and root_real not in target.parents:
        return None, "outside-dataset"
    return str(root / candidate), "ok"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset folder with a plain file, a sub-folder, a link out and a link in."""
    base = tmp_path_factory.mktemp("texts")
    root = base / "dataset"
    (root / "articles" / "sub").mkdir(parents=True)
    (root / "articles" / "a.txt").write_text("a", encoding="utf-8")
    (root / "articles" / "sub" / "b.txt").write_text("b", encoding="utf-8")
    (base / "secret.txt").write_text("s", encoding="utf-8")
    (root / "articles" / "out").symlink_to(base)
    (root / "articles" / "in").symlink_to(root / "articles" / "sub")
    (root / "articles" / "loop").symlink_to(root / "articles" / "loop")
    return root


PART = st.sampled_from(
    ["articles", "a.txt", "sub", "b.txt", "out", "in", "loop", "secret.txt", "..", ".", "",
     "x:y", "C:", "\\", "é.txt", "dataset"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(PART, min_size=1, max_size=5), lead=st.sampled_from(["", "/", "./"]))
def test_string_reading_agrees_with_pathlib(folder: Path, parts: list[str], lead: str) -> None:
    relative = lead + "/".join(parts)
    for root in (folder, Path(os.path.relpath(folder))):
        real = os.path.realpath(root)
        path, status, _, _ = resolve_inside(str(root), relative, real)
        assert (path, status) == pathlib_reading(root, relative), relative
        # As read_texts reads a dataset: one memory of which folders are links, shared by
        # every article (here, by every example) gives each path the same answer.
        shared = FOLDERS.setdefault(str(root), {})
        assert resolve_inside(str(root), relative, real, shared)[:2] == (path, status), relative


FOLDERS: dict[str, dict[str, bool]] = {}


@pytest.mark.parametrize(
    ("relative", "status"),
    [
        ("articles/a.txt", "ok"),
        ("articles//./a.txt", "ok"),
        ("articles/in/b.txt", "ok"),
        ("articles/out/secret.txt", "outside-dataset"),
        ("articles/../../secret.txt", "outside-dataset"),
        ("/etc/passwd", "absolute-path"),
        ("C:/x.txt", "absolute-path"),
        ("articles/sub", "not-a-file"),
        ("articles/none.txt", "missing"),
        ("articles/loop", "unreadable"),
    ],
)
def test_each_status_and_the_path_findings_name(folder: Path, relative: str, status: str) -> None:
    articles = pd.DataFrame({"article_id": ["A1"], "text_file": [relative]})
    row = read_texts(folder, articles).iloc[0]
    assert row["status"] == status
    assert row["path"] == str(folder / relative)
    assert (row["text"] is not None) == (status == "ok")


def test_many_articles_read_together_each_get_their_own_status(folder: Path) -> None:
    """One read of many articles (links remembered per folder) gives what one at a time
    gives, in either order: a link folder's answer never leaks to its neighbours."""
    cases = [
        ("articles/out/secret.txt", "outside-dataset"),
        ("articles/a.txt", "ok"),
        ("articles/in/b.txt", "ok"),
        ("articles/sub/b.txt", "ok"),
        ("articles/out/secret.txt", "outside-dataset"),
        ("articles/loop", "unreadable"),
    ]
    for order in (cases, cases[::-1]):
        articles = pd.DataFrame(
            {"article_id": [f"A{i}" for i in range(len(order))], "text_file": [r for r, _ in order]}
        )
        assert read_texts(folder, articles)["status"].tolist() == [s for _, s in order]


def test_a_text_longer_than_one_read_is_read_whole(tmp_path: Path) -> None:
    text = "".join(f"line {i} é\n" for i in range(300_000))  # about 3.3 MB
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    row = read_texts(tmp_path, pd.DataFrame({"article_id": ["A"], "text_file": ["big.txt"]}))
    assert row["text"].iloc[0] == text
    assert row["sha256"].iloc[0] == hashlib.sha256(text.encode()).hexdigest()
