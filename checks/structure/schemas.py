"""pandera DataFrameModels of the tables: the single source of columns and types.

The loader derives which columns exist and which are required from these models,
and the typing step derives each column's type from them, so a column is declared
once. Cross-column checks are dataframe checks here (vectorized, one boolean per row);
checks across tables live in `references.py`.
"""

from __future__ import annotations

from typing import Optional

import pandas as pd
import pandera.pandas as pa
import pycountry
from pandera.typing import Series

from checks.structure import vocab

ISO_ALPHA2 = frozenset(country.alpha_2 for country in pycountry.countries)


def _ordered(df: pd.DataFrame, prefix: str) -> pd.Series:
    """low <= best <= high, each comparison skipped where a side is empty (unknown/open)."""
    low, best, high = (df[f"{prefix}_{part}"] for part in ("low", "best", "high"))
    ok = (
        (low.isna() | best.isna() | (low <= best))
        & (best.isna() | high.isna() | (best <= high))
        & (low.isna() | high.isna() | (low <= high))
    )
    return ok.fillna(True).astype(bool)


class ArticleSchema(pa.DataFrameModel):
    """articles.csv: one row per article text in articles/."""

    article_id: Series[str] = pa.Field(unique=True, str_matches=vocab.ID_PATTERN)
    outlet: Optional[Series[str]] = pa.Field(nullable=True)
    title: Optional[Series[str]] = pa.Field(nullable=True)
    published: Series[str] = pa.Field(str_matches=vocab.PARTIAL_DATE_PATTERN)
    published_basis: Series[str] = pa.Field(isin=vocab.PUBLISHED_BASES)
    published_note: Optional[Series[str]] = pa.Field(nullable=True)
    url: Optional[Series[str]] = pa.Field(nullable=True, str_matches=vocab.URL_PATTERN)
    text_file: Series[str]
    sha256: Series[str] = pa.Field(str_matches=vocab.SHA256_PATTERN)

    @pa.dataframe_check(name="published_note", ignore_na=False)
    @classmethod
    def note_when_not_printed(cls, df: pd.DataFrame) -> Series[bool]:
        """A date the article does not print must say how it was obtained."""
        note = df["published_note"] if "published_note" in df else pd.Series(pd.NA, index=df.index)
        printed = df["published_basis"].eq("printed").fillna(True)
        return Series(printed | note.notna())

    class Config:
        strict = False
        coerce = False


class IncidentSchema(pa.DataFrameModel):
    """incidents.csv: one row per incident, with its best figures as low/best/high."""

    incident_id: Series[str] = pa.Field(unique=True, str_matches=vocab.ID_PATTERN)
    name: Series[str]
    start_date: Series[pa.DateTime]
    end_date: Series[pa.DateTime]
    date_precision: Series[str] = pa.Field(isin=vocab.DATE_PRECISIONS)
    city: Series[str]
    province: Optional[Series[str]] = pa.Field(nullable=True)
    country: Series[str] = pa.Field(isin=sorted(ISO_ALPHA2))
    target_type: Series[str] = pa.Field(isin=vocab.TARGET_TYPES)
    perpetrator: Optional[Series[str]] = pa.Field(nullable=True)
    claimed_by: Optional[Series[str]] = pa.Field(nullable=True)
    killed_low: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    killed_best: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    killed_high: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    injured_low: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    injured_best: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    injured_high: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    parent_incident: Optional[Series[str]] = pa.Field(nullable=True, str_matches=vocab.ID_PATTERN)
    """A sub-event (one site of an attack on several) names the whole attack's row."""

    @pa.dataframe_check(name="killed_interval_order", ignore_na=False)
    @classmethod
    def killed_order(cls, df: pd.DataFrame) -> Series[bool]:
        """killed_low <= killed_best <= killed_high."""
        return Series(_ordered(df, "killed"))

    @pa.dataframe_check(name="injured_interval_order", ignore_na=False)
    @classmethod
    def injured_order(cls, df: pd.DataFrame) -> Series[bool]:
        """injured_low <= injured_best <= injured_high."""
        return Series(_ordered(df, "injured"))

    @pa.dataframe_check(name="date_order", ignore_na=False)
    @classmethod
    def start_before_end(cls, df: pd.DataFrame) -> Series[bool]:
        """An incident cannot end before it starts."""
        start, end = df["start_date"], df["end_date"]
        return Series((start.isna() | end.isna() | (start <= end)).astype(bool))

    @pa.dataframe_check(name="date_precision", ignore_na=False)
    @classmethod
    def dates_fit_precision(cls, df: pd.DataFrame) -> Series[bool]:
        """The date range must be what its precision says (a whole month, a whole year...)."""
        start, end, precision = df["start_date"], df["end_date"], df["date_precision"]
        month = (start.dt.day == 1) & (end == start + pd.offsets.MonthEnd(0))
        year = (
            (start.dt.month == 1)
            & (start.dt.day == 1)
            & (end.dt.month == 12)
            & (end.dt.day == 31)
            & (start.dt.year == end.dt.year)
        )
        week = (end - start) <= pd.Timedelta(days=6)
        ok = (
            precision.eq("day")
            | (precision.eq("week") & week)
            | (precision.eq("month") & month)
            | (precision.eq("year") & year)
            | ~precision.isin(vocab.DATE_PRECISIONS)
            | start.isna()
            | end.isna()
        )
        return Series(ok.fillna(True).astype(bool))

    class Config:
        strict = False
        coerce = False


class ClaimSchema(pa.DataFrameModel):
    """claims.csv: one row per statement an article makes about an incident."""

    claim_id: Series[str] = pa.Field(unique=True, str_matches=vocab.ID_PATTERN)
    article_id: Series[str] = pa.Field(str_matches=vocab.ID_PATTERN)
    incident_id: Series[str] = pa.Field(str_matches=vocab.ID_PATTERN)
    field: Series[str] = pa.Field(isin=vocab.CLAIM_FIELDS)
    quote: Series[str]
    qualifier: Series[str] = pa.Field(nullable=True, isin=vocab.QUALIFIERS)
    low: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    high: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    kind: Optional[Series[str]] = pa.Field(nullable=True, isin=vocab.CLAIM_KINDS)
    actor: Optional[Series[str]] = pa.Field(nullable=True)
    note: Optional[Series[str]] = pa.Field(nullable=True)
    superseded_by: Optional[Series[str]] = pa.Field(nullable=True, str_matches=vocab.ID_PATTERN)
    """The later claim (same incident and field) that replaces this one: an early toll, a
    count revised down. A superseded claim stays grounded but leaves the consensus."""

    @pa.dataframe_check(name="claim_interval_order", ignore_na=False)
    @classmethod
    def low_before_high(cls, df: pd.DataFrame) -> Series[bool]:
        """low <= high; an empty high is open-ended."""
        low, high = _column(df, "low"), _column(df, "high")
        return Series((low.isna() | high.isna() | (low <= high)).fillna(True).astype(bool))

    @pa.dataframe_check(name="claim_shape", ignore_na=False)
    @classmethod
    def fields_fit(cls, df: pd.DataFrame) -> Series[bool]:
        """Count claims carry figures and no actor; actor claims the reverse."""
        qualifier, low, high = _column(df, "qualifier"), _column(df, "low"), _column(df, "high")
        actor = _column(df, "actor")
        counts = df["field"].isin(vocab.COUNT_FIELDS)
        actors = df["field"].isin(vocab.ACTOR_FIELDS)
        count_ok = qualifier.notna() & low.notna() & actor.isna()
        exact_ok = ~qualifier.eq("exact").fillna(False) | (low == high).fillna(False)
        actor_ok = actor.notna() & qualifier.isna() & low.isna() & high.isna()
        ok = (~counts | (count_ok & exact_ok)) & (~actors | actor_ok)
        return Series(ok.fillna(True).astype(bool))

    class Config:
        strict = False
        coerce = False


class ActorSchema(pa.DataFrameModel):
    """actors.csv: armed groups and forces, with the aliases articles use for them."""

    actor_id: Series[str] = pa.Field(unique=True, str_matches=vocab.ID_PATTERN)
    name: Series[str] = pa.Field(unique=True)
    aliases: Optional[Series[str]] = pa.Field(nullable=True)
    parent: Optional[Series[str]] = pa.Field(nullable=True, str_matches=vocab.ID_PATTERN)

    class Config:
        strict = False
        coerce = False


class ExclusionSchema(pa.DataFrameModel):
    """exclusions.csv (optional): extracted statements that are deliberately not claims."""

    article_id: Series[str] = pa.Field(str_matches=vocab.ID_PATTERN)
    quote: Series[str]
    reason: Series[str]

    class Config:
        strict = False
        coerce = False


class DisputeSchema(pa.DataFrameModel):
    """disputes.csv (optional): disagreements among sources that a reviewer has judged.

    One row per (incident, field): the claims reviewed (`;`-separated ids), the span of
    their stated intervals as reviewed (empty high = open), the reason and the decision.
    `best` (with `best_reason`) names a best figure other than the conservative one.
    Like an audited secrets baseline, a row covers what was reviewed and nothing new.
    """

    dispute_id: Series[str] = pa.Field(unique=True, str_matches=vocab.ID_PATTERN)
    incident_id: Series[str] = pa.Field(str_matches=vocab.ID_PATTERN)
    field: Series[str] = pa.Field(isin=vocab.COUNT_FIELDS)
    claims: Series[str] = pa.Field(str_matches=vocab.ID_LIST_PATTERN)
    span_low: Series[pd.Int64Dtype] = pa.Field(ge=0)
    span_high: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    reason: Series[str]
    decision: Series[str]
    best: Optional[Series[pd.Int64Dtype]] = pa.Field(nullable=True, ge=0)
    best_reason: Optional[Series[str]] = pa.Field(nullable=True)
    reviewer: Optional[Series[str]] = pa.Field(nullable=True)
    reviewed: Optional[Series[str]] = pa.Field(nullable=True)

    class Config:
        strict = False
        coerce = False


def _column(df: pd.DataFrame, name: str) -> pd.Series:
    """An optional column, or an all-missing one when the file does not have it."""
    return df[name] if name in df else pd.Series(pd.NA, index=df.index, dtype="object")


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticleSchema,
    "incidents": IncidentSchema,
    "claims": ClaimSchema,
    "actors": ActorSchema,
    "exclusions": ExclusionSchema,
    "disputes": DisputeSchema,
}
"""Table name -> model; the file of table `t` is `<dataset>/<t>.csv`."""

KEYS: dict[str, str] = {
    "articles": "article_id",
    "incidents": "incident_id",
    "claims": "claim_id",
    "actors": "actor_id",
    "exclusions": "article_id",
    "disputes": "dispute_id",
}
"""Each table's key column; exclusions.csv has no unique key, its rows are named by article."""
