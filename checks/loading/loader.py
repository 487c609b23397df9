"""Load a dataset folder into a `Dataset`, or raise CannotRun (exit 2) saying why not."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from checks.catalogue import RULES, rule
from checks.dataset import OPTIONAL_TABLES, TABLES, Dataset
from checks.errors import CannotRun
from checks.findings import Finding
from checks.loading.csvtable import LINE, read_table
from checks.loading.texts import read_texts
from checks.rulesfile import RULES_FILE, load_rules
from checks.structure.schemas import SCHEMAS

WRONG_RULES_FILES = ("rules.yaml", "rules.yml", "rules.json")
"""Rules files of another format: refused, since silently ignoring one loosens the gate."""


def load_dataset(root: Path) -> tuple[Dataset, list[Finding]]:
    """Read every table, the article texts and the rules file of the folder `root`.

    Returns the dataset and the findings reading itself produced (unknown columns).
    Nothing under `root` is ever written. `load_table` reads one table alone, for
    `--base` to diff only the tables whose bytes changed.
    """
    if not root.is_dir():
        raise CannotRun(root, "dataset folder not found")
    for other in WRONG_RULES_FILES:
        if (root / other).exists() or (root / other).is_symlink():
            raise CannotRun(
                root / other,
                f"the rules file is {RULES_FILE} (TOML); {other} is not read: "
                f"move its settings into {RULES_FILE} and delete it",
            )
    refuse_outside(root, root / RULES_FILE)
    rules = load_rules(root / RULES_FILE, set(RULES))
    tables = {}
    files = {}
    findings: list[Finding] = []
    for name in TABLES + OPTIONAL_TABLES:
        files[name] = str(root / f"{name}.csv")
        tables[name], unknown = load_table(root, name)
        findings += unknown
    texts = read_texts(root, tables["articles"])
    dataset = Dataset(root=root, tables=tables, files=files, texts=texts, rules=rules)
    return dataset, findings


def load_table(root: Path, name: str) -> tuple[pd.DataFrame, list[Finding]]:
    """One table of the folder as read (an optional table's file may be absent), and a
    `load.unknown-column` finding per column the data model does not have."""
    schema = SCHEMAS[name].to_schema()
    columns = list(schema.columns)
    required = [col for col, spec in schema.columns.items() if spec.required]
    path = root / f"{name}.csv"
    if name in OPTIONAL_TABLES and not path.exists() and not path.is_symlink():
        return _empty_table(columns), []
    refuse_outside(root, path)
    raw = read_table(path, columns, required)
    unknown = rule("load.unknown-column")
    findings = [
        Finding(
            rule_id=unknown.id,
            severity=unknown.severity,
            layer=unknown.layer,
            message=f"column {column!r} is not part of the data model and is ignored",
            table=name,
            file=str(path),
            line=1,
            columns=(column,),
        )
        for column in raw.unknown_columns
    ]
    return raw.frame, findings


def refuse_outside(root: Path, path: Path) -> None:
    """A table or rules file that is a link leading out of `root` is refused, never read."""
    if not path.is_symlink():
        return
    target = path.resolve()
    base = root.resolve()
    if base not in target.parents:
        raise CannotRun(
            path, f"is a link leading outside the dataset folder (to {target}); refused"
        )


def _empty_table(columns: list[str]) -> pd.DataFrame:
    """An optional table whose file is absent: its columns, no rows."""
    frame = pd.DataFrame({name: pd.array([], dtype="str") for name in columns})
    frame[LINE] = pd.array([], dtype="int64")
    return frame
