"""Item 2: encodings. Tables must be UTF-8 (a UTF-8 BOM is stripped); anything else is
exit 2 at the first bad byte. Article texts that are not UTF-8 are a finding. Quotes
and texts are compared after NFC; invisible characters in matched cells are findings."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from checks.grounding.run import locate_quotes
from checks.grounding.text import normalise
from tests.hostile.builder import Hostile

ARTICLE = "000_0a0d7547dc9b15ac"


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


@pytest.mark.parametrize(("name", "word"), [("incidents.csv", b"Lahore"), ("actors.csv", b"a")])
def test_latin1_byte_in_a_table(hostile: Hostile, name: str, word: bytes) -> None:
    data = hostile.read(name)
    offset = data.index(word, data.index(b"\n")) + 1  # first occurrence after the header
    hostile.write(name, data[:offset] + b"\xe4" + data[offset:])
    line, column = _byte_position(data, offset)
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(name)}:{line}:{column}: not valid UTF-8 (byte 0xe4); "
        "save the file as UTF-8"
    )


@pytest.mark.parametrize(
    ("codec", "column", "message"),
    [
        ("utf-16", 1, "file is UTF-16 (byte-order mark); save it as UTF-8"),
        (
            "utf-16-le",
            2,
            "file looks like UTF-16 without a byte-order mark (NUL between characters); "
            "save it as UTF-8",
        ),
        (
            "utf-16-be",
            1,
            "file looks like UTF-16 without a byte-order mark (NUL between characters); "
            "save it as UTF-8",
        ),
    ],
)
def test_utf16_table(hostile: Hostile, codec: str, column: int, message: str) -> None:
    text = hostile.read("claims.csv").decode("utf-8")
    hostile.write("claims.csv", text.encode(codec))
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == f"error: {hostile.path('claims.csv')}:1:{column}: {message}"


@pytest.mark.parametrize(
    ("damage", "line", "column"),
    [("append-ff", None, None), ("utf-16", 1, 1), ("latin1-first-line", 1, 3)],
)
def test_article_text_not_utf8_is_a_finding(
    hostile: Hostile, damage: str, line: int | None, column: int | None
) -> None:
    text_path = hostile.path(f"articles/{ARTICLE}.txt")
    data = text_path.read_bytes()
    if damage == "append-ff":
        new = data + b"\xff"
        line, column = _byte_position(new, len(data))
    elif damage == "utf-16":
        new = data.decode("utf-8").encode("utf-16")
    else:
        new = data[:2] + b"\xe9" + data[2:]
    text_path.write_bytes(new)
    hostile.rehash(ARTICLE)  # the sha256 is right: only the encoding is wrong
    run = hostile.validate()
    assert run.code == 1
    assert run.located() == {
        (
            "structure.article-file",
            "articles.csv",
            hostile.line_of("articles.csv", ARTICLE),
            ("text_file",),
        )
    }
    (finding,) = run.findings()
    assert finding["message"] == (
        f"text_file 'articles/{ARTICLE}.txt': invalid UTF-8 byte at line {line}, column {column}"
    )
    assert hashlib.sha256(new).hexdigest() in hostile.read("articles.csv").decode()


@pytest.mark.parametrize(
    ("quote", "text"),
    [
        ("cafe\u0301 bombing", "The café bombing was reported."),  # NFD quote, NFC text
        ("café bombing", "The cafe\u0301 bombing was reported."),  # NFC quote, NFD text
        ("A\u030angstr\u00f6m", "the \u212bngstr\u00f6m unit"),  # compatibility-equal forms
    ],
)
def test_quotes_and_texts_compare_in_nfc(quote: str, text: str) -> None:
    frame = pd.DataFrame({"article_id": ["a"], "quote": [quote]})
    from checks.grounding.text import nfc

    located = locate_quotes(frame, {"a": nfc(text)})
    assert located["found"].tolist() == [True]
    assert normalise(quote) in normalise(text)


def test_nfd_quote_differs_without_normalisation() -> None:
    """The NFC step is what makes the cases above match (a control that can fail)."""
    assert "cafe\u0301" not in "café"
    assert normalise("cafe\u0301") == normalise("café")


QUOTE_NOT_FOUND = "grounding.quote-not-found"
INVISIBLE = "structure.invisible-character"
UNCOVERED = "grounding.uncovered-statement"


@pytest.mark.parametrize(
    ("column", "char", "rules"),
    [
        # U+200B folds to a space like other white space: the quote is still found
        ("quote", "\u200b", {INVISIBLE}),
        # the others are kept by the comparison: the quote no longer matches, and the
        # article's statement it recorded is reported as uncovered (a warning)
        ("quote", "\u200d", {INVISIBLE, QUOTE_NOT_FOUND, UNCOVERED}),
        ("quote", "\u202e", {INVISIBLE, QUOTE_NOT_FOUND, UNCOVERED}),
        ("quote", "\ufeff", {INVISIBLE, QUOTE_NOT_FOUND, UNCOVERED}),
        ("quote", "\u00ad", {INVISIBLE, QUOTE_NOT_FOUND, UNCOVERED}),
        ("claim_id", "\u2060", {INVISIBLE, "structure.id-format"}),
    ],
)
def test_invisible_character_in_a_matched_cell(
    hostile: Hostile, column: str, char: str, rules: set[str]
) -> None:
    row = next(r for r in hostile.rows("claims.csv") if r["claim_id"] == "c0001")
    line = hostile.set_cell("claims.csv", "c0001", column, row[column] + char)
    run = hostile.validate()
    assert run.code == 1
    assert {f["rule_id"] for f in run.findings()} == rules
    assert all(f["line"] == line for f in run.findings() if f["table"] == "claims")
    uncovered = [f for f in run.findings() if f["rule_id"] == UNCOVERED]
    assert [(f["severity"], f["evidence"]["quote"]) for f in uncovered] == [
        ("warning", row["quote"])
    ] * len(uncovered)
    (finding,) = [f for f in run.findings() if f["rule_id"] == INVISIBLE]
    assert finding["columns"] == [column]
    assert finding["evidence"] == {
        "character": f"U+{ord(char):04X}",
        "position": len(row[column]) + 1,
    }
    assert f"U+{ord(char):04X}" in finding["message"]


def test_invisible_character_in_free_text_is_allowed(hostile: Hostile) -> None:
    """Names and notes may need ZWNJ (Urdu, Persian spellings): not matched, not flagged."""
    hostile.set_cell("claims.csv", "c0001", "note", "ZWNJ\u200cin a note")
    run = hostile.validate()
    assert run.code == 0
    assert run.findings() == []


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\n\n"])
def test_line_break_ending_an_id_cell(hostile: Hostile, ending: str) -> None:
    """A quoted id cell ending in a line break is not an id. Python's `$` matches before a
    final line break, so the schemas' patterns end with `\\Z` (checks/structure/vocab.py)."""
    line = hostile.set_cell("claims.csv", "c0001", "claim_id", "c0001" + ending)
    run = hostile.validate()
    assert run.code == 1
    (finding,) = run.findings()
    assert finding["rule_id"] == "structure.id-format"
    assert (finding["line"], finding["columns"]) == (line, ["claim_id"])
