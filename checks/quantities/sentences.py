"""The package's one reader of sentences.

Used by the statement extractor (the sentence a statement is quoted from), the
relative dates of the consistency layer (the sentence around a quote) and the
nearest-passage hint of grounding. It lives here, beside the grammar, because
``checks.quantities`` imports nothing from the rest of the package, so every
layer can import it without a cycle.

A sentence ends:

* at a line break (headlines, captions and paragraphs are their own sentences);
* after ``.``, ``!`` or ``?`` (and any closing quotes or brackets right after it)
  when white space follows and the next word does not start with a lower-case
  letter ("Stop!” he said" goes on);

but not after:

* an initial or a dotted abbreviation: a single letter before the full stop
  ("A.D. Khawaja", "the U.S. Africa Command", "4 p.m. (6 a.m. ET"), since those
  are far more often inside a sentence than at its end;
* a known abbreviation: titles and ranks ("Mr.", "Dr.", "Gen.", "Lt.", "Insp."),
  "No.", "approx.", "e.g.", "i.e.", "vs.", "St.", "Rs.", months ("Dec. 16"; but a
  date written day first, "16 Feb." before a capital, ends its sentence);
* an ellipsis ("...", "…"): in news copy it marks words left out of a quotation
  far more often than a sentence's end ("“… I was"), so only a line break after
  it ends the sentence.

Spans are trimmed of white space; blank pieces are dropped. The scan looks at
each candidate full stop once, with a bounded look-back, so it is linear.
"""

from __future__ import annotations

import regex

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "sgt",
        "cpl",
        "pvt",
        "brig",
        "adm",
        "insp",
        "supt",
        "gov",
        "sen",
        "rep",
        "hon",
        "rev",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "approx",
        "vs",
        "viz",
        "cf",
        "rs",
        "mt",
        "ft",
        "dept",
        "govt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

# A candidate end: a run of . ! ? (or an ellipsis), closing quotes/brackets, then
# white space. The token before it is read with a bounded look-back.
_CANDIDATE = regex.compile(r"(?P<punct>[.!?\u2026]{1,10})[\"'\u201d\u2019)\]]{0,3}(?=\s)")
_BREAK = regex.compile(r"\n")
_TOKEN_BEFORE = regex.compile(r"(?P<tok>[\w.\u2019'-]{1,24})\Z")
_LOOKBACK = 24
_MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
#: a day of the month right before a month abbreviation: "16 Feb."
_DAY_BEFORE = regex.compile(r"(?<![\w.,:])[0-9]{1,2}(?:st|nd|rd|th)?[\s\u00a0]{1,3}\Z")


def _ends_sentence(text: str, m: regex.Match[str]) -> bool:
    """Whether the candidate ``m`` really ends a sentence (see the module doc)."""
    punct = m.group("punct")
    if "\u2026" in punct or "..." in punct:
        return False  # an ellipsis: words left out, not an end (a line break still ends)
    nxt = m.end()
    limit = min(len(text), nxt + 8)
    while nxt < limit and text[nxt].isspace() and text[nxt] != "\n":
        nxt += 1
    if nxt < len(text) and text[nxt].islower():
        return False  # "p.m. local time", "“Stop!” he said"
    if punct != ".":
        return True
    start = m.start()
    tok = _TOKEN_BEFORE.search(text, max(0, start - _LOOKBACK), start)
    if tok is None:
        return True
    word = tok.group("tok").rsplit(".", 1)[-1] if "." in tok.group("tok") else tok.group("tok")
    if len(word) == 1 and word.isalpha():
        return False  # an initial, or the last letter of "U.S." / "p.m."
    if (
        word.lower() in _MONTHS
        and nxt < len(text)
        and not text[nxt].isdigit()
        and _DAY_BEFORE.search(text, max(0, tok.start() - 8), tok.start()) is not None
    ):
        return True  # "on Thursday evening 16 Feb. PESHAWAR: ...": a date ends the sentence
    return word.lower() not in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence (or line) of ``text``, trimmed of white space."""
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text):
        if _ends_sentence(text, m):
            cuts.append(m.end())
    cuts.extend(m.end() for m in _BREAK.finditer(text))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        if cut <= start:
            continue
        piece = text[start:cut]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            spans.append((start + left, start + right))
        start = cut
    return spans
