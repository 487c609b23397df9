"""The Spark engine gives the same results as the pandas engine, finding for finding.

Each case damages a copy of the seed in many places at once (distinct rows, so the
damages do not hide each other), runs both engines, and compares the whole
results.json document. The expected rule ids prove each case is not trivially equal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EditCell, read_rows, tree_hashes, write_rows
from tests.spark.parity import assert_same

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark

A0, A1, A2, A3, A4 = (
    "000_0a0d7547dc9b15ac",
    "001_d50ba9a2f3eb9e63",
    "002_e3ca868f480167ee",
    "003_492807fbb42c8eb3",
    "004_f32f15c4400c8287",
)
Edit = tuple[str, str, str, str]


def test_seed_gives_no_findings_on_either_engine(spark: Any, seed_copy: Path) -> None:
    before = tree_hashes(seed_copy)
    document = assert_same(seed_copy)
    assert document["findings"] == []
    assert document["row_counts"]["claims"] == 30
    assert tree_hashes(seed_copy) == before, "a check wrote into the dataset"


CASES: dict[str, tuple[list[Edit], set[str]]] = {  # edits, rules that must fire
    "claims-structure": (
        [
            ("claims", "c0003", "claim_id", "c 3"),
            ("claims", "c0004", "low", "two"),
            ("claims", "c0006", "quote", ""),
            ("claims", "c0008", "field", "wounded"),
            ("claims", "c0012", "qualifier", "roughly"),
            ("claims", "c0013", "article_id", "999_unknown"),
            ("claims", "c0015", "incident_id", "nowhere-1999"),
            ("claims", "c0019", "high", "94"),
            ("claims", "c0022", "low", "9"),
            ("claims", "c0024", "actor", ""),
            ("claims", "c0017", "low", "3"),
            ("claims", "c0025", "low", "-2"),
            ("claims", "c0028", "kind", "often"),
            ("claims", "c0001", "claim_id", "c0002"),
        ],
        {
            "structure.unique-key",
            "structure.id-format",
            "structure.type",
            "structure.required",
            "structure.enum",
            "structure.reference",
            "structure.interval-order",
            "structure.claim-shape",
        },
    ),
    "incidents-structure": (
        [
            ("incidents", "mumbai-2008", "killed_best", "170"),
            ("incidents", "mumbai-2008", "country", "in"),
            ("incidents", "mumbai-2008", "perpetrator", "let;hizb;"),
            ("incidents", "mumbai-2008", "name", ""),
            ("incidents", "lahore-2010-ahmadi-mosques", "injured_low", "x"),
            ("incidents", "lahore-2010-ahmadi-mosques", "start_date", "1990-01-01"),
            ("incidents", "lahore-2010-ahmadi-mosques", "end_date", "2031-05-28"),
            ("incidents", "karachi-2015-ismaili-bus", "country", "XX"),
            ("incidents", "karachi-2015-ismaili-bus", "start_date", "2015-02-30"),
            ("incidents", "quetta-2016-police-academy", "target_type", "tourists"),
            ("incidents", "quetta-2016-police-academy", "claimed_by", " is ; lej-al-alami"),
            ("incidents", "quetta-2013-bombings", "end_date", "2013-06-30"),
            ("incidents", "quetta-2016-compound-raid", "start_date", "2016-10-31"),
            ("incidents", "quetta-2016-compound-raid", "date_precision", "decade"),
            ("incidents", "quetta-2016-compound-raid", "incident_id", "quetta-2013-bombings"),
        ],
        {
            "structure.interval-order",
            "structure.country-code",
            "structure.reference",
            "structure.required",
            "structure.type",
            "structure.enum",
            "structure.date-precision",
            "structure.date-order",
            "structure.date-plausible",
            "structure.unique-key",
            "consistency.unknown-actor",
        },
    ),
    "articles-actors-structure": (
        [
            ("articles", A0, "published", "2031-01-01"),
            ("articles", A1, "published_basis", "guessed"),
            ("articles", A2, "published", "2016-13"),
            ("articles", A2, "sha256", "abc"),
            ("articles", A3, "published_note", ""),
            ("articles", A4, "url", "not a url"),
            ("articles", A4, "text_file", "articles/missing.txt"),
            ("actors", "lej-al-alami", "parent", "lej-central"),
            ("actors", "lej", "name", "Tehrik-e-Taliban Pakistan"),
            ("exclusions", A2, "article_id", "999_x"),
        ],
        {
            "structure.date-plausible",
            "structure.enum",
            "structure.type",
            "structure.format",
            "structure.published-note",
            "structure.article-file",
            "structure.reference",
            "structure.unique-key",
        },
    ),
    "article-files": (
        [
            ("articles", A0, "published", "26 Oct 2016"),
            ("articles", A1, "text_file", "articles"),
            ("articles", A2, "text_file", "../../etc/passwd"),
            ("articles", A3, "sha256", "0" * 64),
            ("articles", A4, "text_file", "/etc/passwd"),
        ],
        {"structure.format", "structure.article-file", "structure.sha256-mismatch"},
    ),
    "consistency-1": (
        [
            ("claims", "c0018", "quote", "the Monday night raid that killed 61 people"),
            ("claims", "c0018", "low", "45"),
            ("claims", "c0018", "high", "45"),
            ("incidents", "mumbai-2008", "killed_low", "150"),
            ("claims", "c0030", "actor", "Jaish-e-Mohammed"),
            ("claims", "c0009", "field", "perpetrator"),
            ("articles", A4, "published", "2008-10-30"),
        ],
        {
            "consistency.claims-disagree",
            "consistency.incident-outside-consensus",
            "consistency.unknown-actor",
            "consistency.actor-mismatch",
            "consistency.article-before-incident",
        },
    ),
    "consistency-2": (
        [
            ("incidents", "quetta-2016-police-academy", "killed_best", "63"),
            ("incidents", "quetta-2016-police-academy", "killed_high", "63"),
            ("claims", "c0018", "low", "58"),
            ("claims", "c0018", "high", "58"),
            ("articles", A3, "published", "2023-12-06"),
            ("incidents", "mumbai-2008", "perpetrator", "is"),
        ],
        {
            "consistency.later-lower-toll",
            "consistency.relative-date-mismatch",
            "consistency.actor-mismatch",
        },
    ),
    "edge-values": (
        [
            ("claims", "c0010", "claim_id", ""),
            ("claims", "c0011", "claim_id", ""),
            ("claims", "c0021", "incident_id", ""),
            ("claims", "c0021", "actor", "Nobody in actors.csv"),
            ("claims", "c0014", "claim_id", "c0014\n"),
            ("articles", A0, "published", "２０１０-05-29"),
            ("articles", A1, "url", "https://example.org/a\u00a0b"),
            ("articles", A2, "url", "https://example.org/\x0bb"),
            ("incidents", "quetta-2013-bombings", "claimed_by", ""),
            ("incidents", "mumbai-2008", "killed_high", "999999999999999"),
            ("incidents", "quetta-2016-police-academy", "killed_best", "63"),
            ("incidents", "quetta-2016-police-academy", "killed_high", "63"),
        ],
        {
            "consistency.best-not-conservative",
            "structure.required",
            "structure.id-format",
            "structure.format",
            "consistency.unknown-actor",
        },
    ),
}


def _empty_column(table: str, column: str) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        path = root / f"{table}.csv"
        rows = read_rows(path)
        for row in rows:
            row[column] = ""
        write_rows(path, rows)

    return damage


def _bad_text(root: Path) -> None:
    path = root / "articles" / f"{A3}.txt"
    path.write_bytes(path.read_bytes() + b"\nbad \xe9 byte\n")


def _outside_link(root: Path) -> None:
    secret = root.parent / "secret.txt"
    secret.write_text("not for the gate", encoding="utf-8")
    (root / "articles" / "link.txt").symlink_to(secret)
    rows = read_rows(root / "articles.csv")
    rows[0]["text_file"] = "articles/link.txt"
    write_rows(root / "articles.csv", rows)


def _no_optional_columns(root: Path) -> None:
    for table, drop in (("claims", {"kind", "note"}), ("actors", {"parent", "aliases"})):
        path = root / f"{table}.csv"
        rows = [{k: v for k, v in row.items() if k not in drop} for row in read_rows(path)]
        write_rows(path, rows)
    (root / "exclusions.csv").unlink()


FILE_DAMAGE: dict[str, list[Callable[[Path], None]]] = {
    "incidents-structure": [_no_optional_columns],
    "article-files": [_bad_text, _outside_link],
    "consistency-2": [_empty_column("incidents", "claimed_by")],
}
"""Damage done to files (not cells) in the same cases, applied after the edits."""


@pytest.mark.parametrize("case", sorted(CASES))
def test_damaged_copies_give_identical_findings(
    spark: Any, seed_copy: Path, edit_cell: EditCell, case: str
) -> None:
    edits, expected = CASES[case]
    for table, key, column, value in edits:
        edit_cell(table, key, column, value)
    for damage in FILE_DAMAGE.get(case, []):
        damage(seed_copy)
    document = assert_same(seed_copy)
    fired = {f["rule_id"] for f in document["findings"]}
    assert expected <= fired, f"did not fire: {sorted(expected - fired)}"
