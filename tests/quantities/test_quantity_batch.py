"""Reading texts on several processes gives what one process reads, in the same order.

`extract_many` forks a pool when it is given enough texts and more than one job.
These tests run the real pool (Linux fork) on real sentences and the seed articles,
with the chunk size and the threshold lowered so that small inputs use it, and
compare with the texts read one by one in this process.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.forkpool import can_fork
from checks.quantities import Conventions, Statement, batch, extract_statements
from checks.quantities.batch import extract_many
from tests.conftest import REPO, SEED, run_checks_cli

pytestmark = pytest.mark.skipif(not can_fork(), reason="the pool needs Linux's fork")

DATA = REPO / "tests" / "accuracy" / "data"
CONVENTIONS = Conventions.default()


def _sentences() -> Iterator[str]:
    for name in ("dev.jsonl", "released.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield str(json.loads(line)["sentence"])


TEXTS = [
    *sorted(dict.fromkeys(_sentences())),
    *(p.read_text(encoding="utf-8") for p in sorted((SEED / "articles").glob("*.txt"))),
]


def one_by_one(texts: dict[str, str]) -> dict[str, tuple[object, ...]]:
    return {key: tuple(extract_statements(text, CONVENTIONS)) for key, text in texts.items()}


def test_the_corpus_states_figures() -> None:
    """The comparison below means something only if the texts yield statements."""
    assert len(TEXTS) > 300
    assert sum(1 for text in TEXTS if extract_statements(text, CONVENTIONS)) > 200


@pytest.mark.parametrize("chunk", [1, 7, 250])
@pytest.mark.parametrize("jobs", [2, 3])
def test_the_pool_reads_what_one_process_reads(
    monkeypatch: pytest.MonkeyPatch, chunk: int, jobs: int
) -> None:
    monkeypatch.setattr(batch, "CHUNK", chunk)
    texts = {f"a{i:04d}": text for i, text in enumerate(TEXTS)}
    pooled = extract_many(texts, CONVENTIONS, jobs=jobs, min_texts=2)
    assert list(pooled) == list(texts)
    assert pooled == one_by_one(texts)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(st.sampled_from(TEXTS), min_size=2, max_size=40),
    chunk=st.integers(1, 9),
)
def test_any_texts_in_any_chunks_read_the_same(picks: list[str], chunk: int) -> None:
    """Keys in any order, duplicate texts, chunks that do not divide the count."""
    texts = {f"k{(i * 7919) % 1000:03d}-{i}": text for i, text in enumerate(picks)}
    saved = batch.CHUNK
    batch.CHUNK = chunk
    try:
        pooled = extract_many(texts, CONVENTIONS, jobs=2, min_texts=2)
    finally:
        batch.CHUNK = saved
    assert list(pooled) == list(texts)
    assert pooled == one_by_one(texts)


_READ_RANGE = batch._read_range
_SIGNED: list[Path] = []


def _read_and_sign(
    texts: Sequence[str], conventions: Conventions, start: int, stop: int
) -> list[tuple[Statement, ...]]:
    """`_read_range`, leaving the reading process's pid and range in the test's folder."""
    (_SIGNED[0] / f"{os.getpid()}-{start}").touch()
    return _READ_RANGE(texts, conventions, start, stop)


def _signatures(
    monkeypatch: pytest.MonkeyPatch, folder: Path, texts: dict[str, str], min_texts: int
) -> list[tuple[int, int]]:
    """(pid, range start) of every range `extract_many` read, on two jobs, chunks of 50."""
    monkeypatch.setattr(batch, "_read_range", _read_and_sign)
    monkeypatch.setattr(batch, "CHUNK", 50)
    _SIGNED[:] = [folder]
    try:
        assert extract_many(texts, CONVENTIONS, jobs=2, min_texts=min_texts) == one_by_one(texts)
    finally:
        _SIGNED.clear()
    return sorted((int(pid), int(at)) for pid, at in (n.split("-") for n in os.listdir(folder)))


def test_the_texts_are_read_by_other_processes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The comparisons above test the pool only if the pool did the reading."""
    texts = {f"a{i}": text for i, text in enumerate(TEXTS[:200])}
    signed = _signatures(monkeypatch, tmp_path, texts, min_texts=2)
    assert sorted(at for _, at in signed) == [0, 50, 100, 150]
    assert os.getpid() not in {pid for pid, _ in signed}


def test_fewer_texts_than_the_threshold_are_read_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    texts = {f"a{i}": text for i, text in enumerate(TEXTS[:200])}
    assert _signatures(monkeypatch, tmp_path, texts, min_texts=201) == [(os.getpid(), 0)]


def test_the_gate_gives_the_same_findings_on_two_jobs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Through `run_gate`, as `validate` calls it: a generated dataset with planted
    defects, its texts read by the pool (the threshold lowered) and in one process."""
    from checks.pipeline import run_gate
    from checks.reports.json_report import result_document
    from checks.synth.generate import generate

    dataset = generate(tmp_path / "gen", 150, seed=5).dataset
    monkeypatch.setattr(batch, "MIN_TEXTS", 100)
    monkeypatch.setattr(batch, "_read_range", _read_and_sign)
    signed = tmp_path / "signed"
    signed.mkdir()
    documents = []
    for jobs in (1, 2):
        _SIGNED[:] = [signed]
        try:
            documents.append(result_document(run_gate(dataset, None, jobs=jobs).result))
        finally:
            _SIGNED.clear()
    assert len(list((dataset / "articles").glob("*.txt"))) > 100
    assert os.listdir(signed), "the two-job run read its texts on the pool"
    assert documents[0]["findings"] == documents[1]["findings"]
    assert any(f["rule_id"] == "grounding.uncovered-statement" for f in documents[1]["findings"])


def test_validate_takes_jobs(tmp_path: Path) -> None:
    done = run_checks_cli(
        "validate", str(SEED), "--no-expectations", "--no-cache", "--jobs", "2",
        "--report-dir", str(tmp_path / "r"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_jobs_that_are_not_a_number_of_processes_are_refused(value: str) -> None:
    done = run_checks_cli("validate", str(SEED), "--jobs", value)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"argument --jobs: {value!r} is not a number of processes" in done.stderr
