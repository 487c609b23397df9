"""Round 9 of readings for real reporting (third-dev read): one person arrested, named by
a headline's bare noun ("Suspect arrested", "Man detained after stabbing") or as the
object of an arrest with words that name a suspect ("arrested a man suspected of killing
three people", "detained a teenager on suspicion of murder"). Each reading has sentences
where it must be read and near-misses where it must not.
"""

from __future__ import annotations

import pytest

from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

ONE_ARREST: list[Found] = [("arrested", "exact", 1, 1)]


# ------------------------------------------- a headline's bare noun arrested ---


@pytest.mark.parametrize(
    "text",
    [
        "Suspect arrested",
        "Suspect Arrested In Solingen Knife Attack",
        "Man detained after stabbing at station",
        "Woman held in custody after attack on worshippers",
        "Teenager apprehended near the border",
        # a headline after a colon, as the headline of a bare noun that attacked
        "Solingen attack: Suspect arrested",
    ],
)
def test_a_headlines_bare_noun_arrested_is_one_arrest(text: str) -> None:
    assert _found(text) == ONE_ARREST


@pytest.mark.parametrize(
    "text",
    [
        # the plural names no number
        "Suspects arrested in Quetta blast",
        # lowercase, inside a sentence: the man is one already named, no count
        "Police said the man arrested on Friday was released.",
        "The man arrested on Friday was released.",
        # a bare noun that is not a person
        "Car detained at the border",
    ],
)
def test_no_arrest_from_other_bare_nouns(text: str) -> None:
    assert _found(text) == []


# ------------------------------- "arrested a man suspected of ...": a suspect ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "German police have arrested a man suspected of killing three people and "
            "injuring eight others in a knife attack in Solingen.",
            [
                ("arrested", "exact", 1, 1),
                ("killed", "exact", 3, 3),
                ("injured", "exact", 8, 8),
            ],
        ),
        ("Police detained a teenager on suspicion of murder.", ONE_ARREST),
        ("Police arrested a woman in connection with the blast.", ONE_ARREST),
        ("Officers apprehended a man wanted for the bombing.", ONE_ARREST),
        ("Police arrested a man accused of planting the bomb.", ONE_ARREST),
        # as before: "a suspect" needs no such words
        ("Police arrested a suspect.", ONE_ARREST),
    ],
)
def test_a_person_arrested_as_a_suspect(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a child arrested, nothing naming a suspect: no reading, as before ("Police
        # arrested a man on Sunday" is one arrest since round 11, as the passive "A man was
        # arrested on Sunday" is: tests/quantities/test_quantity_recall11.py)
        "Police arrested a child.",
        # a person named a suspect after a verb that is no arrest: no victim
        "The gunman shot a man suspected of being an informer.",
        "He was killed by a man wanted for murder.",
    ],
)
def test_no_arrest_without_an_arrest_of_a_named_suspect(text: str) -> None:
    assert _found(text) == []
