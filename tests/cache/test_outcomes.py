"""The outcome cache: an article's outcome survives it exactly, keyed by what it depends on.

An outcome is read back only for the same text and the same citations (claims' field
and quote, exclusions' quote); anything `encode_outcome` did not write for those
citations is refused and worked out again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

from checks.cache.grounding import GroundingCache, ground
from checks.cache.keys import (
    OUTCOMES,
    conventions_key,
    outcome_key,
    outcomes_version,
    text_sha256,
)
from checks.cache.outcomes import (
    FORMAT,
    Cited,
    OutcomeCache,
    OutcomeLookup,
    cited_by_article,
    decode_outcome,
    encode_outcome,
)
from checks.cache.store import CacheStore
from checks.grounding.outcomes import ArticleOutcome
from checks.grounding.run import GroundingResult, article_texts
from checks.loading.loader import load_dataset
from checks.pipeline import conventions_of
from checks.quantities import Conventions, extract_statements
from checks.structure.run import check_structure
from tests.conftest import REPORTING, SEED

TEXT = "Police said 12 people were killed and 40 were injured in the blast on Monday."


def _cited(
    claims: Sequence[tuple[str, str | None, str]], exclusions: Sequence[tuple[str, str]]
) -> Cited:
    """The citations of article "a" from rows (article_id, field, quote) and (article_id,
    quote)."""
    claim_frame = pd.DataFrame(claims, columns=["article_id", "field", "quote"], dtype=object)
    exclusion_frame = pd.DataFrame(exclusions, columns=["article_id", "quote"], dtype=object)
    return cited_by_article(claim_frame, exclusion_frame, {"a": TEXT, "b": TEXT})["a"]


def test_citations_are_per_article_in_file_order() -> None:
    rows = [("a", "killed", "12 people were killed"), ("a", "injured", "40 were injured")]
    first = _cited(rows, [])
    assert first == _cited([*rows, ("b", "killed", "another quote")], [("b", "the blast")])
    assert first.quotes == ("12 people were killed", "40 were injured")
    # A reordered table is a miss, worked out again, never a hit on another outcome.
    assert _cited(list(reversed(rows)), []).digest != first.digest


@pytest.mark.parametrize(
    ("claims", "exclusions"),
    [
        pytest.param([("a", "killed", "12 people were killed")], [], id="one-claim-fewer"),
        pytest.param(
            [("a", "injured", "12 people were killed"), ("a", "injured", "40 were injured")],
            [],
            id="field-changed",
        ),
        pytest.param(
            [("a", "killed", "12 people were killed"), ("a", "injured", "40 were  injured")],
            [],
            id="quote-changed",
        ),
        pytest.param(
            [("a", "killed", "12 people were killed"), ("a", "injured", "40 were injured")],
            [("a", "on Monday")],
            id="exclusion-added",
        ),
        pytest.param(
            [("a", "killed", "12 people were killed"), ("a", None, "40 were injured")],
            [],
            id="field-missing",
        ),
    ],
)
def test_any_change_of_an_articles_citations_changes_its_digest(
    claims: list[tuple[str, str | None, str]], exclusions: list[tuple[str, str]]
) -> None:
    rows = [("a", "killed", "12 people were killed"), ("a", "injured", "40 were injured")]
    assert _cited(claims, exclusions).digest != _cited(rows, []).digest


def test_parts_cannot_run_into_each_other() -> None:
    """Field "kill" with quote "ed x" is not field "killed" with quote " x"."""
    assert _cited([("a", "kill", "ed x")], []).digest != _cited([("a", "killed", " x")], []).digest
    assert _cited([("a", "x", "y")], []).digest != _cited([], [("a", "y")]).digest


def _outcome() -> tuple[ArticleOutcome, Cited]:
    statements = extract_statements(TEXT, Conventions.default())
    assert statements, "the text states figures"
    cited = _cited([("a", "killed", "12 people were killed"), ("a", "injured", "gone")], [])
    spans = {"12 people were killed": (12, 33), "gone": None}
    outcome = ArticleOutcome(spans, tuple(statements[1:]), frozenset({"gone"}))
    return outcome, cited


def test_an_outcome_survives_the_cache_exactly() -> None:
    outcome, cited = _outcome()
    assert decode_outcome(encode_outcome(outcome, cited), cited, len(TEXT)) == outcome


def test_a_quote_cited_twice_has_one_span() -> None:
    outcome, _ = _outcome()
    quote = "12 people were killed"
    twice = _cited([("a", "killed", quote), ("a", "injured", "gone")], [("a", quote)])
    payload = encode_outcome(outcome, twice)
    assert decode_outcome(payload, twice, len(TEXT)) == outcome
    body = json.loads(payload)
    body[1][4:6] = [0, 5]  # the exclusion's copy of the quote placed elsewhere
    with pytest.raises(ValueError, match="two spans"):
        decode_outcome(json.dumps(body).encode(), twice, len(TEXT))


def _body(outcome: ArticleOutcome, cited: Cited) -> list[object]:
    body = json.loads(encode_outcome(outcome, cited))
    assert isinstance(body, list)
    return body


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[:3], id="truncated"),
        pytest.param(lambda b: [FORMAT + 1, *b[1:]], id="other-format"),
        pytest.param(lambda b: [b[0], b[1][:-2], b[2], b[3]], id="a-span-short"),
        pytest.param(lambda b: [b[0], [0, 10_000, *b[1][2:]], b[2], b[3]], id="span-past-end"),
        pytest.param(lambda b: [b[0], [5, 2, *b[1][2:]], b[2], b[3]], id="span-backwards"),
        pytest.param(lambda b: [b[0], [True, 3, *b[1][2:]], b[2], b[3]], id="span-not-int"),
        pytest.param(lambda b: [b[0], b[1], b[2], [7]], id="used-out-of-range"),
        pytest.param(lambda b: [b[0], b[1], [["killed"]], b[3]], id="bad-statement"),
        pytest.param(lambda b: [b[0], b[1] + [0, 2], b[2], b[3]], id="span-without-quote"),
    ],
)
def test_anything_else_is_refused(damage: object) -> None:
    outcome, cited = _outcome()
    damaged = damage(_body(outcome, cited))  # type: ignore[operator]
    with pytest.raises(ValueError, match=r"entry|span|quote|statement|text"):
        decode_outcome(json.dumps(damaged).encode(), cited, len(TEXT))
    with pytest.raises(ValueError, match="entry"):
        decode_outcome(b"\xff not json", cited, len(TEXT))


def _ground(root: Path, cache: Path | None) -> GroundingResult:
    dataset, _ = load_dataset(root)
    conventions = conventions_of(dataset)
    typed = check_structure(dataset).typed
    folder = None if cache is None else GroundingCache(cache, conventions)
    return ground(dataset, typed, conventions, folder)


def _look_up(root: Path, cache: Path) -> OutcomeLookup:
    dataset, _ = load_dataset(root)
    typed = check_structure(dataset).typed
    texts = article_texts(dataset)
    digests = {a: text_sha256(t) for a, t in texts.items()}
    return OutcomeCache(cache, conventions_of(dataset)).lookup(
        texts, digests, typed["claims"], dataset.tables["exclusions"]
    )


def _outcome_hits(root: Path, cache: Path) -> tuple[int, int]:
    looked_up = _look_up(root, cache)
    return looked_up.hits, len(looked_up.cited)


@pytest.mark.parametrize("root", [SEED, REPORTING], ids=["seed", "reporting"])
def test_a_warm_run_reads_every_outcome_and_finds_the_same(root: Path, tmp_path: Path) -> None:
    without = _ground(root, None)
    assert _outcome_hits(root, tmp_path) == (0, len(without.texts))
    cold = _ground(root, tmp_path)
    assert len(cold.outcomes) == len(without.texts)
    assert _outcome_hits(root, tmp_path) == (len(without.texts), len(without.texts))
    warm = _ground(root, tmp_path)
    assert warm.outcomes == {}  # nothing worked out again
    assert warm.statements == {}  # nor any statement decoded
    for run in (cold, warm):
        assert [f.to_json() for f in run.findings] == [f.to_json() for f in without.findings]
        pd.testing.assert_frame_equal(run.located, without.located)


def test_a_refused_entry_is_worked_out_again(tmp_path: Path) -> None:
    without = _ground(REPORTING, None)
    _ground(REPORTING, tmp_path)
    store = CacheStore(tmp_path)
    dataset, _ = load_dataset(REPORTING)
    conventions = conventions_of(dataset)
    prefix = outcomes_version(conventions_key(conventions))
    with sqlite3.connect(store.path) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM entries") if k.startswith(prefix)]
    assert keys
    store.put(dict.fromkeys(keys, b"[1, [0, 999999], [], []]"))  # spans past every text
    refused = _look_up(REPORTING, tmp_path)
    assert (refused.hits, refused.entries.rejected) == (0, len(without.texts))
    again = _ground(REPORTING, tmp_path)
    assert len(again.outcomes) == len(without.texts)
    assert [f.to_json() for f in again.findings] == [f.to_json() for f in without.findings]
    assert _outcome_hits(REPORTING, tmp_path) == (len(without.texts), len(without.texts))


def test_a_store_drops_outcomes_of_other_code_and_keeps_other_conventions(tmp_path: Path) -> None:
    older = outcome_key(f"{OUTCOMES}an-older-gate:3.0.0:c1:", "a" * 64, "b" * 64)
    other = outcome_key(outcomes_version("another-rules-file"), "a" * 64, "b" * 64)
    CacheStore(tmp_path).put({older: b"old", other: b"kept"})
    _ground(SEED, tmp_path)
    assert CacheStore(tmp_path).get([older, other]) == {other: b"kept"}
