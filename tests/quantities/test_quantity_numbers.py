"""Number words and digit groups."""

import pytest

from checks.quantities.numbers import digits_to_int, to_int, words_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("four", 4),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two hundred", 200),
        ("a hundred", 100),
        ("two hundred and fifty", 250),
        ("three thousand", 3000),
        ("Seventeen", 17),
    ],
)
def test_words(text: str, value: int) -> None:
    assert words_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("61", 61), ("1,200", 1200), ("1.2 million", 1_200_000), ("12,000,000", 12_000_000)],
)
def test_digits(text: str, value: int) -> None:
    assert digits_to_int(text) == value


@pytest.mark.parametrize("text", ["1.5", "٦١", "12a", "", "9" * 100])
def test_digits_refused(text: str) -> None:
    assert digits_to_int(text) is None


def test_to_int_dispatch() -> None:
    assert to_int(" 45 ") == 45
    assert to_int("forty-five") == 45
    assert to_int("a dozen") == 12
    assert to_int("Ninety-nine") == 99
    assert to_int("1,200") == 1200
    assert to_int("banana") is None
