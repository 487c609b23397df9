"""Round 3 of readings for real reporting: classes of wording, each with sentences
where it must be read and near-misses (years, ages, money, times) where it must not.
"""

from __future__ import annotations

import pytest

from checks.quantities import extract_statements

Found = tuple[str, str, int, int | None]


def _found(text: str) -> list[Found]:
    return [
        (s.field, s.quantity.qualifier.value, s.quantity.low, s.quantity.high)
        for s in extract_statements(text)
    ]


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
