"""Which incident pages the HTML report writes: the page policy, decided once.

One HTML page per incident every run does not scale: at 10,000 incidents the pages
were most of the report time, and a pull request that edits a handful of rows should
not pay for re-rendering every unchanged page. The policy writes the pages a reviewer
can need: every incident with a finding (any severity, notices included), every
incident the change under review (`--base`) touches, and every incident of a small
dataset; `--pages all` writes them all. The writer and the templates only follow the
choice, so no page ever links to one that was not written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI reads MODES for --help: no pandas import at module level
    import pandas as pd

    from checks.change.model import Change
    from checks.findings import Finding

RELEVANT = "relevant"
"""The default policy: pages with something to read, and all of them on a small dataset."""
ALL = "all"
"""Every incident gets its page, whatever the dataset's size."""
MODES = (RELEVANT, ALL)

ALL_PAGES_UP_TO = 500
"""A dataset with at most this many incidents gets every page (and its index lists every
incident in file order). 500 pages render in a few seconds on a laptop, a fraction of
the gate's run, and a reviewer may browse any incident of a small, hand-curated
dataset; both shipped datasets are far below it, so their reports are unchanged."""


@dataclass(frozen=True, slots=True)
class PageChoice:
    """The incidents whose page is written, and why the others are not."""

    written: frozenset[str]
    """Incident ids whose incidents/<slug>.html is written."""
    total: int
    """Incidents in the dataset (distinct ids of incidents.csv)."""
    mode: str
    threshold: int

    @property
    def every_page(self) -> bool:
        return len(self.written) >= self.total

    @property
    def small(self) -> bool:
        """At most `threshold` incidents: the index lists every incident in file order."""
        return self.total <= self.threshold


def _ids(frame: pd.DataFrame | None, column: str) -> set[str]:
    if frame is None or column not in frame:
        return set()
    return set(frame[column].dropna().astype(str).tolist()) - {""}


def _rows_in(frame: pd.DataFrame | None, column: str, keys: set[str]) -> pd.DataFrame | None:
    """The rows of `frame` whose `column` is one of `keys` (None when there are none)."""
    if frame is None or column not in frame or not keys:
        return None
    return frame[frame[column].astype("string").isin(keys).fillna(False).astype(bool)]


def incidents_with_findings(
    typed: Mapping[str, pd.DataFrame], findings: Iterable[Finding]
) -> set[str]:
    """Incidents a finding of any severity attaches to (as the report attaches them)."""
    from checks.consistency.verdicts import claim_incidents, dispute_incidents, finding_incident
    from checks.findings import named_claim_ids

    findings = tuple(findings)
    lookup = claim_incidents(typed.get("claims"), named_claim_ids(findings))
    disputes = dispute_incidents(typed.get("disputes"))
    return {found for f in findings if (found := finding_incident(f, lookup, disputes)) is not None}


def touched_incidents(typed: Mapping[str, pd.DataFrame], change: Change | None) -> set[str]:
    """Incidents the change under review touches: an incidents row, one of its claims or
    disputes, or an article (or exclusion) of one of its claims added or changed, or an
    incident whose verdict changed. A removed claim carries no incident at the head; its
    incident counts when its verdict changed."""
    if change is None:
        return set()
    rows: dict[str, set[str]] = {}
    for table in change.tables:
        rows[table.table] = {r.key for r in (*table.added, *table.changed)}
    found = set(rows.get("incidents", set()))
    articles = rows.get("articles", set()) | rows.get("exclusions", set())
    claims, disputes = typed.get("claims"), typed.get("disputes")
    found |= _ids(_rows_in(claims, "claim_id", rows.get("claims", set())), "incident_id")
    found |= _ids(_rows_in(claims, "article_id", articles), "incident_id")
    found |= _ids(_rows_in(disputes, "dispute_id", rows.get("disputes", set())), "incident_id")
    found |= {v.incident_id for v in change.verdicts if v.after is not None}
    return found


def choose_pages(
    typed: Mapping[str, pd.DataFrame],
    findings: Iterable[Finding],
    change: Change | None = None,
    mode: str = RELEVANT,
    threshold: int = ALL_PAGES_UP_TO,
) -> PageChoice:
    """The page policy: all pages for `--pages all` or a dataset of at most `threshold`
    incidents; otherwise the incidents with a finding and those the change touches."""
    ids = _ids(typed.get("incidents"), "incident_id")
    if mode == ALL or len(ids) <= threshold:
        return PageChoice(frozenset(ids), len(ids), mode, threshold)
    wanted = incidents_with_findings(typed, findings) | touched_incidents(typed, change)
    return PageChoice(frozenset(ids & wanted), len(ids), mode, threshold)
