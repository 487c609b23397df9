"""Round 3 parser forms: ages after "aged", a headline's colon glued to the figure,
one suicide bomber with an adjective, and never a singular noun right after a figure.
Each form has readings that must hold and near-misses that must not be counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities import Qualifier, parse_quantities, parse_quantity

_count = st.integers(min_value=1, max_value=999)


@pytest.mark.parametrize(
    ("text", "qual", "low", "high"),
    [
        ("Garissa Attack:147 students killed", Qualifier.exact, 147, 147),
        ("Live updates:at least 12 dead", Qualifier.at_least, 12, None),
        ("An apparent suicide bomber set off the device", Qualifier.exact, 1, 1),
        ("a suspected suicide bomber blew himself up", Qualifier.exact, 1, 1),
        ("A man aged 45 said 20 people were killed", Qualifier.exact, 20, 20),
    ],
)
def test_round3_forms_read(text: str, qual: Qualifier, low: int, high: int | None) -> None:
    assert any((q.qualifier, q.low, q.high) == (qual, low, high) for q in parse_quantities(text))


@pytest.mark.parametrize(
    "text",
    [
        "A man aged 45 was killed.",
        "a young man aged between 18 and 22",
        "He died at the age of 45.",
        "victims aged 17 to 60",
        "At 6:50 pm the blast hit",
        "Time:12:30",
        "Rs:5000 was paid in 2014",
    ],
)
def test_round3_near_misses(text: str) -> None:
    assert parse_quantities(text) == []


def test_singular_noun_after_a_figure_is_not_one() -> None:
    qs = parse_quantities("3 Suicide Bomber Blew himself up")
    assert [(q.text, q.low) for q in qs] == [("3", 3)]


@settings(max_examples=200, deadline=None)
@given(n=_count, of=st.booleans(), qual=st.sampled_from(["", "about ", "between 2 and "]))
def test_age_is_never_a_count(n: int, of: bool, qual: str) -> None:
    lead = "at the age of" if of else "a man aged"
    assert parse_quantities(f"{lead} {qual}{n + 2}") == []


@settings(max_examples=200, deadline=None)
@given(n=_count, word=st.sampled_from(["Attack", "Update", "Blast", "killed"]))
def test_colon_after_a_word_reads_after_a_digit_does_not(n: int, word: str) -> None:
    q = parse_quantity(f"{word}:{n} people")
    assert q is not None
    assert (q.low, q.high) == (n, n)
    assert parse_quantity(f"at 10:{n % 60:02d} pm") is None
    assert parse_quantity(f"at 10:{n % 60:02d}") is None


_ADJ = ["apparent", "suspected", "alleged", "lone", "would-be", "teenage", "female", "young"]


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=2, max_value=999), adj=st.sampled_from(_ADJ), cap=st.booleans())
def test_one_suicide_bomber_with_adjective_and_never_after_a_figure(
    n: int, adj: str, cap: bool
) -> None:
    article = "An" if adj[0] in "aeiou" else "A"
    noun = "Suicide Bomber" if cap else "suicide bomber"
    q = parse_quantity(f"{article} {adj} {noun} set off the device")
    assert q is not None
    assert (q.low, q.high) == (1, 1)
    # after a figure the noun is the figure's, never one more attacker
    assert [(x.low, x.high) for x in parse_quantities(f"{n} {noun} blew himself up")] == [(n, n)]
    # an age or a year before the noun is no count at all
    assert parse_quantities(f"a bomber aged {n % 80 + 10} blew himself up") == []


# ----------------------------------------------- bounds and number words ---


@pytest.mark.parametrize(
    ("text", "qual", "low", "high"),
    [
        ("atleast 20 people were killed", Qualifier.at_least, 20, None),
        ("not fewer than 20 people were killed", Qualifier.at_least, 20, None),
        ("upward of 50 people were injured", Qualifier.more_than, 51, None),
        ("approx 20 people were killed", Qualifier.approximately, 18, 22),
        ("2 dozen people were injured", Qualifier.exact, 24, 24),
        ("over 2 dozen people were injured", Qualifier.more_than, 25, None),
    ],
)
def test_bounds_and_number_words(text: str, qual: Qualifier, low: int, high: int | None) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.qualifier, q.low, q.high) == (qual, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "atleast in 2014",
        "approx 20 years ago",
        "upward of 50 per cent",
        "not fewer than 3 hours",
        "Rs 50 for 2 dozen years",
        "aged approx 45",
    ],
)
def test_bounds_and_number_words_near_misses(text: str) -> None:
    assert parse_quantities(text) == []


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=80),
    form=st.sampled_from(["atleast", "not fewer than", "upward of", "approx"]),
    dozen=st.booleans(),
)
def test_bound_forms_roundtrip(n: int, form: str, dozen: bool) -> None:
    value = 12 * n if dozen else n
    phrase = f"{form} {n}{' dozen' if dozen else ''} people were killed"
    q = parse_quantity(phrase)
    assert q is not None, phrase
    assert q.number == value
    expected = {
        "atleast": (Qualifier.at_least, value, None),
        "not fewer than": (Qualifier.at_least, value, None),
        "upward of": (Qualifier.more_than, value + 1, None),
    }
    if form in expected:
        assert (q.qualifier, q.low, q.high) == expected[form]
    else:
        assert q.qualifier is Qualifier.approximately
        assert q.low <= value <= (q.high or 0)
