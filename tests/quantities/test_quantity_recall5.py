"""Round 5 of readings for real reporting: classes of wording, each with sentences
where it must be read and near-misses where it must not (fresh-held released).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

ONE_KILLED: Found = ("attackers_killed", "exact", 1, 1)

# ------------------------------------------------------- bodies are the dead ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven bodies were taken to hospital.", ("killed", "exact", 7, 7)),
        ("seven bodies had been shifted to Mayo Hospital", ("killed", "exact", 7, 7)),
        ("At least 12 bodies were brought to the civil hospital", ("killed", "at_least", 12, None)),
        ("more than 30 dead bodies had been taken to hospitals", ("killed", "more_than", 31, None)),
        ("Seven dead were rushed to the hospital", ("killed", "exact", 7, 7)),
    ],
)
def test_bodies_taken_to_hospital_are_dead(text: str, expected: Found) -> None:
    got = _found(text)
    assert expected in got
    assert not any(f == "injured" for f, *_ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people taken to hospital stay injured (convention 10)
        ("Seven people were taken to hospital.", [("injured", "exact", 7, 7)]),
        ("12 bodies were treated at the hospital", []),  # bodies are never treated
        (
            "seven bodies and 20 injured were taken to hospital",
            [("killed", "exact", 7, 7), ("injured", "exact", 20, 20)],
        ),
    ],
)
def test_bodies_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=999),
    verb=st.sampled_from(["taken to", "rushed to", "shifted to", "brought to", "moved to"]),
)
def test_bodies_to_hospital_property(n: int, verb: str) -> None:
    got = _found(f"{n} bodies were {verb} the district hospital.")
    assert got == [("killed", "exact", n, n)]
    assert _found(f"{n} people were {verb} the district hospital.") == [("injured", "exact", n, n)]


# ------------------------------------- an active verb with an object: the killers ---


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        (
            "three Islamist gunmen shot dead dozens of people at the Bardo museum",
            [("attackers", "exact", 3, 3), ("killed", "vague", 12, 99)],
            ("attackers_killed", "exact", 3, 3),
        ),
        (
            "Three gunmen killed 22 people at the museum.",
            [("attackers", "exact", 3, 3), ("killed", "exact", 22, 22)],
            ("attackers_killed", "exact", 3, 3),
        ),
        (
            "Two gunmen murdered the guard and fled.",
            [("attackers", "exact", 2, 2)],
            ("attackers_killed", "exact", 2, 2),
        ),
        # a headline's list: each figure with its own word
        (
            "35 killed several Dozen injured in Kano Mosque",
            [("killed", "exact", 35, 35), ("injured", "vague", 12, 99)],
            ("killed", "vague", 12, 99),
        ),
    ],
)
def test_active_verb_with_object(text: str, expected: list[Found], unexpected: Found) -> None:
    got = _found(text)
    assert all(e in got for e in expected)
    assert unexpected not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three militants killed in Kashmir", ("attackers_killed", "exact", 3, 3)),
        ("three gunmen were killed 22 minutes later", ("attackers_killed", "exact", 3, 3)),
        ("Four militants killed, 3 soldiers injured", ("attackers_killed", "exact", 4, 4)),
        ("Two militants killed 3 days ago", ("attackers_killed", "exact", 2, 2)),
        ("Three terrorists killed by security forces", ("attackers_killed", "exact", 3, 3)),
        ("Thirty-five killed, several dozen injured", ("killed", "exact", 35, 35)),
    ],
)
def test_active_verb_near_misses(text: str, expected: Found) -> None:
    assert expected in _found(text)


# ---------------------------------- attackers killed, picked out of the attackers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite partitive of attackers after a verb of killing names the attackers
        (
            "security forces regained control, killing four of the militants",
            [("attackers_killed", "exact", 4, 4)],
        ),
        ("Police killed two of the gunmen on the roof.", [("attackers_killed", "exact", 2, 2)]),
        # a coordinated second group with a long name
        (
            "Four terrorists and three Indian Air Force (IAF) personnel were killed in an attack",
            [("attackers_killed", "exact", 4, 4), ("killed", "exact", 3, 3)],
        ),
        # one of them
        (
            "he said that one of the gunmen was killed and police are pursuing the other.",
            [ONE_KILLED],
        ),
        ("One of attackers blew himself up on Tuesday.", [ONE_KILLED]),
        ("One of the suspects was shot dead by police", [ONE_KILLED]),
        ("one of the three militants later died", [ONE_KILLED]),
        (
            "when four gunmen threw bombs before entering the lobby, where one blew himself up",
            [("attackers", "exact", 4, 4), ONE_KILLED],
        ),
        # the attacker who died (convention 22: anaphoric, killed only)
        ("The gunman, who also died, has been identified as Omar Mateen, 29.", [ONE_KILLED]),
        ("the attacker died after police fired", [ONE_KILLED]),
    ],
)
def test_attackers_killed_picked_out(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "killing four militants in a raid",  # a raid on militants is its own incident
        "one of the victims was killed",
        "no one was killed, the gunmen fled",
        "one was killed, the gunmen fled",  # a bare one is a victim as well as an attacker
        "someone blew himself up",
        "one blew himself up",  # no attackers named before
        "A victim who died in 2015",
        "the gunman's victims died",
        "one of the gunmen fled",
    ],
)
def test_attackers_killed_picked_out_near_misses(text: str) -> None:
    assert not any(f == "attackers_killed" for f, *_ in _found(text))


# ----------------------------------- tolls named by a count, two adverbs after "were" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("While the death count stands at 15, more may die", ("killed", "exact", 15, 15)),
        ("the death tally rose to 40 on Monday", ("killed", "exact", 40, 40)),
        (
            "the actual count of injured individuals stood at approximately 50.",
            ("injured", "approximately", 45, 55),
        ),
        (
            "unconfirmed reports put the number of those injured as over 80, and",
            ("injured", "more_than", 81, None),
        ),
        (
            "the number of terrorists killed had been placed at four.",
            ("attackers_killed", "exact", 4, 4),
        ),
        ("63 people were now confirmed dead.", ("killed", "exact", 63, 63)),
        (
            "at least 13 people were said to be seriously injured and were rushed to hospital",
            ("injured", "at_least", 13, None),
        ),
        ("Five soldiers were reportedly critically injured", ("injured", "exact", 5, 5)),
    ],
)
def test_counts_and_adverbs_read(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # "as" only right after the counted word
        (
            "Officials said the toll could rise as more than 80 people were injured",
            ("killed", "more_than", 81, None),
        ),
        ("a head count of 200 people at the venue", ("killed", "exact", 200, 200)),
        ("the death toll as 2015 ended", ("killed", "exact", 2015, 2015)),
        ("the number of terrorists killed 12 people", ("attackers_killed", "exact", 12, 12)),
        ("63 people were now confirmed safe.", ("killed", "exact", 63, 63)),
    ],
)
def test_counts_and_adverbs_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=999),
    adv=st.sampled_from(["now", "later", "reportedly", "said to be", "believed to have been"]),
    adv2=st.sampled_from(["confirmed", "seriously", "critically", "badly"]),
)
def test_two_adverbs_property(n: int, adv: str, adv2: str) -> None:
    verb = "dead" if adv2 == "confirmed" else "injured"
    field = "killed" if verb == "dead" else "injured"
    assert (field, "exact", n, n) in _found(f"{n} people were {adv} {adv2} {verb}.")


# ------------------------------------- one victim as an object, one more who died ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An attack also struck the neighbourhood, killing a child, according to the police.",
            [("killed", "exact", 1, 1)],
        ),
        (
            "the attacker killed a policeman and a civilian outside the club before entering",
            [("killed", "exact", 2, 2)],
        ),
        (
            "Berlin police arrested a suspect — believed to be the truck driver — two miles away",
            [("arrested", "exact", 1, 1)],
        ),
        (
            "the gunmen killed a man and wounded a woman",
            [("killed", "exact", 1, 1), ("injured", "exact", 1, 1)],
        ),
        (
            "Death toll rises to 11 as another policeman dies in hospital",
            [("killed", "exact", 11, 11), ("killed", "exact", 1, 1)],
        ),
        (
            "The toll rose to 11 as another police official succumbed to injuries at the hospital",
            [("killed", "exact", 11, 11), ("killed", "exact", 1, 1)],
        ),
    ],
)
def test_one_victim_as_object_read(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


def test_another_one_dies_is_an_increment() -> None:
    from checks.quantities import extract_statements

    (st_,) = extract_statements("another policeman dies in hospital")
    assert st_.quantity.increment


@pytest.mark.parametrize(
    "text",
    [
        "Police shot dead a man who drove into the crowd",  # the attacker (convention 22)
        "arrested a child in 2014",  # a child is no suspect ("arrested a man" is one arrest
        # since round 11, as "A man was arrested" always was)
        "killing a suicide bomber.",  # an attacker, not a victim
        "another official said",
        "killing a policeman's son",
        "killed a man-eating tiger",
        "another policeman said he died",
    ],
)
def test_one_victim_as_object_near_misses(text: str) -> None:
    got = _found(text)
    assert not any(f in {"killed", "arrested"} and low == 1 for f, _, low, _h in got)


# -------------------- "X of the Y killed" before the sentence's verb: the toll is Y ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 of the 15 people killed have been identified.", [("killed", "exact", 15, 15)]),
        (
            "Eight of the 14 people killed have been identified, the police said.",
            [("killed", "exact", 14, 14)],
        ),
        ("Eight of the 14 killed in the attack were foreigners", [("killed", "exact", 14, 14)]),
        ("two of the 20 injured were children", [("injured", "exact", 20, 20)]),
    ],
)
def test_x_of_the_y_killed_read(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # the participle is the verb: X is what the sentence states
        ("Seven of the eight terrorists were killed", ("killed", "exact", 8, 8)),
        ("two of the 20 hostages were killed", ("killed", "exact", 20, 20)),
        ("13 of the 15 people killed in 2015 were", ("killed", "exact", 2015, 2015)),
    ],
)
def test_x_of_the_y_killed_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


@settings(max_examples=100, deadline=None)
@given(y=st.integers(min_value=3, max_value=999), data=st.data())
def test_x_of_the_y_killed_property(y: int, data: st.DataObject) -> None:
    x = data.draw(st.integers(min_value=1, max_value=y - 1))
    assert _found(f"{x} of the {y} people killed have been identified.") == [
        ("killed", "exact", y, y)
    ]


# ------------- a list of subsets after "including", a quoted figure, lives saved ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Total 68 people including 43 Pakistan citizens, 10 Indian citizens and 15"
            " unidentified people were killed in the blast.",
            [("killed", "exact", 68, 68)],
        ),
        (
            "killed 12 people, including 5 children, 20 women and 3 men, on Monday",
            [("killed", "exact", 12, 12)],
        ),
        (
            "Tunisia hotel attack: Gunmen kill ‘at least 27’ in shooting at seaside town",
            [("killed", "at_least", 27, None)],
        ),
        ("the blast killed “12” people", [("killed", "exact", 12, 12)]),
        ("claimed the lives of 20 people", [("killed", "exact", 20, 20)]),
    ],
)
def test_subset_lists_and_quoted_figures(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "doctors saved the lives of 20 people",
        "the commandos who saved the lives of 150 guests",
        "sparing the lives of 30 hostages",
    ],
)
def test_lives_saved_are_no_toll(text: str) -> None:
    assert _found(text) == []


def test_a_verb_closes_the_subset_list() -> None:
    got = _found("over 30 people including 12 children, were killed and 20 were injured")
    assert ("injured", "exact", 20, 20) in got


# ------------------------ attackers by a pair, a shooter, men who act in a timeline ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "when a pair of Taliban suicide bombers blew themselves up inside a church",
            [("attackers", "exact", 2, 2), ("attackers_killed", "exact", 2, 2)],
        ),
        ("A pair of gunmen opened fire on the guests", [("attackers", "exact", 2, 2)]),
        (
            "approximately 300 people were at a party when an unidentified shooter entered",
            [("attackers", "exact", 1, 1)],
        ),
        ("Five men attack the hotel with grenades", [("attackers", "exact", 5, 5)]),
        ("Three men storm the cafe armed with guns", [("attackers", "exact", 3, 3)]),
    ],
)
def test_attackers_by_pair_shooter_and_timeline(text: str, expected: list[Found]) -> None:
    got = _found(text)
    assert all(e in got for e in expected)


@pytest.mark.parametrize(
    "text",
    [
        "a pair of shoes was found in 2015",
        "five men enter the race",  # no attack in the sentence
        "a pair of 2 people",
        "the shooter was 29",
    ],
)
def test_attackers_by_pair_near_misses(text: str) -> None:
    assert not any(f == "attackers" and low == 2 for f, _, low, _h in _found(text))
    assert not any(f == "attackers" and low == 5 for f, _, low, _h in _found(text))


@settings(max_examples=100, deadline=None)
@given(
    noun=st.sampled_from(["gunmen", "suicide bombers", "attackers", "people", "shoes"]),
    cap=st.booleans(),
    n=st.integers(min_value=3, max_value=999),
)
def test_a_pair_of_is_two_property(noun: str, cap: bool, n: int) -> None:
    from checks.quantities import parse_quantities

    lead = "A pair of" if cap else "a pair of"
    assert [(q.low, q.high) for q in parse_quantities(f"{lead} {noun}")] == [(2, 2)]
    # never before a figure, never without "of"
    assert [(q.low, q.high) for q in parse_quantities(f"a pair of {n} {noun}")] == [(n, n)]
    assert parse_quantities(f"a pair {noun}") == []


# ------------------------------------ counts named by a noun: casualties, "of deaths" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police confirmed only 11 causalities in the blast.", ("killed", "exact", 11, 11)),
        (
            "The security forces sustained three casualties -- including one commando.",
            ("killed", "exact", 3, 3),
        ),
        ("“Thirty-seven causalities are confirmed.", ("killed", "exact", 37, 37)),
        # casualties taken to hospital are the injured (convention 10 of the first set)
        ("we have 30 casualties, who have been taken to hospital.", ("injured", "exact", 30, 30)),
        ("an earlier report of a handful of deaths.", ("killed", "vague", 2, 9)),
        ("There were dozens of arrests", ("arrested", "vague", 12, 99)),
    ],
)
def test_count_nouns_read(text: str, expected: Found) -> None:
    assert _found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "2 of deaths",
        "casualty ward number 3",
        "a handful of protesters",
    ],
)
def test_count_nouns_near_misses(text: str) -> None:
    assert not any(f == "killed" and low in {2, 1000, 3} for f, _, low, _h in _found(text))


# ------- a bound after the clause, the attacker's end, in hospital, an ordinal's aside ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serial bomb blasts in Hyderabad, 11 dead at least", [("killed", "at_least", 11, None)]),
        ("the blast killed 12 people at least.", [("killed", "at_least", 12, None)]),
        (
            "Seifeddine Rezgui opened fire at the hotel, killing mostly British tourists before"
            " being shot dead by police.",
            [ONE_KILLED],
        ),
        (
            "he roamed the hotel, methodically targeting guests with a rifle, before being shot"
            " and killed by police officers",
            [ONE_KILLED],
        ),
        (
            "Thirty-three people were in hospital receiving treatment, he added.",
            [("injured", "exact", 33, 33)],
        ),
        (
            "A third person seen fleeing the scene was later detained, Burguan said.",
            [("arrested", "exact", 1, 1)],
        ),
    ],
)
def test_bounds_ends_hospital_ordinals_read(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at least" is the next figure's
        (
            "11 dead at least 20 injured",
            [("killed", "exact", 11, 11), ("injured", "at_least", 20, None)],
        ),
        ("12 people were killed at least once", [("killed", "exact", 12, 12)]),
        # no attack by the same subject before
        ("He was questioned before being released by police.", []),
        ("The man was arrested before being shot dead by police.", []),
        # a place, and those left (subsets)
        ("Nearly 100 lawyers were in the hospital when the bomb went off", []),
        ("Some 21 survivors remain in hospital", []),
        ("the second blast seen from afar was killed", []),
    ],
)
def test_bounds_ends_hospital_ordinals_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=2, max_value=999), word=st.sampled_from(["dead", "killed"]))
def test_at_least_after_the_clause_property(n: int, word: str) -> None:
    assert _found(f"Blasts in the city, {n} {word} at least") == [("killed", "at_least", n, None)]
    assert _found(f"Blasts in the city, {n} {word}") == [("killed", "exact", n, n)]


# ---------------------------------------------- "another dozen": twelve more ---


def test_another_dozen_after_another_field_is_a_total() -> None:
    from checks.quantities import extract_statements

    sts = extract_statements("Officials estimate over a dozen wounded, another dozen killed")
    got = [(s.field, s.quantity.low, s.quantity.high, s.quantity.increment) for s in sts]
    assert got == [("injured", 13, None, False), ("killed", 12, 12, False)]


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=1, max_value=999), cap=st.booleans())
def test_another_dozen_property(n: int, cap: bool) -> None:
    from checks.quantities import parse_quantities

    lead = "Another" if cap else "another"
    (q,) = parse_quantities(f"{lead} dozen people were arrested")
    assert (q.low, q.high, q.increment) == (12, 12, True)
    # "dozen" alone is no count, nor before a figure
    assert parse_quantities("the dozen people") == []
    assert [(x.low, x.high) for x in parse_quantities(f"another dozen {n}")] == [(n, n)]


# ------ attackers counted in an aside, the wounded among people freed, a sum with one ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Survivors said that the attackers, thought to number four, were clad in fatigues",
            [("attackers", "exact", 4, 4)],
        ),
        ("the gunmen, numbering six, stormed the hotel", [("attackers", "exact", 6, 6)]),
        (
            "Sixty-three hostages have been rescued, 33 of them wounded, from the hotel",
            [("injured", "exact", 33, 33)],
        ),
        (
            "The attack in Cambrils, where six bystanders and a policeman were also wounded, ended",
            [("injured", "exact", 7, 7)],
        ),
        ("six bystanders and a policeman were killed", [("killed", "exact", 7, 7)]),
    ],
)
def test_asides_freed_and_one_more_read(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # among the injured: a subset
        ("300 people were injured, 50 of them seriously", [("injured", "exact", 300, 300)]),
        (
            "over 300 people were wounded, 30 of them injured.",
            [("injured", "more_than", 301, None)],
        ),
        ("the deaths of 334 people, 186 of them children,", [("killed", "exact", 334, 334)]),
        # an attacker is never summed with victims
        ("six bystanders and a gunman were killed", []),
        ("the attackers, aged 20 to 25, were killed", []),
    ],
)
def test_asides_freed_and_one_more_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ----- a subset "among" the Y, a bare participle after "the", a place before the verb ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The source also said there were two women among the four assailants killed.",
            [("attackers_killed", "exact", 4, 4)],
        ),
        ("the four assailants killed were foreigners", [("attackers_killed", "exact", 4, 4)]),
        # "all" names every attacker, with or without an auxiliary
        (
            "with all three militants reportedly killed and 126 hostages freed.",
            [("attackers_killed", "exact", 3, 3), ("attackers", "exact", 3, 3)],
        ),
        (
            "all four attackers were killed",
            [("attackers_killed", "exact", 4, 4), ("attackers", "exact", 4, 4)],
        ),
        (
            "Two airmen at Pathankot air base were also killed in the exchange of fire",
            [("killed", "exact", 2, 2)],
        ),
        ("Three policemen on duty were injured", [("injured", "exact", 3, 3)]),
        # a participle inside the insertion is not the subject's verb
        (
            "Eight people, including a man injured in the blasts and a rickshaw-puller, were"
            " being questioned, they said.",
            [],
        ),
        ("over 20 including lawyers injured", [("injured", "more_than", 21, None)]),
    ],
)
def test_among_participles_places(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "5 people in 2015 were killed",  # a year is no place
        "Two soldiers at the checkpoint said they were injured",  # a verb without auxiliary
        "20 people in the mosque were praying when the bomb went off",
        "two women among the dead",
    ],
)
def test_among_participles_places_near_misses(text: str) -> None:
    assert _found(text) == []


# ------------------------------------------------------- people who open fire ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police say up to three people entered the building and opened fire.",
            [("attackers", "at_most", 1, 3)],
        ),
        ("two men opened fire on the crowd", [("attackers", "exact", 2, 2)]),
        ("Four men stormed the hotel and opened fire", [("attackers", "exact", 4, 4)]),
    ],
)
def test_people_who_open_fire(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "20 people entered the building and prayed",
        "three people were shot as police opened fire",
        "300 people were at the party when he opened fire",
    ],
)
def test_people_who_open_fire_near_misses(text: str) -> None:
    assert not any(f == "attackers" for f, *_ in _found(text))


# ------------------------------------------ bodies counted at two places, summed ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least seven bodies were also taken to Mayo Hospital, while two bodies were"
            " shifted to the King Edward Medical University morgue.",
            [("killed", "at_least", 9, None)],
        ),
        (
            "seven bodies had been shifted to Mayo Hospital while two are at the morgue",
            [("killed", "exact", 9, 9)],
        ),
        (
            "He added that seven bodies were at Mayo Hospital while two were at the morgue.",
            [("killed", "exact", 9, 9)],
        ),
    ],
)
def test_bodies_at_two_places_summed(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "seven bodies were taken to hospital while 20 injured were treated",
            [("killed", "exact", 7, 7), ("injured", "exact", 20, 20)],
        ),
        (
            "seven bodies were found while two people were injured",
            [("killed", "exact", 7, 7), ("injured", "exact", 2, 2)],
        ),
        ("seven bodies were recovered while 2 hours later", [("killed", "exact", 7, 7)]),
    ],
)
def test_bodies_at_two_places_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


# ---------------------------- a subject sum whose second group is a vague word ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 13 U.S. military personnel and dozens of Afghans were killed Thursday",
            [("killed", "at_least", 25, None)],
        ),
        ("13 soldiers and dozens of civilians were injured", [("injured", "at_least", 25, None)]),
        (
            "more than 20 policemen and scores of civilians were killed",
            [("killed", "more_than", 41, None)],
        ),
    ],
)
def test_sum_with_a_vague_group(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # attackers are never summed with victims
        ("13 soldiers and dozens of militants were killed", ("killed", "at_least", 25, None)),
        # a vague first group is not summed
        ("dozens of soldiers and 13 civilians were killed", ("killed", "at_least", 25, None)),
        ("13 soldiers and dozens of buildings were damaged", ("killed", "at_least", 25, None)),
    ],
)
def test_sum_with_a_vague_group_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


# ------------------------- the dead at the scene and those who died later, summed ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“At the scene, 62 people were killed and 24 succumbed to death in hospital,” he said.",
            [("killed", "exact", 86, 86)],
        ),
        ("five were killed and 3 others died in hospital", [("killed", "exact", 8, 8)]),
        ("At least 10 people were killed and 2 died later", [("killed", "at_least", 12, None)]),
    ],
)
def test_killed_and_died_later_summed(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10 people were killed and 20 injured",
            [("killed", "exact", 10, 10), ("injured", "exact", 20, 20)],
        ),
        # "2 more" is an addition of its own (an increment), "of the injured" too
        (
            "10 people were killed and 2 more died later",
            [("killed", "exact", 10, 10), ("killed", "exact", 2, 2)],
        ),
        (
            "10 people were killed and 2 of the injured died",
            [("killed", "exact", 10, 10), ("killed", "exact", 2, 2)],
        ),
        ("10 people were killed and 2015 died", [("killed", "exact", 10, 10)]),
    ],
)
def test_killed_and_died_later_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected
