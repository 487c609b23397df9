"""Fixtures of the hostile-input corpus: a damageable seed copy with a run helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.builder import Hostile


@pytest.fixture
def hostile(seed_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Hostile:
    """A private seed copy (datasets/seed itself is checked unchanged by seed_copy)."""
    return Hostile(seed_copy, tmp_path / "reports", capsys)
