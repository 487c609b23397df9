"""Round 12 of readings for real reporting (the fourth set's development half read again).

Attackers: "rebels" name them ("25 rebels were killed", "12 rebels had been detained"; never
the singular, an adjective in "a rebel base"); one attacker by his own bomb ("One attacker
blew himself up"); a verb quoted as the source said it ("five gunmen were “eliminated”");
the agents of an attack who then died ("carried out by three suicide bombers who died"
are three attackers and three attackers killed). Arrests: a headline's "a suspect
arrested", "one suspect had been caught", "another man was arrested", would-be attackers
arrested and the arrest or capture of people named attackers ("arrested two would-be
suicide bombers", "reported the arrest of 26 terrorists", "the capture of one suspected
assailant"), "were subsequently held". Groups that add up: one person named by whose he
was ("their Pakistani driver"), a unit's short name in brackets ("10 District Reserve
Guard (DRG) personnel and a civilian"), more callings ("a diplomat", "an umpire"), the
object of "the lives of" or "the death of" ("claimed the lives of six children and a
police officer"). Verbs: the manner of a killing ("were brutally killed"), a first verb
joined to it ("were ambushed and killed"), "subsequently", "eventually", "instantly";
"transported to hospitals", "survived with injuries", the verb left out after a death
("... were killed and a security guard wounded"), "with another person seriously injured";
"the toll of those injured" is the injured. Figures: "18+ people" is at least 18, a
figure quoted before its noun ("“at least 50” people were killed"). Precision: a toll over
years or of a campaign is no attack's ("has left more than 11,500 people dead since 1996",
"killed during the course of Operation ..."), a count that speaks is no toll ("Two
sources told CBS News the driver was dead"), and attackers who set off a bomb or ambushed
are followed by their victims ("militants set off a landmine ..., and 12 were killed").
Each reading has sentences where it must be read and near-misses where it must not.
"""

from __future__ import annotations

import pytest

from checks.quantities import parse_quantities
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

# --------------------------------------------------------------------- attackers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twenty-five rebels were killed, a spokesman said.",
            [("attackers_killed", "exact", 25, 25)],
        ),
        ("He said three rebels had been killed.", [("attackers_killed", "exact", 3, 3)]),
        ("Seventeen rebels were detained.", [("attackers_captured", "exact", 17, 17)]),
        (
            "One attacker blew himself up and the siege only ended after hours of fighting.",
            [("attackers", "exact", 1, 1), ("attackers_killed", "exact", 1, 1)],
        ),
        (
            "The committee said five gunmen were “eliminated” after the operation began.",
            [("attackers_killed", "exact", 5, 5)],
        ),
        (
            "Police said the twin explosions were carried out by three suicide bombers who "
            "died instantly.",
            [("attackers", "exact", 3, 3), ("attackers_killed", "exact", 3, 3)],
        ),
    ],
)
def test_attackers(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Suspected militants set off a landmine under a bus, and 12 were killed.",
            [("killed", "exact", 12, 12)],
        ),
        ("Militants ambushed a convoy; 12 were killed.", [("killed", "exact", 12, 12)]),
    ],
)
def test_victims_after_attackers_who_set_off_a_bomb(text: str, expected: list[Found]) -> None:
    """Attackers named as those who set off the bomb or ambushed: the bare figure after them
    counts their victims (as after attackers who raided or stormed, round 11)."""
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the attackers' own dead, named as such, stay theirs
        (
            "Militants ambushed a convoy and two of the militants were killed.",
            [("attackers_killed", "exact", 2, 2)],
        ),
    ],
)
def test_victims_after_attackers_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the singular is an adjective as often as not: no attackers named
        ("In the rebel-held town, 12 were killed on Sunday.", [("killed", "exact", 12, 12)]),
        # one who blew himself up with no attackers named before (as round 5)
        ("one blew himself up", []),
        # the agents' death without "by": the dead attackers only (as before)
        (
            "Three suicide bombers who died instantly attacked the checkpoint.",
            [("attackers_killed", "exact", 3, 3)],
        ),
        # attackers caught at the scene stay a capture
        (
            "Police killed four gunmen and arrested two terrorists at the scene.",
            [("attackers_killed", "exact", 4, 4), ("attackers_captured", "exact", 2, 2)],
        ),
        ("Troops captured three militants alive.", [("attackers_captured", "exact", 3, 3)]),
    ],
)
def test_attackers_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ------------------------------------------------------------------------ arrests ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parsons Green explosion: a suspect arrested", [("arrested", "exact", 1, 1)]),
        ("Police said one suspect had been caught.", [("arrested", "exact", 1, 1)]),
        ("Police said another man was arrested yesterday.", [("arrested", "exact", 1, 1)]),
        (
            "A week ago, the NDS arrested two would-be suicide bombers belonging to the network.",
            [("arrested", "exact", 2, 2)],
        ),
        (
            "Authorities reported the arrest of 26 “Takfiri terrorists” from Afghanistan.",
            [("arrested", "exact", 26, 26)],
        ),
        (
            "Fingerprints were found in one of the vehicles, leading to the capture of one "
            "suspected assailant.",
            [("arrested", "exact", 1, 1)],
        ),
        (
            "Several suspects were subsequently held in a search operation.",
            [("arrested", "vague", 3, 9)],
        ),
    ],
)
def test_arrests(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people were caught in the crossfire.", []),
        ("He said a suspect arrested on Friday was released.", []),
        ("Twenty people were abducted and held for days.", []),
        ("Two suspects were transported to a police station.", []),
    ],
)
def test_arrests_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ----------------------------------------------------------- groups that add up ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Five Chinese engineers and their Pakistani driver were killed in a suicide blast.",
            [("killed", "exact", 6, 6)],
        ),
        (
            "10 District Reserve Guard (DRG) personnel and a civilian were killed.",
            [("killed", "exact", 11, 11)],
        ),
        (
            "RIA reported that a diplomat and an embassy security guard had been wounded.",
            [("injured", "exact", 2, 2)],
        ),
        (
            "The gunmen opened fire, wounding seven players, an umpire and an assistant coach.",
            [("injured", "exact", 9, 9)],
        ),
        (
            "The blast claimed the lives of six children and a police officer, injuring 22 others.",
            [("killed", "exact", 7, 7), ("injured", "exact", 22, 22)],
        ),
        (
            "I express deep condolences over the death of 10 DRG jawans and one driver.",
            [("killed", "exact", 11, 11)],
        ),
        # the attackers named last are their own figure; the victims before them add up
        (
            "Twelve civilians, 12 police officers and 25 rebels were killed, said a spokesman.",
            [("killed", "exact", 24, 24), ("attackers_killed", "exact", 25, 25)],
        ),
        (
            "Three civilians, two policemen and four militants were killed.",
            [("killed", "exact", 5, 5), ("attackers_killed", "exact", 4, 4)],
        ),
    ],
)
def test_groups_add_up(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the short name buys one word more, no more: a unit's name of four words and its
        # short name is not read as a group
        ("10 Dantewada District Reserve Guards (DRG) personnel and a driver were killed.", []),
        # two groups, the attackers last: two figures, as before
        (
            "147 students and four militants were killed.",
            [("killed", "exact", 147, 147), ("attackers_killed", "exact", 4, 4)],
        ),
        # no verb that kills or hurts after the attackers: no sum
        (
            "Three civilians, two policemen and four militants attacked the town.",
            [("attackers", "exact", 4, 4)],
        ),
        # "their" before a group that has its own verb is no part of a sum
        (
            "Five engineers were killed and their driver was injured.",
            [("killed", "exact", 5, 5)],
        ),
    ],
)
def test_groups_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ------------------------------------------------------------------------- verbs ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people were brutally killed.", [("killed", "exact", 3, 3)]),
        (
            "Eight Assam Rifles soldiers were ambushed and killed in Nagaland.",
            [("killed", "exact", 8, 8)],
        ),
        ("Three people were instantly killed.", [("killed", "exact", 3, 3)]),
        (
            "30 people were transported to area hospitals with injuries.",
            [("injured", "exact", 30, 30)],
        ),
        ("Over 30 survived with injuries.", [("injured", "more_than", 31, None)]),
        (
            "Two Pakistani policemen were also killed and a security guard wounded during the "
            "attack, a doctor told Reuters.",
            [("killed", "exact", 2, 2), ("injured", "exact", 1, 1)],
        ),
        (
            "Two were killed, with another person seriously injured.",
            [("killed", "exact", 2, 2), ("injured", "exact", 1, 1)],
        ),
        (
            "The toll of those injured has now increased to 33, as authorities continue to "
            "investigate.",
            [("injured", "exact", 33, 33)],
        ),
    ],
)
def test_verbs(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb group left out only before the clause's end or a preposition
        ("Three people were killed and a policeman wounded him.", [("killed", "exact", 3, 3)]),
        # "another" before an injured person is no count of the injured
        (
            "One person was killed and another injured person was taken away.",
            [("killed", "exact", 1, 1)],
        ),
        ("The toll has now increased to 33.", [("killed", "exact", 33, 33)]),
        ("Seven bodies were transported to the hospital.", [("killed", "exact", 7, 7)]),
    ],
)
def test_verbs_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ----------------------------------------------------------------------- figures ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18+ people killed in Crimea college attack", [("killed", "at_least", 18, None)]),
        (
            'Officials said "at least 50" people were killed in the attack.',
            [("killed", "at_least", 50, None)],
        ),
        (
            "Officials said “at least 50” people were killed in the attack.",
            [("killed", "at_least", 50, None)],
        ),
    ],
)
def test_figures(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


def test_plus_sign_is_at_least() -> None:
    (q,) = parse_quantities("18+ people")
    assert (q.qualifier.value, q.low, q.high) == ("at_least", 18, None)


@pytest.mark.parametrize("text", ["5+3 is 8", "Rs 500+ fines", "18 + people"])
def test_plus_sign_near_misses(text: str) -> None:
    assert all(q.qualifier.value != "at_least" for q in parse_quantities(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted attacker noun is read as it was
        (
            "At least 13 people were killed and 84 others injured when a ‘suicide bomber’ "
            "exploded himself near a protest.",
            [
                ("killed", "at_least", 13, None),
                ("injured", "exact", 84, 84),
                ("attackers", "exact", 1, 1),
            ],
        ),
    ],
)
def test_figures_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# --------------------------------------------------------- tolls that are no attack's ---


@pytest.mark.parametrize(
    "text",
    [
        "The king said the insurgency has left more than 11,500 people dead since 1996.",
        "Gang warfare has claimed some 35,000 lives since 2006.",
        "The army says over 3,000 militants have been killed in the military drive.",
        "Boko Haram has been blamed for more than 20,000 deaths during its nearly "
        "decade-old insurgency.",
        "He reported that 3,500 terrorists have been killed during the course of Operation "
        "Zarb-i-Azb.",
        "Two sources told CBS News the driver was dead.",
    ],
)
def test_no_attack_toll(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack killed 30 people, the deadliest since 2009.", [("killed", "exact", 30, 30)]),
        ("The deadliest attack since 2009 killed 30 people.", [("killed", "exact", 30, 30)]),
        (
            "Six officials were martyred in the operation.",
            [("killed", "exact", 6, 6)],
        ),
    ],
)
def test_no_attack_toll_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected
