"""Round 6 of readings for real reporting: classes of wording, each with sentences
where it must be read and near-misses where it must not (third-dev read).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.quantities import extract_statements
from checks.quantities.grammar import QUANTITY_RE, parse_quantities, quantity_matches
from tests.quantities.readings import Found
from tests.quantities.readings import found as _found

# ------------------------------- ranks and passers-by are groups that add up ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "One inspector and four constables were martyred in the ambush.",
            ("killed", "exact", 5, 5),
        ),
        (
            "Three sub-inspectors and a driver were killed near the checkpoint.",
            ("killed", "exact", 4, 4),
        ),
        ("Six soldiers and two pedestrians were wounded by the blast.", ("injured", "exact", 8, 8)),
        ("Nine policemen and four passersby were injured.", ("injured", "exact", 13, 13)),
        (
            "The bombers killed three guards and a police inspector on Friday.",
            ("killed", "exact", 4, 4),
        ),
        ("A passer-by was wounded in the crossfire.", ("injured", "exact", 1, 1)),
        ("A sub-inspector was killed at the post.", ("killed", "exact", 1, 1)),
        # the injured named by what they suffered add up as well
        (
            "Five shoppers and two pedestrians suffered injuries in the blast.",
            ("injured", "exact", 7, 7),
        ),
        (
            "Ten villagers and three constables sustained serious injuries.",
            ("injured", "exact", 13, 13),
        ),
    ],
)
def test_ranks_and_passers_by_add_up(text: str, expected: Found) -> None:
    got = _found(text)
    assert expected in got
    # the summed groups are not also read one by one
    assert len([g for g in got if g[0] == expected[0]]) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attackers are never added to the victims
        (
            "Two inspectors and three militants were killed in the gunfight.",
            [("killed", "exact", 2, 2), ("attackers_killed", "exact", 3, 3)],
        ),
        # an inspector who speaks is no victim
        ("Inspector Khan said two people were killed.", [("killed", "exact", 2, 2)]),
        # suffered something else: no injury
        ("Six soldiers and two pedestrians suffered losses in the market.", []),
        # a year and an age are no group
        ("In 2019 two pedestrians were killed.", [("killed", "exact", 2, 2)]),
    ],
)
def test_ranks_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=500),
    m=st.integers(min_value=2, max_value=500),
    first=st.sampled_from(["inspectors", "sub-inspectors", "policemen", "guards"]),
    second=st.sampled_from(["pedestrians", "passersby", "passers-by", "constables"]),
    verb=st.sampled_from(["were killed", "were martyred", "were injured", "suffered injuries"]),
)
def test_ranks_sum_property(n: int, m: int, first: str, second: str, verb: str) -> None:
    field = "killed" if verb in {"were killed", "were martyred"} else "injured"
    got = _found(f"{n} {first} and {m} {second} {verb} in the attack.")
    assert got == [(field, "exact", n + m, n + m)]


# ----------------------------------- "shot N people to death": the object died ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A gunman shot eight shoppers to death at the mall.", ("killed", "exact", 8, 8)),
        ("The attackers stabbed at least four people to death.", ("killed", "at_least", 4, None)),
        ("A mob beat two men to death on Sunday.", ("killed", "exact", 2, 2)),
        ("The raiders burned 14 villagers to death in their homes.", ("killed", "exact", 14, 14)),
        ("Assailants hacked three farmers to death.", ("killed", "exact", 3, 3)),
        ("Twelve people were shot to death in the square.", ("killed", "exact", 12, 12)),
        ("Six people were clubbed to death.", ("killed", "exact", 6, 6)),
    ],
)
def test_to_death_verbs(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He shot 10 people in the leg.",  # shot, not to death: not a reading of the dead
        "The gunman fired 30 rounds and shot four windows.",
        "The home side beat 3 rivals in 2019.",  # a game, no death
        "She was beaten to death in 2019.",  # a year is no count
        "They stabbed the 55-year-old to death.",  # an age is no count
        "Police shot two men at 9 pm.",
    ],
)
def test_to_death_near_misses(text: str) -> None:
    assert not any(f == "killed" for f, *_ in _found(text))


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=999),
    verb=st.sampled_from(["shot", "stabbed", "hacked", "beat", "bludgeoned", "burned"]),
    noun=st.sampled_from(["people", "villagers", "worshippers", "men"]),
)
def test_to_death_property(n: int, verb: str, noun: str) -> None:
    assert _found(f"The attackers {verb} {n} {noun} to death.") == [("killed", "exact", n, n)]
    assert _found(f"The attackers {verb} {n} {noun} on Monday.") == []


# ------------------------------------ "at the very least N", "at the very most N" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At the very least 12 people were killed.", ("killed", "at_least", 12, None)),
        ("killing at the very least two people", ("killed", "at_least", 2, None)),
        ("injuring at the very least 60 others", ("injured", "at_least", 60, None)),
        ("At the very minimum 40 people died.", ("killed", "at_least", 40, None)),
        ("at the very most 30 people were injured", ("injured", "at_most", 1, 30)),
    ],
)
def test_at_the_very_least(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the very least, the attack was planned in 2019.",  # a year
        "At the very least the gunman was 19 years old.",  # an age
        "It cost at the very least $5 million.",  # money
        "The very least we can do is visit at 6 pm.",  # a time
    ],
)
def test_at_the_very_least_near_misses(text: str) -> None:
    assert _found(text) == []


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=99_999),
    very=st.sampled_from(["at the very least", "At the very least", "at the very minimum"]),
    spaces=st.sampled_from([" ", "  ", "\u00a0"]),
)
def test_at_the_very_least_property(n: int, very: str, spaces: str) -> None:
    phrase = very.replace(" ", spaces)
    got = [(q.qualifier.value, q.low, q.high) for q in parse_quantities(f"{phrase} {n}")]
    assert got == [("at_least", n, None)]
    most = [(q.qualifier.value, q.high) for q in parse_quantities(f"at the very most {n}")]
    assert most == [("at_most", n)]


# ------------------ "a policeman and a soldier were killed": two people by "a" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A policeman and a soldier were killed in the clash.", ("killed", "exact", 2, 2)),
        ("A woman and a child were wounded by shrapnel.", ("injured", "exact", 2, 2)),
        ("a guard and a rescue worker were injured in the blast", ("injured", "exact", 2, 2)),
        ("A constable and a civilian have been martyred.", ("killed", "exact", 2, 2)),
        # up to two words before the person noun
        ("A senior police officer was killed on Friday.", ("killed", "exact", 1, 1)),
        ("An aid worker was wounded.", ("injured", "exact", 1, 1)),
    ],
)
def test_two_people_by_a(text: str, expected: Found) -> None:
    got = _found(text)
    assert expected in got
    assert len([g for g in got if g[0] == expected[0]]) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attacker is never one of the victims
        ("A policeman and a militant were killed in the clash.", []),
        # the last group of a sum is not read alone
        (
            "Seven soldiers and a civilian were killed.",
            [("killed", "exact", 8, 8)],
        ),
        # "was" after two people: not read as two
        (
            "A woman was wounded and a child was killed.",
            [("injured", "exact", 1, 1), ("killed", "exact", 1, 1)],
        ),
        # a year and an age are no count of people
        ("A policeman, 45, and a soldier were honoured in 2019.", []),
        ("A policeman and a soldier were praised.", []),
    ],
)
def test_two_people_by_a_near_misses(text: str, expected: list[Found]) -> None:
    assert _found(text) == expected


@settings(max_examples=100, deadline=None)
@given(
    first=st.sampled_from(["policeman", "soldier", "woman", "guard", "driver", "tourist"]),
    second=st.sampled_from(["civilian", "child", "passer-by", "aid worker", "police officer"]),
    verb=st.sampled_from(["killed", "injured", "wounded", "martyred"]),
    adj=st.sampled_from(["", "young ", "local "]),
)
def test_two_people_by_a_property(first: str, second: str, verb: str, adj: str) -> None:
    field = "killed" if verb in {"killed", "martyred"} else "injured"
    got = _found(f"A {adj}{first} and a {second} were {verb} in the attack.")
    assert got == [(field, "exact", 2, 2)]


# ---------------------- money and times glued to their figure: "Rs5000", "6pm" ---


@pytest.mark.parametrize(
    ("text", "group", "span"),
    [
        ("Rs5000", "money", "Rs5000"),
        ("Rs5,000", "money", "Rs5,000"),
        ("USD500", "money", "USD500"),
        ("Rupees2500", "money", "Rupees2500"),
        ("Rs.5000", "money", "Rs.5000"),
        ("6pm", "time", "6pm"),
        ("6.30pm", "time", "6.30pm"),
        ("10a.m.", "time", "10a.m."),
        # after a dash a figure begins only a date or a time: the pre-filter lets it
        ("-12pm", "time", "12pm"),
        ("at 9.45pm", "time", "9.45pm"),
    ],
)
def test_money_and_times_without_a_space(text: str, group: str, span: str) -> None:
    assert [m.group(group) for m in quantity_matches(text) if m.group(group)] == [span]
    assert parse_quantities(text) == []
    # the pre-filter finds what the whole pattern finds at every position
    scanned = [m.span() for m in quantity_matches(text)]
    assert scanned == [m.span() for m in QUANTITY_RE.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the count beside the money or the time is still read
        ("Rs5000 each was paid to the families of 12 people killed", ("killed", "exact", 12, 12)),
        ("At 6pm, 14 people were killed.", ("killed", "exact", 14, 14)),
        ("By 10am 30 people had been injured", ("injured", "exact", 30, 30)),
    ],
)
def test_counts_beside_glued_money_and_times(text: str, expected: Found) -> None:
    got = _found(text)
    assert got == [expected]


@settings(max_examples=100, deadline=None)
@given(
    money=st.integers(min_value=1, max_value=9_999_999),
    sign=st.sampled_from(["Rs", "Rs.", "USD", "Rupees", "rs"]),
    n=st.integers(min_value=2, max_value=999),
    hour=st.integers(min_value=1, max_value=12),
    half=st.sampled_from(["am", "pm", "a.m.", "p.m."]),
)
def test_glued_money_and_times_property(
    money: int, sign: str, n: int, hour: int, half: str
) -> None:
    text = f"{sign}{money} was paid and at {hour}{half} {n} people were killed."
    assert [(q.low, q.high) for q in parse_quantities(text)] == [(n, n)]
    assert _found(text) == [("killed", "exact", n, n)]


# --------------- a time adverb inside the verb group: "were today killed" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nineteen jawans were today killed in an ambush.", ("killed", "exact", 19, 19)),
        ("Six people were yesterday arrested after the raid.", ("arrested", "exact", 6, 6)),
        ("Eleven were already dead when help arrived.", ("killed", "exact", 11, 11)),
        ("At least 40 people had earlier been injured.", ("injured", "at_least", 40, None)),
        ("Three soldiers were tonight wounded near the border.", ("injured", "exact", 3, 3)),
    ],
)
def test_time_adverb_in_verb_group(text: str, expected: Found) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The 2008 attack was today remembered by 300 people.",  # a year; no verb of harm
        "He had already been arrested 3 times.",  # times, not people
        "The 45-year-old was today charged.",  # an age
        "Rs5000 was yesterday paid to each family.",  # money
        "At 6pm the 12 witnesses were today questioned.",  # a time; no verb of harm
    ],
)
def test_time_adverb_near_misses(text: str) -> None:
    assert _found(text) == []


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=999),
    adv=st.sampled_from(["today", "yesterday", "tonight", "already", "earlier"]),
    verb=st.sampled_from(["killed", "injured", "arrested"]),
)
def test_time_adverb_property(n: int, adv: str, verb: str) -> None:
    assert _found(f"{n} people were {adv} {verb}.") == [(verb, "exact", n, n)]


# ------------------- lists of three or more groups under one verb, summed ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four soldiers, two women and a child were killed.", ("killed", "exact", 7, 7)),
        ("Four soldiers, two women, and a child were killed.", ("killed", "exact", 7, 7)),
        (
            "five shoppers, two guards, three pedestrians and a policeman were wounded",
            ("injured", "exact", 11, 11),
        ),
        (
            "9 pilgrims, 4 soldiers and 2 children died",
            ("killed", "exact", 15, 15),
        ),
        # a year before the list is not a group of it
        ("In 2019, four soldiers, two women and a child were killed.", ("killed", "exact", 7, 7)),
        (
            "six students, 12 teachers and 3 guards sustained injuries",
            ("injured", "exact", 21, 21),
        ),
    ],
)
def test_lists_of_groups_add_up(text: str, expected: Found) -> None:
    got = _found(text)
    assert expected in got
    assert len([g for g in got if g[0] == expected[0]]) == 1


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # attackers in the list: never added to the victims
        ("Four soldiers, two militants and a child were killed.", ("killed", "exact", 7, 7)),
        # a subset after "including" is not a toll
        (
            "At least 20 people were killed, including four soldiers, two women and a child.",
            ("killed", "exact", 7, 7),
        ),
        # no verb of harm
        ("Four soldiers, two women and a child were rescued.", ("killed", "exact", 7, 7)),
        # an age is no group
        ("four soldiers, aged 30, and a child were killed", ("killed", "exact", 35, 35)),
    ],
)
def test_lists_of_groups_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


@settings(max_examples=100, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=2, max_value=300), min_size=2, max_size=4),
    one=st.booleans(),
    oxford=st.booleans(),
    verb=st.sampled_from(["were killed", "died", "were injured", "were martyred"]),
)
def test_lists_of_groups_property(counts: list[int], one: bool, oxford: bool, verb: str) -> None:
    nouns = ["soldiers", "women", "pedestrians", "children", "guards"]
    groups = [f"{n} {nouns[i]}" for i, n in enumerate(counts)]
    last = "a policeman" if one else f"{counts[0]} constables"
    total = sum(counts) + (1 if one else counts[0])
    text = f"{', '.join(groups)}{',' if oxford else ''} and {last} {verb} in the attack."
    field = "injured" if verb == "were injured" else "killed"
    assert _found(text) == [(field, "exact", total, total)]


# ------------- "Another policeman was wounded": one more person by "another" ---


def _read(text: str) -> list[tuple[str, int, bool]]:
    return [(s.field, s.quantity.low, s.quantity.increment) for s in extract_statements(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the dead, other people: a total of the injured (convention 4)
        ("Two soldiers were killed. Another policeman was wounded.", ("injured", 1, False)),
        ("Another guard was seriously injured.", ("injured", 1, False)),
        # after the injured, one more of them; one more dead is always an addition
        ("Three people were wounded. Another man was injured.", ("injured", 1, True)),
        ("Another police officer was killed on Sunday.", ("killed", 1, True)),
        ("Another soldier has been martyred.", ("killed", 1, True)),
    ],
)
def test_another_victim(text: str, expected: tuple[str, int, bool]) -> None:
    assert expected in _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Another attack was reported in 2019.",  # no person
        "Another gunman was killed.",  # an attacker: not a victim
        "Another policeman was praised for his courage.",  # no harm
        "Another 45-year-old was questioned at 6pm.",  # an age, a time
        "Another policeman was paid Rs5000.",  # money
    ],
)
def test_another_victim_near_misses(text: str) -> None:
    assert not any(f in {"killed", "injured"} for f, *_ in _read(text))


@settings(max_examples=100, deadline=None)
@given(
    noun=st.sampled_from(["policeman", "soldier", "civilian", "guard", "police officer"]),
    verb=st.sampled_from(["killed", "wounded", "injured", "martyred"]),
)
def test_another_victim_property(noun: str, verb: str) -> None:
    hurt = verb in {"wounded", "injured"}
    field = "injured" if hurt else "killed"
    got = _read(f"Five people died. Another {noun} was {verb}.")
    assert (field, 1, not hurt) in got


# ------------------------ a list of groups as the object of one verb, summed ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast killed four soldiers, two women and a child.", ("killed", "exact", 7, 7)),
        (
            "The bomb wounded five shoppers, two guards and three pedestrians in the market.",
            ("injured", "exact", 10, 10),
        ),
        (
            "Gunmen killed 3 teachers, 2 guards, 4 students and a driver, police said.",
            ("killed", "exact", 10, 10),
        ),
    ],
)
def test_object_lists_add_up(text: str, expected: Found) -> None:
    got = _found(text)
    assert expected in got
    assert len([g for g in got if g[0] == expected[0]]) == 1


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # attackers in the list: never added to the victims
        ("The raid killed four soldiers, two militants and a child.", ("killed", "exact", 7, 7)),
        # the list does not end the clause: a relative clause may name a subset
        (
            "The blast killed four soldiers, two women and a child who were waiting.",
            ("killed", "exact", 7, 7),
        ),
        # no verb of harm
        ("The bus carried four soldiers, two women and a child.", ("killed", "exact", 7, 7)),
        # a year is no group
        (
            "The blast in 2019 killed four soldiers, 2019 women and a child.",
            ("killed", "exact", 2024, 2024),
        ),
    ],
)
def test_object_lists_near_misses(text: str, unexpected: Found) -> None:
    assert unexpected not in _found(text)


@settings(max_examples=100, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=2, max_value=300), min_size=2, max_size=4),
    verb=st.sampled_from(["killed", "killing", "wounded", "injuring"]),
    end=st.sampled_from([".", " in the market.", ", police said."]),
)
def test_object_lists_property(counts: list[int], verb: str, end: str) -> None:
    nouns = ["soldiers", "women", "pedestrians", "children", "guards"]
    groups = ", ".join(f"{n} {nouns[i]}" for i, n in enumerate(counts))
    field = "killed" if verb.startswith("kill") else "injured"
    total = sum(counts) + 1
    assert _found(f"The bomb {verb} {groups} and a policeman{end}") == [
        (field, "exact", total, total)
    ]


# ------------- one attacker named before "N dead": his victims, not attackers ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suicide bomber hits a wedding in Kabul, 23 dead", ("killed", "exact", 23, 23)),
        (
            "The gunman opened fire on the crowd, and five of them died.",
            ("killed", "exact", 5, 5),
        ),
        ("A lone militant stormed the hotel; 14 were killed.", ("killed", "exact", 14, 14)),
    ],
)
def test_one_attacker_then_many_dead(text: str, expected: Found) -> None:
    got = _found(text)
    assert expected in got
    assert not any(f == "attackers_killed" and low == expected[2] for f, _, low, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plural attackers before a bare figure: still the attackers
        ("The gunmen fought for hours; 3 were killed.", ("attackers_killed", "exact", 3, 3)),
        # one attacker and one dead: still the attacker
        ("The gunman fought for hours; 1 was killed.", ("attackers_killed", "exact", 1, 1)),
        (
            "Two of the seven attackers were captured, while 3 died.",
            ("attackers_killed", "exact", 3, 3),
        ),
    ],
)
def test_one_attacker_near_misses(text: str, expected: Found) -> None:
    assert expected in _found(text)


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=999),
    one=st.sampled_from(["gunman", "suicide bomber", "attacker", "militant", "assailant"]),
)
def test_one_attacker_then_many_dead_property(n: int, one: str) -> None:
    got = _found(f"The {one} stormed the market; {n} were killed.")
    assert ("killed", "exact", n, n) in got
    assert ("attackers_killed", "exact", n, n) not in got
