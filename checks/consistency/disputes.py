"""Sources that disagree: claims-disagree, and the disputes a reviewer has judged.

Two claims of different articles about one incident and field disagree when their
intervals, widened by the field's tolerance, do not meet. Real reporting disagrees for
reasons that are not extraction errors (police 79, a community spokesman 95), so a
reviewer can record a dispute in disputes.csv: the claims reviewed, the span of their
figures as reviewed, the reason and the decision. Like an audited secrets baseline, a
review covers what was reviewed and nothing new:

* a claim is *covered* when its review is valid, it is listed, it is in the consensus
  (not superseded) and its stated interval lies inside the recorded span;
* covered claims that state different figures make one notice per review
  (reviewed-dispute), whether or not they differ beyond the tolerance;
* every other disagreement fails as before: a claim not listed, a listed claim edited
  outside the span, a covered claim against one the review does not cover;
* a review whose claims no longer differ, or whose span no longer is theirs, is
  stale (a warning asking for the record to be updated);
* under a live review the incident's figures follow UCDP's shape (review-figures).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from checks.consistency import rules as R
from checks.consistency.evidence import bounds, claim_evidence, num, say, tolerance
from checks.consistency.intervals import GROUP, disagreements, stated_figure
from checks.dataset import Dataset
from checks.emit import row_findings
from checks.findings import Finding
from checks.structure.vocab import INCIDENT_FIELDS

SEPARATOR = ";"


@dataclass(frozen=True, slots=True)
class Reviews:
    """The valid reviews and what they cover, over the rows of `widened`."""

    valid: pd.DataFrame
    """disputes.csv rows that can cover claims (index: the disputes row); span_top is
    span_high as a float with an open span as +inf."""
    listed: pd.DataFrame
    """(drow, dispute_id, incident_id, field, claim_id) for every listed claim id."""
    review: pd.Series
    """Per row of `widened`: the disputes row of the valid review of its incident and
    field, or -1 where there is none."""
    covered: pd.Series
    """Per row of `widened`: listed by that review and inside its span."""


def usable_disputes(disputes: pd.DataFrame) -> pd.DataFrame:
    """Rows with every cell the rules need; the others already fail the structure layer."""
    needed = ["dispute_id", "incident_id", "field", "claims", "span_low"]
    if disputes.empty or any(c not in disputes for c in needed):
        return disputes.iloc[0:0] if not disputes.empty else disputes
    return disputes[disputes[needed].notna().all(axis=1)]


def listed_claims(disputes: pd.DataFrame) -> pd.DataFrame:
    """One row per claim id a review lists (ids stripped, repeats dropped)."""
    if disputes.empty:
        return pd.DataFrame(columns=["drow", "dispute_id", "incident_id", "field", "claim_id"])
    ids = disputes["claims"].astype(str).str.split(SEPARATOR).explode().str.strip()
    frame = pd.DataFrame(
        {
            "drow": ids.index.to_numpy(),
            "dispute_id": disputes.loc[ids.index, "dispute_id"].to_numpy(),
            "incident_id": disputes.loc[ids.index, "incident_id"].to_numpy(),
            "field": disputes.loc[ids.index, "field"].to_numpy(),
            "claim_id": ids.to_numpy(),
        }
    )
    frame = frame[frame["claim_id"].ne("")]
    return frame.drop_duplicates(["drow", "claim_id"]).reset_index(drop=True)


def review_problems(
    disputes: pd.DataFrame, listed: pd.DataFrame, claims: pd.DataFrame
) -> pd.Series:
    """Per disputes row: what makes it unable to cover anything ("" when valid).

    Claims are looked up within the review's incident, as everything here is, so the
    Spark engine (which groups rows by incident) finds the same.
    """
    problems = pd.Series("", index=disputes.index, dtype=object)
    if disputes.empty:
        return problems
    named = claims[claims["claim_id"].notna()].drop_duplicates("claim_id")
    found = listed.merge(
        named[["claim_id", "incident_id", "field"]].rename(columns={"field": "c_field"}),
        on=["claim_id", "incident_id"],
        how="left",
    )
    wrong = found[found["c_field"].ne(found["field"]).fillna(True).astype(bool)]
    notes: list[pd.Series] = []
    if not wrong.empty:
        said = np.where(
            wrong["c_field"].isna(),
            wrong["claim_id"].astype(str) + " is not a claim of incident " + wrong["incident_id"],
            wrong["claim_id"].astype(str)
            + " is about "
            + wrong["c_field"].astype(str)
            + ", not "
            + wrong["field"].astype(str),
        )
        notes.append(
            pd.Series(said, index=wrong["drow"].to_numpy()).groupby(level=0).agg("; ".join)
        )
    count = listed.groupby("drow").size().reindex(disputes.index, fill_value=0)
    few = count[count < 2]
    notes.append(
        _said(few.index, (f"it lists {n} claim(s); a dispute needs two or more" for n in few))
    )
    high = disputes["span_high"].astype("Float64")
    low = disputes["span_low"].astype("Float64")
    upside = disputes[(low > high).fillna(False).astype(bool)]
    notes.append(
        _said(
            upside.index,
            (
                f"span_low {num(a)} is above span_high {num(b)}"
                for a, b in zip(upside["span_low"], upside["span_high"], strict=True)
            ),
        )
    )
    none = pd.Series(pd.NA, index=disputes.index, dtype="Float64")
    best = disputes["best"].astype("Float64") if "best" in disputes else none
    reason = disputes.get("best_reason", none)
    unexplained = disputes[(best.notna() & reason.isna()).to_numpy()]
    notes.append(
        _said(
            unexplained.index,
            (f"best {num(b)} is named without best_reason" for b in unexplained["best"]),
        )
    )
    outside = disputes[((best < low) | (best > high)).fillna(False).astype(bool).to_numpy()]
    notes.append(
        _said(
            outside.index,
            (
                f"best {num(b)} lies outside the span {bounds(a, h)}"
                for b, a, h in zip(
                    outside["best"], outside["span_low"], outside["span_high"], strict=True
                )
            ),
        )
    )
    twice = disputes[disputes.duplicated(GROUP, keep=False)]
    notes.append(
        _said(
            twice.index,
            (
                f"incident {i}, {f} has more than one review: keep one"
                for i, f in zip(twice["incident_id"], twice["field"], strict=True)
            ),
        )
    )
    said_any = [n for n in notes if not n.empty]
    if not said_any:
        return problems
    joined = pd.concat(said_any)
    merged = joined.groupby(level=0).agg("; ".join)
    problems.loc[merged.index] = merged
    return problems


def _said(index: pd.Index, messages: Iterable[str]) -> pd.Series:
    """One problem message per disputes row of `index`."""
    return pd.Series(list(messages), index=index, dtype=object)


def reviews(
    disputes: pd.DataFrame, claims: pd.DataFrame, widened: pd.DataFrame
) -> tuple[Reviews, pd.Series]:
    """What the valid reviews cover in `widened`, and each review's problems."""
    usable = usable_disputes(disputes)
    listed = listed_claims(usable)
    problems = review_problems(usable, listed, claims)
    valid = usable[problems.eq("").to_numpy()] if len(usable) else usable
    if not valid.empty:
        valid = valid.assign(
            span_top=valid["span_high"].astype("Float64").to_numpy(dtype=float, na_value=np.inf)
        )
    listed = listed[listed["drow"].isin(valid.index)]
    review = pd.Series(-1, index=widened.index, dtype="int64")
    covered = pd.Series(False, index=widened.index)
    if not valid.empty and not widened.empty:
        groups = pd.DataFrame(
            {"incident_id": valid["incident_id"], "field": valid["field"], "drow": valid.index}
        )
        keyed = widened[GROUP].reset_index(names="wrow").merge(groups, on=GROUP)
        review.loc[keyed["wrow"].to_numpy()] = keyed["drow"].to_numpy()
        mine = widened[["claim_id"]].assign(drow=review).reset_index(names="wrow")
        mine = mine.merge(listed[["drow", "claim_id"]], on=["drow", "claim_id"])
        rows = widened.loc[mine["wrow"].to_numpy()]
        span = valid.loc[mine["drow"].to_numpy()]
        high = rows["high"].astype("Float64").to_numpy(dtype=float, na_value=np.inf)
        inside = (rows["low"].to_numpy(dtype=float) >= span["span_low"].to_numpy(dtype=float)) & (
            high <= span["span_top"].to_numpy(dtype=float)
        )
        covered.loc[mine["wrow"].to_numpy()[inside]] = True
    return Reviews(valid=valid, listed=listed, review=review, covered=covered), problems


@dataclass(frozen=True, slots=True)
class DisputeOutcome:
    """What the dispute rules found, and which (incident, field) pairs they speak for."""

    findings: list[Finding]
    disputed: pd.DataFrame
    """incident_id, field of every pair with a disagreement (failing or reviewed): the
    incident row is not compared with a consensus there."""
    judged: pd.Series
    """Per row of `widened`: the disputes row of the review in force that covers it, or
    -1. Two claims judged by one review are not a later-lower toll either."""


def check_disputes(
    ds: Dataset,
    widened: pd.DataFrame,
    disputes: pd.DataFrame,
    claims: pd.DataFrame,
    incidents: pd.DataFrame,
) -> DisputeOutcome:
    """claims-disagree, the reviewed disputes, stale and invalid reviews, review-figures."""
    found, problems = reviews(disputes, claims, widened)
    findings = _invalid(ds, disputes, problems)
    covered = found.covered
    failing = disagreements(widened)
    if covered.any():
        # covered claims answer only to the claims their review does not cover
        against = disagreements(widened, pool=~covered)
        against = against[covered.loc[against.index].to_numpy()]
        failing = failing[~covered.loc[failing.index].to_numpy()]
        failing = pd.concat([failing, against]).sort_index()
    findings += _claims_disagree(ds, widened, failing, found)
    live = _live(widened, found)
    held = _held(widened, found)
    findings += _reviewed(ds, found, live, held)
    findings += _stale(ds, widened, found, live, held)
    findings += _figures(ds, found, live, held, incidents)
    pairs = [widened.loc[failing.index, GROUP]]
    if len(live):
        pairs.append(found.valid.loc[live, GROUP])
    disputed = pd.concat(pairs).drop_duplicates()
    judged = found.review.where(covered & found.review.isin(live), -1)
    return DisputeOutcome(findings=findings, disputed=disputed, judged=judged)


def _live(widened: pd.DataFrame, found: Reviews) -> pd.Index:
    """Reviews in force: the claims they cover still state two or more different
    intervals. Sources that differ only within the tolerance may be reviewed too: the
    incident then spans them in UCDP's shape instead of sitting in their overlap."""
    mask = found.covered.to_numpy()
    if not mask.any():
        return pd.Index([], dtype="int64")
    stated = widened.loc[mask, ["low", "high"]].astype("Float64").fillna(-1.0)
    stated = stated.assign(drow=found.review[mask].to_numpy()).drop_duplicates()
    counts = stated.groupby("drow").size()
    return pd.Index([int(d) for d in counts.index[counts.to_numpy() >= 2]], dtype="int64")


def _invalid(ds: Dataset, disputes: pd.DataFrame, problems: pd.Series) -> list[Finding]:
    bad = problems[problems.ne("")]
    if bad.empty:
        return []
    rows = disputes.loc[bad.index]
    return row_findings(
        R.REVIEW_INVALID,
        "disputes",
        ds.files["disputes"],
        rows,
        (
            f"dispute {d} (incident {i}, {f}) cannot cover its claims: {p}"
            for d, i, f, p in zip(
                rows["dispute_id"], rows["incident_id"], rows["field"], bad, strict=True
            )
        ),
        ("claims",),
        (
            {"incident_id": i, "field": f, "dispute_id": d, "problem": p}
            for d, i, f, p in zip(
                rows["dispute_id"], rows["incident_id"], rows["field"], bad, strict=True
            )
        ),
    )


def _review_note(widened: pd.DataFrame, rows: pd.DataFrame, found: Reviews) -> list[str]:
    """Why a review in force does not cover a failing claim (or its partner)."""
    if found.valid.empty:
        return [""] * len(rows)
    drow = found.review.loc[rows.index]
    listed = set(zip(found.listed["drow"], found.listed["claim_id"], strict=True))
    notes = []
    for index, claim in rows.iterrows():
        at = int(drow.loc[index])  # type: ignore[call-overload]
        if at < 0:
            notes.append("")
            continue
        review = found.valid.loc[at]
        name = f"dispute {review['dispute_id']}"
        if bool(found.covered.loc[index]):  # type: ignore[call-overload]
            notes.append(f"; {claim['claim_id']} is covered by {name}, but the other claim is not")
        elif (at, claim["claim_id"]) in listed:
            notes.append(
                f"; {claim['claim_id']} is listed by {name}, but "
                f"{bounds(claim['low'], claim['high'])} lies outside its reviewed span "
                f"{bounds(review['span_low'], review['span_high'])}: it changed after review"
            )
        else:
            notes.append(f"; {claim['claim_id']} is not listed by {name}")
    return notes


def _claims_disagree(
    ds: Dataset, widened: pd.DataFrame, failing: pd.DataFrame, found: Reviews
) -> list[Finding]:
    rows = widened.loc[failing.index]
    partners = widened.loc[failing["partner"].to_numpy()]
    notes = _review_note(widened, rows, found)
    messages = []
    evidence = []
    for (_, claim), (_, other), note in zip(
        rows.iterrows(), partners.iterrows(), notes, strict=True
    ):
        messages.append(
            f"incident {claim['incident_id']}, {claim['field']}: {say(claim)} does not overlap "
            f"{say(other)} within the tolerance max({num(claim['tol_absolute'])}, "
            f"{num(claim['tol_relative'])} x bound){note}"
        )
        evidence.append(
            {
                "incident_id": claim["incident_id"],
                "field": claim["field"],
                "tolerance": tolerance(claim),
                "claim": claim_evidence(claim),
                "other": claim_evidence(other),
            }
        )
    return row_findings(
        R.CLAIMS_DISAGREE, "claims", ds.files["claims"], rows, messages, ("low", "high"), evidence
    )


def _held(widened: pd.DataFrame, found: Reviews) -> dict[int, pd.DataFrame]:
    """disputes row -> the claims its review covers (sorted by id), in one groupby."""
    mask = found.covered.to_numpy()
    if not mask.any():
        return {}
    covered = widened[mask].assign(drow=found.review[mask].to_numpy())
    return {
        int(drow): group.sort_values("claim_id")  # type: ignore[arg-type]
        for drow, group in covered.groupby("drow", sort=False)
    }


def _reviewed(
    ds: Dataset, found: Reviews, live: pd.Index, held: dict[int, pd.DataFrame]
) -> list[Finding]:
    if not len(live):
        return []
    rows = found.valid.loc[sorted(live)]
    messages = []
    evidence = []
    for drow, review in rows.iterrows():
        claims = held[int(drow)]  # type: ignore[call-overload]
        said = "; ".join(
            f"{c['claim_id']} {c['qualifier']} {bounds(c['low'], c['high'])} ({c['article_id']})"
            for _, c in claims.iterrows()
        )
        best = review.get("best")
        has_best = best is not None and not pd.isna(best)
        messages.append(
            f"incident {review['incident_id']}, {review['field']}: the sources differ "
            f"({said}), reviewed in dispute {review['dispute_id']}: {review['reason']}; "
            f"decision: {review['decision']}; reviewed span "
            f"{bounds(review['span_low'], review['span_high'])}"
        )
        evidence.append(
            {
                "incident_id": review["incident_id"],
                "field": review["field"],
                "dispute_id": review["dispute_id"],
                "reason": review["reason"],
                "decision": review["decision"],
                "span": [num(review["span_low"]), num(review["span_high"])],
                "best": num(best) if has_best else None,
                "best_reason": review.get("best_reason") if has_best else None,
                "claims": [claim_evidence(c) for _, c in claims.iterrows()],
            }
        )
    return row_findings(
        R.REVIEWED_DISPUTE, "disputes", ds.files["disputes"], rows, messages, ("claims",), evidence
    )


def _stale(
    ds: Dataset,
    widened: pd.DataFrame,
    found: Reviews,
    live: pd.Index,
    held: dict[int, pd.DataFrame],
) -> list[Finding]:
    """Valid reviews that no longer match: not live, or live with another span."""
    if found.valid.empty:
        return []
    counts = found.listed.groupby("drow").size()
    gone = found.listed[~found.listed["claim_id"].isin(widened["claim_id"])]
    gone_ids = gone.groupby("drow")["claim_id"].agg(list)
    messages: dict[int, str] = {}
    for drow in found.valid.index[~found.valid.index.isin(live)]:
        review = found.valid.loc[drow]
        kept = len(held.get(int(drow), ()))
        span = bounds(review["span_low"], review["span_high"])
        missing = gone_ids.get(drow, [])
        why = (
            f"only {kept} of its {int(counts.get(drow, 0))} listed claims are in the "
            f"consensus and inside the reviewed span {span}"
            + (f" ({', '.join(missing)} superseded or not in the consensus)" if missing else "")
            if kept < 2
            else f"its listed claims now state one figure ({kept} inside {span})"
        )
        messages[int(drow)] = (
            f"dispute {review['dispute_id']} (incident {review['incident_id']}, "
            f"{review['field']}) no longer matches: {why}; update or delete the review"
        )
    for drow in live:
        review = found.valid.loc[drow]
        kept_claims = held[int(drow)]
        low = float(kept_claims["low"].astype(float).min())
        tops = kept_claims["high"].astype("Float64").to_numpy(dtype=float, na_value=np.inf)
        high = float(tops.max())
        if low != float(review["span_low"]) or high != float(review["span_top"]):
            messages[int(drow)] = (
                f"dispute {review['dispute_id']} (incident {review['incident_id']}, "
                f"{review['field']}) records the span "
                f"{bounds(review['span_low'], review['span_high'])}, but its claims now span "
                f"{bounds(low, high)}: update the review's span"
            )
    if not messages:
        return []
    order = sorted(messages)
    rows = found.valid.loc[order]
    listed = found.listed[found.listed["drow"].isin(order)].groupby("drow")["claim_id"].agg(list)
    return row_findings(
        R.REVIEW_STALE,
        "disputes",
        ds.files["disputes"],
        rows,
        (messages[i] for i in order),
        ("claims", "span_low", "span_high"),
        (
            {
                "incident_id": r["incident_id"],
                "field": r["field"],
                "dispute_id": r["dispute_id"],
                "claim_ids": list(listed.get(i, [])),
            }
            for i, (_, r) in zip(order, rows.iterrows(), strict=True)
        ),
    )


def _figures(
    ds: Dataset,
    found: Reviews,
    live: pd.Index,
    held: dict[int, pd.DataFrame],
    incidents: pd.DataFrame,
) -> list[Finding]:
    """UCDP's shape under a live review: low <= the lowest figure the reviewed claims
    allow, high >= the highest (or open), best = the most conservative stated figure
    (ACLED) or the review's named best."""
    reviewed = found.valid.loc[sorted(live)] if len(live) else found.valid.iloc[0:0]
    reviewed = reviewed[reviewed["field"].isin(INCIDENT_FIELDS)]
    if reviewed.empty:
        return []
    rows = incidents[incidents["incident_id"].notna()].drop_duplicates("incident_id")
    row_of = pd.Series(rows.index, index=rows["incident_id"].to_numpy())
    hits: list[tuple[int, str, dict[str, object]]] = []
    for drow, review in reviewed.iterrows():
        incident = review["incident_id"]
        if incident not in row_of.index:
            continue
        row = incidents.loc[row_of[incident]]
        field = review["field"]
        claims = held[int(drow)]  # type: ignore[call-overload]
        lowest = float(claims["low"].astype(float).min())
        tops = claims["high"].astype("Float64").to_numpy(dtype=float, na_value=np.inf)
        highest = float(tops.max())
        named = review.get("best")
        has_named = named is not None and not pd.isna(named)
        conservative = float(stated_figure(claims).astype(float).min())
        expected = float(named) if has_named else conservative  # type: ignore[arg-type]
        low, best, high = (row.get(f"{field}_{p}") for p in ("low", "best", "high"))
        given = {p: v for p, v in (("low", low), ("best", best), ("high", high)) if not pd.isna(v)}
        if not given:
            continue
        wrong = []
        if "low" not in given:
            wrong.append(f"{field}_low is empty (the lowest reviewed figure is {num(lowest)})")
        elif float(given["low"]) > lowest:
            wrong.append(
                f"{field}_low={num(given['low'])} is above the lowest reviewed figure {num(lowest)}"
            )
        if "high" in given and float(given["high"]) < highest:
            top = "open" if np.isinf(highest) else num(highest)
            wrong.append(
                f"{field}_high={num(given['high'])} is below the highest reviewed figure {top}"
            )
        source = (
            f"the review's named best ({review.get('best_reason')})"
            if has_named
            else "the most conservative figure a reviewed source states"
        )
        if "best" not in given:
            wrong.append(f"{field}_best is empty; expected {num(expected)}, {source}")
        elif float(given["best"]) != expected:
            wrong.append(f"{field}_best={num(given['best'])}, but {source} is {num(expected)}")
        if wrong:
            hits.append(
                (
                    int(row_of[incident]),
                    f"incident {incident}, under reviewed dispute {review['dispute_id']} "
                    f"({review['reason']}): " + "; ".join(wrong),
                    {
                        "incident_id": incident,
                        "field": field,
                        "dispute_id": review["dispute_id"],
                        "incident": {p: num(v) for p, v in given.items()},
                        "allowed": {"low_at_most": num(lowest), "high_at_least": num(highest)},
                        "expected_best": num(expected),
                        "claim_ids": list(claims["claim_id"]),
                    },
                )
            )
    if not hits:
        return []
    return row_findings(
        R.REVIEW_FIGURES,
        "incidents",
        ds.files["incidents"],
        incidents.loc[[h[0] for h in hits]],
        [h[1] for h in hits],
        ("killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high"),
        [h[2] for h in hits],
    )
