"""Each consistency rule fires on a minimal damage to the seed and stays quiet on a near miss;
properties: more tolerance never creates a disagreement, row order never changes findings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.consistency.intervals import disagreements, widen
from checks.dataset import Dataset
from checks.findings import Layer
from checks.loading.loader import load_dataset
from checks.pipeline import check_dataset, validate
from checks.rulesfile import Rules, Tolerance
from tests.conftest import EditCell

TODAY = dt.date(2026, 11, 22)
Edits = list[tuple[str, str, str, str]]
QUETTA_45 = [
    ("claims", "c0018", "quote", "the Monday night raid that killed 61 people"),
    ("claims", "c0018", "low", "45"),
    ("claims", "c0018", "high", "45"),
]

# (edits, rule id, table, row keys of the findings)
FIRES: list[tuple[Edits, str, str, set[str]]] = [
    (QUETTA_45, "consistency.claims-disagree", "claims", {"c0014", "c0018"}),
    (
        [("incidents", "mumbai-2008", "killed_low", "150")],
        "consistency.incident-outside-consensus",
        "incidents",
        {"mumbai-2008"},
    ),
    (
        [
            ("incidents", "quetta-2016-police-academy", "killed_best", "63"),
            ("incidents", "quetta-2016-police-academy", "killed_high", "63"),
        ],
        "consistency.best-not-conservative",
        "incidents",
        {"quetta-2016-police-academy"},
    ),
    (
        [("claims", "c0018", "low", "58"), ("claims", "c0018", "high", "58")],
        "consistency.later-lower-toll",
        "claims",
        {"c0018"},
    ),
    (
        [("articles", "004_f32f15c4400c8287", "published", "2008-10-30")],
        "consistency.article-before-incident",
        "articles",
        {"004_f32f15c4400c8287"},
    ),
    (
        [("articles", "003_492807fbb42c8eb3", "published", "2023-12-06")],
        "consistency.relative-date-mismatch",
        "claims",
        {"c0018", "c0022"},
    ),
    (
        [("claims", "c0030", "actor", "Jaish-e-Mohammed")],
        "consistency.unknown-actor",
        "claims",
        {"c0030"},
    ),
    # Karachi 2015: IS claimed it; that does not make IS the perpetrator (LeJ)
    (
        [("claims", "c0009", "field", "perpetrator")],
        "consistency.actor-mismatch",
        "claims",
        {"c0009"},
    ),
    (
        [("incidents", "mumbai-2008", "perpetrator", "is")],
        "consistency.actor-mismatch",
        "claims",
        {"c0030"},
    ),
]

QUIET: list[tuple[Edits, str]] = [
    # 64 widened by max(2, 5%) still reaches "more than 60"
    (
        [("claims", "c0018", "low", "64"), ("claims", "c0018", "high", "64")],
        "consistency.claims-disagree",
    ),
    # an increment is never compared with totals
    (
        [("claims", "c0027", "low", "500"), ("claims", "c0027", "high", "500")],
        "consistency.claims-disagree",
    ),
    ([("incidents", "mumbai-2008", "killed_low", "163")], "consistency.incident-outside-consensus"),
    (
        [("claims", "c0018", "low", "59"), ("claims", "c0018", "high", "59")],
        "consistency.later-lower-toll",
    ),
    # known to the month only: the month's last day is after the incident's start
    (
        [("articles", "004_f32f15c4400c8287", "published", "2008-11")],
        "consistency.article-before-incident",
    ),
    # Thursday instead of Wednesday: "this week" still covers Monday
    (
        [("articles", "002_e3ca868f480167ee", "published", "2016-10-27")],
        "consistency.relative-date-mismatch",
    ),
    # case, white space and dashes do not matter; an alias resolves
    ([("claims", "c0030", "actor", " lashkar–e–taiba ")], "consistency.unknown-actor"),
    ([("claims", "c0030", "actor", "LeT")], "consistency.unknown-actor"),
    # an unparseable incident date is structure's finding, not a date mismatch
    (
        [("incidents", "quetta-2016-police-academy", "start_date", "last October")],
        "consistency.relative-date-mismatch",
    ),
    # LeJ is the parent of the incident's perpetrator, LeJ Al-Alami
    ([("claims", "c0016", "actor", "LeJ")], "consistency.actor-mismatch"),
]


def _apply(edit_cell: EditCell, edits: Edits) -> None:
    for table, key, column, value in edits:
        edit_cell(table, key, column, value)


@pytest.mark.parametrize(("edits", "rule_id", "table", "keys"), FIRES)
def test_consistency_rule_fires(
    seed_copy: Path, edit_cell: EditCell, edits: Edits, rule_id: str, table: str, keys: set[str]
) -> None:
    _apply(edit_cell, edits)
    result = validate(seed_copy, today=TODAY)
    hits = [f for f in result.findings if f.rule_id == rule_id]
    assert {f.row_key for f in hits} == keys
    assert all(f.table == table and f.layer is Layer.CONSISTENCY for f in hits)
    assert all(f.file == str(seed_copy / f"{table}.csv") and f.line for f in hits)
    assert all(f.evidence for f in hits)


@pytest.mark.parametrize(("edits", "rule_id"), QUIET)
def test_consistency_rule_quiet_on_near_miss(
    seed_copy: Path, edit_cell: EditCell, edits: Edits, rule_id: str
) -> None:
    _apply(edit_cell, edits)
    result = validate(seed_copy, today=TODAY)
    assert [f for f in result.findings if f.rule_id == rule_id] == []


def test_seed_is_consistent(seed_copy: Path) -> None:
    result = validate(seed_copy, today=TODAY)
    assert [f for f in result.findings if f.layer is Layer.CONSISTENCY] == []
    assert result.layers_run[-1] is Layer.CONSISTENCY


def test_disagreement_names_incident_and_both_quotes(seed_copy: Path, edit_cell: EditCell) -> None:
    _apply(edit_cell, QUETTA_45)
    result = validate(seed_copy, today=TODAY)
    assert result.exit_code == 1
    hits = [f for f in result.findings if f.rule_id == "consistency.claims-disagree"]
    for hit in hits:
        assert "quetta-2016-police-academy" in hit.message
        assert "left more than 60 dead" in hit.message
        assert "the Monday night raid that killed 61 people" in hit.message
        assert hit.evidence["tolerance"] == {"absolute": 2.0, "relative": 0.05}
    # the incident row is not judged against claims that disagree
    assert not [f for f in result.findings if f.rule_id == "consistency.incident-outside-consensus"]


def test_page_header_date_is_caught(seed_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("articles", "003_492807fbb42c8eb3", "published", "2023-12-06")
    result = validate(seed_copy, today=TODAY)
    (hit,) = [f for f in result.findings if f.row_key == "c0018"]
    assert "2023-12-04" in hit.message
    assert "quetta-2016-police-academy" in hit.message
    assert hit.evidence["mentions"][0]["in_quote"] is True


def test_unknown_incident_perpetrator_fails(seed_copy: Path, edit_cell: EditCell) -> None:
    edit_cell("incidents", "mumbai-2008", "perpetrator", "hizb")
    result = validate(seed_copy, today=TODAY)
    assert result.exit_code == 1
    assert any(
        f.rule_id == "structure.reference" and f.row_key == "mumbai-2008" for f in result.findings
    )


# --- properties --------------------------------------------------------------------

claim_rows = st.lists(
    st.tuples(
        st.sampled_from(["i1", "i2"]),
        st.sampled_from(["a1", "a2", "a3"]),
        st.integers(0, 300),
        st.one_of(st.none(), st.integers(0, 60)),
    ),
    min_size=1,
    max_size=12,
)
tolerances = st.tuples(st.integers(0, 10), st.floats(0, 0.5), st.integers(0, 10), st.floats(0, 0.5))


def _claims(rows: list[tuple[str, str, int, int | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_id": [f"c{i:03d}" for i in range(len(rows))],
            "incident_id": [r[0] for r in rows],
            "field": "killed",
            "article_id": [r[1] for r in rows],
            "low": pd.array([r[2] for r in rows], dtype="Int64"),
            "high": pd.array([None if r[3] is None else r[2] + r[3] for r in rows], dtype="Int64"),
        }
    )


@settings(max_examples=200, deadline=None)
@given(rows=claim_rows, tol=tolerances)
def test_more_tolerance_never_creates_a_disagreement(
    rows: list[tuple[str, str, int, int | None]], tol: tuple[int, float, int, float]
) -> None:
    abs_small, rel_small, abs_extra, rel_extra = tol
    small = Rules(tolerances={"killed": Tolerance(abs_small, rel_small)})
    big = Rules(tolerances={"killed": Tolerance(abs_small + abs_extra, rel_small + rel_extra)})
    claims = _claims(rows)
    loose = set(disagreements(widen(claims, big)).index)
    tight = set(disagreements(widen(claims, small)).index)
    assert loose <= tight


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seed copy with one finding of most rules, to shuffle."""
    import shutil

    from tests.conftest import SEED, read_rows, write_rows

    root = tmp_path_factory.mktemp("damaged") / "dataset"
    shutil.copytree(SEED, root)
    edits = [
        *QUETTA_45,
        ("claims", "c0030", "actor", "Jaish-e-Mohammed"),
        ("claims", "c0009", "field", "perpetrator"),
        ("claims", "c0008", "quote", "killing 54 members of the Ismaili community"),
        ("claims", "c0025", "low", "150"),
        ("articles", "003_492807fbb42c8eb3", "published", "2023-12-06"),
        ("incidents", "mumbai-2008", "killed_low", "150"),
    ]
    for table, key, column, value in edits:
        path = root / f"{table}.csv"
        table_rows = read_rows(path)
        first = next(iter(table_rows[0]))
        for row in table_rows:
            if row[first] == key:
                row[column] = value
        write_rows(path, table_rows)
    return root


@pytest.fixture(scope="module")
def damaged_run(damaged: Path) -> tuple[Dataset, set[tuple[str, str | None]]]:
    """The damaged copy loaded, and what the gate finds in it in file order (once)."""
    dataset, _ = load_dataset(damaged)
    baseline = {(f.rule_id, f.row_key) for f in check_dataset(dataset, today=TODAY)[0]}
    return dataset, baseline


def test_the_damaged_copy_has_findings_of_many_rules(
    damaged_run: tuple[Dataset, set[tuple[str, str | None]]],
) -> None:
    assert len({rule for rule, _ in damaged_run[1]}) >= 6


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_row_order_never_changes_findings(
    damaged_run: tuple[Dataset, set[tuple[str, str | None]]], data: st.DataObject
) -> None:
    dataset, baseline = damaged_run
    claims = dataset.tables["claims"]
    order = data.draw(st.permutations(list(range(len(claims)))))
    shuffled = claims.iloc[order].reset_index(drop=True)
    tables = {**dataset.tables, "claims": shuffled}
    again = dataclasses.replace(dataset, tables=tables)
    assert {(f.rule_id, f.row_key) for f in check_dataset(again, today=TODAY)[0]} == baseline
