"""Every input an entry depends on changes its key; nothing else does."""

from __future__ import annotations

import pytest

from checks.cache.keys import conventions_key, entry_key, grammar_version, text_sha256
from checks.quantities import Conventions


def test_grammar_version_is_stable_within_a_run() -> None:
    assert grammar_version() == grammar_version()
    assert len(grammar_version()) == 20


@pytest.mark.parametrize(
    "overrides",
    [
        {"vague": {"dozens": {"low": 24, "high": 99}}},
        {"nearly": {"relative": 0.2}},
        {"at_most": {"low": 0}},
    ],
)
def test_conventions_in_force_change_the_key(overrides: dict[str, object]) -> None:
    default = Conventions.default()
    assert conventions_key(default) == conventions_key(Conventions.default())
    assert conventions_key(default.with_overrides(overrides)) != conventions_key(default)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("killed 61 people", "killed 62 people"),
        ("killed 61 people", "killed 61 people "),
        ("café", "cafe\u0301"),  # the key is of the text as read (callers pass NFC)
    ],
)
def test_one_character_changes_the_text_digest(a: str, b: str) -> None:
    assert text_sha256(a) != text_sha256(b)
    assert text_sha256(a) == text_sha256(str(a))


def test_entry_key_depends_on_all_three() -> None:
    base = entry_key("t", "g", "c")
    assert base == entry_key("t", "g", "c")
    assert (
        len({base, entry_key("t2", "g", "c"), entry_key("t", "g2", "c"), entry_key("t", "g", "c2")})
        == 4
    )
