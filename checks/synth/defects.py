"""Planted defects: one kind per rule, each isolated so it fires exactly what it predicts.

A defect kind edits a few victim incidents (each victim is used by one kind only):
first the parameters (what the texts say), then the built tables. Its `findings`
say how many findings of which rule id one planted instance produces in the pandas
layers; `gx` names the expectation (suite, type, kwargs key) whose unexpected rows it
adds, which the manifest turns into GX findings (capped per expectation like the gate).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.synth import vocab
from checks.synth.build import Tables, article_id, iso_days
from checks.synth.params import Params

Victims = npt.NDArray[np.int64]
GxKey = tuple[str, str, str]
"""(suite, expectation type, column or columns) of one expectation in expectations/."""


def _noop_params(p: Params, v: Victims) -> None:
    return None


def _noop_tables(t: Tables, p: Params, v: Victims) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Defect:
    """One kind of planted defect and what each instance makes the gate report."""

    name: str
    findings: dict[str, int]
    gx: dict[GxKey, int] = field(default_factory=dict)
    on_params: Callable[[Params, Victims], None] = _noop_params
    on_tables: Callable[[Tables, Params, Victims], None] = _noop_tables
    once: bool = False
    """A dataset-wide defect (an extra column): planted once, not per victim."""


def _incident_rows(t: Tables, v: Victims) -> pd.Index:
    return pd.Index(v)


def _claim_rows(t: Tables, v: Victims, suffix: str) -> pd.Index:
    ids = {f"c{i:07d}-{suffix}" for i in v.tolist()}
    return t.claims.index[t.claims["claim_id"].isin(ids)]


def _article_rows(t: Tables, v: Victims, source: str) -> pd.Index:
    ids = {article_id(int(i), source) for i in v.tolist()}
    return t.articles.index[t.articles["article_id"].isin(ids)]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _append(frame: pd.DataFrame, rows: dict[str, list[str]]) -> pd.DataFrame:
    size = len(next(iter(rows.values())))
    extra = pd.DataFrame({str(c): rows.get(str(c), [""] * size) for c in frame.columns})
    return pd.concat([frame, extra], ignore_index=True)


def _extra_article(
    t: Tables,
    p: Params,
    v: Victims,
    source: str,
    texts: list[str],
    published: list[str],
    text_file: list[str] | None = None,
    sha: list[str] | None = None,
) -> list[str]:
    ids = [article_id(int(i), source) for i in v.tolist()]
    files = text_file or [f"articles/{a}.txt" for a in ids]
    t.articles = _append(
        t.articles,
        {
            "article_id": ids,
            "outlet": ["Outlet-99"] * len(ids),
            "title": [f"Report {a}" for a in ids],
            "published": published,
            "published_basis": ["printed"] * len(ids),
            "text_file": files,
            "sha256": sha or [""] * len(ids),
        },
    )
    if text_file is None:
        t.texts.update(zip(ids, texts, strict=True))
    return ids


# --- load and structure ---------------------------------------------------------------


def _unknown_column(t: Tables, p: Params, v: Victims) -> None:
    t.claims["synthetic_extra"] = ""


def _type(t: Tables, p: Params, v: Victims) -> None:
    t.incidents.loc[_incident_rows(t, v), "killed_best"] = "many"


def _required(t: Tables, p: Params, v: Victims) -> None:
    t.incidents.loc[_incident_rows(t, v), "city"] = ""


def _unique_key(t: Tables, p: Params, v: Victims) -> None:
    rows = _claim_rows(t, v, "08")
    t.claims.loc[rows, "claim_id"] = t.claims.loc[rows, "claim_id"].str.replace("-08", "-02")


def _id_format(t: Tables, p: Params, v: Victims) -> None:
    rows = _claim_rows(t, v, "06")
    t.claims.loc[rows, "claim_id"] = t.claims.loc[rows, "claim_id"] + " bad"


def _enum(t: Tables, p: Params, v: Victims) -> None:
    t.incidents.loc[_incident_rows(t, v), "target_type"] = "synthetic_target"


def _format(t: Tables, p: Params, v: Victims) -> None:
    rows = _article_rows(t, v, "a")
    t.articles.loc[rows, "url"] = "ftp://example.invalid/" + t.articles.loc[rows, "article_id"]


def _interval_order(t: Tables, p: Params, v: Victims) -> None:
    # low one above high, both inside the claims' tolerance: only the order is wrong
    rows = _incident_rows(t, v)
    t.incidents.loc[rows, "injured_low"] = [str(j + 1) for j in p.injured[v].tolist()]
    t.incidents.loc[rows, "injured_best"] = ""


def _date_order(t: Tables, p: Params, v: Victims) -> None:
    t.incidents.loc[_incident_rows(t, v), "end_date"] = iso_days(p.day[v] - 1)


def _date_precision(t: Tables, p: Params, v: Victims) -> None:
    t.incidents.loc[_incident_rows(t, v), "date_precision"] = "month"


def _date_plausible(t: Tables, p: Params, v: Victims) -> None:
    rows = _incident_rows(t, v)
    t.incidents.loc[rows, ["start_date", "end_date"]] = "1985-06-15"


def _country(t: Tables, p: Params, v: Victims) -> None:
    t.incidents.loc[_incident_rows(t, v), "country"] = "XX"


def _published_note(t: Tables, p: Params, v: Victims) -> None:
    t.articles.loc[_article_rows(t, v, "b"), "published_basis"] = "derived"


def _claim_shape(t: Tables, p: Params, v: Victims) -> None:
    t.claims.loc[_claim_rows(t, v, "04"), "qualifier"] = "exact"


def _reference(t: Tables, p: Params, v: Victims) -> None:
    ids = v.tolist()
    t.actors = _append(
        t.actors,
        {
            "actor_id": [f"orphan-{i:07d}" for i in ids],
            "name": [f"Orphan-{i:07d}" for i in ids],
            "parent": [f"missing-{i:07d}" for i in ids],
        },
    )


def _article_file(t: Tables, p: Params, v: Victims) -> None:
    ids = [article_id(int(i), "f") for i in v.tolist()]
    _extra_article(
        t,
        p,
        v,
        "f",
        [],
        iso_days(p.day[v] + 1),
        text_file=[f"../{a}.txt" for a in ids],
        sha=[_sha(a) for a in ids],
    )


def _sha_mismatch(t: Tables, p: Params, v: Victims) -> None:
    rows = _article_rows(t, v, "a")
    t.articles.loc[rows, "sha256"] = [
        _sha("edited " + a) for a in t.articles.loc[rows, "article_id"]
    ]


# --- grounding ------------------------------------------------------------------------


def _quote_not_found(t: Tables, p: Params, v: Victims) -> None:
    ids = v.tolist()
    grp = [vocab.group(int(g)) for g in p.group[v].tolist()]
    t.claims = _append(
        t.claims,
        {
            "claim_id": [f"c{i:07d}-91" for i in ids],
            "article_id": [article_id(i, "a") for i in ids],
            "incident_id": [f"inc-{i:07d}" for i in ids],
            "field": ["perpetrator"] * len(ids),
            "quote": [f"{g} denied any role" for g in grp],
            "actor": grp,
        },
    )


def _figure_mismatch(t: Tables, p: Params, v: Victims) -> None:
    rows = _claim_rows(t, v, "06")
    t.claims.loc[rows, ["qualifier", "high"]] = ["at_least", ""]


def _uncovered(t: Tables, p: Params, v: Victims) -> None:
    texts = [
        vocab.SEPARATE_BLAST.format(m=m, town=vocab.town(int(tw))) + "\n"
        for m, tw in zip((p.arrested[v] + 1).tolist(), p.town[v].tolist(), strict=True)
    ]
    _extra_article(t, p, v, "u", texts, iso_days(p.day[v] + 1))


def _exclusion_unused(t: Tables, p: Params, v: Victims) -> None:
    ids = v.tolist()
    t.exclusions = _append(
        t.exclusions,
        {
            "article_id": [article_id(i, "a") for i in ids],
            "quote": ["a statement this article never makes"] * len(ids),
            "reason": ["planted: matches nothing"] * len(ids),
        },
    )


# --- consistency ----------------------------------------------------------------------


def _disagree(p: Params, v: Victims) -> None:
    p.attackers_b[v] = p.attackers_a[v] + 3


def _outside(t: Tables, p: Params, v: Victims) -> None:
    value = [str(k + 20) for k in p.killed[v].tolist()]
    for column in ("killed_low", "killed_best", "killed_high"):
        t.incidents.loc[_incident_rows(t, v), column] = value


def _not_conservative(p: Params, v: Victims) -> None:
    # A: exactly k; B: at least k - 1. Consensus [k-2, k+2]; conservative k - 1, best k.
    p.killed[v] = np.maximum(p.killed[v], 3)
    p.killed_a[v] = p.killed[v]
    p.killed_b[v] = p.killed[v] - 1


def _later_lower(p: Params, v: Victims) -> None:
    # A (earlier): exactly k + 3; B (two days later): exactly k. Widened [k+1, k+5] and
    # [k-2, k+2] overlap (no disagreement) but B's widened high k + 2 < A's low k + 3.
    # Consensus [k+1, k+2], conservative k + 1: the incident row says k + 1.
    k = 10 + p.killed[v] % 20
    p.killed[v] = k + 1
    p.killed_a[v] = k + 3
    p.killed_b[v] = k
    p.b_exact[v] = True
    p.pub_a[v] = p.day[v] + 1
    p.pub_b[v] = p.day[v] + 3


def _before_incident(p: Params, v: Victims) -> None:
    p.pub_b[v] = p.day[v] - 5


def _relative_date(t: Tables, p: Params, v: Victims) -> None:
    # published the day of the incident, "last month" is the month before it
    texts = [
        vocab.LAST_MONTH.format(town=vocab.town(int(tw)), k=k) + "\n"
        for tw, k in zip(p.town[v].tolist(), p.killed_a[v].tolist(), strict=True)
    ]
    ids = _extra_article(t, p, v, "r", texts, iso_days(p.day[v]))
    t.claims = _append(
        t.claims,
        {
            "claim_id": [f"c{i:07d}-92" for i in v.tolist()],
            "article_id": ids,
            "incident_id": [f"inc-{i:07d}" for i in v.tolist()],
            "field": ["killed"] * len(ids),
            "quote": [vocab.LAST_MONTH_QUOTE.format(k=k) for k in p.killed_a[v].tolist()],
            "qualifier": ["exact"] * len(ids),
            "low": [str(k) for k in p.killed_a[v].tolist()],
            "high": [str(k) for k in p.killed_a[v].tolist()],
            "kind": ["total"] * len(ids),
        },
    )


def _unknown_actor(p: Params, v: Victims) -> None:
    for i in v.tolist():
        p.blamed[i] = f"Cell-{i:07d} Network"
        p.blamed_group[i] = -1


def _actor_mismatch(p: Params, v: Victims) -> None:
    # a group of another block of five: neither ancestor nor descendant of the perpetrator
    other = (p.group[v] + vocab.GROUP_BLOCK) % p.groups
    for i, g in zip(v.tolist(), other.tolist(), strict=True):
        p.blamed[i] = vocab.alias(g)
        p.blamed_group[i] = g


def _gx(suite: str, expectation: str, column: str) -> GxKey:
    return (suite, "expectations." + expectation, column)


DEFECTS: tuple[Defect, ...] = (
    Defect("unknown-column", {"load.unknown-column": 1}, on_tables=_unknown_column, once=True),
    Defect("type", {"structure.type": 1}, on_tables=_type),
    Defect(
        "required",
        {"structure.required": 1},
        {_gx("incidents", "expect_column_values_to_not_be_null", "city"): 1},
        on_tables=_required,
    ),
    Defect(
        "unique-key",
        {"structure.unique-key": 2},
        {_gx("claims", "expect_column_values_to_be_unique", "claim_id"): 2},
        on_tables=_unique_key,
    ),
    Defect(
        "id-format",
        {"structure.id-format": 1},
        {_gx("claims", "expect_column_values_to_match_regex", "claim_id"): 1},
        on_tables=_id_format,
    ),
    Defect(
        "enum",
        {"structure.enum": 1},
        {_gx("incidents", "expect_column_values_to_be_in_set", "target_type"): 1},
        on_tables=_enum,
    ),
    Defect(
        "format",
        {"structure.format": 1},
        {_gx("articles", "expect_column_values_to_match_regex", "url"): 1},
        on_tables=_format,
    ),
    Defect(
        "interval-order",
        {"structure.interval-order": 1},
        {_gx("incidents", "expect_column_pair_values_a_to_be_greater_than_b", "injured"): 1},
        on_tables=_interval_order,
    ),
    Defect("date-order", {"structure.date-order": 1}, on_tables=_date_order),
    Defect("date-precision", {"structure.date-precision": 1}, on_tables=_date_precision),
    Defect("date-plausible", {"structure.date-plausible": 2}, on_tables=_date_plausible),
    Defect("country-code", {"structure.country-code": 1}, on_tables=_country),
    Defect("published-note", {"structure.published-note": 1}, on_tables=_published_note),
    Defect("claim-shape", {"structure.claim-shape": 1}, on_tables=_claim_shape),
    Defect("reference", {"structure.reference": 1}, on_tables=_reference),
    Defect("article-file", {"structure.article-file": 1}, on_tables=_article_file),
    Defect("sha256-mismatch", {"structure.sha256-mismatch": 1}, on_tables=_sha_mismatch),
    Defect("quote-not-found", {"grounding.quote-not-found": 1}, on_tables=_quote_not_found),
    Defect("figure-mismatch", {"grounding.figure-mismatch": 1}, on_tables=_figure_mismatch),
    Defect("uncovered-statement", {"grounding.uncovered-statement": 1}, on_tables=_uncovered),
    Defect("exclusion-unused", {"grounding.exclusion-unused": 1}, on_tables=_exclusion_unused),
    Defect("claims-disagree", {"consistency.claims-disagree": 2}, on_params=_disagree),
    Defect("outside-consensus", {"consistency.incident-outside-consensus": 1}, on_tables=_outside),
    Defect(
        "best-not-conservative",
        {"consistency.best-not-conservative": 1},
        on_params=_not_conservative,
    ),
    Defect("later-lower-toll", {"consistency.later-lower-toll": 1}, on_params=_later_lower),
    Defect(
        "article-before-incident",
        {"consistency.article-before-incident": 1},
        on_params=_before_incident,
    ),
    Defect(
        "relative-date-mismatch",
        {"consistency.relative-date-mismatch": 1},
        on_tables=_relative_date,
    ),
    Defect("unknown-actor", {"consistency.unknown-actor": 1}, on_params=_unknown_actor),
    Defect("actor-mismatch", {"consistency.actor-mismatch": 1}, on_params=_actor_mismatch),
)

NOT_PLANTED: dict[str, str] = {
    "structure.range": "counts are typed by the regex [0-9]+ first, so a negative count in a "
    "CSV is reported as structure.type; ge=0 can only fail on frames built in memory",
}
