"""Relative date expressions near a claim's quote, resolved and put next to the incident.

Which expressions count (the rule's documented scope):

* Those inside the claim's quote. Only when the quote holds none, those in the
  sentence(s) containing the quote. Never the rest of the article: "On May 20 ... the
  first arrests" or "earlier this month" about another event elsewhere in the text
  are not about the claim.
* A weekday, "today" or "yesterday" counts only where it dates the event: it modifies
  an event noun ("the Monday night raid", "Friday's attacks", "Sunday bombings") or
  follows an event verb or noun ("gunmen stormed the mosque on Friday", "was carried
  out late Thursday"). One that dates the reporting of it ("the toll rose to 321 on
  Tuesday", "the correction was issued on Thursday", "the group today claimed") or
  names a prayer ("during Friday prayers") is not about the incident's date.
* Attribution dates are ignored: a weekday or "today" right after "said", "told
  reporters", "announced" ... dates the reporting ("police said Saturday"), not the
  incident.
* The claim is consistent when at least one counted expression agrees: for fields
  describing the incident itself (killed, injured, attackers...) the resolved range
  must overlap [start_date, end_date]; for arrested and claimed_by, which happen after
  the incident, it must not end before start_date.

Text work (finding mentions and sentences) is done once per article; matching
mentions to claims is merges over whole tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import regex

from checks.quantities import resolve_relative_dates
from checks.quantities.reldates import may_mention
from checks.quantities.sentences import sentence_spans

AFTER_INCIDENT_FIELDS = ("arrested", "claimed_by")
_ATTRIBUTION = regex.compile(
    r"(?i:\b(?:said|says|say|told(?:[\s\u00a0]{1,3}[\w-]{1,20}){0,2}|tells|announced|"
    r"reported|added|stated|confirmed|quoted)[\s\u00a0]{1,3}(?:on[\s\u00a0]{1,3})?)$"
)


_EVENT_NOUNS = (
    r"attacks?|assaults?|raids?|bombings?|bombs?|blasts?|explosions?|shootings?|"
    r"massacres?|siege|ambush(?:es)?|strikes?|operations?|violence|carnage|killings?|"
    r"rampage|gunfight|firefight|clash(?:es)?|incidents?|tragedy|atrocity"
)
_EVENT_VERBS = (
    r"attacked|stormed|struck|raided|bombed|exploded|detonated|ambushed|massacred|"
    r"killed|died|wounded|injured|hurt|began|launched|carried[\s\u00a0]{1,3}out|"
    r"took[\s\u00a0]{1,3}place|happened|occurred|opened[\s\u00a0]{1,3}fire|shot|targeted|"
    r"martyred|slain|erupted|went[\s\u00a0]{1,3}off|blew[\s\u00a0]{1,3}up"
)
_WORD = r"[\w'’-]{1,30}"
_EVENT_AFTER = regex.compile(
    rf"(?i:^(?:['’]s)?(?:[\s\u00a0]{{1,3}}{_WORD}){{0,2}}?[\s\u00a0]{{1,3}}(?:{_EVENT_NOUNS})\b)"
)
_EVENT_BEFORE = regex.compile(
    rf"(?i:(?:\b(?:{_EVENT_VERBS})(?:[\s\u00a0]{{1,3}}{_WORD}){{0,5}}"
    rf"|\b(?:{_EVENT_NOUNS})[\s\u00a0]{{1,3}}(?:on|of))[\s\u00a0]{{1,3}}$)"
)
"""An event verb up to five words before, within the clause ("stormed the mosque on",
"carried out late", "stormed an affluent Nairobi shopping centre"; punctuation ends it),
or an event noun right before "on" / "of" ("the attack on"); not "the attacks were
claimed on", whose weekday dates the claim."""
_PRAYER = regex.compile(r"(?i:^[\s\u00a0]{1,3}(?:night[\s\u00a0]{1,3})?prayers?\b)")
_DAY_KINDS = ("weekday", "today", "yesterday")


def dates_event(kind: str, before: str, after: str) -> bool:
    """Whether a mention dates the event rather than the reporting of it (module doc)."""
    if kind not in _DAY_KINDS:
        return True
    if _PRAYER.search(after):
        return False
    return _EVENT_AFTER.search(after) is not None or _EVENT_BEFORE.search(before) is not None


def mention_table(texts: Mapping[str, str], published: pd.DataFrame) -> pd.DataFrame:
    """One row per relative date mention of each article with a usable publication date.

    `published` has article_id, pub_start (Timestamp) and precision. Columns: article_id,
    m_start, m_end, text, resolved_start, resolved_end (Timestamps), attribution.
    """
    rows: list[tuple[object, ...]] = []
    usable = published.dropna(subset=["pub_start", "precision"]).drop_duplicates("article_id")
    usable = usable[usable["article_id"].isin(list(texts))]  # the rest yield no rows anyway
    for article_id, start, precision in zip(
        usable["article_id"], usable["pub_start"], usable["precision"], strict=True
    ):
        text = texts.get(article_id)
        if text is None:
            continue
        for m in resolve_relative_dates(text, start.date(), str(precision)):
            before = text[max(0, m.start - 60) : m.start]
            after = text[m.end : m.end + 60]
            rows.append(
                (
                    article_id,
                    m.start,
                    m.end,
                    m.text,
                    pd.Timestamp(m.resolved_start),
                    pd.Timestamp(m.resolved_end),
                    _ATTRIBUTION.search(before) is not None,
                    dates_event(m.kind, before, after),
                )
            )
    return pd.DataFrame(
        rows,
        columns=[
            "article_id",
            "m_start",
            "m_end",
            "mention",
            "resolved_start",
            "resolved_end",
            "attribution",
            "dates_event",
        ],
    ).astype({"m_start": "int64", "m_end": "int64"})


def texts_with_mentions(texts: Mapping[str, str], article_ids: set[str]) -> dict[str, str]:
    """The texts of `article_ids` that may hold a relative date (most hold none)."""
    return {a: texts[a] for a in article_ids if a in texts and may_mention(texts[a])}


def sentence_table(texts: Mapping[str, str], article_ids: set[str]) -> pd.DataFrame:
    """(article_id, s_start, s_end) of every sentence of the articles named."""
    rows = [
        (article_id, lo, hi)
        for article_id in sorted(article_ids)
        if article_id in texts
        for lo, hi in sentence_spans(texts[article_id])
    ]
    return pd.DataFrame(rows, columns=["article_id", "s_start", "s_end"]).astype(
        {"s_start": "int64", "s_end": "int64"}
    )


def with_sentences(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add sent_start / sent_end: the sentences spanning each quote's [start, end).

    `quotes` has article_id, start, end (found quotes only) and a `row` column.
    """
    if quotes.empty or sentences.empty:
        out = quotes.copy()
        out["sent_start"] = out["start"]
        out["sent_end"] = out["end"]
        return out
    sentences = sentences.sort_values("s_start", kind="stable")
    by_start = pd.merge_asof(
        quotes.sort_values("start", kind="stable"),
        sentences,
        left_on="start",
        right_on="s_start",
        by="article_id",
        direction="backward",
    )[["row", "s_start"]]
    ends = quotes.assign(last=quotes["end"] - 1).sort_values("last", kind="stable")
    by_end = pd.merge_asof(
        ends, sentences, left_on="last", right_on="s_start", by="article_id", direction="backward"
    )[["row", "s_end"]]
    out = quotes.merge(by_start, on="row").merge(by_end, on="row")
    out["sent_start"] = out["s_start"].fillna(out["start"]).astype("int64")
    out["sent_end"] = out[["s_end", "end"]].max(axis=1).astype("int64")
    return out.drop(columns=["s_start", "s_end"])


def to_date(value: pd.Timestamp) -> dt.date:
    """A Timestamp as a date (for messages)."""
    return value.date()
