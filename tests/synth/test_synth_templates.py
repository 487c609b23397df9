"""Each sentence template reads, through the real extractor, as exactly the claims built
from it, for any figure the generator may draw."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities import extract_statements, resolve_relative_dates
from checks.synth import vocab

FIGURE = st.integers(min_value=1, max_value=400)
NUMBER = st.integers(min_value=0, max_value=999_999)


def read(text: str) -> list[tuple[str, str, int, int | None, str]]:
    return [
        (s.field, s.quantity.qualifier.value, s.quantity.low, s.quantity.high, s.quote)
        for s in extract_statements(text)
    ]


@settings(max_examples=60, deadline=None)
@given(t=NUMBER, g=st.integers(0, 9999), k=FIGURE, j=FIGURE, a=FIGURE, r=FIGURE, m=FIGURE)
def test_article_a_states_its_claims_and_the_excluded_statement(
    t: int, g: int, k: int, j: int, a: int, r: int, m: int
) -> None:
    town, grp = vocab.town(t), vocab.group(g)
    text = (
        vocab.A_KILLED.format(town_uc=town.upper(), cc="PK", town=town, k=k)
        + vocab.A_INJURED.format(j=j)
        + vocab.A_ATTACKERS.format(a=a, grp=grp)
        + vocab.A_CLAIMED.format(grp=grp)
        + vocab.A_ARRESTED.format(r=r)
        + vocab.A_EXCLUDED.format(m=m)
    )
    assert read(text) == [
        ("killed", "exact", k, k, vocab.A_KILLED_QUOTE.format(k=k)),
        ("injured", "exact", j, j, vocab.A_INJURED_QUOTE.format(j=j)),
        ("attackers", "exact", a, a, vocab.A_ATTACKERS_QUOTE.format(a=a)),
        ("arrested", "exact", r, r, vocab.A_ARRESTED_QUOTE.format(r=r)),
        ("injured", "exact", m, m, vocab.A_EXCLUDED_QUOTE.format(m=m)),
    ]
    assert vocab.A_PERPETRATOR_QUOTE.format(grp=grp) in text
    assert vocab.A_CLAIMED_QUOTE.format(grp=grp) in text
    assert list(resolve_relative_dates(text, vocab.FIRST_DAY, "day")) == []


@settings(max_examples=60, deadline=None)
@given(t=NUMBER, g=st.integers(0, 9999), k=FIGURE, j=FIGURE, a=FIGURE, exact=st.booleans())
def test_article_b_states_its_claims(t: int, g: int, k: int, j: int, a: int, exact: bool) -> None:
    town, name = vocab.town(t), vocab.alias(g)
    killed = vocab.B_KILLED_EXACT if exact else vocab.B_KILLED
    text = (
        killed.format(town=town, k=k)
        + vocab.B_INJURED.format(j=j)
        + vocab.B_ATTACKERS.format(a=a)
        + vocab.B_BLAMED.format(name=name)
    )
    quote = (vocab.B_KILLED_EXACT_QUOTE if exact else vocab.B_KILLED_QUOTE).format(k=k)
    assert read(text) == [
        ("killed", "exact" if exact else "at_least", k, k if exact else None, quote),
        ("injured", "exact", j, j, vocab.B_INJURED_QUOTE.format(j=j)),
        ("attackers", "exact", a, a, vocab.B_ATTACKERS_QUOTE.format(a=a)),
    ]
    assert vocab.B_BLAMED_QUOTE.format(name=name) in text
    assert list(resolve_relative_dates(text, vocab.FIRST_DAY, "day")) == []


@given(t=NUMBER, k=FIGURE)
def test_planted_texts_say_what_their_defects_need(t: int, k: int) -> None:
    town = vocab.town(t)
    last_month = vocab.LAST_MONTH.format(town=town, k=k)
    assert read(last_month) == [("killed", "exact", k, k, vocab.LAST_MONTH_QUOTE.format(k=k))]
    assert [m.kind for m in resolve_relative_dates(last_month, vocab.FIRST_DAY, "day")] == [
        "last_month"
    ]
    assert [s[0] for s in read(vocab.SEPARATE_BLAST.format(m=k, town=town))] == ["injured"]
