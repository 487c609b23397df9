"""Each structural rule fires on a minimal damage to the seed and stays quiet on a near miss."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checks.findings import Layer, Severity
from checks.pipeline import validate
from tests.conftest import EditCell

TODAY = dt.date(2026, 11, 22)

# (table, row key, column, bad value, rule id)
FIRES = [
    ("claims", "c0003", "claim_id", "c0001", "structure.unique-key"),
    ("claims", "c0003", "claim_id", "c 3", "structure.id-format"),
    ("claims", "c0003", "claim_id", "c0003\n", "structure.id-format"),  # `$` let it pass
    ("claims", "c0003", "article_id", "002_e3ca868f480167ee\r\n", "structure.id-format"),
    ("articles", "002_e3ca868f480167ee", "sha256", "0" * 64 + "\n", "structure.format"),
    ("claims", "c0003", "low", "9", "structure.interval-order"),
    ("claims", "c0003", "low", "two", "structure.type"),
    ("claims", "c0003", "low", "-2", "structure.type"),
    ("claims", "c0003", "quote", "", "structure.required"),
    ("claims", "c0003", "field", "wounded", "structure.enum"),
    ("claims", "c0003", "qualifier", "roughly", "structure.enum"),
    ("claims", "c0003", "article_id", "999_unknown", "structure.reference"),
    ("claims", "c0003", "incident_id", "nowhere-1999", "structure.reference"),
    ("claims", "c0001", "high", "94", "structure.claim-shape"),
    ("claims", "c0005", "actor", "", "structure.claim-shape"),
    ("claims", "c0005", "low", "3", "structure.claim-shape"),
    ("incidents", "mumbai-2008", "killed_best", "170", "structure.interval-order"),
    ("incidents", "mumbai-2008", "killed_low", "172", "structure.interval-order"),
    ("incidents", "mumbai-2008", "injured_low", "x", "structure.type"),
    ("incidents", "mumbai-2008", "country", "XX", "structure.country-code"),
    ("incidents", "mumbai-2008", "country", "in", "structure.country-code"),
    ("incidents", "mumbai-2008", "target_type", "tourists", "structure.enum"),
    ("incidents", "mumbai-2008", "date_precision", "decade", "structure.enum"),
    ("incidents", "mumbai-2008", "start_date", "2008-12-01", "structure.date-order"),
    ("incidents", "mumbai-2008", "start_date", "2008-11-31", "structure.type"),
    ("incidents", "mumbai-2008", "start_date", "1500-11-01", "structure.type"),
    ("incidents", "mumbai-2008", "end_date", "9999-12-31", "structure.type"),
    ("articles", "002_e3ca868f480167ee", "published", "2262-04-12", "structure.format"),
    ("incidents", "mumbai-2008", "end_date", "2008-11-29", "structure.date-precision"),
    ("incidents", "quetta-2013-bombings", "end_date", "2013-06-30", "structure.date-precision"),
    ("incidents", "mumbai-2008", "start_date", "1850-11-01", "structure.date-plausible"),
    ("incidents", "mumbai-2008", "perpetrator", "let;hizb", "structure.reference"),
    (
        "incidents",
        "mumbai-2008",
        "incident_id",
        "lahore-2010-ahmadi-mosques",
        "structure.unique-key",
    ),
    ("incidents", "mumbai-2008", "name", "", "structure.required"),
    ("articles", "002_e3ca868f480167ee", "published", "2016-13", "structure.type"),
    ("articles", "002_e3ca868f480167ee", "published", "26 Oct 2016", "structure.format"),
    ("articles", "002_e3ca868f480167ee", "published", "2031-01-01", "structure.date-plausible"),
    ("articles", "002_e3ca868f480167ee", "published_basis", "guessed", "structure.enum"),
    ("articles", "003_492807fbb42c8eb3", "published_note", "", "structure.published-note"),
    ("articles", "002_e3ca868f480167ee", "sha256", "abc", "structure.format"),
    ("articles", "002_e3ca868f480167ee", "sha256", "0" * 64, "structure.sha256-mismatch"),
    ("articles", "002_e3ca868f480167ee", "url", "not a url", "structure.format"),
    (
        "articles",
        "002_e3ca868f480167ee",
        "text_file",
        "articles/missing.txt",
        "structure.article-file",
    ),
    ("articles", "002_e3ca868f480167ee", "text_file", "../../etc/passwd", "structure.article-file"),
    ("articles", "002_e3ca868f480167ee", "text_file", "/etc/passwd", "structure.article-file"),
    ("articles", "002_e3ca868f480167ee", "text_file", "articles", "structure.article-file"),
    ("actors", "lej-al-alami", "parent", "lej-central", "structure.reference"),
    ("actors", "lej", "name", "Tehrik-e-Taliban Pakistan", "structure.unique-key"),
]

# (table, row key, column, value that looks suspicious but is valid)
QUIET = [
    ("claims", "c0003", "high", "", "structure.interval-order"),  # open-ended high
    ("claims", "c0003", "low", "7", "structure.interval-order"),  # low == high
    ("claims", "c0003", "kind", "", "structure.enum"),  # kind is optional
    ("claims", "c0003", "claim_id", "c0003_b-2.x", "structure.id-format"),
    ("incidents", "mumbai-2008", "killed_high", "", "structure.interval-order"),
    ("incidents", "mumbai-2008", "killed_best", "", "structure.interval-order"),
    ("incidents", "mumbai-2008", "country", "PK", "structure.country-code"),
    ("incidents", "mumbai-2008", "perpetrator", "let; is", "structure.reference"),
    ("incidents", "mumbai-2008", "date_precision", "day", "structure.date-precision"),
    (
        "incidents",
        "quetta-2016-compound-raid",
        "date_precision",
        "week",
        "structure.date-precision",
    ),
    ("articles", "002_e3ca868f480167ee", "published", "2016-10", "structure.format"),
    ("articles", "002_e3ca868f480167ee", "published", "2016", "structure.type"),
    ("articles", "002_e3ca868f480167ee", "published_note", "", "structure.published-note"),
    ("articles", "002_e3ca868f480167ee", "url", "https://example.org/a?b=1", "structure.format"),
    ("actors", "lej-al-alami", "parent", "", "structure.reference"),
]


def test_seed_dataset_has_no_findings(seed_copy: Path) -> None:
    result = validate(seed_copy, today=TODAY)
    assert result.findings == ()
    assert result.exit_code == 0
    assert result.row_counts == {"articles": 5, "incidents": 6, "claims": 30, "actors": 7}


@pytest.mark.parametrize(("table", "key", "column", "value", "rule_id"), FIRES)
def test_rule_fires_on_the_damaged_row(
    seed_copy: Path,
    edit_cell: EditCell,
    table: str,
    key: str,
    column: str,
    value: str,
    rule_id: str,
) -> None:
    line = edit_cell(table, key, column, value)
    result = validate(seed_copy, today=TODAY)
    hits = [f for f in result.findings if f.rule_id == rule_id]
    assert hits, f"{rule_id} did not fire; got {[f.rule_id for f in result.findings]}"
    assert any(f.line == line and f.file == str(seed_copy / f"{table}.csv") for f in hits)
    finding = next(f for f in hits if f.line == line)
    assert finding.severity is Severity.ERROR
    assert finding.layer is Layer.STRUCTURE
    assert finding.table == table
    assert column in finding.columns or rule_id == "structure.claim-shape"
    assert result.exit_code == 1


@pytest.mark.parametrize(("table", "key", "column", "value", "rule_id"), QUIET)
def test_rule_stays_quiet_on_a_near_miss(
    seed_copy: Path,
    edit_cell: EditCell,
    table: str,
    key: str,
    column: str,
    value: str,
    rule_id: str,
) -> None:
    edit_cell(table, key, column, value)
    result = validate(seed_copy, today=TODAY)
    assert [f for f in result.findings if f.rule_id == rule_id] == []


def test_every_failure_is_reported_not_just_the_first(seed_copy: Path, edit_cell: EditCell) -> None:
    """Lazy validation: four independent problems give four findings in one run."""
    edit_cell("claims", "c0003", "claim_id", "c0001")
    edit_cell("claims", "c0012", "low", "250")
    edit_cell("claims", "c0009", "article_id", "999_unknown")
    (seed_copy / "articles" / "003_492807fbb42c8eb3.txt").write_text("edited", encoding="utf-8")
    result = validate(seed_copy, today=TODAY)
    rules = sorted({f.rule_id for f in result.findings if f.layer is Layer.STRUCTURE})
    assert rules == [
        "structure.interval-order",
        "structure.reference",
        "structure.sha256-mismatch",
        "structure.unique-key",
    ]
    duplicate = [f for f in result.findings if f.rule_id == "structure.unique-key"]
    assert {f.line for f in duplicate} == {2, 4}
    assert all("lines 2, 4" in f.message for f in duplicate)


def test_type_failure_is_not_also_reported_as_missing(seed_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("incidents", "mumbai-2008", "start_date", "last November")
    result = validate(seed_copy, today=TODAY)
    assert [f.rule_id for f in result.findings] == ["structure.type"]
    assert "last November" in result.findings[0].message


def test_symlink_leading_outside_is_refused_unread(
    seed_copy: Path, edit_cell: EditCell, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the gate", encoding="utf-8")
    (seed_copy / "articles" / "link.txt").symlink_to(secret)
    edit_cell("articles", "002_e3ca868f480167ee", "text_file", "articles/link.txt")
    result = validate(seed_copy, today=TODAY)
    hits = [f for f in result.findings if f.rule_id == "structure.article-file"]
    assert len(hits) == 1
    assert hits[0].evidence["status"] == "outside-dataset"
    assert not [f for f in result.findings if f.rule_id == "structure.sha256-mismatch"]


def test_invalid_utf8_article_text_is_a_finding(seed_copy: Path) -> None:
    path = seed_copy / "articles" / "002_e3ca868f480167ee.txt"
    path.write_bytes(path.read_bytes() + b"\nbad \xe9 byte\n")
    result = validate(seed_copy, today=TODAY)
    hits = [f for f in result.findings if f.rule_id == "structure.article-file"]
    assert len(hits) == 1
    assert "invalid UTF-8 byte at line" in hits[0].message


def test_severity_override_from_rules_file(seed_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("articles", "003_492807fbb42c8eb3", "published_note", "")
    rules = seed_copy / "rules.toml"
    rules.write_text(
        rules.read_text(encoding="utf-8") + '"structure.published-note" = "warning"\n',
        encoding="utf-8",
    )
    result = validate(seed_copy, today=TODAY)
    assert [(f.rule_id, f.severity) for f in result.findings] == [
        ("structure.published-note", Severity.WARNING)
    ]
    assert result.exit_code == 0
