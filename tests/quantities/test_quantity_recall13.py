"""Round 13 of readings for real reporting (the fourth set's development half read again).

Attackers killed: who the attacker was, between commas, before his death ("the suspect,
fourth-year student Vladislav Roslyakov, fatally shot himself", "The gunman, 36, died"),
a first verb joined to it ("was cornered and shot dead"), the bodies or deaths of
attackers ("Bodies of three militants have been recovered", "12 militant deaths"), the
attackers after the victims' toll and a comma ("..., along with 61 insurgents"), and the
attackers named first with their victims after them ("Four suicide bombers and a civilian
were killed": four attackers killed and one killed, never summed, convention 55A; "Four
attackers and one Christian were killed" read the Christian as an attacker: a bug).
Arrests: the Y of "X of the Y arrested" ("One of the two men arrested"), a man's age by
decade ("a white man in his 20s is in custody", "arrested a white male in his 20s"),
"detained a man who ...". Groups that add up: "members of" a body ("two members of the
embassy staff and four others", "12 members of the security forces and 12 civilians"), a
bound or vague second group as the object ("and at least one Afghan civilian", "and
several civilians"), the dead named as a list ("The dead included five Afghans, two
Canadians, an American and a Paraguayan", "The victims of the shooting were six females
and three males"). One victim "stabbed to death" as the object ("stabbed a man to
death"). Precision: "held up" and "held hostage" are no custody, nor "hostages held";
a count does not run on into another ("reports of multiple shooters only one suspect has
been arrested"); arrests in a sweep of raids are no attack's (convention 46D, unless the
sentence ties them to it); attackers who escaped are no count ("Two terrorists are
believed to have escaped"); a toll foreseen is no count ("expected to rise to 23"); the
dead of a campaign of operations are no attack's ("killed in police operations"); "Two of
those injured" is a subset (convention 1). Each reading has sentences where it must be
read and near-misses where it must not.
"""

from __future__ import annotations

import pytest

from checks.quantities import extract_statements
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

# ------------------------------------------------------------- attackers killed ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials believe the suspect, a third-year student, fatally shot himself in the "
            "library.",
            [("attackers_killed", "exact", 1, 1)],
        ),
        ("Police said the gunman, 36, died at the scene.", [("attackers_killed", "exact", 1, 1)]),
        (
            "The attacker, identified as a 30-year-old local man, was cornered and shot dead "
            "by police.",
            [("attackers_killed", "exact", 1, 1)],
        ),
        (
            "The assailant was surrounded and killed by troops.",
            [("attackers_killed", "exact", 1, 1)],
        ),
        (
            "Bodies of four militants have been recovered from the compound.",
            [("attackers_killed", "exact", 4, 4)],
        ),
        (
            "The clash resulted in nine militant deaths, the army said.",
            [("attackers_killed", "exact", 9, 9)],
        ),
        (
            "At least 10 police and 14 civilians were reported killed in the fighting, along "
            "with 40 insurgents.",
            [("killed", "at_least", 24, None), ("attackers_killed", "exact", 40, 40)],
        ),
        (
            "Three suicide bombers and a policeman were killed when the attackers stormed the "
            "gate.",
            [("attackers_killed", "exact", 3, 3), ("killed", "exact", 1, 1)],
        ),
        (
            "Five attackers and one worshipper were killed.",
            [("attackers_killed", "exact", 5, 5), ("killed", "exact", 1, 1)],
        ),
    ],
)
def test_attackers_killed(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age between commas is still no count of the dead (round 8)
        ("Kodiak Yazzie, 36, was killed.", []),
        # one attacker listed among the dead is one of them (convention 14): an attacker,
        # not an attacker killed
        (
            "Two policemen and a suspected militant, Abir Rahman, died on the spot.",
            [("attackers", "exact", 1, 1)],
        ),
        # "the bodies of" victims are the dead, as before
        ("The bodies of six passengers were recovered.", [("killed", "exact", 6, 6)]),
        # attackers in the middle of a list of the dead are not a group of their own
        ("A policeman, two militants and a child were killed.", [("attackers", "exact", 2, 2)]),
        # "abducted and held" is still no count
        ("Two aid workers were abducted and held for a week.", []),
        # a victim's age by decade is no count either
        ("A man in his 20s was killed.", []),
    ],
)
def test_attackers_killed_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ---------------------------------------------------------------------- arrests ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "One of the three men arrested was a taxi driver.",
            [("arrested", "exact", 3, 3)],
        ),
        (
            "Two of the five suspects detained have been released.",
            [("arrested", "exact", 5, 5)],
        ),
        (
            "Police said a white man in his 20s is in custody after the shooting.",
            [("arrested", "exact", 1, 1)],
        ),
        (
            "Officers arrested a white male in his 30s without incident.",
            [("arrested", "exact", 1, 1)],
        ),
        (
            "Police have detained a man who they say is a suspect in the blasts.",
            [("arrested", "exact", 1, 1)],
        ),
    ],
)
def test_arrests(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a delay, captivity and hostages are no custody
        "More than 200 pupils were held up for several hours.",
        "Twelve people were held hostage for hours.",
        "Troops freed seven hostages held by the gunmen in a store.",
        # arrests in a sweep of raids (convention 46D)
        "Police arrested more than 150 people in the mosque raids.",
        "Turkey detains 68 IS suspects in nationwide raids",
        "Explosives were found during the raids in which 40 people were arrested.",
        # attackers who got away are no count of the attackers (the fourth set's traps)
        "Two terrorists are believed to have escaped.",
        "Two militants managed to escape during the gunfight.",
    ],
)
def test_no_arrest_nor_attackers(text: str) -> None:
    assert _found(text) == []


def test_a_count_does_not_run_on_into_another() -> None:
    # the gunmen are a vague count of attackers, not of the arrested
    text = "Police said despite reports of several gunmen only one suspect has been arrested."
    assert _found(text) == [("attackers", "vague", 3, 9), ("arrested", "exact", 1, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # custody as before
        ("Three suspects were held for questioning.", [("arrested", "exact", 3, 3)]),
        (
            "There were reports of multiple shooters but only one suspect has been arrested.",
            [("attackers", "vague", 2, None), ("arrested", "exact", 1, 1)],
        ),
        # arrests the sentence ties to the attack, raids or not
        (
            "Police arrested 12 suspects in raids after the bombing.",
            [("arrested", "exact", 12, 12)],
        ),
        (
            "Two people linked to the siege were arrested following raids on Wednesday.",
            [("arrested", "exact", 2, 2)],
        ),
        # attackers who went on to attack are still counted
        (
            "Three gunmen stormed the hotel and later fled.",
            [("attackers", "exact", 3, 3)],
        ),
        # a child who is no suspect is still no arrest of a suspect
        ("Police detained a child who was crying.", []),
        # "One of the two men" with its own verb is one arrest, as before
        ("One of the two men was arrested near the mosque.", [("arrested", "exact", 1, 1)]),
    ],
)
def test_arrests_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ---------------------------------------------------------------- groups add up ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A car bomb killed three members of the consulate staff and two others on Monday.",
            [("killed", "exact", 5, 5)],
        ),
        (
            "At least 8 members of the security forces and 5 civilians were killed.",
            [("killed", "at_least", 13, None)],
        ),
        (
            "The blast on Monday killed two members of the embassy staff and at least one "
            "passer-by in the capital.",
            [("killed", "at_least", 3, None)],
        ),
        (
            "Gunmen attacked a checkpoint, killing over 10 police officers and several "
            "civilians in the region.",
            [("killed", "more_than", 14, None)],
        ),
        (
            "The dead included four Afghans, two Britons, an American and a Nepali.",
            [("killed", "exact", 8, 8)],
        ),
        (
            "The fatalities included five police officers, a priest, and a church security "
            "guard, officials said.",
            [("killed", "exact", 7, 7)],
        ),
        (
            "The victims of the shooting were four females and two males, the chief said.",
            [("killed", "exact", 6, 6)],
        ),
        (
            "Unknown assailants stabbed a man to death outside a temple.",
            [("killed", "exact", 1, 1)],
        ),
    ],
)
def test_groups_add_up(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one group after "included" is a subset (convention 1)
        ("The dead included nine children.", []),
        # two groups after "included" may be one too
        ("The dead included two policemen and a child.", []),
        # members of an attackers' group are no victims to add up
        (
            "Two members of the terrorist group and three civilians were killed.",
            [("attackers_killed", "exact", 2, 2), ("killed", "exact", 3, 3)],
        ),
        # a vague first group does not add up
        (
            "The blast killed several soldiers and dozens of civilians.",
            [("killed", "vague", 3, 9)],
        ),
        # "to death" by the police is the attacker's end
        ("Police shot a man to death at the temple.", []),
        ("He stabbed a man outside the temple.", []),
    ],
)
def test_groups_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# -------------------------------------------------------------------- precision ---


@pytest.mark.parametrize(
    "text",
    [
        "The death toll is expected to rise to 23.",
        "Officials said the toll could climb to 50.",
        "Last year, 51 Maoists were killed in police operations in the area.",
        "Eleven members of the group were killed in military operations in the province.",
        "Two of those injured were transferred to the district hospital.",
        "Five of those killed were children.",
    ],
)
def test_no_count(text: str) -> None:
    assert _found(text) == []


def test_those_injured_who_died_are_dead() -> None:
    # an addition to the toll, as "two of the injured later died" (it was read as injured)
    statements = extract_statements("Two of those injured later died.")
    assert [(s.field, s.quantity.low, s.quantity.increment) for s in statements] == [
        ("killed", 2, True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll rose to 23.", [("killed", "exact", 23, 23)]),
        ("Two soldiers were killed in the operation.", [("killed", "exact", 2, 2)]),
    ],
)
def test_no_count_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected
