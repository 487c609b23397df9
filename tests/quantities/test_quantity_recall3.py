"""Round 3 of readings for real reporting: classes of wording, each with sentences
where it must be read and near-misses (years, ages, money, times) where it must not.
"""

from __future__ import annotations

import pytest

from checks.quantities import extract_statements
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

# ------------------------------------------------------------ verbs and phrases ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "murdered N" as a verb before the figure
        ("The Taliban murdered 130 students at a school.", ("killed", "exact", 130, 130)),
        ("Gunmen stormed the hall, murdering 12 people.", ("killed", "exact", 12, 12)),
        # "claim N lives" (present tense, as headlines write it)
        ("Coordinated attacks claim at least 129 lives", ("killed", "at_least", 129, None)),
        ("Blasts take 40 lives in the city", ("killed", "exact", 40, 40)),
        # "spiked to", "swelled to" a toll
        (
            "The death toll from the bombing spiked to 149, officials said.",
            ("killed", "exact", 149, 149),
        ),
        ("The number of dead swelled to 75 overnight.", ("killed", "exact", 75, 75)),
        # "lost their life" (singular life)
        ("In this attack, 36 persons lost their life.", ("killed", "exact", 36, 36)),
        # "confirmed to have died", "feared to have died"
        ("13 people are confirmed to have died after the van attack.", ("killed", "exact", 13, 13)),
        ("Twenty miners are feared to have died.", ("killed", "exact", 20, 20)),
        # "being treated for serious injuries"
        (
            "Seven were killed, with at least forty eight people being treated for serious "
            "injuries in hospital.",
            ("injured", "at_least", 48, None),
        ),
        ("Nine people were treated for minor injuries.", ("injured", "exact", 9, 9)),
        # "one arrest" (singular)
        ("Police raided a flat on Wednesday, making one arrest.", ("arrested", "exact", 1, 1)),
    ],
)
def test_verbs_and_phrases_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was murdered in 2014 at the age of 45.",
        "The dispute could claim 2019 as its start, lawyers said.",
        "Fuel prices spiked to 150 rupees a litre.",
        "Prices spiked to $40 in 2016.",
        "The patient, 36, lost their life savings in 2015.",
        "The men are confirmed to have died at 6:30 pm, in 1998.",
        "He was treated for minor injuries at the age of 17.",
        "The arrest warrant was issued in 2019 for Rs 5,000.",
        "Police made one arrest warrant request at 9 am.",
    ],
)
def test_verbs_and_phrases_near_misses(text: str) -> None:
    assert _found(text) == []


# ------------------------------------------------- second figures in a clause ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb closes an "including" subset, so the figure after "and" is its own
        (
            "At least 149 people including 132 students were martyred and many others injured.",
            ("injured", "vague", 2, None),
        ),
        (
            "More than 70 people including women were martyred and over 100 sustained critical "
            "injuries.",
            ("injured", "more_than", 101, None),
        ),
        # an "including" insertion between commas before the verb
        (
            "At least 55 people, including women, children and police, had been killed.",
            ("killed", "at_least", 55, None),
        ),
        # a figure with its own "injured" after a death toll is not the toll
        ("Mosque blast: death toll rises to 83, 157 injured", ("injured", "exact", 157, 157)),
        ("Mosque blast: death toll rises to 83, 157 injured", ("killed", "exact", 83, 83)),
    ],
)
def test_second_figures_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # still a subset when no verb closes it
        ("Ten people died, including 4 children and 3 women.", ("killed", "exact", 3, 3)),
        ("Ten people died, including 4 children and 3 women.", ("killed", "exact", 4, 4)),
        # the toll's own figure is not read as injured, nor the injured as the toll
        ("Death toll rises to 83, 157 injured", ("killed", "exact", 157, 157)),
        ("Death toll rises to 83, 157 injured", ("injured", "exact", 83, 83)),
        # years, ages and money inside the insertion are not figures
        (
            "At least 5 people, including a man aged 45, were killed in 2014.",
            ("killed", "exact", 45, 45),
        ),
        ("The death toll rose to 12 in 2016, 2017 injured", ("killed", "exact", 2016, 2016)),
    ],
)
def test_second_figures_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


# ------------------------------------------------------- attackers and losses ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attacker word before an attack noun is an adjective, the head is further on
        (
            "Three suspected Islamic State group suicide bombers targeted the airport.",
            ("attackers", "exact", 3, 3),
        ),
        # men who wield weapons, men behind the attack
        (
            "Students saw several young men wielding AK-47 guns storming the hostel.",
            ("attackers", "vague", 3, 9),
        ),
        (
            "Three men behind an attack that left seven dead were shot.",
            ("attackers", "exact", 3, 3),
        ),
        # the doers after "carried out by", "conducted by"
        ("We believe the attack was conducted by one man.", ("attackers", "exact", 1, 1)),
        ("The massacre was carried out by three gunmen.", ("attackers", "exact", 3, 3)),
        # bombers who died with their victims
        (
            "36 people have lost their lives along with three suicide bombers.",
            ("attackers_killed", "exact", 3, 3),
        ),
        # "X among N others" is N + 1, like "X and N others"
        (
            "Candidate Siraj Raisani among 128 others martyred in Mastung attack",
            ("killed", "exact", 129, 129),
        ),
        # a unit that lost its men
        ("The regiment lost 19 of its men in the attack.", ("killed", "exact", 19, 19)),
        ("The force lost 40 soldiers that day.", ("killed", "exact", 40, 40)),
        # a toll "reported as"
        ("The death toll had earlier been reported as 61.", ("killed", "exact", 61, 61)),
    ],
)
def test_attackers_and_losses_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        (
            "Around 132 people were killed in two separate terrorist attacks.",
            ("attackers", "exact", 2, 2),
        ),
        ("Two militant groups claimed the 2014 attack.", ("attackers", "exact", 2, 2)),
        ("All but two of the people killed were students.", ("killed", "exact", 2, 2)),
        (
            "36 people have lost their lives along with three suicide bombers.",
            ("attackers", "exact", 3, 3),
        ),
        ("Candidate Siraj Raisani among 128 others martyred", ("killed", "exact", 128, 128)),
        # not a toll, not attackers: years, ages, money, times
        ("The party lost 19 of its seats in 2018.", ("killed", "exact", 19, 19)),
        ("He lost 2014 votes and Rs 5,000.", ("killed", "exact", 2014, 2014)),
        ("The attack was carried out by 2016, aged 45.", ("attackers", "exact", 2016, 2016)),
        ("The raid was conducted by one of the units at 10:30 pm.", ("attackers", "exact", 1, 1)),
        ("Men wielding sticks were seen at 9 pm, aged 20.", ("attackers", "exact", 20, 20)),
        ("The toll was reported as 2016 figures show.", ("killed", "exact", 2016, 2016)),
    ],
)
def test_attackers_and_losses_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


# ------------------------------------- figures carried over, names, context ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organisation's name after "of" does not hide the verb
        (
            "12 jawans of the Central Reserve Police Force (CRPF) were killed in the blast.",
            ("killed", "exact", 12, 12),
        ),
        ("Nine soldiers of the Pakistan Army were martyred.", ("killed", "exact", 9, 9)),
        # "and another wounded" after a death
        ("One person was killed and another wounded in the explosion.", ("injured", "exact", 1, 1)),
        # "as well as" carries the field of the sentence's previous figure
        (
            "It ended with the deaths of 334 people, 186 of them children, as well as 31 of "
            "the attackers.",
            ("attackers_killed", "exact", 31, 31),
        ),
        (
            "Police arrested 12 suspects as well as three facilitators' relatives, 4 people.",
            ("arrested", "exact", 12, 12),
        ),
        # a headline's dead after attackers already counted are the victims
        (
            "3 Suicide Bomber Blew himself at Ataturk Airport Attack 36 dead, 147 Injured",
            ("killed", "exact", 36, 36),
        ),
    ],
)
def test_carried_and_named_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("Two died and another injured person succumbed later.", ("injured", "exact", 1, 1)),
        ("He was wounded in 2014 and another wounded man fled.", ("injured", "exact", 1, 1)),
        ("Police arrested 3 people, as well as 2 cars in 2014.", ("arrested", "exact", 2, 2)),
        (
            "The deaths of 30 people, as well as 2015 and 2016 reports, aged 45.",
            ("killed", "exact", 2015, 2015),
        ),
        (
            "3 Suicide Bomber Blew himself at Ataturk Airport Attack 36 dead",
            ("attackers_killed", "exact", 36, 36),
        ),
        (
            "12 jawans of the CRPF unit paid Rs 500 at 10 am on May 5.",
            ("killed", "exact", 500, 500),
        ),
    ],
)
def test_carried_and_named_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


# ------------------------------------------------------ "N of the injured" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two of the injured later died.", [("killed", "exact", 2, 2)]),
        ("Three of the critically injured succumbed to their wounds.", [("killed", "exact", 3, 3)]),
        # a subset of the injured is not a figure (convention 1)
        ("Reports said 15 of the injured 44 jawans were critical.", [("injured", "exact", 44, 44)]),
        ("20 of the wounded were children.", []),
        # near-misses: ages, years, money, times
        ("Two of the injured, aged 45 and 50, were flown out at 6 pm.", []),
        ("In 2016 of the injured, Rs 500 each was paid.", []),
    ],
)
def test_of_the_injured(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


def test_of_the_injured_who_died_is_an_increment() -> None:
    (st,) = extract_statements("Two of the injured later died.")
    assert st.quantity.increment


# ------------------------------------- more phrases of dying, hedged states ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 persons breathed their last in hospital.", ("killed", "exact", 12, 12)),
        ("12 jawans attained martyrdom in the attack.", ("killed", "exact", 12, 12)),
        ("The number of deceased rose to 12.", ("killed", "exact", 12, 12)),
        ("12 people are feared dead.", ("killed", "exact", 12, 12)),
        ("At least 12 people are believed dead.", ("killed", "at_least", 12, None)),
        ("Five people were found dead.", ("killed", "exact", 5, 5)),
    ],
)
def test_dying_phrases_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Five of the dead were children.",
        "Five of the deceased were aged 45 to 60.",
        "Five people were found in 2014 at 9 pm.",
        "He breathed his last in 1998 at the age of 90.",
        "The 12 jawans were paid Rs 500 at 10 am.",
    ],
)
def test_dying_phrases_near_misses(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 people suffered burn injuries.", [("injured", "exact", 20, 20)]),
        ("The injured, numbering 30, were rushed to hospital.", [("injured", "exact", 30, 30)]),
        ("The dead numbered 12.", [("killed", "exact", 12, 12)]),
        ("The dead, numbering about 40, were buried.", [("killed", "approximately", 36, 44)]),
        # near-misses: years, ages, money, times
        ("The victims totalled 2014 in the year.", []),
        ("The dead numbered in the hundreds of rupees, Rs 500, at 6 pm.", []),
        ("The injured, aged 45, suffered burn injuries in 2014.", []),
    ],
)
def test_numbering_and_injuries(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected
