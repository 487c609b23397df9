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
class BaseRef:
    """The dataset folder at a ref: the commit, the folder's path in the repository, and
    its tree id (None: the folder did not exist at the ref)."""

    ref: str
    commit: str
    root: Path
    spec: str
    tree: str | None


@dataclass(frozen=True, slots=True)
class BaseTree:
    """Where the dataset at the ref was unpacked (None: the folder did not exist there)."""

    ref: str
    commit: str
    folder: Path | None
    tree: str | None = None
    """The git tree id of the folder at the ref (what its verdicts are cached by)."""


def _spec(root: Path, dataset: Path) -> str:
    """The dataset folder as a path inside the repository ("." for its top level)."""
    rel = dataset.resolve().relative_to(root.resolve()).as_posix()
    return "." if rel == "." else rel


def _tree_of(root: Path, commit: str, spec: str) -> str | None:
    """The id of the tree `spec` names at `commit`, or None when it is not a folder there."""
    if spec == ".":
        done = _git(
            root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{commit}^{{tree}}"
        )
        return done.stdout.decode().strip() if done.returncode == 0 else None
    listed = _git(root, "ls-tree", "-z", "-d", "--full-tree", commit, "--", spec)
    # "<mode> tree <id>\t<path>\0" for the folder itself, nothing when it is absent.
    for line in listed.stdout.decode("utf-8", errors="replace").split("\0"):
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if listed.returncode == 0 and path == spec and len(parts) == 3 and parts[1] == "tree":
            return parts[2]
    return None


def clean_tree(dataset: Path) -> str | None:
    """The git tree id of `dataset` when the folder is exactly as committed at HEAD.

    None when it is not in a repository, git is missing, or anything in the folder is
    modified, staged, untracked or ignored (the loader would read content the tree
    does not hold).
    """
    try:
        root = toplevel(dataset)
        if root is None:
            return None
        spec = _spec(root, dataset)
        status = _git(
            root, "--no-optional-locks", "status", "--porcelain", "-z",
            "--untracked-files=all", "--ignored=matching", "--", spec,
        )  # fmt: skip
        if status.returncode != 0 or status.stdout:
            return None
        return _tree_of(root, "HEAD", spec)
    except (CannotRun, ValueError, OSError, subprocess.SubprocessError):
        return None


def resolve_base(dataset: Path, ref: str) -> BaseRef:
    """Name the commit `ref` points at and the dataset folder's tree there.

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
    spec = _spec(root, dataset)
    listed = _git(root, "ls-tree", "-d", "--name-only", commit, "--", spec)
    if listed.returncode != 0:
        raise CannotRun(dataset, f"--base {ref!r}: {_first_line(listed.stderr)}")
    if spec != "." and not listed.stdout.strip():
        return BaseRef(ref, commit, root, spec, None)
    return BaseRef(ref, commit, root, spec, _tree_of(root, commit, spec))


def unpack_base(base: BaseRef, into: Path, tables_only: bool = False) -> BaseTree:
    """Unpack the folder at `base` under the empty directory `into`.

    `tables_only` leaves out its subfolders (the article texts): what the diff of the
    tables needs when the base's verdicts come from the cache.
    """
    if base.tree is None:
        return BaseTree(ref=base.ref, commit=base.commit, folder=None)
    spec = base.spec
    archived = None
    if tables_only:
        top = ":(glob)*" if spec == "." else f":(glob){spec}/*"
        archived = _git(base.root, "archive", "--format=tar", base.commit, "--", top)
    if archived is None or archived.returncode != 0:
        archived = _git(base.root, "archive", "--format=tar", base.commit, "--", spec)
    if archived.returncode != 0:
        raise CannotRun(base.root, f"--base {base.ref!r}: {_first_line(archived.stderr)}")
    with tarfile.open(fileobj=io.BytesIO(archived.stdout), mode="r:") as tar:
        tar.extractall(into, filter="data")
    return BaseTree(ref=base.ref, commit=base.commit, folder=into / spec, tree=base.tree)
