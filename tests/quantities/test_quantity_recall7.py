"""Round 7 of readings for real reporting: one person arrested, named by "a" and a person
noun, and South Asian names for the attackers of an ambush (third-dev read), each with
sentences where it must be read and near-misses where it must not.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

# ------------------------------------------ "a man was arrested": one arrest ---


@pytest.mark.parametrize(
    "text",
    [
        "A man was arrested on Saturday.",
        "Officials earlier said a 15-year-old boy was also arrested on Saturday.",
        "A woman has been detained in connection with the blast.",
        "A young driver was later taken into custody.",
        "Police said a man is in custody.",
        "A teenager is being held in police custody.",
        "A student was apprehended near the scene.",
    ],
)
def test_one_person_arrested(text: str) -> None:
    assert _found(text) == [("arrested", "exact", 1, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # held, alone, is not custody: a hostage, a meeting
        ("A man was held hostage for six hours.", []),
        # "a suspect" is read once, by the number path
        ("A suspect was arrested.", [("arrested", "exact", 1, 1)]),
        # a victim, not an arrest
        ("A policeman was killed at the gate.", [("killed", "exact", 1, 1)]),
        # no arrest verb
        ("A man was questioned and released.", []),
        # the person is not the one arrested
        ("A man who saw the attack said nobody was arrested.", []),
    ],
)
def test_one_person_arrested_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@settings(max_examples=80, deadline=None)
@given(
    age=st.sampled_from(["", "15-year-old ", "young ", "local "]),
    noun=st.sampled_from(["man", "woman", "boy", "girl", "teenager", "student", "driver"]),
    verb=st.sampled_from(
        ["was arrested", "has been arrested", "was detained", "is in custody", "was also arrested"]
    ),
)
def test_one_person_arrested_property(age: str, noun: str, verb: str) -> None:
    article = "An" if (age or noun)[0] in "aeiou" else "A"
    assert _found(f"{article} {age}{noun} {verb} after the attack.") == [
        ("arrested", "exact", 1, 1)
    ]


# ------------------------------ Maoists, naxals, ultras: the attackers by name ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Giving little reaction time, 300 Maoists rained bullets on the CRPF team.",
            ("attackers", "exact", 300, 300),
        ),
        (
            "A large group of around 150 naxals attacked the CRPF party.",
            ("attackers", "approximately", 135, 165),
        ),
        ("About 40 ultras ambushed the convoy at dawn.", ("attackers", "approximately", 36, 44)),
        ("Nearly 200 naxalites stormed the camp.", ("attackers", "nearly", 180, 199)),
        ("Six Maoists were killed in the exchange of fire.", ("attackers_killed", "exact", 6, 6)),
    ],
)
def test_south_asian_attackers(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name without a count or an attack verb is no figure
        ("Maoists have been active in the district since 2005.", []),
        # the victims are still victims
        (
            "The naxals killed 25 CRPF jawans in the ambush.",
            [("killed", "exact", 25, 25)],
        ),
    ],
)
def test_south_asian_attackers_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected
