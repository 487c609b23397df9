"""Sub-events (incidents.parent_incident): the sites of one attack add up to the whole,
lie within its dates, and never contain themselves; links are followed vectorized."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.consistency.chains import follow
from checks.consistency.subevents import family_roots, subevent_sums
from checks.findings import Finding
from checks.pipeline import validate
from tests.conftest import EditCell

TODAY = dt.date(2026, 11, 30)
PARENT = "nz-2019-christchurch-mosques"
AL_NOOR = "nz-2019-christchurch-al-noor"
LINWOOD = "nz-2019-christchurch-linwood"


def _rule(findings: tuple[Finding, ...], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


def test_sites_add_up_to_the_attack(reporting_copy: Path) -> None:
    result = validate(reporting_copy, today=TODAY)
    assert not [f for f in result.findings if f.rule_id.startswith("consistency.subevent")]


def test_sites_that_do_not_add_up_fail_on_the_parent(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    for part in ("low", "best", "high"):
        edit_reporting("incidents", LINWOOD, f"killed_{part}", "20")
    line = edit_reporting("incidents", PARENT, "name", "Shootings at two mosques")
    result = validate(reporting_copy, today=TODAY)
    (hit,) = _rule(result.findings, "consistency.subevent-sum")
    assert hit.row_key == PARENT
    assert hit.line == line
    assert hit.evidence["sum"] == [64, 64]
    assert hit.evidence["incident"] == [51, 51]
    assert "does not meet the sum [64, 64] of its 2 sub-event(s)" in hit.message


def test_a_site_without_figures_leaves_the_sum_open(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    for part in ("low", "best", "high"):
        edit_reporting("incidents", LINWOOD, f"killed_{part}", "")
    result = validate(reporting_copy, today=TODAY)
    assert not _rule(result.findings, "consistency.subevent-sum")


def test_a_site_outside_the_attack_dates_fails(
    reporting_copy: Path, edit_reporting: EditCell
) -> None:
    edit_reporting("incidents", AL_NOOR, "start_date", "2019-03-16")
    line = edit_reporting("incidents", AL_NOOR, "end_date", "2019-03-16")
    result = validate(reporting_copy, today=TODAY)
    (hit,) = _rule(result.findings, "consistency.subevent-dates")
    assert (hit.row_key, hit.line) == (AL_NOOR, line)
    assert "outside its dates 2019-03-15..2019-03-15" in hit.message


@pytest.mark.parametrize(
    ("incident", "parent", "flagged"),
    [
        (PARENT, AL_NOOR, {PARENT, AL_NOOR, LINWOOD}),
        (AL_NOOR, AL_NOOR, {AL_NOOR}),
    ],
)
def test_a_hierarchy_that_loops_fails(
    reporting_copy: Path, edit_reporting: EditCell, incident: str, parent: str, flagged: set[str]
) -> None:
    edit_reporting("incidents", incident, "parent_incident", parent)
    result = validate(reporting_copy, today=TODAY)
    hits = _rule(result.findings, "consistency.subevent-invalid")
    assert {f.row_key for f in hits} == flagged


def test_sums_are_intervals() -> None:
    incidents = pd.DataFrame(
        {
            "incident_id": ["p", "a", "b", "c"],
            "parent_incident": [None, "p", "p", "p"],
            "killed_low": pd.array([None, 19, 60, 1], dtype="Int64"),
            "killed_high": pd.array([None, 19, 70, None], dtype="Int64"),
            "injured_low": pd.array([None, None, 5, 5], dtype="Int64"),
            "injured_high": pd.array([None, None, 5, 5], dtype="Int64"),
        }
    )
    sums = subevent_sums(incidents).set_index("field")
    killed, injured = sums.loc["killed"], sums.loc["injured"]
    assert [killed["children"], killed["low"], killed["high"]] == [3, 80, np.inf]
    assert [injured["low"], injured["high"]] == [10, np.inf]


def _walk(ids: list[str], parent: list[str | None]) -> tuple[list[str], list[bool]]:
    """The plain Python walk `follow` must agree with."""
    link = {i: p for i, p in zip(ids, parent, strict=True) if p in set(ids)}
    ends, loops = [], []
    for start in ids:
        seen: list[str] = [start]
        node = start
        while node in link and link[node] not in seen:
            node = link[node]
            seen.append(node)
        looping = node in link
        if looping:
            cycle_start = seen.index(link[node])
            ends.append(min(seen[cycle_start:]))
        else:
            ends.append(node)
        loops.append(looping)
    return ends, loops


@given(
    st.integers(1, 12).flatmap(
        lambda n: st.lists(
            st.one_of(st.none(), st.integers(0, n + 1).map(lambda k: f"n{k}")),
            min_size=n,
            max_size=n,
        )
    )
)
def test_follow_agrees_with_a_plain_walk(parent: list[str | None]) -> None:
    ids = [f"n{k}" for k in range(len(parent))]
    end, looping = follow(np.array(ids, dtype=object), np.array(parent, dtype=object))
    assert (list(end), list(looping)) == _walk(ids, parent)


def test_family_roots_group_parent_children_and_cycles() -> None:
    incidents = pd.DataFrame(
        {
            "incident_id": ["a", "b", "c", "x", "y", "lone"],
            "parent_incident": ["b", "c", None, "y", "x", None],
        }
    )
    roots = family_roots(incidents)
    assert roots.to_dict() == {"a": "c", "b": "c", "c": "c", "x": "x", "y": "x", "lone": "lone"}
