"""What the HTML report shows, computed once: plain dataclasses, no pandas, no markup.

The templates only render these values (escaped). Everything that takes a decision
lives here: which findings belong to which incident and claim, where a quote's figure
is, and which claims are drawn as conflicting; the charts' geometry is in charts.py.

Consistency evidence read (all keys optional): `field`, `incident_id`, `claims`
(claim ids, or objects with `claim_id`), `tolerance` ({absolute, relative} or a
number), `consensus` ([low, high] or {low, high}; high null = open-ended),
`dispute_id`. Notices (a reviewed dispute, a superseded claim) never mark a claim as
conflicting: they are judgements on record, shown in their own sections.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd

from checks.change.model import Change
from checks.consistency import rules as R
from checks.consistency.subevents import subevent_sums
from checks.consistency.verdicts import (
    CONFLICT,
    CONSISTENT,
    REVIEWED,
    dispute_incidents,
    finding_incident,
    incident_verdicts,
)
from checks.findings import (
    Finding,
    Layer,
    Severity,
    ValidationResult,
    evidence_claim_ids,
    named_claim_ids,
)
from checks.membership import isin
from checks.quantities import Quantity, parse_quantities, split_of_total
from checks.reports.charts import (
    DASH,
    ChartInput,
    IntervalChart,
    TollChart,
    TollInput,
    build_chart,
    build_toll_chart,
    interval_label,
)
from checks.reports.pages import PageChoice, touched_incidents
from checks.structure.vocab import COUNT_FIELDS, INCIDENT_FIELDS

# ---------------------------------------------------------------- dataclasses


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding as a row of the report."""

    rule_id: str
    severity: str
    layer: str
    location: str
    message: str
    table: str
    row_key: str
    incident_id: str | None
    incident_file: str | None
    """`incidents/<slug>.html`, relative to the report folder, or None."""
    touched: bool = False
    """On a row the change under review (`--base`) added or changed."""


@dataclass(frozen=True, slots=True)
class QuoteParts:
    """A quote split around the figure it states, so the template can wrap it in <mark>."""

    before: str
    figure: str
    after: str


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim_id: str
    article_id: str
    outlet: str
    published: str
    field: str
    qualifier: str
    low: str
    high: str
    interval: str
    quote: QuoteParts
    actor: str
    conflict: bool
    findings: tuple[FindingView, ...]
    superseded_by: str = ""
    """The claim that replaces this one (claims.superseded_by), or empty."""


@dataclass(frozen=True, slots=True)
class DisputeView:
    """One disputes.csv row of an incident, with what the gate says of it now."""

    dispute_id: str
    field: str
    reason: str
    decision: str
    span: str
    claims: tuple[tuple[str, bool], ...]
    """(claim id, is a claim of this incident) in the order the row lists them."""
    best: str
    best_reason: str
    reviewer: str
    reviewed: str
    status: str
    """"reviewed" (a notice), "stale" (a warning), "invalid" (an error) or "not checked"."""
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IncidentLink:
    """Another incident's page and its figures: a sub-event, or the parent of one."""

    incident_id: str
    file: str | None
    """`incidents/<slug>.html`, or None when the incident has no row (no page)."""
    name: str
    killed: tuple[str, str, str]
    injured: tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class SubeventsView:
    """A parent's sub-events and the sum of their intervals, as subevent_sums gives it."""

    children: tuple[IncidentLink, ...]
    killed_sum: tuple[str, str]
    injured_sum: tuple[str, str]
    """(low, high) of the sum; high "∞" when a child is open or has no figure."""


@dataclass(frozen=True, slots=True)
class IncidentView:
    incident_id: str
    file: str
    """`incidents/<slug>.html`, relative to the report folder."""
    name: str
    dates: str
    place: str
    perpetrator: str
    claimed_by: str
    killed: tuple[str, str, str]
    injured: tuple[str, str, str]
    verdict: str
    claims: tuple[ClaimView, ...]
    findings: tuple[FindingView, ...]
    charts: tuple[IntervalChart, ...]
    tolls: tuple[TollChart, ...] = ()
    disputes: tuple[DisputeView, ...] = ()
    subevents: SubeventsView | None = None
    parent: IncidentLink | None = None


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One incident's line in the index; `file` is None when its page was not written."""

    incident_id: str
    file: str | None
    name: str
    dates: str
    place: str
    killed: tuple[str, str, str]
    claims: int
    findings: int
    verdict: str


@dataclass(frozen=True, slots=True)
class TotalsRow:
    layer: str
    ran: bool
    errors: int
    warnings: int
    notices: int = 0


@dataclass(frozen=True, slots=True)
class ReportViews:
    dataset: str
    passed: bool
    errors: int
    warnings: int
    row_counts: tuple[tuple[str, int], ...]
    totals: tuple[TotalsRow, ...]
    findings: tuple[FindingView, ...]
    incidents: tuple[IncidentView, ...]
    unattached: tuple[str, ...] = field(default=())
    """Incident ids findings name that have no incidents.csv row (no page)."""
    notices: int = 0
    """Judgements on record, counted apart: they never fail the gate."""
    rows: tuple[IncidentRow, ...] = ()
    """The index's incident lines: every incident in file order on a small dataset;
    above the page policy's threshold, incidents with errors or warnings first, then
    those with notices or touched by the change, then the first clean ones."""
    rows_omitted: int = 0
    """Clean incidents the index counts instead of listing."""
    incident_total: int = 0
    pages_written: int = 0

    @property
    def listed_findings(self) -> tuple[FindingView, ...]:
        """The index's findings table: all of them, or the first INDEX_FINDINGS by
        severity (errors first) when there are more; each is on its incident's page."""
        if len(self.findings) <= INDEX_FINDINGS:
            return self.findings
        ranked = sorted(self.findings, key=lambda f: _SEVERITY_RANK.get(f.severity, 3))
        return tuple(ranked[:INDEX_FINDINGS])

    @property
    def findings_omitted(self) -> int:
        return max(0, len(self.findings) - INDEX_FINDINGS)

    @property
    def row_pages(self) -> tuple[tuple[str, tuple[IncidentRow, ...]], ...]:
        """(file, incident lines) of each index page: index.html, index-2.html, ..."""
        size = ROWS_PER_INDEX_PAGE
        chunks = [self.rows[at : at + size] for at in range(0, len(self.rows), size)] or [()]
        return tuple(
            ("index.html" if n == 1 else f"index-{n}.html", chunk)
            for n, chunk in enumerate(chunks, start=1)
        )


# ---------------------------------------------------------------- small helpers

INDEX_CLEAN_ROWS = 200
"""Above the page policy's threshold, the index lists this many incidents without an
error or warning (in file order) and counts the rest: enough to see what clean rows
look like, few enough that the index stays one readable page."""
INDEX_FINDINGS = 500
"""The index's findings table lists at most this many (errors first); every finding is
also in results.json, and on its incident's page when it has an incident."""
ROWS_PER_INDEX_PAGE = 500
"""Incident lines per index page: index.html holds the first ones, index-2.html the next
and so on, so no page of the index grows with the dataset. A dataset small enough to
get every incident page (checks.reports.pages.ALL_PAGES_UP_TO) fits on index.html."""
_SEVERITY_RANK = {Severity.ERROR.value: 0, Severity.WARNING.value: 1, Severity.NOTICE.value: 2}

_SLUG_BAD = re.compile(r"[^A-Za-z0-9_.-]")


def incident_slug(incident_id: str) -> str:
    """A safe file name stem for an incident id (ids are validated, but reports never trust)."""
    slug = _SLUG_BAD.sub("_", incident_id).strip(".") or "_"
    if slug != incident_id:
        slug = f"{slug[:48]}-{abs(hash_text(incident_id)):08x}"
    return slug[:64]


def hash_text(text: str) -> int:
    """A stable (not per-process salted) 32-bit hash, for file names."""
    value = 2166136261
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _int(value: Any) -> int | None:
    text = _text(value)
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def _shown(value: Any) -> str:
    return _text(value) or DASH


# ---------------------------------------------------------------- quote highlighting


@lru_cache(maxsize=65536)
def _candidates(quote: str) -> tuple[Quantity, ...]:
    """Every figure the quantity grammar reads in `quote`; "X of the Y" gives X and Y.

    Cached by quote: on a large dataset the same short quotes recur thousands of times."""
    found: list[Quantity] = []
    for quantity in parse_quantities(quote):
        split = split_of_total(quote, quantity)
        found.extend(split if split is not None else (quantity,))
    return tuple(found)


def highlight(quote: str, low: int | None, high: int | None, actor: str = "") -> QuoteParts:
    """Split `quote` around the figure that states [low, high] (or the actor's name).

    The figures are those the gate's own quantity grammar reads (so years, ages and
    dates are never highlighted). Prefers the one whose interval or stated number is
    the claim's; otherwise the first; no figure leaves `figure` empty.
    """
    if actor:
        at = quote.lower().find(actor.lower())
        if at >= 0:
            return QuoteParts(quote[:at], quote[at : at + len(actor)], quote[at + len(actor) :])
    candidates = _candidates(quote)
    if not candidates:
        return QuoteParts(quote, "", "")
    wanted = {v for v in (low, high) if v is not None}
    best = next(
        (
            q
            for q in candidates
            if (q.low, q.high) == (low, high) or (q.number is not None and q.number in wanted)
        ),
        candidates[0],
    )
    return QuoteParts(quote[: best.start], quote[best.start : best.end], quote[best.end :])


# ---------------------------------------------------------------- evidence readers


def _tolerance(evidence: Mapping[str, Any]) -> dict[str, float] | None:
    value = evidence.get("tolerance")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return {"absolute": float(value), "relative": 0.0}
    if isinstance(value, Mapping):
        try:
            return {
                "absolute": float(value.get("absolute", 0) or 0),
                "relative": float(value.get("relative", 0) or 0),
            }
        except (TypeError, ValueError):
            return None
    return None


def _bound(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) and math.isfinite(value):
        return int(value)
    return None


def _consensus(evidence: Mapping[str, Any]) -> tuple[int, int | None] | None:
    value = evidence.get("consensus")
    low: Any
    high: Any
    if isinstance(value, Mapping):
        low, high = value.get("low"), value.get("high")
    elif isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 2:
        low, high = value
    else:
        return None
    lo = _bound(low)
    return None if lo is None else (lo, _bound(high))


# ---------------------------------------------------------------- assembling


def _column_values(column: pd.Series) -> list[Any]:
    """A column's cells as `to_dict("records")` gives them (a masked integer's missing
    cell is None), read per column rather than per cell."""
    dtype = column.dtype
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and not isinstance(
        dtype, pd.StringDtype
    ):
        # pandas takes na_value=None here; pandas-stubs list no None for it
        values = column.to_numpy(dtype=object, na_value=None)  # type: ignore[call-overload]
        return list(values.tolist())
    return list(column.tolist())


def _records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """The rows as dicts. `to_dict("records")` iterated Arrow columns value by value
    (1.2M values for a 100,000-incident run's pages); the cells are the same."""
    if frame is None or frame.empty:
        return []
    names = [str(c) for c in frame.columns]
    columns = [_column_values(frame[c]) for c in frame.columns]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _finding_view(
    finding: Finding,
    incident_id: str | None,
    files: Mapping[str, str],
    change: Change | None = None,
) -> FindingView:
    return FindingView(
        rule_id=finding.rule_id,
        severity=finding.severity.value,
        layer=finding.layer.value,
        location=finding.location,
        message=finding.message,
        table=finding.table or "",
        row_key=finding.row_key or "",
        incident_id=incident_id,
        incident_file=files.get(incident_id) if incident_id else None,
        touched=change is not None and change.touches(finding),
    )


def _field_of(finding: Finding, claim_field: Mapping[str, str]) -> str | None:
    value = finding.evidence.get("field")
    if isinstance(value, str):
        return value
    if finding.table == "claims" and finding.row_key in claim_field:
        return claim_field[finding.row_key or ""]
    for claim_id in evidence_claim_ids(finding.evidence):
        if claim_id in claim_field:
            return claim_field[claim_id]
    return None


def _triple(row: Mapping[str, Any], prefix: str) -> tuple[str, str, str]:
    low, best, high = (_shown(row.get(f"{prefix}_{part}")) for part in ("low", "best", "high"))
    return low, best, high


_DISPUTE_STATUS = {
    R.REVIEW_INVALID: "invalid",
    R.REVIEW_STALE: "stale",
    R.REVIEWED_DISPUTE: "reviewed",
}
"""What a dispute finding says of its disputes.csv row, most urgent first."""


def _dispute_key(finding: Finding) -> str | None:
    if finding.rule_id not in _DISPUTE_STATUS:
        return None
    if finding.table == "disputes" and finding.row_key:
        return finding.row_key
    value = finding.evidence.get("dispute_id")
    return value if isinstance(value, str) else None


def _dispute_view(
    row: Mapping[str, Any], own_claims: set[str], said: Sequence[tuple[str, str]]
) -> DisputeView:
    """`said`: (rule id, message) of each finding on the dispute."""
    rules = {rule for rule, _ in said}
    status = next((label for rule, label in _DISPUTE_STATUS.items() if rule in rules), None)
    listed = [c for c in _text(row.get("claims")).split(";") if c]
    best = _int(row.get("best"))
    return DisputeView(
        dispute_id=_text(row.get("dispute_id")),
        field=_shown(row.get("field")),
        reason=_shown(row.get("reason")),
        decision=_shown(row.get("decision")),
        span=interval_label(_int(row.get("span_low")), _int(row.get("span_high"))),
        claims=tuple((c, c in own_claims) for c in listed),
        best="" if best is None else str(best),
        best_reason=_text(row.get("best_reason")),
        reviewer=_text(row.get("reviewer")),
        reviewed=_text(row.get("reviewed")),
        status=status or "not checked",
        messages=tuple(message for _, message in said),
    )


def _sum_cell(value: float) -> str:
    return "∞" if math.isinf(value) else str(int(value))


def _subevent_sums(incidents: pd.DataFrame | None) -> dict[tuple[str, str], tuple[str, str]]:
    """(parent, field) -> (low, high) of its sub-events' sum, from the consistency layer's
    own function, so the page shows the very sum the rule compares."""
    if incidents is None or incidents.empty:
        return {}
    sums = subevent_sums(incidents)
    return {
        (str(p), str(f)): (_sum_cell(lo), _sum_cell(hi))
        for p, f, lo, hi in zip(
            sums["parent"], sums["field"], sums["low"], sums["high"], strict=True
        )
    }


def _toll_charts(
    incident_row: Mapping[str, Any],
    inputs: Mapping[str, list[TollInput]],
    increments: Mapping[str, list[str]],
) -> tuple[TollChart, ...]:
    """One toll-over-time chart per count field with claims, in the data model's order."""
    charts: list[TollChart] = []
    for field_name in COUNT_FIELDS:
        if field_name not in inputs and field_name not in increments:
            continue
        band = None
        if field_name in INCIDENT_FIELDS:
            low, best, high = (
                _int(incident_row.get(f"{field_name}_{part}")) for part in ("low", "best", "high")
            )
            band = (low, best, high)
        skipped = [f"{c}: an increment, not a total" for c in increments.get(field_name, [])]
        chart = build_toll_chart(field_name, inputs.get(field_name, []), band, skipped)
        if chart is not None:
            charts.append(chart)
    return tuple(charts)


def _link(
    incident_id: str, row: Mapping[str, Any] | None, files: Mapping[str, str]
) -> IncidentLink:
    row = row or {}
    return IncidentLink(
        incident_id=incident_id,
        file=files.get(incident_id),
        name=_shown(row.get("name")),
        killed=_triple(row, "killed"),
        injured=_triple(row, "injured"),
    )


def _column(frame: pd.DataFrame | None, column: str) -> pd.Series:
    """A column as text, empty where missing (an absent column reads as all empty)."""
    if frame is None:
        return pd.Series([], dtype="string")
    if column not in frame:
        return pd.Series("", index=frame.index, dtype="string")
    return frame[column].astype("string").fillna("")


def _basics(row: Mapping[str, Any]) -> tuple[str, str, str]:
    """(name, dates, place) of an incident row, as the index and its page show them."""
    start, end = _text(row.get("start_date")), _text(row.get("end_date"))
    precision = _text(row.get("date_precision"))
    dates = start if start == end or not end else f"{start} – {end}"
    place = ", ".join(t for t in (_text(row.get(c)) for c in ("city", "province", "country")) if t)
    return (
        _shown(row.get("name")),
        f"{dates} ({precision})" if precision else dates or DASH,
        place or DASH,
    )


_INDEX_VERDICT = {CONFLICT: CONFLICT, REVIEWED: REVIEWED, CONSISTENT: CONSISTENT}
"""The shared verdict as the index shows it for an incident without a page (unchecked: —)."""


def _index_order(
    ids: pd.Series, serious: set[str], flagged: set[str], clean_rows: int
) -> tuple[list[str], int]:
    """Incidents with errors or warnings, then the other flagged ones, then the first
    `clean_rows` clean ones, each group in file order; and how many clean ones are left."""
    in_serious = ids.isin(serious)
    in_flagged = ids.isin(flagged) & ~in_serious
    clean = ids[~in_serious & ~in_flagged]
    listed = [
        *ids[in_serious].tolist(),
        *ids[in_flagged].tolist(),
        *clean.head(clean_rows).tolist(),
    ]
    return listed, max(0, len(clean) - clean_rows)


CLAIM_COLUMNS = (
    "claim_id",
    "incident_id",
    "article_id",
    "field",
    "qualifier",
    "low",
    "high",
    "actor",
    "superseded_by",
    "quote",
    "kind",
)
"""The claims.csv columns an incident page reads, in the order `IncidentInputs` holds them;
each claim's tuple ends with its article's outlet and publication date."""
ARTICLE_COLUMNS = ("outlet", "published")


@dataclass(frozen=True, slots=True)
class IncidentInputs:
    """Everything one incident page reads, gathered before any page is built.

    `incident_view` is a pure function of this (and the page of the cache is the
    rendering of that view), so the digest of its `repr` keys the page in the cache
    (`checks.cache.pages`): a pull request that leaves an incident's inputs as they were
    takes its page from the cache without building its view. Cells are kept as read
    (`None` where missing), tuples only, never sets or dicts, so the same inputs print
    the same in every process."""

    incident_id: str
    file: str
    row: tuple[tuple[str, Any], ...]
    """The incidents.csv row, (column, cell) in column order."""
    claims: tuple[tuple[Any, ...], ...]
    """Each claim of the incident, in file order: CLAIM_COLUMNS, then ARTICLE_COLUMNS of
    its article (None where the article has no row)."""
    claim_findings: tuple[tuple[FindingView, ...], ...]
    """The findings shown under each claim, aligned with `claims`."""
    findings: tuple[FindingView, ...]
    conflicts: tuple[tuple[str, tuple[str, ...]], ...]
    """(field, claim ids drawn as conflicting), fields and ids sorted."""
    tolerances: tuple[tuple[str, tuple[float, float]], ...]
    """(field, (absolute, relative)) from the consistency findings' evidence."""
    consensus: tuple[tuple[str, tuple[int, int | None]], ...]
    verdict: str | None
    """The shared verdict (`incident_verdicts`), None for an incident it does not name."""
    disputes: tuple[tuple[tuple[tuple[str, Any], ...], tuple[tuple[str, str], ...]], ...]
    """Each disputes.csv row of the incident and the (rule id, message) said of it."""
    children: tuple[IncidentLink, ...]
    sums: tuple[tuple[str, str], tuple[str, str]] | None
    """(killed, injured) sums of the sub-events, when it has any."""
    parent: IncidentLink | None


@dataclass(frozen=True, slots=True)
class ViewPlan:
    """The report's views before any incident page is built: the findings, each written
    page's inputs and what the index needs; `finish_views` builds the pages' views."""

    result: ValidationResult
    findings: tuple[FindingView, ...]
    pages: tuple[IncidentInputs, ...]
    """One per written page, in incidents.csv order."""
    listed: tuple[str, ...] | None
    """The index's incidents when it summarises; None: every incident with a row."""
    index_rows: Mapping[str, Mapping[str, Any]]
    """incidents.csv rows of the incidents the index lists, by id."""
    claim_counts: Mapping[str, int]
    finding_counts: Mapping[str, int]
    verdicts: Mapping[str, str]
    unattached: tuple[str, ...]
    rows_omitted: int
    incident_total: int
    pages_written: int


def _sorted_items(mapping: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(mapping.items()))


def plan_views(
    typed: Mapping[str, pd.DataFrame],
    result: ValidationResult,
    change: Change | None = None,
    verdicts: Mapping[str, str] | None = None,
    pages: PageChoice | None = None,
) -> ViewPlan:
    """Everything but the incident pages' views: which findings belong to which incident
    and claim, the index, and each written page's `IncidentInputs`.

    `verdicts` are the run's `incident_verdicts` when the caller already has them (the
    CLI needs them for --base and the job summary); otherwise they are derived here.
    `pages` is the page policy's choice (checks.reports.pages); None writes every page.
    Only the incidents whose page is written get inputs (claims, disputes): the others
    cost an index line at most, so a large dataset with a few findings renders in
    proportion to what a reviewer reads.
    """
    frame = typed.get("incidents")
    claims_frame = typed.get("claims")
    id_column = _column(frame, "incident_id")
    ids = id_column[id_column != ""].drop_duplicates()
    known = set(ids.tolist())
    written = known if pages is None else known & pages.written
    summarise = pages is not None and not pages.small
    files = {i: f"incidents/{incident_slug(i)}.html" for i in written}
    claim_ids = _column(claims_frame, "claim_id")
    claim_incidents_of = _column(claims_frame, "incident_id")
    # Only the claims findings name are ever looked up: a few thousand, not every claim.
    asked = isin(claim_ids, named_claim_ids(result.findings))
    asked_ids = claim_ids[asked]
    named = asked_ids != ""
    # tolist(): zipping pandas string arrays directly costs a Python call per cell.
    claim_incident = dict(
        zip(asked_ids[named].tolist(), claim_incidents_of[asked][named].tolist(), strict=True)
    )
    asked_fields = _column(None if claims_frame is None else claims_frame[asked], "field")
    claim_field = dict(zip(asked_ids.tolist(), asked_fields.tolist(), strict=True))
    dispute_incident = dispute_incidents(typed.get("disputes"))
    if verdicts is None:
        verdicts = incident_verdicts(typed, result.findings)

    all_views: list[FindingView] = []
    by_incident: dict[str, list[FindingView]] = {}
    by_claim: dict[str, list[FindingView]] = {}
    conflicts: dict[str, dict[str, set[str]]] = {}
    tolerances: dict[str, dict[str, tuple[float, float]]] = {}
    consensus: dict[str, dict[str, tuple[int, int | None]]] = {}
    unattached: set[str] = set()
    said_of_dispute: dict[str, list[tuple[str, str]]] = {}
    for finding in result.findings:
        found = finding_incident(finding, claim_incident, dispute_incident)
        view = _finding_view(finding, found, files, change)
        all_views.append(view)
        if (dispute_id := _dispute_key(finding)) is not None:
            said_of_dispute.setdefault(dispute_id, []).append((finding.rule_id, finding.message))
        if found is None:
            continue
        if found not in known:
            unattached.add(found)
            continue
        by_incident.setdefault(found, []).append(view)
        named_claims = evidence_claim_ids(finding.evidence)
        if finding.table == "claims" and finding.row_key:
            named_claims = [finding.row_key, *named_claims]
        for claim_id in dict.fromkeys(named_claims):
            by_claim.setdefault(claim_id, []).append(view)
        if finding.layer is Layer.CONSISTENCY and finding.severity is not Severity.NOTICE:
            field_name = _field_of(finding, claim_field)
            if field_name is None:
                continue
            conflicts.setdefault(found, {}).setdefault(field_name, set()).update(named_claims)
            if (tol := _tolerance(finding.evidence)) is not None:
                tolerances.setdefault(found, {})[field_name] = (tol["absolute"], tol["relative"])
            if (given := _consensus(finding.evidence)) is not None:
                consensus.setdefault(found, {})[field_name] = given

    rows_omitted = 0
    listed: list[str] | None = None
    if summarise:
        serious = {
            i
            for i, views in by_incident.items()
            if any(f.severity != Severity.NOTICE.value for f in views)
        } | {i for i, v in verdicts.items() if v == CONFLICT}
        flagged = set(by_incident) | touched_incidents(typed, change)
        listed, rows_omitted = _index_order(ids, serious, flagged, INDEX_CLEAN_ROWS)
    parent_column = _column(frame, "parent_incident")
    has_parent = (id_column != "") & (parent_column != "")
    parent_of = dict(
        zip(id_column[has_parent].tolist(), parent_column[has_parent].tolist(), strict=True)
    )
    children_of: dict[str, list[str]] = {}
    for child, parent in parent_of.items():
        children_of.setdefault(parent, []).append(child)
    needed = set(written) | set(listed or known)
    for incident_id in written:
        needed.update(children_of.get(incident_id, ()))
        if incident_id in parent_of:
            needed.add(parent_of[incident_id])
    kept = frame[isin(id_column, needed)] if frame is not None else None
    incident_rows: dict[str, dict[str, Any]] = {}
    for row in _records(kept):
        if incident_id := _text(row.get("incident_id")):
            incident_rows[incident_id] = row
    own_claims_frame = (
        claims_frame[isin(claim_incidents_of, written)] if claims_frame is not None else None
    )
    article_frame = typed.get("articles")
    if article_frame is not None and own_claims_frame is not None:
        cited = set(_column(own_claims_frame, "article_id"))
        article_frame = article_frame[isin(_column(article_frame, "article_id"), cited)]
    articles = {
        _text(a.get("article_id")): tuple(a.get(c) for c in ARTICLE_COLUMNS)
        for a in _records(article_frame)
    }
    no_article = (None,) * len(ARTICLE_COLUMNS)
    claims_of: dict[str, list[tuple[Any, ...]]] = {}
    for claim in _rows(own_claims_frame, CLAIM_COLUMNS):
        article = articles.get(_text(claim[2]), no_article)
        claims_of.setdefault(_text(claim[1]), []).append(claim + article)
    disputes_frame = typed.get("disputes")
    if disputes_frame is not None:
        disputes_frame = disputes_frame[_column(disputes_frame, "incident_id").isin(written)]
    disputes_of: dict[str, list[dict[str, Any]]] = {}
    for dispute in _records(disputes_frame):
        disputes_of.setdefault(_text(dispute.get("incident_id")), []).append(dispute)
    sums = _subevent_sums(frame)

    inputs: list[IncidentInputs] = []
    for incident_id, row in incident_rows.items():
        if incident_id not in written:
            continue
        own = claims_of.get(incident_id, [])
        children = children_of.get(incident_id, [])
        parent_id = _text(row.get("parent_incident"))
        inputs.append(
            IncidentInputs(
                incident_id=incident_id,
                file=files[incident_id],
                row=tuple(row.items()),
                claims=tuple(own),
                claim_findings=tuple(tuple(by_claim.get(_text(c[0]), ())) for c in own),
                findings=tuple(by_incident.get(incident_id, ())),
                conflicts=tuple(
                    (f, tuple(sorted(ids_)))
                    for f, ids_ in sorted(conflicts.get(incident_id, {}).items())
                ),
                tolerances=_sorted_items(tolerances.get(incident_id, {})),
                consensus=_sorted_items(consensus.get(incident_id, {})),
                verdict=verdicts.get(incident_id),
                disputes=tuple(
                    (
                        tuple(d.items()),
                        tuple(said_of_dispute.get(_text(d.get("dispute_id")), ())),
                    )
                    for d in disputes_of.get(incident_id, [])
                ),
                children=tuple(_link(c, incident_rows.get(c), files) for c in children),
                sums=None
                if not children
                else (
                    sums.get((incident_id, "killed"), (DASH, DASH)),
                    sums.get((incident_id, "injured"), (DASH, DASH)),
                ),
                parent=_link(parent_id, incident_rows.get(parent_id), files) if parent_id else None,
            )
        )
    return ViewPlan(
        result=result,
        findings=tuple(all_views),
        pages=tuple(inputs),
        listed=None if listed is None else tuple(listed),
        index_rows=incident_rows,
        claim_counts=(
            {str(k): int(v) for k, v in claim_incidents_of.value_counts().items()} if listed else {}
        ),
        finding_counts={i: len(v) for i, v in by_incident.items()},
        verdicts=verdicts,
        unattached=tuple(sorted(unattached)),
        rows_omitted=rows_omitted,
        incident_total=len(known),
        pages_written=len(written),
    )


def _rows(frame: pd.DataFrame | None, columns: Sequence[str]) -> list[tuple[Any, ...]]:
    """`frame`'s rows as tuples of `columns` (cells as `_records` gives them; None for a
    column the frame lacks)."""
    if frame is None or frame.empty:
        return []
    cells = [_column_values(frame[c]) if c in frame else [None] * len(frame) for c in columns]
    return list(zip(*cells, strict=True))


def incident_view(inputs: IncidentInputs) -> IncidentView:
    """One incident page's view, from its inputs alone (see `IncidentInputs`)."""
    incident_id = inputs.incident_id
    row = dict(inputs.row)
    conflicts = {f: set(ids_) for f, ids_ in inputs.conflicts}
    tolerances = dict(inputs.tolerances)
    consensus = dict(inputs.consensus)
    claim_views: list[ClaimView] = []
    chart_inputs: dict[str, list[ChartInput]] = {}
    toll_inputs: dict[str, list[TollInput]] = {}
    increments: dict[str, list[str]] = {}
    for values, claim_findings in zip(inputs.claims, inputs.claim_findings, strict=True):
        claim = dict(zip(CLAIM_COLUMNS, values, strict=False))
        article = dict(zip(ARTICLE_COLUMNS, values[len(CLAIM_COLUMNS) :], strict=True))
        claim_id = _text(claim.get("claim_id"))
        field_name = _text(claim.get("field"))
        low, high = _int(claim.get("low")), _int(claim.get("high"))
        in_conflict = claim_id in conflicts.get(field_name, set())
        actor = _text(claim.get("actor"))
        successor = _text(claim.get("superseded_by"))
        claim_views.append(
            ClaimView(
                claim_id=claim_id,
                article_id=_text(claim.get("article_id")),
                outlet=_shown(article.get("outlet")),
                published=_shown(article.get("published")),
                field=field_name,
                qualifier=_shown(claim.get("qualifier")),
                low=_shown(low),
                high=("∞" if low is not None and high is None else _shown(high)),
                interval=interval_label(low, high) if low is not None else (actor or DASH),
                quote=highlight(_text(claim.get("quote")), low, high, actor),
                actor=actor,
                conflict=in_conflict,
                findings=claim_findings,
                superseded_by=successor,
            )
        )
        if field_name in COUNT_FIELDS and low is not None:
            outlet = _text(article.get("outlet")) or _text(claim.get("article_id"))[:12]
            label = f"{claim_id} · {outlet}"[:24]
            chart_inputs.setdefault(field_name, []).append(
                ChartInput(claim_id, label, low, high, in_conflict, bool(successor))
            )
            if _text(claim.get("kind")) == "increment":
                increments.setdefault(field_name, []).append(claim_id)
            else:
                toll_inputs.setdefault(field_name, []).append(
                    TollInput(
                        claim_id,
                        label,
                        _text(article.get("published")),
                        low,
                        high,
                        successor or None,
                        in_conflict,
                    )
                )
    charts: list[IntervalChart] = []
    for field_name, chart_claims in chart_inputs.items():
        cons: tuple[int, int | None] | None = consensus.get(field_name)
        label = "consensus"
        if cons is None and field_name in INCIDENT_FIELDS:
            lo = _int(row.get(f"{field_name}_low"))
            if lo is not None:
                cons, label = (lo, _int(row.get(f"{field_name}_high"))), "incident row"
        tolerance = tolerances.get(field_name)
        given = None if tolerance is None else {"absolute": tolerance[0], "relative": tolerance[1]}
        charts.append(build_chart(field_name, chart_claims, cons, label, given))
    # The shared verdict decides; a bar drawn outside the incident row's interval
    # (no consistency finding, e.g. a layer skipped) still shows as a conflict.
    shared = inputs.verdict
    has_conflict = shared == CONFLICT or any(bar.conflict for chart in charts for bar in chart.bars)
    if has_conflict:
        verdict = CONFLICT
    elif shared == REVIEWED:
        verdict = REVIEWED
    else:
        verdict = CONSISTENT if charts else DASH
    own_claims = {c.claim_id for c in claim_views}
    name, dates, place = _basics(row)
    return IncidentView(
        incident_id=incident_id,
        file=inputs.file,
        name=name,
        dates=dates,
        place=place,
        perpetrator=_shown(row.get("perpetrator")),
        claimed_by=_shown(row.get("claimed_by")),
        killed=_triple(row, "killed"),
        injured=_triple(row, "injured"),
        verdict=verdict,
        claims=tuple(claim_views),
        findings=inputs.findings,
        charts=tuple(charts),
        tolls=_toll_charts(row, toll_inputs, increments),
        disputes=tuple(_dispute_view(dict(d), own_claims, said) for d, said in inputs.disputes),
        subevents=None
        if inputs.sums is None
        else SubeventsView(
            children=inputs.children, killed_sum=inputs.sums[0], injured_sum=inputs.sums[1]
        ),
        parent=inputs.parent,
    )


def index_row(view: IncidentView) -> IncidentRow:
    """A written page's line in the index."""
    return IncidentRow(
        view.incident_id,
        view.file,
        view.name,
        view.dates,
        view.place,
        view.killed,
        len(view.claims),
        len(view.findings),
        view.verdict,
    )


def finish_views(plan: ViewPlan, reused: Mapping[str, IncidentRow] | None = None) -> ReportViews:
    """The report's views: each written page's view built from its inputs, except the
    pages in `reused` (incident id -> its index line), whose rendering the caller
    already holds (the page cache); those are not in `incidents`."""
    reused = reused or {}
    incident_views = [incident_view(p) for p in plan.pages if p.incident_id not in reused]
    line_of = {v.incident_id: index_row(v) for v in incident_views}
    line_of.update(reused)
    rows: list[IncidentRow] = []
    listed = plan.listed if plan.listed is not None else plan.index_rows
    for incident_id in listed:
        if (line := line_of.get(incident_id)) is not None:
            rows.append(line)
            continue
        row = plan.index_rows.get(incident_id, {})
        name, dates, place = _basics(row)
        rows.append(
            IncidentRow(
                incident_id,
                None,
                name,
                dates,
                place,
                _triple(row, "killed"),
                int(plan.claim_counts.get(incident_id, 0)),
                plan.finding_counts.get(incident_id, 0),
                _INDEX_VERDICT.get(plan.verdicts.get(incident_id, ""), DASH),
            )
        )
    result = plan.result
    totals = result.totals()
    return ReportViews(
        dataset=result.dataset,
        passed=not result.errors,
        errors=len(result.errors),
        warnings=len(result.warnings),
        row_counts=tuple((k, int(v)) for k, v in result.row_counts.items()),
        totals=tuple(
            TotalsRow(
                layer.value,
                layer in result.layers_run,
                totals[layer.value]["error"],
                totals[layer.value]["warning"],
                totals[layer.value]["notice"],
            )
            for layer in Layer
        ),
        findings=plan.findings,
        incidents=tuple(incident_views),
        unattached=plan.unattached,
        notices=len(result.notices),
        rows=tuple(rows),
        rows_omitted=plan.rows_omitted,
        incident_total=plan.incident_total,
        pages_written=plan.pages_written,
    )


def build_report_views(
    typed: Mapping[str, pd.DataFrame],
    result: ValidationResult,
    change: Change | None = None,
    verdicts: Mapping[str, str] | None = None,
    pages: PageChoice | None = None,
) -> ReportViews:
    """Everything the HTML report renders, from the typed tables and the run's result:
    `plan_views`, then every written page's view (`finish_views`)."""
    return finish_views(plan_views(typed, result, change, verdicts, pages))


def iter_incident_findings(views: ReportViews) -> Iterable[tuple[IncidentView, FindingView]]:
    """(incident, finding) pairs, for tests and summaries."""
    for incident in views.incidents:
        for finding in incident.findings:
            yield incident, finding
