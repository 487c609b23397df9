"""Finding a quote in an article the way a reader would: ignoring typography.

`fold` maps a text to a comparison form of the SAME length (curly quotes to straight,
en/em dashes to '-', every white space character including NBSP to ' ', lower case),
so a match position in the folded text is a position in the text itself. White space
runs are collapsed by the search pattern (' +'), not by rewriting the text; that keeps
positions exact and the search linear in the text for a literal quote.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from checks.quantities.sentences import sentence_spans

_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_QUOTES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys("\t\n\r\x0b\x0c\xa0\u1680\u2028\u2029\u202f\u205f\u3000\u200b", " "),
        **{chr(cp): " " for cp in range(0x2000, 0x200B)},
    }
)
_SPACES = re.compile(r" +")
_TRANSLATE_SPACES = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\xa0\u202f", " "))


__all__ = ["sentence_spans"]  # the package's one sentence reader, re-exported here

NEAREST_MAX_SENTENCES = 400
NEAREST_MAX_CHARS = 600
NEAREST_MAX_QUOTE_CHARS = 2 * NEAREST_MAX_CHARS


def nfc(text: str) -> str:
    """Unicode NFC, the form every text and quote is compared in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Same-length comparison form of an NFC text (see the module docstring)."""
    folded = text.translate(_TRANSLATE)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few characters ('İ') lower-case to two; keep those as they are.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)


def normalise(text: str) -> str:
    """The canonical form two strings are equal in: NFC, folded, white space collapsed."""
    return _SPACES.sub(" ", fold(nfc(text))).strip()


def quote_pattern(quote: str) -> re.Pattern[str] | None:
    """A pattern matching `quote` in a folded text, any white space run standing for one."""
    words = normalise(quote).split(" ")
    if words == [""]:
        return None
    return re.compile(" +".join(re.escape(word) for word in words))


@dataclass(frozen=True, slots=True)
class Located:
    """Where a quote was found in its (NFC) article text: [start, end)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Searchable:
    """A folded text with white space runs collapsed to one space, for literal searches.

    `origin[i]` is the position in the folded text of collapsed character i (None when
    the text has no run to collapse, so positions are the same). Searching the collapsed
    text for the normalised quote with str.find is equivalent to `quote_pattern` on the
    folded text (every run there is one space here), without compiling a pattern per
    quote, which dominated grounding on large datasets.
    """

    collapsed: str
    origin: npt.NDArray[np.intp] | None


def searchable(folded_text: str) -> Searchable:
    """Prepare a text already passed through nfc and fold for `locate_in`."""
    if "  " not in folded_text:
        return Searchable(folded_text, None)
    codes = np.frombuffer(folded_text.encode("utf-32-le"), dtype=np.uint32)
    space = codes == ord(" ")
    keep = np.ones(len(codes), dtype=bool)
    keep[1:] = ~(space[1:] & space[:-1])
    return Searchable(_SPACES.sub(" ", folded_text), np.flatnonzero(keep))


def locate_in(text: Searchable, quote: str) -> Located | None:
    """The first occurrence of `quote` in a prepared text (see `Searchable`)."""
    wanted = normalise(quote)
    if not wanted:
        return None
    at = text.collapsed.find(wanted)
    if at < 0:
        return None
    end = at + len(wanted)
    if text.origin is None:
        return Located(at, end)
    return Located(int(text.origin[at]), int(text.origin[end - 1]) + 1)


def locate(folded_text: str, quote: str) -> Located | None:
    """The first occurrence of `quote` in a text already passed through nfc and fold."""
    return locate_in(searchable(folded_text), quote)


def enclosing_sentences(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """[start, end) of the sentences overlapping [start, end) (the span itself if none)."""
    touching = [(lo, hi) for lo, hi in spans if lo < end and hi > start]
    if not touching:
        return start, end
    return touching[0][0], touching[-1][1]


@dataclass(frozen=True, slots=True)
class Nearest:
    """The passage of an article most like a quote that is not in it."""

    passage: str
    similarity: float
    start: int


def nearest_passage(text: str, quote: str) -> Nearest | None:
    """The sentence of `text` that covers most of `quote` (the share of the quote's
    characters found in order, difflib's matching blocks), ties to the earlier one.

    Bounded: at most NEAREST_MAX_SENTENCES sentences of at most NEAREST_MAX_CHARS
    characters each are compared with the quote's first NEAREST_MAX_QUOTE_CHARS
    characters (the share is still of the whole quote), so a hostile 1 MB quote costs
    no more than a long sentence; only quotes that were not found pay this cost.
    """
    full = normalise(quote)
    if not full:
        return None
    wanted = full[:NEAREST_MAX_QUOTE_CHARS]  # difflib is quadratic; a sentence covers less
    folded = fold(text)
    best: tuple[float, int, int] | None = None
    for lo, hi in sentence_spans(text)[:NEAREST_MAX_SENTENCES]:
        hi = min(hi, lo + NEAREST_MAX_CHARS)
        matcher = difflib.SequenceMatcher(None, wanted, folded[lo:hi], autojunk=False)
        covered = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 3)
        score = covered / len(full)
        if best is None or score > best[0]:
            best = (score, lo, hi)
    if best is None:
        return None
    score, lo, hi = best
    passage = _SPACES.sub(" ", text[lo:hi].translate(_TRANSLATE_SPACES)).strip()
    return Nearest(passage=passage, similarity=round(score, 3), start=lo)
