"""The quantity grammar: a broad table of news phrasings, conventions, properties."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities import Conventions, Qualifier, parse_quantities, parse_quantity

E, AL, MT, AM, FT = (
    Qualifier.exact,
    Qualifier.at_least,
    Qualifier.more_than,
    Qualifier.at_most,
    Qualifier.fewer_than,
)
AP, NE, RG, VG = Qualifier.approximately, Qualifier.nearly, Qualifier.range, Qualifier.vague

# phrase, matched text, qualifier, low, high
COUNTS = [
    ("61 people were killed", "61", E, 61, 61),
    ("killing 93 people", "93", E, 93, 93),
    ("1,200 people", "1,200", E, 1200, 1200),
    ("1.2 million people fled", "1.2 million", E, 1_200_000, 1_200_000),
    ("four soldiers died", "four", E, 4, 4),
    ("twenty-one people", "twenty-one", E, 21, 21),
    ("twenty one people", "twenty one", E, 21, 21),
    ("a dozen policemen", "a dozen", E, 12, 12),
    ("two hundred people", "two hundred", E, 200, 200),
    ("one person was killed", "one", E, 1, 1),
    ("left more than 60 dead", "more than 60", MT, 61, None),
    ("over 60 were killed", "over 60", MT, 61, None),
    ("upwards of 100 people", "upwards of 100", MT, 101, None),
    ("in excess of 300 dead", "in excess of 300", MT, 301, None),
    ("at least 93 people", "at least 93", AL, 93, None),
    ("At least 93 people", "At least 93", AL, 93, None),
    ("no fewer than 12 people", "no fewer than 12", AL, 12, None),
    ("93 or more people", "93 or more", AL, 93, None),
    ("up to 50 people", "up to 50", AM, 1, 50),
    ("at most 50 people", "at most 50", AM, 1, 50),
    ("as many as 50 people", "as many as 50", AM, 1, 50),
    ("fewer than 10 people", "fewer than 10", FT, 1, 9),
    ("less than 10 people", "less than 10", FT, 1, 9),
    ("nearly 200 people", "nearly 200", NE, 180, 199),
    ("almost 200 people", "almost 200", NE, 180, 199),
    ("close to 200 people", "close to 200", NE, 180, 199),
    ("about 45 people", "about 45", AP, 40, 50),
    ("around 45 people", "around 45", AP, 40, 50),
    ("some 45 people", "some 45", AP, 40, 50),
    ("roughly 45 people", "roughly 45", AP, 40, 50),
    ("approximately 45 people", "approximately 45", AP, 40, 50),
    ("an estimated 45 people", "an estimated 45", AP, 40, 50),
    ("45 or so people", "45 or so", AP, 40, 50),
    ("between 40 and 50 people", "between 40 and 50", RG, 40, 50),
    ("40 to 50 people", "40 to 50", RG, 40, 50),
    ("40-50 people", "40-50", RG, 40, 50),
    ("40–50 people", "40–50", RG, 40, 50),
    ("40 — 50 people", "40 — 50", RG, 40, 50),
    ("from 40 to 50 people", "from 40 to 50", RG, 40, 50),
    ("one or two people", "one or two", RG, 1, 2),
    ("dozens of people", "dozens", VG, 12, 99),
    ("scores of people", "scores", VG, 20, 99),
    ("hundreds of people", "hundreds", VG, 100, 999),
    ("thousands fled", "thousands", VG, 1000, 9999),
    ("tens of people", "tens", VG, 10, 99),
    ("tens of thousands fled", "tens of thousands", VG, 10_000, 99_999),
    ("several people", "several", VG, 3, 9),
    ("several dozen people", "several dozen", VG, 12, 99),
    ("a few people", "a few", VG, 2, 9),
    ("many people", "many", VG, 2, None),
    ("some died in the standoff", "some", VG, 2, None),
    ("some were wounded", "some", VG, 2, None),
    ("more\u00a0than\u00a060 dead", "more\u00a0than\u00a060", MT, 61, None),
    ("more than\u202f60 dead", "more than\u202f60", MT, 61, None),
    ("in 2013, 2,013 people", "2,013", E, 2013, 2013),
    ("killing 2000 people", "2000", E, 2000, 2000),
]


@pytest.mark.parametrize(("phrase", "text", "qual", "low", "high"), COUNTS)
def test_counts(phrase: str, text: str, qual: Qualifier, low: int, high: int | None) -> None:
    q = parse_quantity(phrase)
    assert q is not None, phrase
    assert (q.text, q.qualifier, q.low, q.high) == (text, qual, low, high)
    assert phrase[q.start : q.end] == q.text


def test_x_of_the_y_caps_at_total() -> None:
    q = parse_quantity("At least two of the seven attackers were captured")
    assert q is not None
    assert (q.qualifier, q.low, q.high, q.number, q.total) == (Qualifier.at_least, 2, 7, 2, 7)
    q = parse_quantity("more than three of the five gunmen")
    assert q is not None
    assert (q.low, q.high, q.total) == (4, 5, 5)


@pytest.mark.parametrize(
    ("phrase", "text", "number"),
    [
        ("arresting 20 more people", "20 more", 20),
        ("the latest 20 people detained", "the latest 20", 20),
        ("another 20 people", "another 20", 20),
        ("an additional 5 people", "an additional 5", 5),
        ("at least five more offices", "at least five more", 5),
    ],
)
def test_increments(phrase: str, text: str, number: int) -> None:
    q = parse_quantity(phrase)
    assert q is not None
    assert (q.text, q.number, q.increment) == (text, number, True)


NON_COUNTS = [
    "in 2013",
    "since 2013",
    "LeJ, founded in 1996, was",
    "The 17-year-old suspect",
    "a 17 year old boy",
    "the sect’s 121-year history",
    "On May 20, the minister",
    "Published Oct 26, 2016, 6:50 pm IST",
    "26 Oct 2016",
    "Wednesday, December 6, 2023",
    "at 6:50 pm",
    "at 6 a.m. local time",
    "on 2016-10-26",
    "$5 million in aid",
    "Rs 5,000 each",
    "20 per cent of the population",
    "20 percent",
    "20%",
    "the first attack",
    "the 21st attack",
    "twenty-first century",
    "in the past 24 hours",
    "For the last two years",
    "for more than a decade",
    "a two-day curfew",
    "one of the arrested suspects",
    "one of whom bore a resemblance",
    "no one was hurt",
    "Up to now, Pakistan has resisted",
    "several years ago",
    "how many people",
    "some of the worst attacks",
    "٦١ قتيلا",
    "a 5-3 vote",
    "1.5 metres",
    "the 1990s",
]


@pytest.mark.parametrize("phrase", NON_COUNTS)
def test_non_counts(phrase: str) -> None:
    assert parse_quantities(phrase) == [], phrase


def test_arabic_indic_digits_are_refused_explicitly() -> None:
    """Decision (numbers.py): only ASCII digits are read; other scripts give nothing."""
    assert parse_quantities("killing ٦١ people") == []
    assert parse_quantities("killing 6\u0661 people") == []


def test_several_in_order_and_non_overlapping() -> None:
    text = "killing 93 people and injuring more than 100, while 7 were arrested"
    qs = parse_quantities(text)
    assert [q.text for q in qs] == ["93", "more than 100", "7"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(qs))


def test_to_json_shape() -> None:
    q = parse_quantity("left more than 60 dead")
    assert q is not None
    assert q.to_json() == {
        "text": "more than 60",
        "qualifier": "more_than",
        "low": 61,
        "high": None,
        "number": 60,
        "increment": False,
        "total": None,
        "start": 5,
        "end": 17,
    }


# --------------------------------------------------------- conventions ---


def test_overrides_change_intervals() -> None:
    conv = Conventions.default().with_overrides(
        {"vague": {"dozens": {"low": 24, "high": 99}}, "nearly": {"relative": 0.05}}
    )
    q = parse_quantity("dozens of people", conv)
    assert q is not None
    assert (q.low, q.high) == (24, 99)
    q = parse_quantity("nearly 200", conv)
    assert q is not None
    assert (q.low, q.high) == (190, 199)
    # the default is untouched
    q = parse_quantity("dozens of people")
    assert q is not None
    assert q.low == 12


def test_override_can_open_a_vague_interval() -> None:
    conv = Conventions.default().with_overrides({"vague": {"several": {"high": None}}})
    assert conv.vague_interval("several") == (3, None)
    closed = Conventions.default().with_overrides({"vague": {"some": {"high": 50}}})
    assert closed.vague_interval("some") == (2, 50)


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"bogus": {}}, "bogus"),
        ({"nearly": {"factor": 0.1}}, "nearly.factor"),
        ({"vague": {"zillions": {"low": 1}}}, "vague.zillions"),
        ({"vague": {"dozens": {"low": -1}}}, "vague.dozens.low"),
        ({"vague": {"dozens": {"low": "12"}}}, "vague.dozens.low"),
        ({"vague": {"dozens": {"low": True}}}, "vague.dozens.low"),
        ({"vague": {"dozens": {"low": 200}}}, "vague.dozens.high"),
        ({"nearly": {"relative": -0.1}}, "nearly.relative"),
        ({"at_most": {"low": 1.5}}, "at_most.low"),
        ({"nearly": 0.1}, "nearly"),
    ],
)
def test_bad_overrides_name_the_key(overrides: dict[str, object], key: str) -> None:
    with pytest.raises(ValueError, match=key.replace(".", r"\.")):
        Conventions.default().with_overrides(overrides)


# ---------------------------------------------------------- properties ---

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + ("" if unit == 0 else "-" + _UNITS[unit])


def _render(n: int, as_words: bool) -> str:
    return _words(n) if as_words and n < 100 else str(n)


_count = st.integers(min_value=1, max_value=999)
_NON_YEAR = _count  # <= 999, so never read as a year


@settings(max_examples=300, deadline=None)
@given(
    n=_NON_YEAR,
    words=st.booleans(),
    form=st.sampled_from(
        ["more than", "over", "at least", "nearly", "almost", "about", "around", "up to", "exact"]
    ),
)
def test_roundtrip_single(n: int, words: bool, form: str) -> None:
    conv = Conventions.default()
    phrase = (f"{form} " if form != "exact" else "") + _render(n, words) + " people were killed"
    q = parse_quantity(phrase)
    assert q is not None, phrase
    assert q.number == n
    expected = {
        "more than": (Qualifier.more_than, n + 1, None),
        "over": (Qualifier.more_than, n + 1, None),
        "at least": (Qualifier.at_least, n, None),
        "up to": (Qualifier.at_most, min(conv.at_most_low, n), n),
        "exact": (Qualifier.exact, n, n),
    }
    if form in expected:
        assert (q.qualifier, q.low, q.high) == expected[form]
    elif form in {"nearly", "almost"}:
        assert q.qualifier is Qualifier.nearly
        assert q.high == n - 1
        assert q.low < n
    else:
        assert q.qualifier is Qualifier.approximately
        assert q.low <= n <= (q.high or 0)


@settings(max_examples=200, deadline=None)
@given(a=_count, b=_count, words=st.booleans(), form=st.sampled_from(["between", "to", "dash"]))
def test_roundtrip_range(a: int, b: int, words: bool, form: str) -> None:
    lo, hi = sorted((a, b))
    if lo == hi:
        hi += 1
    x, y = _render(lo, words), _render(hi, words)
    phrase = {"between": f"between {x} and {y}", "to": f"{x} to {y}", "dash": f"{x}–{y}"}[form]
    q = parse_quantity(phrase + " people")
    assert q is not None, phrase
    assert (q.qualifier, q.low, q.high) == (Qualifier.range, lo, hi)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_never_raises_and_spans_hold(text: str) -> None:
    for q in parse_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.high is None or q.low <= q.high


_news_bits = st.sampled_from(
    [
        "more than ",
        "at least ",
        "nearly ",
        "about ",
        "between ",
        " and ",
        " of the ",
        "60",
        "1,200",
        "seven",
        "twenty-one",
        "dozens",
        "some ",
        "died",
        " people ",
        "–",
        "-",
        " 2013 ",
        "May 20",
        "%",
        " years",
        ", ",
        ". ",
        "\u00a0",
        "the latest ",
        " more ",
        "a dozen",
        " or ",
        "one",
        "(",
        "killed ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_news_bits, max_size=25).map("".join))
def test_newsy_noise_invariants(text: str) -> None:
    qs = parse_quantities(text)
    for q in qs:
        assert text[q.start : q.end] == q.text
        assert q.high is None or q.low <= q.high
        if q.total is not None:
            assert q.high is not None
            assert q.high <= q.total
    assert all(a.end <= b.start for a, b in itertools.pairwise(qs))
