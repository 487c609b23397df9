"""Number words and digit groups -> int.

The grammar (``grammar.py``) decides *where* a number is; this module only
turns the matched text into a value, so the two can be tested separately.

Digits: only ASCII ``0-9`` are read.  Digits from other scripts (Arabic-Indic
"٦١", Devanagari, ...) are deliberately refused: the corpus is English-language
news, where a non-ASCII digit run is far more often an encoding artefact or a
quoted headline in another script than a figure the extractor should act on,
and silently mixing scripts ("1٦") would produce numbers nobody wrote.
"""

from __future__ import annotations

import math

import regex

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}

#: scales written after digits: "2 lakh", "2 dozen" (24)
_DIGIT_SCALES: dict[str, int] = {**SCALES, "dozen": 12}

_TOKEN = regex.compile(r"[a-z]+")
_DIGITS = regex.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?:[ \u00a0\u202f\u2009][0-9]{3})+|[0-9]+)"
    r"(?P<frac>\.[0-9]+)?(?P<k>k)?"
    r"(?:[\s\u00a0\u202f]+(?P<scale>hundred|thousand|million|billion|lakhs?|crores?|dozen)"
    r"(?:[\s\u00a0\u202f]+(?:and[\s\u00a0\u202f]+)?(?P<rest>[0-9]{1,2}|[a-z][a-z\s\u00a0\u202f-]*))?)?",
    regex.IGNORECASE,
)
_SEPARATORS = regex.compile(r"[, \u00a0\u202f\u2009]")


def words_to_int(text: str) -> int | None:
    """Value of an English number phrase ("twenty-one", "a dozen", "two hundred").

    Returns None for anything that is not wholly a number phrase, so callers
    can treat None as "the grammar matched something this module cannot read".
    """
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return None
    total = 0
    current = 0
    seen = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "and":
            i += 1
            continue
        if tok == "half" and tokens[i + 1 : i + 2] == ["a"] and i + 2 < len(tokens):
            scale = tokens[i + 2]
            if scale == "dozen":
                current += 6
            elif scale in SCALES:
                total += SCALES[scale] // 2  # "half a million"
            else:
                return None
            seen = True
            i += 3
            continue
        if tok == "a" and tokens[i + 1 : i + 3] == ["pair", "of"]:
            current += 2  # "a pair of"
            seen = True
            i += 3
            continue
        if tok == "a":
            current += 1
            seen = True
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in SCALES:
            total += (current or 1) * SCALES[tok]
            current = 0
            seen = True
        else:
            return None
        i += 1
    return total + current if seen else None


def digits_to_int(text: str) -> int | None:
    """Value of a digit group ("61", "1,200", "1.2 million").

    A decimal without a scale word ("1.5") is not a count of people and
    yields None; so does anything with non-ASCII digits (see module doc).
    """
    if len(text) > 40:
        return None  # far beyond any head count; also keeps int() cheap
    m = _DIGITS.fullmatch(text.strip())
    if m is None:
        return None
    whole = _SEPARATORS.sub("", m.group("int"))
    frac = m.group("frac")
    scale = m.group("scale")
    factor = 1000 if m.group("k") else 1
    if scale is not None:
        if m.group("k"):
            return None  # "10k thousand"
        factor = _DIGIT_SCALES[scale.lower()]
    if factor == 1:
        return None if frac is not None else int(whole)
    value = float(whole + (frac or "")) * factor
    if not math.isfinite(value) or value != round(value):
        return None  # "1.5" people is not a count; "1.5k" is
    rest = m.group("rest")
    extra = 0
    if rest is not None:
        if scale is None or scale.lower() != "hundred":
            return None
        tail = to_int(rest)
        if tail is None or tail >= 100:
            return None
        extra = tail  # "3 hundred and 21"
    return round(value) + extra


def to_int(text: str) -> int | None:
    """Value of a number written in digits or in words, else None."""
    stripped = text.strip()
    if stripped[:1].isascii() and stripped[:1].isdigit():
        return digits_to_int(stripped)
    return words_to_int(stripped)
