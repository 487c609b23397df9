"""Read a dataset folder as it was at a git ref, with the real git command line.

`git archive` writes the folder's tree at the ref as a tar stream; it is unpacked
into a temporary directory with tarfile's "data" filter, so no member can land
outside it, be a device, or keep unsafe permissions. Nothing in the working tree
is touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from checks.errors import CannotRun


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(cwd), *args], capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise CannotRun(cwd, "--base needs the git command, which is not installed") from None


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace").strip()
    return text.splitlines()[0] if text else "git failed"


def toplevel(path: Path) -> Path | None:
    """The root of the git work tree holding `path`, or None outside any repository."""
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        return None
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode("utf-8").strip())


@dataclass(frozen=True, slots=True)
class BaseTree:
    """Where the dataset at the ref was unpacked (None: the folder did not exist there)."""

    ref: str
    commit: str
    folder: Path | None


def checkout_base(dataset: Path, ref: str, into: Path) -> BaseTree:
    """Unpack `dataset` as it was at `ref` under the empty directory `into`.

    Raises CannotRun (exit 2) when the dataset is not in a git repository or the ref
    does not name a commit.
    """
    root = toplevel(dataset)
    if root is None:
        raise CannotRun(dataset, "--base needs the dataset folder to be inside a git repository")
    if ref.startswith("-"):
        raise CannotRun(dataset, f"--base {ref!r}: not a git ref")
    resolved = _git(
        root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
    )
    if resolved.returncode != 0:
        raise CannotRun(dataset, f"--base {ref!r}: no such commit in {root}")
    commit = resolved.stdout.decode().strip()
    rel = dataset.resolve().relative_to(root.resolve()).as_posix()
    spec = "." if rel == "." else rel
    listed = _git(root, "ls-tree", "-d", "--name-only", commit, "--", spec)
    if listed.returncode != 0:
        raise CannotRun(dataset, f"--base {ref!r}: {_first_line(listed.stderr)}")
    if spec != "." and not listed.stdout.strip():
        return BaseTree(ref=ref, commit=commit, folder=None)
    archived = _git(root, "archive", "--format=tar", commit, "--", spec)
    if archived.returncode != 0:
        raise CannotRun(dataset, f"--base {ref!r}: {_first_line(archived.stderr)}")
    with tarfile.open(fileobj=io.BytesIO(archived.stdout), mode="r:") as tar:
        tar.extractall(into, filter="data")
    return BaseTree(ref=ref, commit=commit, folder=into / rel)
