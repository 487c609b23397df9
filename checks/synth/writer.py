"""Write a built dataset to disk: texts first, then the tables with their sha256 digests.

Output is a pure function of the tables: CSVs with "\\n" line ends and minimal quoting,
texts as UTF-8, so the same input gives byte-identical files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from checks.synth import vocab
from checks.synth.build import Tables


def _csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n")


def write(tables: Tables, root: Path) -> None:
    """Write `tables` as a dataset folder `root` (created; must not exist or be empty)."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    digests: dict[str, str] = {}
    for article_id, text in tables.texts.items():
        data = text.encode("utf-8")
        (root / "articles" / f"{article_id}.txt").write_bytes(data)
        digests[article_id] = hashlib.sha256(data).hexdigest()
    articles = tables.articles.copy()
    unset = articles["sha256"].eq("")
    articles.loc[unset, "sha256"] = articles.loc[unset, "article_id"].map(digests)
    _csv(articles, root / "articles.csv")
    _csv(tables.incidents, root / "incidents.csv")
    _csv(tables.claims, root / "claims.csv")
    _csv(tables.actors, root / "actors.csv")
    _csv(tables.exclusions, root / "exclusions.csv")
    (root / "rules.toml").write_text(vocab.RULES_TOML, encoding="utf-8")
