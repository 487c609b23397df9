"""structure.article-file and structure.sha256-mismatch: each article's text file.

The loader records what it found on disk (status, detail, sha256) without judging it;
these rules turn that record into findings: a text that is missing, unsafe to read, not
a file or not UTF-8, and a text whose sha256 is not the one articles.csv declares (it
changed after its claims were extracted). The Spark engine reuses the builders.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from checks.dataset import Dataset
from checks.emit import row_findings, show
from checks.findings import Finding


def unusable_file_findings(
    file: str, bad: pd.DataFrame, details: Sequence[object], statuses: Sequence[object]
) -> list[Finding]:
    """Article rows whose text file is missing, unsafe, not a file or not UTF-8."""
    return row_findings(
        "structure.article-file",
        "articles",
        file,
        bad,
        (
            f"text_file {show(path)}: {detail}"
            for path, detail in zip(bad["text_file"], details, strict=True)
        ),
        ("text_file",),
        ({"status": s} for s in statuses),
    )


def sha256_findings(
    file: str, bad: pd.DataFrame, actual: Sequence[object], declared: Sequence[object]
) -> list[Finding]:
    """Article rows whose text's sha256 differs from the declared one."""
    return row_findings(
        "structure.sha256-mismatch",
        "articles",
        file,
        bad,
        (
            f"{path} has sha256 {got}, articles.csv says {want}: the text changed after "
            "extraction; re-check its claims, then update sha256"
            for path, got, want in zip(bad["text_file"], actual, declared, strict=True)
        ),
        ("sha256",),
        ({"declared": want, "actual": got} for got, want in zip(actual, declared, strict=True)),
    )


def article_file_findings(ds: Dataset) -> list[Finding]:
    """Each article's text file is present, safe to read, UTF-8, and matches its sha256."""
    articles, texts = ds.tables["articles"], ds.texts
    unusable = texts["status"] != "ok"
    unusable &= articles["text_file"].notna() | (texts["status"] != "missing")
    bad = articles[unusable]
    findings = unusable_file_findings(
        ds.files["articles"],
        bad,
        list(texts.loc[bad.index, "detail"]),
        list(texts.loc[bad.index, "status"]),
    )
    declared = articles["sha256"]
    actual = texts["sha256"]
    mismatch = actual.notna() & declared.notna() & (actual != declared)
    findings += sha256_findings(
        ds.files["articles"], articles[mismatch], list(actual[mismatch]), list(declared[mismatch])
    )
    return findings
