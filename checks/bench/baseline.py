"""A plain-pandas baseline: the structural and consistency checks written straightforwardly.

What a competent analyst would write in a notebook: `read_csv`, vectorized masks,
`duplicated`, `isin`, anti-joins by `isin`, a groupby for the per-incident interval
intersection. No findings objects, messages, lines or evidence: only how many rows
fail each rule. The benchmark times it beside the gate in the same process, and
compares its counts with the gate's so the comparison is between equal work.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd

from checks.structure import vocab
from checks.structure.schemas import ISO_ALPHA2

ID = vocab.ID_PATTERN
COUNTS = ("killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high")
REQUIRED = {
    "articles": ("article_id", "published", "published_basis", "text_file", "sha256"),
    "incidents": (
        "incident_id",
        "name",
        "start_date",
        "end_date",
        "date_precision",
        "city",
        "country",
        "target_type",
    ),
    "claims": ("claim_id", "article_id", "incident_id", "field", "quote"),
    "actors": ("actor_id", "name"),
    "exclusions": ("article_id", "quote", "reason"),
}
KEYS = {"articles": "article_id", "incidents": "incident_id", "claims": "claim_id"}
COVERED = (
    "structure.type",
    "structure.required",
    "structure.unique-key",
    "structure.id-format",
    "structure.enum",
    "structure.format",
    "structure.country-code",
    "structure.range",
    "structure.interval-order",
    "structure.date-order",
    "structure.date-precision",
    "structure.date-plausible",
    "structure.published-note",
    "structure.claim-shape",
    "structure.reference",
    "consistency.claims-disagree",
    "consistency.incident-outside-consensus",
    "consistency.article-before-incident",
)
"""The rules the baseline implements; their counts must equal the gate's."""


def read(root: Path) -> dict[str, pd.DataFrame]:
    """Every table as strings, empty cells missing."""
    return {
        name: pd.read_csv(root / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""])
        for name in ("articles", "incidents", "claims", "actors", "exclusions")
    }


def _bad_pattern(values: pd.Series, pattern: str) -> int:
    return int((values.notna() & ~values.str.fullmatch(pattern).fillna(False)).sum())


def _order(low: pd.Series, best: pd.Series, high: pd.Series) -> pd.Series:
    return ((low > best) | (best > high) | (low > high)).fillna(False)


def check(root: Path, t: dict[str, pd.DataFrame], today: dt.date) -> dict[str, int]:
    """Failing rows (cells for type/required) per rule id."""
    a, i, c, r, x = (t[n] for n in ("articles", "incidents", "claims", "actors", "exclusions"))
    rules = tomllib.loads((root / "rules.toml").read_text(encoding="utf-8"))
    n: dict[str, int] = dict.fromkeys(COVERED, 0)

    # types
    nums: dict[str, pd.Series] = {}
    typed_columns: tuple[tuple[pd.DataFrame, tuple[str, ...]], ...] = (
        (i, COUNTS),
        (c, ("low", "high")),
    )
    for frame, cols in typed_columns:
        for col in cols:
            ok = frame[col].isna() | frame[col].str.fullmatch(r"[0-9]{1,15}").fillna(False)
            n["structure.type"] += int((~ok).sum())
            nums[col if frame is i else "c_" + col] = pd.to_numeric(frame[col].where(ok))
    dates = {}
    for col in ("start_date", "end_date"):
        parsed = pd.to_datetime(i[col], format="%Y-%m-%d", errors="coerce")
        n["structure.type"] += int((i[col].notna() & parsed.isna()).sum())
        dates[col] = parsed

    for name, cols in REQUIRED.items():
        n["structure.required"] += int(sum(t[name][col].isna().sum() for col in cols))
    for name, key in KEYS.items():
        n["structure.unique-key"] += int(t[name][key].duplicated(keep=False).sum())
    n["structure.unique-key"] += int(r["actor_id"].duplicated(keep=False).sum())
    n["structure.unique-key"] += int(r["name"].duplicated(keep=False).sum())
    id_columns: tuple[tuple[pd.DataFrame, tuple[str, ...]], ...] = (
        (a, ("article_id",)),
        (i, ("incident_id",)),
        (c, ("claim_id", "article_id", "incident_id")),
        (r, ("actor_id", "parent")),
        (x, ("article_id",)),
    )
    for frame, cols in id_columns:
        n["structure.id-format"] += sum(_bad_pattern(frame[col], ID) for col in cols)
    for frame, col, allowed in (
        (a, "published_basis", vocab.PUBLISHED_BASES),
        (i, "date_precision", vocab.DATE_PRECISIONS),
        (i, "target_type", vocab.TARGET_TYPES),
        (c, "field", vocab.CLAIM_FIELDS),
        (c, "qualifier", vocab.QUALIFIERS),
        (c, "kind", vocab.CLAIM_KINDS),
    ):
        n["structure.enum"] += int((frame[col].notna() & ~frame[col].isin(allowed)).sum())
    n["structure.country-code"] = int((i["country"].notna() & ~i["country"].isin(ISO_ALPHA2)).sum())
    n["structure.format"] = (
        _bad_pattern(a["published"], vocab.PARTIAL_DATE_PATTERN)
        + _bad_pattern(a["sha256"], vocab.SHA256_PATTERN)
        + _bad_pattern(a["url"], vocab.URL_PATTERN)
    )
    n["structure.range"] = int(sum((v < 0).sum() for v in nums.values()))
    n["structure.interval-order"] = int(
        _order(nums["killed_low"], nums["killed_best"], nums["killed_high"]).sum()
        + _order(nums["injured_low"], nums["injured_best"], nums["injured_high"]).sum()
        + (nums["c_low"] > nums["c_high"]).fillna(False).sum()
    )
    start, end, precision = dates["start_date"], dates["end_date"], i["date_precision"]
    n["structure.date-order"] = int((start > end).sum())
    month = (start.dt.day == 1) & (end == start + pd.offsets.MonthEnd(0))
    year = (start.dt.day_of_year == 1) & (end.dt.month == 12) & (end.dt.day == 31)
    year &= start.dt.year == end.dt.year
    fits = (
        precision.eq("day")
        | (precision.eq("week") & ((end - start).dt.days <= 6))
        | (precision.eq("month") & month)
        | (precision.eq("year") & year)
    )
    known = precision.isin(vocab.DATE_PRECISIONS) & start.notna() & end.notna()
    n["structure.date-precision"] = int((known & ~fits).sum())
    earliest = pd.Timestamp(rules.get("dates", {}).get("earliest", "1900-01-01"))
    latest = pd.Timestamp(today)
    for d in (start, end):
        n["structure.date-plausible"] += int(((d < earliest) | (d > latest)).sum())
    pub_start, pub_end = _published(a["published"])
    n["structure.date-plausible"] += int(((pub_end < earliest) | (pub_start > latest)).sum())
    n["structure.published-note"] = int(
        (a["published_basis"].ne("printed") & a["published_basis"].notna())
        .mul(a["published_note"].isna())
        .sum()
    )
    counts = c["field"].isin(vocab.COUNT_FIELDS)
    actors_f = c["field"].isin(vocab.ACTOR_FIELDS)
    count_ok = c["qualifier"].notna() & nums["c_low"].notna() & c["actor"].isna()
    exact_ok = ~c["qualifier"].eq("exact") | (nums["c_low"] == nums["c_high"]).fillna(False)
    actor_ok = c["actor"].notna() & c["qualifier"].isna() & c["low"].isna() & c["high"].isna()
    n["structure.claim-shape"] = int(
        ((counts & ~(count_ok & exact_ok)) | (actors_f & ~actor_ok)).sum()
    )
    actor_ids = r["actor_id"]
    n["structure.reference"] = int(
        (c["article_id"].notna() & ~c["article_id"].isin(a["article_id"])).sum()
        + (c["incident_id"].notna() & ~c["incident_id"].isin(i["incident_id"])).sum()
        + (r["parent"].notna() & ~r["parent"].isin(actor_ids)).sum()
        + (x["article_id"].notna() & ~x["article_id"].isin(a["article_id"])).sum()
    )
    for col in ("perpetrator", "claimed_by"):
        ids = i[col].str.split(vocab.ACTOR_LIST_SEPARATOR).explode().str.strip().dropna()
        n["structure.reference"] += int(ids[~ids.isin(actor_ids)].index.nunique())

    _consistency(n, a, i, c, nums, dates, rules, pub_start, pub_end)
    return n


def _published(published: pd.Series) -> tuple[pd.Series, pd.Series]:
    padded = published.where(published.str.len() != 4, published + "-01-01")
    padded = padded.where(published.str.len() != 7, published + "-01")
    start = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")
    end = start.where(published.str.len() != 7, start + pd.offsets.MonthEnd(0))
    end = end.where(published.str.len() != 4, start + pd.offsets.YearEnd(0))
    return start, end


def _consistency(
    n: dict[str, int],
    a: pd.DataFrame,
    i: pd.DataFrame,
    c: pd.DataFrame,
    nums: dict[str, pd.Series],
    dates: dict[str, pd.Series],
    rules: dict[str, object],
    pub_start: pd.Series,
    pub_end: pd.Series,
) -> None:
    tolerance = rules.get("tolerance", {})
    assert isinstance(tolerance, dict)
    default: dict[str, float] = tolerance.get("default", {})

    def tol(field: object, part: str) -> float:
        spec: dict[str, float] = tolerance.get(str(field), default)
        return float(spec.get(part, 0.0))

    totals = c[
        c["field"].isin(vocab.COUNT_FIELDS)
        & nums["c_low"].notna()
        & c["incident_id"].notna()
        & c["article_id"].notna()
        & ~c["kind"].eq("increment").fillna(False)
    ][["claim_id", "article_id", "incident_id", "field"]].copy()
    low = nums["c_low"][totals.index].astype(float)
    high = nums["c_high"][totals.index].astype(float).fillna(np.inf)
    fields = totals["field"].astype(object)
    absolute = fields.map(lambda f: tol(f, "absolute")).astype(float)
    relative = fields.map(lambda f: tol(f, "relative")).astype(float)
    totals["low_w"] = low - np.maximum(absolute, relative * low)
    totals["high_w"] = high + np.maximum(absolute, relative * high.replace(np.inf, 0))
    keys = ["incident_id", "field"]
    g = totals.groupby(keys)
    totals["lo"] = g["low_w"].transform("max")
    totals["hi"] = g["high_w"].transform("min")
    failing = totals[totals["lo"] > totals["hi"]]
    pairs = failing.merge(failing, on=keys, suffixes=("", "_o"))
    pairs = pairs[pairs["article_id"] != pairs["article_id_o"]]
    clash = (pairs["low_w_o"] > pairs["high_w"]) | (pairs["high_w_o"] < pairs["low_w"])
    n["consistency.claims-disagree"] = int(pairs.loc[clash, "claim_id"].nunique())

    agreeing = totals[totals["lo"] <= totals["hi"]].drop_duplicates(keys)
    outside = 0
    for field in ("killed", "injured"):
        cons = agreeing[agreeing["field"] == field].set_index("incident_id")
        rows = i[["incident_id"]].assign(
            low=nums[f"{field}_low"], best=nums[f"{field}_best"], high=nums[f"{field}_high"]
        )
        rows = rows.merge(cons[["lo", "hi"]], left_on="incident_id", right_index=True)
        bad = pd.Series(False, index=rows.index)
        for part in ("low", "best", "high"):
            bad |= ((rows[part] < rows["lo"]) | (rows[part] > rows["hi"])).fillna(False)
        outside += int(bad.sum())
    n["consistency.incident-outside-consensus"] = outside

    published = pd.DataFrame({"article_id": a["article_id"], "pub_end": pub_end})
    linked = c[["article_id", "incident_id"]].drop_duplicates().merge(published, on="article_id")
    linked = linked.merge(
        i[["incident_id"]].assign(start=dates["start_date"]).drop_duplicates("incident_id"),
        on="incident_id",
    )
    n["consistency.article-before-incident"] = int((linked["pub_end"] < linked["start"]).sum())


def run(root: Path, today: dt.date | None = None) -> dict[str, int]:
    """Read and check `root`: failing rows per covered rule id."""
    return check(root, read(root), today or dt.date.today())
