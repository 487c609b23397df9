"""Round 10 of readings for real reporting. "a" between a hedge and a figure in digits
("injured more than a 130", "over a 150 people", common in Indian English copy) is the
hedge's interval, not an exact count that drops the hedge. An arrest named as a noun
("led to the arrest of three men", "the arrest of a suspected bomber") counts the people
arrested; "arrested a suspected bomber" is one arrest, not a count of the attackers. A
vague count of attackers after "by" ("Killed By Hundreds Of Maoists") is the attackers.
An ordinal may have words before its noun and count the injured too ("A fourth Chinese
national was injured"); a national and a citizen are persons. One person arrested may
carry a relative clause between commas ("A 26-year-old Syrian man, who turned himself in,
is being held in custody").
Each reading has sentences where it must be read and near-misses where it must not.
"""

from __future__ import annotations

import pytest

from checks.quantities import extract_statements, parse_quantities
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

Reading = tuple[str, int, int | None]
"""(qualifier, low, high) of one quantity the grammar parses."""


def _readings(text: str) -> list[Reading]:
    return [(q.qualifier.value, q.low, q.high) for q in parse_quantities(text)]


# ----------------------------------------- "more than a 130": the hedge kept ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("injured more than a 130", [("more_than", 131, None)]),
        ("injuring over a 150 people", [("more_than", 151, None)]),
        ("at least a 100 people", [("at_least", 100, None)]),
        ("nearly a 1000 people", [("nearly", 900, 999)]),
        ("More than a 100 people", [("more_than", 101, None)]),
    ],
)
def test_a_between_the_hedge_and_a_figure_keeps_the_hedge(
    text: str, expected: list[Reading]
) -> None:
    assert _readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A pair of bombs killed three people, injured more than a 130, and jarred a nation.",
            [("killed", "exact", 3, 3), ("injured", "more_than", 131, None)],
        ),
        (
            "The blast killed 12 people, injuring over a 150 people.",
            [("killed", "exact", 12, 12), ("injured", "more_than", 151, None)],
        ),
    ],
)
def test_the_extractor_reads_the_hedge_with_a(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure, not a count: refused as before
        ("over a 10-year period", []),
        ("more than a 100-metre stretch", []),
        # no hedge: "a" alone adds nothing, the figure is read as printed
        ("a 100 people", [("exact", 100, 100)]),
        # "a" before a number word is the grammar's "a hundred", as before
        ("more than a hundred people", [("more_than", 101, None)]),
    ],
)
def test_no_hedge_read_through_a_where_it_does_not_belong(
    text: str, expected: list[Reading]
) -> None:
    assert _readings(text) == expected


# ------------------------------------------ "the arrest of three men": an arrest ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The raid led to the arrest of three men.", [("arrested", "exact", 3, 3)]),
        ("The arrests of two men followed the blast.", [("arrested", "exact", 2, 2)]),
        (
            "Police confirmed the arrest of at least five people in connection with the attack.",
            [("arrested", "at_least", 5, None)],
        ),
        (
            "A planned attack on a fourth church was foiled with the arrest of a suspected bomber.",
            [("arrested", "exact", 1, 1)],
        ),
        ("Police arrested a suspected bomber on Sunday.", [("arrested", "exact", 1, 1)]),
    ],
)
def test_an_arrest_named_as_a_noun_counts_the_people_arrested(
    text: str, expected: list[Found]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a duration, not people
        ("He was placed under arrest of 15 days.", []),
        # no person named after the figure: no guess
        ("The arrest of 20 in connection with the attack was announced.", []),
        # a bomber named without an arrest is still one attacker
        ("The blast was set off by a suspected bomber.", [("attackers", "exact", 1, 1)]),
        # an arrest of attackers by a verb stays attackers captured, as before
        ("Police arrested two gunmen.", [("attackers_captured", "exact", 2, 2)]),
    ],
)
def test_no_arrest_read_where_none_is_named(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ------------------------------- "Killed By Hundreds Of Maoists": the attackers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sukma Attack: 25 CRPF Men Killed By Hundreds Of Maoists, 2 Km From Camp",
            [("killed", "exact", 25, 25), ("attackers", "vague", 100, 999)],
        ),
        (
            "The jawans were attacked by dozens of militants.",
            [("attackers", "vague", 12, 99)],
        ),
    ],
)
def test_a_vague_count_after_by_is_the_attackers(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people, not attackers
        ("The house was surrounded by hundreds of people.", []),
        # the attackers' dead, as before: no "by" before the figure
        (
            "Hundreds of militants were killed by the army.",
            [("attackers_killed", "vague", 100, 999)],
        ),
    ],
)
def test_no_vague_attackers_without_by(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# --------------------------- "A fourth Chinese national was injured": one more ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three Chinese teachers were killed. A fourth Chinese national was injured.",
            [("killed", "exact", 3, 3, False), ("injured", "exact", 1, 1, False)],
        ),
        (
            "Four soldiers were wounded; a fifth soldier was also wounded later.",
            [("injured", "exact", 4, 4, False), ("injured", "exact", 1, 1, True)],
        ),
        (
            "A second suicide bomber was killed by the guards.",
            [("attackers_killed", "exact", 1, 1, True), ("attackers", "exact", 1, 1, False)],
        ),
        ("A British national was killed in the blast.", [("killed", "exact", 1, 1, False)]),
        (
            "A third policeman was killed and a fourth was injured.",
            [("killed", "exact", 1, 1, True), ("injured", "exact", 1, 1, False)],
        ),
    ],
)
def test_an_ordinal_with_words_before_its_noun(
    text: str, expected: list[tuple[str, str, int, int | None, bool]]
) -> None:
    assert _found_kind(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The second blast was heard a mile away.", []),
        ("A national holiday was declared after the attack.", []),
    ],
)
def test_no_ordinal_count_without_a_person(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


def test_an_attacker_hurt_is_no_count_of_the_injured() -> None:
    found = _found("A second gunman was wounded in the exchange of fire.")
    assert [f for f in found if f[0] == "injured"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 26-year-old Syrian man, who turned himself in, is being held in custody, "
            "Duesseldorf police said in a statement.",
            [("arrested", "exact", 1, 1)],
        ),
        ("A man, who police said was not involved, was arrested.", [("arrested", "exact", 1, 1)]),
        # near-misses: the clause does not close before the verb, or no arrest follows
        ("A man, who saw the attack, was questioned by police.", []),
        ("A woman, who turned herself in, was questioned and released.", []),
    ],
)
def test_one_arrest_across_a_relative_clause(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


def _found_kind(text: str) -> list[tuple[str, str, int, int | None, bool]]:
    return [
        (
            s.field,
            s.quantity.qualifier.value,
            s.quantity.low,
            s.quantity.high,
            s.quantity.increment,
        )
        for s in extract_statements(text)
    ]
