"""Tables and article texts of a synthetic dataset, built from its `Params`.

Columns are built whole (list comprehensions over numpy arrays, no per-row DataFrame
work). Every cell is a string, "" for empty, exactly as it will be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.synth import vocab
from checks.synth.params import Params

ARTICLE_COLUMNS = (
    "article_id",
    "outlet",
    "title",
    "published",
    "published_basis",
    "published_note",
    "url",
    "text_file",
    "sha256",
)
INCIDENT_COLUMNS = (
    "incident_id",
    "name",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "province",
    "country",
    "target_type",
    "perpetrator",
    "claimed_by",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
)
CLAIM_COLUMNS = (
    "claim_id",
    "article_id",
    "incident_id",
    "field",
    "quote",
    "qualifier",
    "low",
    "high",
    "kind",
    "actor",
    "note",
)
ACTOR_COLUMNS = ("actor_id", "name", "aliases", "parent")
EXCLUSION_COLUMNS = ("article_id", "quote", "reason")


@dataclass(slots=True)
class Tables:
    """The five tables (string cells) and each article's text, keyed by article_id."""

    articles: pd.DataFrame
    incidents: pd.DataFrame
    claims: pd.DataFrame
    actors: pd.DataFrame
    exclusions: pd.DataFrame
    texts: dict[str, str]
    extra_columns: dict[str, list[str]] = field(default_factory=dict)


def iso_days(days: npt.NDArray[np.int64]) -> list[str]:
    """Days after vocab.FIRST_DAY as ISO dates, vectorized through numpy datetime64."""
    first = np.datetime64(vocab.FIRST_DAY.isoformat(), "D")
    return list((first + days.astype("timedelta64[D]")).astype(str))


def incident_ids(n: int) -> list[str]:
    return [f"inc-{i:07d}" for i in range(n)]


def article_id(i: int, source: str) -> str:
    """Article `source` ("a", "b", or a defect's letter) of incident i."""
    return f"art-{i:07d}-{source}"


def _s(values: npt.NDArray[np.int64]) -> list[str]:
    return [str(v) for v in values.tolist()]


def build_incidents(p: Params) -> pd.DataFrame:
    ids = incident_ids(p.n)
    towns = [vocab.town(t) for t in p.town.tolist()]
    dates = iso_days(p.day)
    groups = [vocab.group_id(g) for g in p.group.tolist()]
    killed, injured = _s(p.killed), _s(p.injured)
    return pd.DataFrame(
        {
            "incident_id": ids,
            "name": [f"Bomb attack in {t}" for t in towns],
            "start_date": dates,
            "end_date": dates,
            "date_precision": "day",
            "city": towns,
            "province": "",
            "country": [vocab.COUNTRIES[c] for c in p.country.tolist()],
            "target_type": [vocab.TARGETS[t] for t in p.target.tolist()],
            "perpetrator": groups,
            "claimed_by": groups,
            "killed_low": killed,
            "killed_best": killed,
            "killed_high": killed,
            "injured_low": injured,
            "injured_best": injured,
            "injured_high": injured,
        },
        columns=list(INCIDENT_COLUMNS),
    )


def build_actors(p: Params) -> pd.DataFrame:
    numbers = range(p.groups)
    return pd.DataFrame(
        {
            "actor_id": [vocab.group_id(g) for g in numbers],
            "name": [vocab.group(g) for g in numbers],
            "aliases": [vocab.alias(g) for g in numbers],
            "parent": [
                "" if g % vocab.GROUP_BLOCK == 0 else vocab.group_id(g - g % vocab.GROUP_BLOCK)
                for g in numbers
            ],
        },
        columns=list(ACTOR_COLUMNS),
    )


def _texts_a(p: Params) -> list[str]:
    out = []
    for t, c, k, j, a, g, r, m in zip(
        p.town.tolist(),
        p.country.tolist(),
        p.killed_a.tolist(),
        p.injured.tolist(),
        p.attackers_a.tolist(),
        p.group.tolist(),
        p.arrested.tolist(),
        p.excluded.tolist(),
        strict=True,
    ):
        town, grp = vocab.town(t), vocab.group(g)
        text = (
            vocab.A_KILLED.format(town_uc=town.upper(), cc=vocab.COUNTRIES[c], town=town, k=k)
            + vocab.A_INJURED.format(j=j)
            + vocab.A_ATTACKERS.format(a=a, grp=grp)
            + vocab.A_CLAIMED.format(grp=grp)
            + vocab.A_ARRESTED.format(r=r)
            + (vocab.A_EXCLUDED.format(m=m) if m else "")
            + "\n"
        )
        out.append(text)
    return out


def _texts_b(p: Params) -> list[str]:
    out = []
    for t, k, exact, j, a, name in zip(
        p.town.tolist(),
        p.killed_b.tolist(),
        p.b_exact.tolist(),
        p.injured.tolist(),
        p.attackers_b.tolist(),
        p.blamed,
        strict=True,
    ):
        town = vocab.town(t)
        killed = vocab.B_KILLED_EXACT if exact else vocab.B_KILLED
        out.append(
            killed.format(town=town, k=k)
            + vocab.B_INJURED.format(j=j)
            + vocab.B_ATTACKERS.format(a=a)
            + vocab.B_BLAMED.format(name=name)
            + "\n"
        )
    return out


def build_articles(p: Params) -> tuple[pd.DataFrame, dict[str, str]]:
    ids_a = [article_id(i, "a") for i in range(p.n)]
    ids_b = [article_id(i, "b") for i in range(p.n)]
    towns = [vocab.town(t) for t in p.town.tolist()]
    frame = pd.DataFrame(
        {
            "article_id": ids_a + ids_b,
            "outlet": [f"Outlet-{o:02d}" for o in p.outlet_a.tolist()]
            + [f"Outlet-{o:02d}" for o in p.outlet_b.tolist()],
            "title": [f"Bomb attack in {t}" for t in towns]
            + [f"Attack on {t}, hospital officials say" for t in towns],
            "published": iso_days(p.pub_a) + iso_days(p.pub_b),
            "published_basis": "printed",
            "published_note": "",
            "url": "",
            "text_file": [f"articles/{a}.txt" for a in ids_a + ids_b],
            "sha256": "",
        },
        columns=list(ARTICLE_COLUMNS),
    )
    # interleave A and B of each incident, so articles.csv reads incident by incident
    order = np.arange(2 * p.n).reshape(2, p.n).T.ravel()
    frame = frame.iloc[order].reset_index(drop=True)
    texts = dict(zip(ids_a + ids_b, _texts_a(p) + _texts_b(p), strict=True))
    return frame, texts


def build_claims(p: Params) -> pd.DataFrame:
    """Ten claims per incident (nine when A has no extra statement: exclusions do not
    count): A killed/injured/attackers/perpetrator/claimed_by/arrested, B
    killed/injured/attackers/perpetrator."""
    n = p.n
    inc = incident_ids(n)
    a_ids = [article_id(i, "a") for i in range(n)]
    b_ids = [article_id(i, "b") for i in range(n)]
    grp = [vocab.group(g) for g in p.group.tolist()]
    ka, kb, j = _s(p.killed_a), _s(p.killed_b), _s(p.injured)
    aa, ab, r = _s(p.attackers_a), _s(p.attackers_b), _s(p.arrested)
    exact_b = p.b_exact.tolist()
    empty = [""] * n

    def block(
        suffix: str,
        articles: list[str],
        field: str,
        quotes: list[str],
        qualifier: list[str] | str,
        low: list[str],
        high: list[str],
        kind: str,
        actor: list[str],
    ) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "claim_id": [f"c{i:07d}-{suffix}" for i in range(n)],
                "article_id": articles,
                "incident_id": inc,
                "field": field,
                "quote": quotes,
                "qualifier": qualifier,
                "low": low,
                "high": high,
                "kind": kind,
                "actor": actor,
                "note": "",
            },
            columns=list(CLAIM_COLUMNS),
        )

    blocks = [
        block(
            "01",
            a_ids,
            "killed",
            [vocab.A_KILLED_QUOTE.format(k=k) for k in ka],
            "exact",
            ka,
            ka,
            "total",
            empty,
        ),
        block(
            "02",
            a_ids,
            "injured",
            [vocab.A_INJURED_QUOTE.format(j=v) for v in j],
            "exact",
            j,
            j,
            "total",
            empty,
        ),
        block(
            "03",
            a_ids,
            "attackers",
            [vocab.A_ATTACKERS_QUOTE.format(a=v) for v in aa],
            "exact",
            aa,
            aa,
            "total",
            empty,
        ),
        block(
            "04",
            a_ids,
            "perpetrator",
            [vocab.A_PERPETRATOR_QUOTE.format(grp=g) for g in grp],
            "",
            empty,
            empty,
            "",
            grp,
        ),
        block(
            "05",
            a_ids,
            "claimed_by",
            [vocab.A_CLAIMED_QUOTE.format(grp=g) for g in grp],
            "",
            empty,
            empty,
            "",
            grp,
        ),
        block(
            "06",
            a_ids,
            "arrested",
            [vocab.A_ARRESTED_QUOTE.format(r=v) for v in r],
            "exact",
            r,
            r,
            "total",
            empty,
        ),
        block(
            "07",
            b_ids,
            "killed",
            [
                (vocab.B_KILLED_EXACT_QUOTE if e else vocab.B_KILLED_QUOTE).format(k=k)
                for k, e in zip(kb, exact_b, strict=True)
            ],
            ["exact" if e else "at_least" for e in exact_b],
            kb,
            [k if e else "" for k, e in zip(kb, exact_b, strict=True)],
            "total",
            empty,
        ),
        block(
            "08",
            b_ids,
            "injured",
            [vocab.B_INJURED_QUOTE.format(j=v) for v in j],
            "exact",
            j,
            j,
            "total",
            empty,
        ),
        block(
            "09",
            b_ids,
            "attackers",
            [vocab.B_ATTACKERS_QUOTE.format(a=v) for v in ab],
            "exact",
            ab,
            ab,
            "total",
            empty,
        ),
        block(
            "10",
            b_ids,
            "perpetrator",
            [vocab.B_BLAMED_QUOTE.format(name=v) for v in p.blamed],
            "",
            empty,
            empty,
            "",
            p.blamed,
        ),
    ]
    frame = pd.concat(blocks, ignore_index=True)
    # order by incident, then by claim suffix: rows of one incident sit together
    order = np.arange(len(frame)).reshape(len(blocks), n).T.ravel()
    return frame.iloc[order].reset_index(drop=True)


def build_exclusions(p: Params) -> pd.DataFrame:
    which = np.flatnonzero(p.excluded)
    return pd.DataFrame(
        {
            "article_id": [article_id(int(i), "a") for i in which],
            "quote": [vocab.A_EXCLUDED_QUOTE.format(m=m) for m in p.excluded[which].tolist()],
            "reason": vocab.A_EXCLUDED_REASON,
        },
        columns=list(EXCLUSION_COLUMNS),
    )


def build(p: Params) -> Tables:
    """Every table and text of the dataset `p` describes (sha256 filled in by the writer)."""
    articles, texts = build_articles(p)
    return Tables(
        articles=articles,
        incidents=build_incidents(p),
        claims=build_claims(p),
        actors=build_actors(p),
        exclusions=build_exclusions(p),
        texts=texts,
    )
