"""Quotes searched on the fork pool are located where one process locates them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from checks.forkpool import can_fork
from checks.grounding import run
from checks.grounding.run import article_texts, locate_quotes
from checks.loading.loader import load_dataset
from tests.conftest import REPORTING, SEED

pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool needs Linux's fork")


def _claims_and_texts() -> tuple[pd.DataFrame, dict[str, str]]:
    """Both shipped datasets' claims, plus rows whose quote is not in the text, names an
    article without a text, or is missing, shuffled so ranges cross articles."""
    frames: list[pd.DataFrame] = []
    texts: dict[str, str] = {}
    for root in (SEED, REPORTING):
        dataset, _ = load_dataset(root)
        frames.append(dataset.tables["claims"][["article_id", "quote"]])
        texts |= article_texts(dataset)
    claims = pd.concat(frames, ignore_index=True)
    odd = pd.DataFrame(
        {
            "article_id": [claims["article_id"][0], "no-such-article", claims["article_id"][1]],
            "quote": ["words no article prints", "killed 3", np.nan],
        }
    )
    rows = pd.concat([claims, odd], ignore_index=True).astype({"article_id": "str", "quote": "str"})
    return rows.sample(frac=1, random_state=7), texts


@pytest.mark.parametrize(("jobs", "chunk"), [(2, 1), (2, 17), (3, 40)])
def test_the_pool_locates_what_one_process_locates(
    monkeypatch: pytest.MonkeyPatch, jobs: int, chunk: int
) -> None:
    claims, texts = _claims_and_texts()
    alone = locate_quotes(claims, texts)
    monkeypatch.setattr(run, "MIN_QUOTES", 2)
    monkeypatch.setattr(run, "QUOTE_CHUNK", chunk)
    pooled = locate_quotes(claims, texts, jobs)
    pd.testing.assert_frame_equal(pooled, alone)
    assert alone["found"].eq(True).sum() > 100
    assert alone["found"].eq(False).sum() >= 1
    assert alone["found"].isna().sum() >= 2
