"""The one sentence reader (checks/quantities/sentences.py), on sentences of the
evaluation set's dev half: abbreviations, initials, quotes and ellipses."""

from __future__ import annotations

import json
import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.grounding import text as grounding_text
from checks.quantities import extract_statements
from checks.quantities.sentences import sentence_spans

DEV = Path(__file__).parents[1] / "accuracy" / "data" / "dev.jsonl"

# Verbatim from dev.jsonl: each is ONE sentence although it holds a full stop,
# an initial, a quotation or an ellipsis.
ONE_SENTENCE = [
    # initials and dotted abbreviations (s0037, s0090, s0403, s0437, s0463)
    "By around 4 p.m. (6 a.m. ET in the U.S.), the Pakistani military was able to push the "
    "Taliban militants into four of the school buildings.",
    "“So far 70 people have been killed and more than 150 have been wounded,” Inspector "
    "General Police Sindh A.D. Khawaja said.",
    "The blast, which also wounded at least 15 people, occurred two days after the head of the "
    "U.S. Africa Command was in town to meet with Somalia's president.",
    "Dozens were killed after three suicide bombers blew themselves up at Turkey's largest "
    "airport, Istanbul Ataturk, around 10 p.m. local time on Tuesday.",
    "Gunfire rang out as police shot the attackers – within eight minutes of being called out "
    "at 10:08 p.m. (2108 GMT), the Metropolitan Police said.",
]


@cache
def _dev_sentences() -> tuple[str, ...]:
    with DEV.open(encoding="utf-8") as fh:
        return tuple(json.loads(line)["sentence"] for line in fh if line.strip())


@pytest.mark.parametrize("sentence", ONE_SENTENCE)
def test_abbreviations_and_initials_do_not_end_a_sentence(sentence: str) -> None:
    assert sentence_spans(sentence) == [(0, len(sentence))]


def test_every_dev_sentence_is_one_sentence() -> None:
    """The annotator cut each dev sentence by hand; the reader agrees on every one."""
    wrong = [s for s in _dev_sentences() if sentence_spans(s) != [(0, len(s.strip()))]]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing quote after the full stop belongs to the sentence it closes
        ("He said: “70 were killed.” The toll rose.",
         ["He said: “70 were killed.”", "The toll rose."]),
        # speech going on after ! or ? does not end the sentence
        ("“Run!” he shouted. Then silence.", ["“Run!” he shouted.", "Then silence."]),
        # an ellipsis inside a quotation does not end it; a line break does
        ("“… I saw 12 bodies … They were students,” he said.",
         ["“… I saw 12 bodies … They were students,” he said."]),
        ("Toll rises to 20 …\nTwenty jawans were killed.",
         ["Toll rises to 20 …", "Twenty jawans were killed."]),
        # titles, ranks, months, "No."
        ("Dr. Khan said Gen. Raheel Sharif arrived on Dec. 16 at No. 5 gate. He left.",
         ["Dr. Khan said Gen. Raheel Sharif arrived on Dec. 16 at No. 5 gate.", "He left."]),
        # a figure after a full stop starts a sentence
        ("The toll was 61. 20 more died later.", ["The toll was 61.", "20 more died later."]),
        # a headline without a full stop is its own line
        ("Peshawar school attack: 141 killed\nAt least 141 people were killed.",
         ["Peshawar school attack: 141 killed", "At least 141 people were killed."]),
    ],
)  # fmt: skip
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


def test_one_reader_for_grounding_and_extraction() -> None:
    """Grounding's nearest passage and the extractor read the same sentences."""
    assert grounding_text.sentence_spans is sentence_spans
    text = ONE_SENTENCE[2]
    (st0,) = [s for s in extract_statements(text) if s.field == "injured"]
    assert st0.sentence == text  # not cut after "U.S."


_ENDS = (".", "!", "?", ".”", '."', "?”")


@given(
    picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=6),
    seps=st.lists(st.sampled_from([" ", "  ", "\n", " \n ", "\u00a0"]), min_size=6, max_size=6),
)
def test_joined_dev_sentences_split_back(picks: list[int], seps: list[str]) -> None:
    """Dev sentences that end in . ! ? (and start with no lower-case letter), joined with
    white space, come back one by one; headlines (no end mark) come back when joined by a
    line break."""
    pool = [s for s in _dev_sentences() if not s[:1].islower()]
    chosen = [pool[i % len(pool)] for i in picks]
    parts: list[str] = []
    for i, sentence in enumerate(chosen):
        parts.append(sentence)
        if i < len(chosen) - 1:
            sep = seps[i]
            if not sentence.endswith(_ENDS) and "\n" not in sep:
                sep = "\n"
            if sep == "\u00a0" and not sentence.endswith(_ENDS):
                sep = "\n"
            parts.append(sep)
    text = "".join(parts)
    assert [text[a:b] for a, b in sentence_spans(text)] == chosen


@given(st.text(alphabet="aA. !?\n…”“\"'", max_size=200))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = sentence_spans(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        last = b


@pytest.mark.slow
def test_linear_on_many_candidates() -> None:
    """A megabyte of full stops and initials costs about ten times 100 kB."""

    def cost(n: int) -> float:
        text = "A. b. C.. U.S. Mr. x!? …\n" * n
        t0 = time.perf_counter()
        sentence_spans(text)
        return time.perf_counter() - t0

    small, big = cost(4_000), cost(40_000)
    assert big < 25 * max(small, 1e-3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date written day first ends its sentence before a capital (a dateline)
        (
            "Many were killed on Thursday evening 16 Feb. PESHAWAR: Twenty were martyred.",
            ["Many were killed on Thursday evening 16 Feb.", "PESHAWAR: Twenty were martyred."],
        ),
        # quiet: month first, or a year after the month, stays inside the sentence
        ("The attack on Dec. 16 killed 141 people.", ["The attack on Dec. 16 killed 141 people."]),
        ("It happened on 16 Dec. 2014 in Peshawar.", ["It happened on 16 Dec. 2014 in Peshawar."]),
    ],
)
def test_day_first_date_ends_sentence(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == expected
