"""Build the `Change` for `validate --base REF`: diff the tables, the base's verdicts.

The base is unpacked from git into a temporary directory and its tables are diffed
with the head's. Its verdicts (which incidents were in conflict before the change)
come from the verdict cache when a run already checked that tree; otherwise it is
checked with the pandas layers only (no Great Expectations state, no reports).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from checks.cache.verdicts import VerdictCache
from checks.change.diff import diff_table
from checks.change.gitref import clean_tree, resolve_base, unpack_base
from checks.change.model import Change, TableChange, VerdictChange
from checks.consistency.verdicts import incident_verdicts
from checks.dataset import OPTIONAL_TABLES, TABLES, Dataset
from checks.errors import CannotRun
from checks.findings import Finding
from checks.loading.loader import load_dataset, load_table
from checks.pipeline import apply_severity, check_dataset


def verdict_changes(
    before: Mapping[str, str] | None, after: Mapping[str, str]
) -> tuple[VerdictChange, ...]:
    """Incidents whose verdict differs (an incident new or gone has None on that side)."""
    old = dict(before or {})
    ids = sorted(set(old) | set(after))
    return tuple(
        VerdictChange(i, old.get(i), after.get(i)) for i in ids if old.get(i) != after.get(i)
    )


def base_verdicts(
    base: Dataset,
    load_findings: list[Finding],
    today: dt.date | None,
    cache_dir: Path | None,
    jobs: int = 1,
) -> dict[str, str]:
    """Check the base in full (every layer but GX) for its incidents' verdicts."""
    layer_findings, typed = check_dataset(base, today=today, cache_dir=cache_dir, jobs=jobs)
    findings = apply_severity([*load_findings, *layer_findings], base.rules.severity)
    return incident_verdicts(typed, findings)


def remember_verdicts(
    dataset: Path, verdicts: Mapping[str, str], cache_dir: Path, today: dt.date | None = None
) -> bool:
    """Keep a run's verdicts for a later `--base` that names this state of the dataset.

    Only a folder exactly as committed has a tree id to key them by; returns whether
    they were kept.
    """
    tree = clean_tree(dataset)
    if tree is None:
        return False
    VerdictCache(cache_dir, today or dt.date.today()).put(tree, verdicts)
    return True


def compare_with_base(
    head: Dataset,
    head_verdicts: Mapping[str, str],
    ref: str,
    today: dt.date | None = None,
    cache_dir: Path | None = None,
    jobs: int = 1,
) -> Change:
    """The change from the dataset at `ref` to `head` (raises CannotRun for a bad ref).

    The base's verdicts come from the cache when a run has already checked the base's
    tree (same gate source, same day); otherwise the base is checked in full, with
    the statements of unchanged texts read from the statement cache, and its verdicts
    are kept for the next time. Either way the tables are diffed as read.
    """
    names = TABLES + OPTIONAL_TABLES
    verdict_cache = None if cache_dir is None else VerdictCache(cache_dir, today or dt.date.today())
    base_ref = resolve_base(head.root, ref)
    known = None
    if verdict_cache is not None and base_ref.tree is not None:
        known = verdict_cache.get(base_ref.tree)
    with tempfile.TemporaryDirectory(prefix="checks-base-") as tmp:
        base_tree = unpack_base(base_ref, Path(tmp), tables_only=known is not None)
        if base_tree.folder is None:
            tables = tuple(diff_table(n, None, head.tables.get(n)) for n in names)
            return Change(
                ref, base_tree.commit, False, tables, verdict_changes(None, head_verdicts)
            )
        try:
            base = None
            if known is not None:
                before = known
            else:
                base, load_findings = load_dataset(base_tree.folder)
                before = base_verdicts(base, load_findings, today, cache_dir, jobs)
                if verdict_cache is not None and base_ref.tree is not None:
                    verdict_cache.put(base_ref.tree, before)
            diffs = tuple(diff_tables(base_tree.folder, base, head))
        except CannotRun as exc:
            reason = exc.one_line().replace(str(base_tree.folder), f"{ref}:{head.root}")
            return Change(ref, base_tree.commit, True, (), (), base_error=reason)
        return Change(ref, base_tree.commit, True, diffs, verdict_changes(before, head_verdicts))


def same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (both absent counts as the same)."""
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        return a.read_bytes() == b.read_bytes()
    except FileNotFoundError:
        return not a.exists() and not b.exists()
    except OSError:
        return False


def diff_tables(base_folder: Path, base: Dataset | None, head: Dataset) -> Iterator[TableChange]:
    """Each table's change; a file with the same bytes on both sides is not read again.

    `base` holds the base's tables when it was loaded to be checked; otherwise the
    tables that differ are read from `base_folder` here.
    """
    for name in TABLES + OPTIONAL_TABLES:
        if same_bytes(base_folder / f"{name}.csv", head.root / f"{name}.csv"):
            yield TableChange(name, (), (), ())
            continue
        frame = base.tables.get(name) if base is not None else load_table(base_folder, name)[0]
        yield diff_table(name, frame, head.tables.get(name))
