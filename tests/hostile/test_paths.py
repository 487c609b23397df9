"""Item 3: text_file values and table files that lead outside the dataset folder, or to
devices and pipes, are refused and never opened.

"Never opened" is proven with FIFOs: opening a FIFO with no writer blocks forever, so
every outside target here is a FIFO, and each run is guarded by an alarm (in-process)
or a subprocess timeout. A run that opened one would hang and fail, not pass.
"""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.hostile.builder import Hostile, Outcome

ARTICLE = "000_0a0d7547dc9b15ac"
GUARD_SECONDS = 60


class Hung(Exception):
    """The run blocked: it opened something it should have refused."""


@contextmanager
def no_hang(seconds: int = GUARD_SECONDS) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hung(f"the run blocked for {seconds} s (it opened a pipe?)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def guarded(hostile: Hostile) -> Outcome:
    with no_hang():
        return hostile.validate()


@pytest.fixture
def outside_fifo(tmp_path: Path) -> Path:
    """A pipe outside the dataset folder: opening it for reading would block forever."""
    fifo = tmp_path / "outside" / "secret.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    return fifo


def _only_article_file_finding(hostile: Hostile, run: Outcome, status: str) -> None:
    line = hostile.line_of("articles.csv", ARTICLE)
    assert run.code == 1
    found = [f for f in run.findings() if f["rule_id"] == "structure.article-file"]
    assert [(f["line"], f["columns"], f["evidence"]) for f in found] == [
        (line, ["text_file"], {"status": status})
    ]
    # the article's text is unavailable, so no rule says anything about its content
    assert {f["rule_id"] for f in run.findings()} == {"structure.article-file"}


@pytest.mark.parametrize(
    ("kind", "status"),
    [("dotdot", "outside-dataset"), ("absolute", "absolute-path"), ("link", "outside-dataset")],
)
def test_text_file_leading_outside_is_refused_unread(
    hostile: Hostile, outside_fifo: Path, kind: str, status: str
) -> None:
    if kind == "dotdot":
        value = os.path.relpath(outside_fifo, hostile.root)
        assert value.startswith("..")
    elif kind == "absolute":
        value = str(outside_fifo)
    else:
        link = hostile.path("articles/link.txt")
        link.symlink_to(outside_fifo)
        value = "articles/link.txt"
    hostile.set_cell("articles.csv", ARTICLE, "text_file", value)
    run = guarded(hostile)
    _only_article_file_finding(hostile, run, status)


@pytest.mark.parametrize(
    "kind", ["fifo", "directory", "link-to-fifo-inside", "dev-null-link", "zero-device"]
)
def test_text_file_that_is_not_a_regular_file_is_refused(hostile: Hostile, kind: str) -> None:
    target = hostile.path("articles/odd.txt")
    status = "not-a-file"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "directory":
        target.mkdir()
    elif kind == "link-to-fifo-inside":
        os.mkfifo(hostile.path("articles/pipe"))
        target.symlink_to(hostile.path("articles/pipe"))
    elif kind == "dev-null-link":
        target.symlink_to("/dev/null")
        status = "outside-dataset"
    else:  # a character device like /dev/zero inside the folder: reading it never ends
        try:
            os.mknod(target, 0o644 | stat.S_IFCHR, os.makedev(1, 5))
        except PermissionError:
            pytest.skip("creating a device node needs CAP_MKNOD")
    hostile.set_cell("articles.csv", ARTICLE, "text_file", "articles/odd.txt")
    run = guarded(hostile)
    _only_article_file_finding(hostile, run, status)


def test_fifo_text_file_does_not_hang_a_child_process(hostile: Hostile) -> None:
    os.mkfifo(hostile.path("articles/pipe.txt"))
    hostile.set_cell("articles.csv", ARTICLE, "text_file", "articles/pipe.txt")
    run = hostile.validate_subprocess(timeout=GUARD_SECONDS)
    assert run.code == 1
    line = hostile.line_of("articles.csv", ARTICLE)
    assert (
        f"{hostile.path('articles.csv')}:{line}: error [structure.article-file] "
        "text_file 'articles/pipe.txt': not a regular file (directory, device or pipe)"
    ) in run.out


@pytest.mark.parametrize("name", ["claims.csv", "rules.toml"])
def test_table_or_rules_link_leading_outside_is_refused(
    hostile: Hostile, outside_fifo: Path, name: str
) -> None:
    hostile.path(name).unlink()
    hostile.path(name).symlink_to(outside_fifo)
    run = guarded(hostile)
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(name)}: is a link leading outside the dataset folder "
        f"(to {outside_fifo}); refused"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("claims.csv", "table is not a regular file"),
        ("rules.toml", "the rules file is not a regular file"),
        ("exclusions.csv", "table is not a regular file"),
    ],
)
def test_table_or_rules_fifo_is_refused(hostile: Hostile, name: str, message: str) -> None:
    hostile.path(name).unlink()
    os.mkfifo(hostile.path(name))
    run = guarded(hostile)
    assert run.code == 2
    assert run.error_line() == f"error: {hostile.path(name)}: {message}"


def test_rules_fifo_does_not_hang_a_child_process(hostile: Hostile) -> None:
    hostile.path("rules.toml").unlink()
    os.mkfifo(hostile.path("rules.toml"))
    run = hostile.validate_subprocess(timeout=GUARD_SECONDS)
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path('rules.toml')}: the rules file is not a regular file"
    )
