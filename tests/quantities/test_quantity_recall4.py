"""Round 4 of readings for real reporting: classes of wording, each with sentences
where it must be read and near-misses (years, ages, money, times) where it must not.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.quantities import extract_statements, parse_quantities
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

ONE_ATTACKER: Found = ("attackers", "exact", 1, 1)
ONE_KILLED: Found = ("attackers_killed", "exact", 1, 1)

# ------------------------------------------------ one attacker by a singular noun ---


@pytest.mark.parametrize(
    "text",
    [
        # any verb in the past tense after the noun
        "Thirty-nine people were killed when a gunman jumped from a boat.",
        "A terrorist infiltrated the buildings from the back before opening fire.",
        "The incident occurred around 6:10pm when a suicide bomber reached the police.",
        # verbs in -ing of what an attacker does
        "An attacker driving an ambulance detonated it, leaving 95 people dead.",
        "a day of bloodshed with a suicide bomber killing 13 people at a mosque",
        "with the suicide bomber ferrying the explosive feared dead",
        # "suicide car bomber", "lone" without an article, "an armed man" who acts
        "A suicide car bomber packed an ambulance with explosives.",
        "Security personnel gun down lone assailant who barged into beach resort",
        "An armed man “entered through the back of the hotel and opened fire”, he said.",
        # a headline's bare noun before a verb in title case
        "Bloody Start to the New Year: Gunman Kills 39 at Istanbul Nightclub",
    ],
)
def test_one_attacker_read(text: str) -> None:
    assert ONE_ATTACKER in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "a bomber aged 19 blew himself up",  # an age, never a verb
        "He was arrested near a militant controlled area in 2015.",
        "a terrorist training camp was raided on 12 May 2016",
        "a terrorist attack killed 12 people",
        "A lone wolf attack at 6:10pm",
        "a gunman-related case cost Rs 5,000",
        "an armed robbery at 2 pm",
        "a terrorist based in Kabul since 2015",
        "the gunman shooting spree of 2016",
        "gunman kills 39",  # not a headline in title case
    ],
)
def test_one_attacker_near_misses(text: str) -> None:
    assert ONE_ATTACKER not in _found(text)


@given(
    verb=st.sampled_from(["jumped", "reached", "infiltrated", "packed", "stormed", "parked"]),
    noun=st.sampled_from(["gunman", "attacker", "terrorist", "assailant", "suicide bomber"]),
    age=st.integers(min_value=12, max_value=80),
)
def test_one_attacker_before_a_past_tense_verb_property(verb: str, noun: str, age: int) -> None:
    qs = parse_quantities(f"a {noun} {verb} the hotel")
    assert [(q.low, q.high) for q in qs] == [(1, 1)]
    # an age after the noun is neither a verb nor a count
    assert parse_quantities(f"a {noun} aged {age}") == []


# ----------------------------------------------- one attacker killed, by his role ---


@pytest.mark.parametrize(
    "text",
    [
        "The gunman, U.S. citizen Omar Mateen, was also shot and killed by police.",
        "The suspect was shot and killed by police after 20 people died.",
        "The SWAT team rescued 30 patrons, in addition to killing the shooter.",
        "Security forces responded, killing one of the attackers, while the hunt goes on.",
        "Security personnel gun down lone assailant who barged into beach resort",
        "a police spokesperson said the teenage female suicide bomber has been confirmed dead.",
        "Gunman shot dead after opening fire on guests at beachfront hotel",
    ],
)
def test_attacker_killed_read(text: str) -> None:
    assert ONE_KILLED in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gunman killed the driver of the bus in 2015.",
        "He was killed by the gunman at 4 pm.",
        "killing one of the attackers' relatives, aged 45",
        "the suspect was seen at 10:30 on 12 May",
        "Police killed the dog of the gunman.",
    ],
)
def test_attacker_killed_near_misses(text: str) -> None:
    assert ONE_KILLED not in _found(text)


def test_another_attacker_killed_is_an_increment() -> None:
    st_ = extract_statements("Another militant was killed in the gun battle.")
    assert [(s.field, s.quantity.increment) for s in st_] == [("attackers_killed", True)]


# ------------------------------------------------------------------------ arrests ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police had earlier said two people had been taken in for questioning.",
            ("arrested", "exact", 2, 2),
        ),
        ("A further two people are understood to have been arrested.", ("arrested", "exact", 2, 2)),
        ("Two people are in custody.", ("arrested", "exact", 2, 2)),
        ("14 Killed in Mass Shooting; 2 suspects dead, 1 in Custody", ("arrested", "exact", 1, 1)),
        ("Another suspect was taken into custody.", ("arrested", "exact", 1, 1)),
        # the rest of the attackers, taken at the scene (convention 10)
        (
            "Six of the attackers were also killed and one was arrested, a spokesman said.",
            ("attackers_captured", "exact", 1, 1),
        ),
        (
            "six suspects were killed, while one was taken into custody.",
            ("attackers_captured", "exact", 1, 1),
        ),
    ],
)
def test_arrests_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He spent 3 days in custody in 2015.",
        "He was held in custody for 48 hours.",
        "The man, aged 45, is in custody.",
        "Bail was set at Rs 5,000 for the man in custody.",
        "Six people were killed and one was injured.",
    ],
)
def test_arrests_near_misses(text: str) -> None:
    assert [x for x in _found(text) if x[0] in {"arrested", "attackers_captured"}] == []


# ------------------------------------------------- an aside between dashes -------


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        (
            "At least eight people — five policemen and three civilians — were killed.",
            ("killed", "at_least", 8, None),
            ("killed", "exact", 8, 8),
        ),
        (
            "Three attackers - two of them women - died at the Splendid Hotel.",
            ("attackers_killed", "exact", 3, 3),
            ("killed", "exact", 2, 2),
        ),
        (
            "Three jihadists — an Arab and two black Africans — have been killed.",
            ("attackers_killed", "exact", 3, 3),
            ("attackers_killed", "exact", 2, 2),
        ),
    ],
)
def test_dash_aside_read(text: str, expected: Found, unexpected: Found) -> None:
    found = _found(text)
    assert expected in found
    assert unexpected not in found


@pytest.mark.parametrize(
    "text",
    [
        "In 2015 - the year of 12 attacks - the hotel was closed.",
        "The men - aged 20 and 25 - were killed in 2016.",
        "He paid Rs 5,000 — a month's wages — to the killed man's family.",
        "At 6:30 - an hour after 12 people arrived - the hall was empty.",
    ],
)
def test_dash_aside_near_misses(text: str) -> None:
    found = _found(text)
    assert [x for x in found if x[2] in {2015, 2016, 20, 25, 5000, 6, 30, 12}] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The men aged 20 and 25 were killed in 2016.", []),
        ("The two, aged 19 or 20, were arrested.", []),
        ("a man aged 45 and 12 others were killed", [("killed", "exact", 12, 12)]),
    ],
)
def test_second_age_is_no_count(text: str, expected: list[Found]) -> None:
    assert [x for x in _found(text) if x[2] != 2] == expected


# ------------------------------------------------ two groups as one verb's object ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen seized a bakery, killing 20 hostages and two police officers in a standoff.",
            ("killed", "exact", 22, 22),
        ),
        (
            "An attack on the museum killed 21 foreign tourists and a policeman.",
            ("killed", "exact", 22, 22),
        ),
        (
            "The blast injured at least 30 students and two teachers.",
            ("injured", "at_least", 32, None),
        ),
    ],
)
def test_object_sum_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("The blast killed 12 soldiers and injured 20 in 2015.", ("killed", "exact", 32, 32)),
        ("The attack killed 10 people and two attackers.", ("killed", "exact", 12, 12)),
        (
            "The attack killed 10 people and two hours later a bomb went off.",
            ("killed", "exact", 12, 12),
        ),
        ("The gunmen killed 10 people and a policeman's son aged 12.", ("killed", "exact", 11, 11)),
        ("The bomb killed 10 people and 2 dogs at 4 pm.", ("killed", "exact", 12, 12)),
        ("It killed 10 people and Rs 5,000 was paid.", ("killed", "exact", 5010, 5010)),
    ],
)
def test_object_sum_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


# ------------------------------------------- a toll that already has its figure ---


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        (
            "The death toll had risen to 54 while the number of injured people stood at 83.",
            ("injured", "exact", 83, 83),
            ("killed", "exact", 83, 83),
        ),
        (
            "As of October 16, the death toll stood at 102 and more than 400 people were injured.",
            ("injured", "more_than", 401, None),
            ("killed", "more_than", 401, None),
        ),
        (
            "The death toll in the 2015 attack rose to 40.",
            ("killed", "exact", 40, 40),
            ("killed", "exact", 2015, 2015),
        ),
    ],
)
def test_toll_with_its_figure(text: str, expected: Found, unexpected: Found) -> None:
    found = _found(text)
    assert expected in found
    assert unexpected not in found


# ------------------------------------------------ verbs and vague words ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("34 lives were lost in a suicide blast near a mosque.", ("killed", "exact", 34, 34)),
        ("Three people were shot and wounded near a prayer centre.", ("injured", "exact", 3, 3)),
        ("Two officers were shot and injured.", ("injured", "exact", 2, 2)),
        # convention 18 of the second set: "a large number of" as "a number of", "countless"
        # as "many"
        ("A large number of people were injured in the attack.", ("injured", "vague", 2, None)),
        ("49 were killed, with countless others injured.", ("injured", "vague", 2, None)),
    ],
)
def test_verbs_and_vague_words_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have told them countless times since 2015.",
        "A large number of rooms were damaged in 2016.",
        "Rs 5,000 was lost in the blast.",
        "Two hours were lost at 4 pm.",
        "The man, aged 34, was shot at 10:30.",
    ],
)
def test_verbs_and_vague_words_near_misses(text: str) -> None:
    assert _found(text) == []


@given(n=st.integers(min_value=2, max_value=999))  # four digits alone may be a year
def test_lives_were_lost_property(n: int) -> None:
    assert ("killed", "exact", n, n) in _found(f"{n} lives were lost in the attack.")
    assert _found(f"{n} hours were lost in the attack.") == []


# ------------------------------------------- one more by an ordinal (convention 25) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A second person was found dead in the passenger seat of the truck.", ("killed", True)),
        (
            "Three attackers died at the hotel, while a fourth was killed nearby.",
            ("attackers_killed", True),
        ),
        ("A second gunman was killed.", ("attackers_killed", True)),
        ("A third person is in custody in connection to the shootings.", ("arrested", False)),
    ],
)
def test_one_more_by_an_ordinal(text: str, expected: tuple[str, bool]) -> None:
    ones = [
        (s.field, s.quantity.increment) for s in extract_statements(text) if s.quantity.low == 1
    ]
    assert expected in ones


@pytest.mark.parametrize(
    "text",
    [
        "The second blast was killed off by 2015.",
        "The third floor was found dead quiet at 4 pm.",
        "The third day was in custody",
        "He was the second man aged 45 to be in line.",
        "The second victim's family got Rs 5,000.",
    ],
)
def test_one_more_by_an_ordinal_near_misses(text: str) -> None:
    assert _found(text) == []


# ------------------------------------ "that one man", dotted initials in a subject ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said, adding that one man had been arrested in connection with the attack.",
            ("arrested", "exact", 1, 1),
        ),
        ("At least 15 U.S. military personnel were injured.", ("injured", "at_least", 15, None)),
    ],
)
def test_that_one_man_and_initials_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said that one was the best, in 2015.",
        "I liked that one at 4 pm.",
        "He met 3 U.S. officials on 12 May 2016.",
        "The U.S. paid Rs 5,000 to the man aged 45.",
    ],
)
def test_that_one_man_and_initials_near_misses(text: str) -> None:
    assert _found(text) == []


# ------------------------------------------- people linked to an attack, arrested ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three men linked to the attack were arrested.", ("arrested", "exact", 3, 3)),
        (
            "Two people believed to be linked to Tuesday's siege were arrested following raids.",
            ("arrested", "exact", 2, 2),
        ),
        (
            "Three men suspected of involvement in the attack were arrested on Monday.",
            ("arrested", "exact", 3, 3),
        ),
        (
            "Five people suspected of links to the bombers have been detained.",
            ("arrested", "exact", 5, 5),
        ),
    ],
)
def test_linked_then_arrested_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Three men linked to the attack were killed in 2015.",
        "Two groups linked to the 2008 attack were banned.",
        "Cells linked to 12 attacks since 2015 were arrested.",
        "A man aged 45 linked to the attack paid Rs 5,000.",
    ],
)
def test_linked_then_arrested_near_misses(text: str) -> None:
    assert [x for x in _found(text) if x[0] == "arrested"] == []


# --------------------------------------------------- where the people came from ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sources said 23 people belonging to 18 countries were killed.",
            [("killed", "exact", 23, 23)],
        ),
        ("12 people of several nationalities were killed.", [("killed", "exact", 12, 12)]),
        ("Tourists from 18 countries were killed.", []),
        ("Victims from 12 nations died in 2015.", []),
        ("He visited 18 countries at the age of 45.", []),
    ],
)
def test_places_are_no_people(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ------------------------------------------ a verb after an "including" insertion ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In Lahore, 13, including two senior police officials, killed; 84, including three "
            "Aaj News team members, injured",
            [("killed", "exact", 13, 13), ("injured", "exact", 84, 84)],
        ),
        (
            "More than 80 others, including Raza, suffered injuries and were shifted to hospitals.",
            [("injured", "more_than", 81, None)],
        ),
    ],
)
def test_verb_after_including_read(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2015, including 12 in May, killed; the rest were freed.",
        "The men, including one aged 45, killed time at 4 pm.",
        "Over 20 people, including 10 injured, paid Rs 5,000.",
    ],
)
def test_verb_after_including_near_misses(text: str) -> None:
    assert [x for x in _found(text) if x[2] in {2015, 12, 45, 4, 20, 10, 5000}] == []


# -------------------------------------------- dead attackers named by an adjective ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two deceased suspects have been identified.", [("attackers_killed", "exact", 2, 2)]),
        ("The two dead gunmen were identified.", [("attackers_killed", "exact", 2, 2)]),
        ("The three slain militants were identified.", [("attackers_killed", "exact", 3, 3)]),
        # never the victims' count
        (
            "Kenya university attack: 147 dead after terrorists' rampage",
            [("killed", "exact", 147, 147)],
        ),
    ],
)
def test_dead_attackers_by_adjective(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The dead gunmen, aged 20 and 25, were identified in 2015.",
        "Rs 5,000 was found on the dead suspects at 4 pm.",
    ],
)
def test_dead_attackers_by_adjective_near_misses(text: str) -> None:
    assert _found(text) == []
