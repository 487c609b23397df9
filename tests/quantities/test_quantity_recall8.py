"""Round 8 of readings for real reporting (third-dev read): "&" for "and", the dead who
died later, "brought in dead", a breakdown between dashes, a group that attacked counted
by its noun ("a family of six"), one attacker in a headline or before "shot", a list of
victims opened by one person, an aside before a sum's verb, "the number of injuries", an
age between commas that is no count, and attackers who died "along with" the victims.
Each reading has sentences where it must be read and near-misses where it must not.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities import extract_statements
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

Kinded = tuple[str, str, int, int | None, bool]
"""(field, qualifier, low, high, increment) of one statement."""


def _kinded(text: str) -> list[Kinded]:
    return [
        (s.field, s.quantity.qualifier.value, s.quantity.low, s.quantity.high, s.quantity.increment)
        for s in extract_statements(text)
    ]


# ------------------------------------------------------ "&" joins like "and" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 16 tourists were killed and 20 other tourists & locals injured.",
            [("killed", "at_least", 16, None), ("injured", "exact", 20, 20)],
        ),
        (
            "At least 12 other persons, including tourists & locals, were injured.",
            [("injured", "at_least", 12, None)],
        ),
        # a sum's groups joined by "&"
        ("Five policemen & three civilians were killed.", [("killed", "exact", 8, 8)]),
    ],
)
def test_ampersand_joins(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inside a word it is no join: "J&K" stays one name
        ("J&K police said 12 were arrested.", [("arrested", "exact", 12, 12)]),
        # people without a count are no figure
        ("Two brothers & their father were injured.", []),
    ],
)
def test_ampersand_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ------------------------------------- died later, succumbed: an addition ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least two people later died at a hospital.", ("killed", "at_least", 2, None, True)),
        ("Three people died later in hospital.", ("killed", "exact", 3, 3, True)),
        ("Two policemen succumbed after admission.", ("killed", "exact", 2, 2, True)),
        ("Four victims subsequently died of their wounds.", ("killed", "exact", 4, 4, True)),
    ],
)
def test_died_later_is_an_increment(text: str, expected: Kinded) -> None:
    assert _kinded(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twelve people died in the blast.", [("killed", "exact", 12, 12, False)]),
        # "later" that dates something else than the deaths
        (
            "Twelve people died in the blast later that day.",
            [("killed", "exact", 12, 12, False)],
        ),
        # the dead at the scene and those who succumbed, summed, stay one total
        (
            "At the scene, 62 people were killed and 24 succumbed to death in hospital.",
            [("killed", "exact", 86, 86, False)],
        ),
    ],
)
def test_died_later_near_misses(text: str, expected: list[Kinded]) -> None:
    assert _kinded(text) == expected


# -------------------------------------------------------- brought in dead ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A total of 35 people were brought in dead.", [("killed", "exact", 35, 35)]),
        ("Eight were brought dead to the hospital.", [("killed", "exact", 8, 8)]),
        # brought to hospital alive: the injured, as before
        ("Ten people were brought to hospital.", [("injured", "exact", 10, 10)]),
    ],
)
def test_brought_in_dead(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# --------------------------------------------- a breakdown between dashes ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said that four – including two police constables, a woman and a "
            "miscreant – died at the scene.",
            [("killed", "exact", 4, 4)],
        ),
        (
            "Officials said nine — including three children — were injured.",
            [("injured", "exact", 9, 9)],
        ),
        # a noun before the aside, as before
        (
            "At least eight people — five policemen and three civilians — were killed.",
            [("killed", "at_least", 8, None)],
        ),
        # an aside that is no breakdown leaves the figure after it alone
        (
            "In 2008 – the year of the siege – 200 died.",
            [("killed", "exact", 200, 200)],
        ),
    ],
)
def test_breakdown_between_dashes(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ---------------------------------- "a family of six carried out": attackers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A family of six carried out suicide bombings at three churches.", 6),
        ("Indonesia: Family of six carried out attacks on three churches.", 6),
        ("A gang of four stormed the bank with guns.", 4),
        ("The group of three carried out the attack.", 3),
    ],
)
def test_group_that_attacked(text: str, expected: int) -> None:
    assert ("attackers", "exact", expected, expected) in _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no attack: a team at work
        ("A team of six doctors carried out the operation.", []),
        ("A group of 20 tourists visited the shrine.", []),
        # the group as victims
        ("A family of six was killed in the blast.", [("killed", "exact", 6, 6)]),
        # an attack verb without an attack in the sentence
        ("A group of five carried out the survey.", []),
    ],
)
def test_group_that_attacked_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@settings(max_examples=60, deadline=None)
@given(
    noun=st.sampled_from(["family", "group", "gang", "band", "cell", "squad"]),
    n=st.integers(min_value=2, max_value=40),
    verb=st.sampled_from(["carried out the attack", "stormed the hotel", "attacked the post"]),
)
def test_group_that_attacked_property(noun: str, n: int, verb: str) -> None:
    assert ("attackers", "exact", n, n) in _found(f"A {noun} of {n} {verb}.")


# -------------------------- one attacker: a headline's noun, "a gunman shot" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunman Opens Fire on Concert", [("attackers", "exact", 1, 1)]),
        (
            "Gunman on security watchlist kills at least two people at market",
            [("attackers", "exact", 1, 1), ("killed", "at_least", 2, None)],
        ),
        ("An 18-year-old gunman shot 10 people at a store.", [("attackers", "exact", 1, 1)]),
        (
            "Dozens Killed In Mass Shooting; Gunman Found Dead",
            [("killed", "vague", 12, 99), ("attackers_killed", "exact", 1, 1)],
        ),
        # "a" names an attacker who was also killed: both figures (convention 22)
        (
            "A gunman was also killed during the gunfight.",
            [("attackers", "exact", 1, 1), ("attackers_killed", "exact", 1, 1)],
        ),
    ],
)
def test_one_attacker(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the gunman" is the one already counted: killed only
        ("The gunman was killed by police.", [("attackers_killed", "exact", 1, 1)]),
        # a relative clause: one of the attackers already named, killed only
        (
            "Photos show a man who resembles an attacker who was killed by security forces.",
            [("attackers_killed", "exact", 1, 1)],
        ),
        # "shot dead": the militant was shot, no attacker count is read
        ("A militant shot dead in encounter", []),
        # an age, no attacker noun
        ("An 18-year-old shot 10 people.", []),
        # a headline noun followed by no verb and no preposition
        ("Gunman Identity Unknown", []),
    ],
)
def test_one_attacker_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ---------------------------------------- a list opened by one person ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials confirmed that a police officer, three private security guards, and "
            "two passersby also lost their lives.",
            [("killed", "exact", 6, 6)],
        ),
        (
            "A soldier, two policemen and three civilians were injured in the blast.",
            [("injured", "exact", 6, 6)],
        ),
        (
            "A driver, a guard and two passengers were killed.",
            [("killed", "exact", 4, 4)],
        ),
    ],
)
def test_list_opened_by_one_person(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attackers are never part of a sum of victims
        (
            "A policeman, two militants and a child were killed.",
            [("attackers", "exact", 2, 2)],
        ),
        # no verb of harm
        ("A spokesman, two officials and three ministers attended the funeral.", []),
    ],
)
def test_list_opened_by_one_person_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@settings(max_examples=60, deadline=None)
@given(
    first=st.sampled_from(["A policeman", "A soldier", "A driver", "A police officer"]),
    counts=st.lists(st.integers(min_value=2, max_value=30), min_size=2, max_size=3),
    nouns=st.permutations(["civilians", "guards", "pedestrians", "children"]),
    oxford=st.booleans(),
    verb=st.sampled_from([("were killed", "killed"), ("were injured", "injured")]),
)
def test_list_opened_by_one_person_property(
    first: str, counts: list[int], nouns: list[str], oxford: bool, verb: tuple[str, str]
) -> None:
    groups = [f"{n} {noun}" for n, noun in zip(counts, nouns, strict=False)]
    comma = "," if oxford else ""
    listed = f"{first}, " + ", ".join(groups[:-1]) + f"{comma} and {groups[-1]}"
    total = 1 + sum(counts)
    assert _found(f"{listed} {verb[0]} in the attack.") == [(verb[1], "exact", total, total)]


# ------------------------------------------------ an aside before a sum's verb ---


def test_sum_with_an_aside_before_its_verb() -> None:
    text = "He said seven police officers and two civilians - plus the attacker - died."
    assert _found(text) == [("killed", "exact", 9, 9)]


def test_sum_aside_near_miss() -> None:
    # no verb of harm after the aside: no sum, no figure
    text = "Seven police officers and two civilians - all volunteers - arrived."
    assert _found(text) == []


# ------------------------------------------------ "the number of injuries" ---


def test_number_of_injuries() -> None:
    assert _found("The sheriff says the number of injuries is well over 400.") == [
        ("injured", "more_than", 401, None)
    ]


# ---------------------------------------------- an age between commas ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kodiak Yazzie, 36, was killed in the shooting.", []),
        ("The driver, 52, has been arrested.", []),
        # a count between commas takes a plural verb and stays a count
        (
            "Police said 12, including three children, were killed.",
            [("killed", "exact", 12, 12)],
        ),
        ("The toll rose to 20, police said.", [("killed", "exact", 20, 20)]),
    ],
)
def test_age_between_commas(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ---------------------------- "died ... along with the six attackers": both ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the N attackers" died with the victims: all of them, so also how many there were
        (
            "At least seven people died at the churches along with the six attackers.",
            [
                ("killed", "at_least", 7, None),
                ("attackers_killed", "exact", 6, 6),
                ("attackers", "exact", 6, 6),
            ],
        ),
        (
            "Seven people were killed along with the three attackers.",
            [
                ("killed", "exact", 7, 7),
                ("attackers_killed", "exact", 3, 3),
                ("attackers", "exact", 3, 3),
            ],
        ),
    ],
)
def test_died_along_with_the_attackers(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


def test_died_somewhere_along_with_attackers() -> None:
    """Words of place between the death and "along with"; without "the", how many
    attackers there were is not stated, only that these died."""
    text = "Seven people died in the blast along with three bombers."
    assert _found(text) == [("killed", "exact", 7, 7), ("attackers_killed", "exact", 3, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no death before "along with": the attackers are counted, not killed
        (
            "Police arrested two men along with the three attackers.",
            [("arrested", "exact", 2, 2), ("attackers", "exact", 3, 3)],
        ),
        # a clause break between the death and "along with"
        (
            "Seven people died, police said, along with the three attackers.",
            [("killed", "exact", 7, 7), ("attackers", "exact", 3, 3)],
        ),
    ],
)
def test_died_along_with_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected
