"""Build the `Change` for `validate --base REF`: diff the tables, re-check the base's verdicts.

The base is unpacked from git into a temporary directory, loaded and checked with the
pandas layers only (no Great Expectations state, no reports): its findings serve only
to know which incidents were in conflict before the change.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from pathlib import Path

from checks.change.diff import diff_table
from checks.change.gitref import checkout_base
from checks.change.model import Change, TableChange, VerdictChange
from checks.consistency.verdicts import incident_verdicts
from checks.dataset import OPTIONAL_TABLES, TABLES, Dataset
from checks.errors import CannotRun
from checks.loading.loader import load_dataset
from checks.pipeline import check_dataset


def verdict_changes(
    before: Mapping[str, str] | None, after: Mapping[str, str]
) -> tuple[VerdictChange, ...]:
    """Incidents whose verdict differs (an incident new or gone has None on that side)."""
    old = dict(before or {})
    ids = sorted(set(old) | set(after))
    return tuple(
        VerdictChange(i, old.get(i), after.get(i)) for i in ids if old.get(i) != after.get(i)
    )


def compare_with_base(
    head: Dataset,
    head_verdicts: Mapping[str, str],
    ref: str,
    today: dt.date | None = None,
    cache_dir: Path | None = None,
) -> Change:
    """The change from the dataset at `ref` to `head` (raises CannotRun for a bad ref).

    The base is checked in full for its verdicts; with `cache_dir`, the texts the change
    did not touch are read from the statement cache, as in the head's run.
    """
    names = TABLES + OPTIONAL_TABLES
    with tempfile.TemporaryDirectory(prefix="checks-base-") as tmp:
        base_tree = checkout_base(head.root, ref, Path(tmp))
        if base_tree.folder is None:
            tables = tuple(diff_table(n, None, head.tables.get(n)) for n in names)
            return Change(
                ref, base_tree.commit, False, tables, verdict_changes(None, head_verdicts)
            )
        try:
            base, base_findings = load_dataset(base_tree.folder)
            layer_findings, typed = check_dataset(base, today=today, cache_dir=cache_dir)
        except CannotRun as exc:
            reason = exc.one_line().replace(str(base_tree.folder), f"{ref}:{head.root}")
            return Change(ref, base_tree.commit, True, (), (), base_error=reason)
        before = incident_verdicts(typed, [*base_findings, *layer_findings])
        diffs: tuple[TableChange, ...] = tuple(
            diff_table(n, base.tables.get(n), head.tables.get(n)) for n in names
        )
        return Change(ref, base_tree.commit, True, diffs, verdict_changes(before, head_verdicts))
