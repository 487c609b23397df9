"""Warm cache, cold cache, no cache: the same findings, on any edit of a dataset.

The cache may only ever save work. These tests compare the findings of a run that
reads the cache with those of a run that never touches it, on the shipped datasets
and on random edits (an article text, a claim's quote, field or figure, an exclusion,
the rules file) of a generated dataset whose cache was warmed before the edit; and
check that the edit costs only what it touches (at most one text read again, at most
one article's grounding outcome worked out again).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.cache.keys import text_sha256
from checks.cache.outcomes import OutcomeCache
from checks.cache.statements import StatementCache
from checks.grounding.run import article_texts
from checks.loading.loader import load_dataset
from checks.pipeline import conventions_of, run_gate
from checks.structure.run import check_structure
from checks.synth.generate import generate
from tests.conftest import REPORTING, SEED, read_rows, write_rows

TODAY = dt.date(2026, 11, 30)


def findings(root: Path, cache_dir: Path | None) -> list[dict[str, Any]]:
    result = run_gate(root, gx=None, today=TODAY, cache_dir=cache_dir).result
    return [f.to_json() for f in result.findings]


def cached_share(root: Path, cache_dir: Path) -> tuple[int, int]:
    """(texts found in the cache, texts) for the dataset as it is now."""
    dataset, _ = load_dataset(root)
    texts = article_texts(dataset)
    looked_up = StatementCache(cache_dir, conventions_of(dataset)).lookup(texts)
    return looked_up.hits, len(texts)


def outcome_share(root: Path, cache_dir: Path) -> tuple[int, int]:
    """(articles whose grounding outcome the cache holds, articles with a text)."""
    dataset, _ = load_dataset(root)
    texts = article_texts(dataset)
    digests = {article_id: text_sha256(text) for article_id, text in texts.items()}
    typed = check_structure(dataset).typed
    looked_up = OutcomeCache(cache_dir, conventions_of(dataset)).lookup(
        texts, digests, typed["claims"], dataset.tables["exclusions"]
    )
    return looked_up.hits, len(texts)


@pytest.mark.parametrize("root", [SEED, REPORTING], ids=["seed", "reporting"])
def test_shipped_datasets_same_findings_cold_warm_and_without(root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    without = findings(root, None)
    hits, texts = cached_share(root, cache)
    assert hits == 0
    assert texts > 0
    cold = findings(root, cache)
    hits, texts = cached_share(root, cache)
    assert hits == texts > 0
    assert outcome_share(root, cache) == (texts, texts)
    warm = findings(root, cache)
    assert without == cold == warm


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small generated dataset (defects planted) and a cache warmed on it."""
    out = tmp_path_factory.mktemp("generated")
    generate(out, incidents=30, seed=3, defects=0.04)
    # Generated texts state exact figures only; give one text words whose intervals
    # the conventions decide, so an edit of the rules file changes what it states.
    first = min((out / "dataset" / "articles").glob("*.txt"))
    with first.open("a", encoding="utf-8") as text:
        text.write(" Dozens of people were wounded and nearly 200 were killed.")
    cache = out / "cache"
    findings(out / "dataset", cache)
    return out / "dataset", cache


@pytest.mark.parametrize("edit", ["text", "quote", "field", "exclusion", "figure", "rules"])
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pick=st.integers(min_value=0, max_value=10_000), data=st.data())
def test_random_edit_same_findings_with_a_warm_cache(
    generated: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    edit: str,
    pick: int,
    data: st.DataObject,
) -> None:
    source, warm = generated
    root = tmp_path_factory.mktemp("edited") / "dataset"
    shutil.copytree(source, root)
    cache = tmp_path_factory.mktemp("cache")
    shutil.copytree(warm, cache, dirs_exist_ok=True)
    _apply(edit, root, pick, data)
    hits, texts = cached_share(root, cache)
    outcomes, _ = outcome_share(root, cache)
    if edit != "rules":
        assert hits >= texts - 1  # at most the edited text misses
        assert outcomes >= texts - 1  # at most the article the edit touches is worked out
    if edit == "figure":
        assert outcomes == texts  # a figure is not a citation
    assert findings(root, cache) == findings(root, None)


def _apply(edit: str, root: Path, pick: int, data: st.DataObject) -> None:
    if edit == "text":
        texts = sorted((root / "articles").glob("*.txt"))
        path = texts[pick % len(texts)]
        sentence = data.draw(
            st.sampled_from(
                [
                    " Police said 12 people were killed.",
                    " At least two attackers were arrested on Sunday.",
                    " More than 60 people were wounded, officials said.",
                    " The 2019 budget was Rs 5 lakh.",
                ]
            )
        )
        text = path.read_text(encoding="utf-8")
        at = data.draw(st.integers(min_value=0, max_value=len(text)))
        path.write_text(text[:at] + sentence + text[at:], encoding="utf-8")
    elif edit in ("quote", "field", "figure"):
        rows = read_rows(root / "claims.csv")
        row = rows[pick % len(rows)]
        if edit == "quote":
            row["quote"] = data.draw(st.sampled_from(["killed 9 people", row["quote"][1:], "x"]))
        elif edit == "field":
            row["field"] = data.draw(st.sampled_from(["killed", "injured", "attackers"]))
        else:
            row["low"] = str(data.draw(st.integers(min_value=0, max_value=500)))
        write_rows(root / "claims.csv", rows)
    elif edit == "exclusion":
        articles = read_rows(root / "articles.csv")
        article = articles[pick % len(articles)]
        text = (root / article["text_file"]).read_text(encoding="utf-8")
        at = data.draw(st.integers(min_value=0, max_value=max(0, len(text) - 30)))
        quote = data.draw(st.sampled_from([text[at : at + 30].strip() or "x", "not in the text"]))
        path = root / "exclusions.csv"
        rows = read_rows(path) if path.exists() else []
        rows.append({"article_id": article["article_id"], "quote": quote, "reason": "test"})
        write_rows(path, rows, ["article_id", "quote", "reason"])
    else:
        low = data.draw(st.integers(min_value=13, max_value=40))
        relative = data.draw(st.sampled_from([0.05, 0.2, 0.3]))
        with (root / "rules.toml").open("a", encoding="utf-8") as rules:
            rules.write(
                f"\n[quantities.vague.dozens]\nlow = {low}\nhigh = 99\n"
                f"\n[quantities.nearly]\nrelative = {relative}\n"
            )
