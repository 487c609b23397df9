"""Item 1: malformed CSV tables. Each case: the exact exit code and one-line error
(file:line:column: message) or the exact findings; the dataset is never modified."""

from __future__ import annotations

import pytest

from checks.loading.csvtable import MAX_FIELD_CHARS
from tests.hostile.builder import Hostile

CLAIMS = "claims.csv"


def test_unterminated_quote_names_the_field_where_it_opens(hostile: Hostile) -> None:
    line = hostile.append(CLAIMS, b'c0099,000_0a0d7547dc9b15ac,"open quote,exact\n')
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:{line}:3: "
        "unterminated quoted field: the quote opened here is never closed"
    )


def test_junk_after_closing_quote(hostile: Hostile) -> None:
    line = hostile.append(CLAIMS, b'c0099,"a"b,x\n')
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:{line}: malformed CSV: ',' expected after '\"'"
    )


@pytest.mark.parametrize(("delimiter", "name"), [(";", "';'"), ("\t", "TAB"), ("|", "'|'")])
def test_wrong_delimiter_is_named(hostile: Hostile, delimiter: str, name: str) -> None:
    header = hostile.header(CLAIMS)
    hostile.write_rows(CLAIMS, hostile.rows(CLAIMS), header, delimiter=delimiter)
    run = hostile.validate()
    assert run.code == 2
    required = "claim_id, article_id, incident_id, field, quote, qualifier, low, high"
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:1: header lacks required column(s): {required}; "
        f"the delimiter looks like {name}, the gate reads comma-separated files"
    )


def test_utf8_bom_is_stripped_and_the_run_passes(hostile: Hostile) -> None:
    hostile.write(CLAIMS, b"\xef\xbb\xbf" + hostile.read(CLAIMS))
    run = hostile.validate()
    assert run.code == 0, run.out
    assert run.findings() == []


@pytest.mark.parametrize("ending", ["crlf", "mixed"])
def test_crlf_and_mixed_line_endings_keep_line_numbers(hostile: Hostile, ending: str) -> None:
    line = hostile.set_cell(CLAIMS, "c0012", "note", "=1+1")  # one finding, on this line
    lines = hostile.read(CLAIMS).split(b"\n")
    if ending == "crlf":
        converted = b"\r\n".join(lines)
    else:  # every other line CRLF
        converted = b"".join(
            part + (b"\r\n" if i % 2 else b"\n") for i, part in enumerate(lines[:-1])
        )
    hostile.write(CLAIMS, converted)
    run = hostile.validate()
    assert run.code == 1
    assert run.located() == {("structure.formula-injection", CLAIMS, line, ("note",))}


def test_bare_carriage_return_is_refused_at_its_position(hostile: Hostile) -> None:
    lines = hostile.read(CLAIMS).split(b"\n")
    column = len(lines[9]) + 1  # the end of line 10
    hostile.write(CLAIMS, b"\n".join(lines[:9]) + b"\n" + lines[9] + b"\r" + b"\n".join(lines[10:]))
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:10:{column}: bare carriage return (CR without LF); "
        "save the file with LF or CRLF line endings"
    )


def test_duplicated_header_column(hostile: Hostile) -> None:
    header = hostile.header(CLAIMS)
    first = header.index("quote") + 1
    renamed = [*header[:-1], "quote"]
    data = hostile.read(CLAIMS).split(b"\n", 1)[1]
    hostile.write(CLAIMS, ",".join(renamed).encode() + b"\n" + data)
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:1:{len(header)}: column 'quote' appears twice "
        f"(columns {first} and {len(header)})"
    )


def test_missing_required_column(hostile: Hostile) -> None:
    header = [name for name in hostile.header(CLAIMS) if name != "quote"]
    rows = [{k: v for k, v in row.items() if k != "quote"} for row in hostile.rows(CLAIMS)]
    hostile.write_rows(CLAIMS, rows, header)
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:1: header lacks required column(s): quote"
    )


def test_extra_column_is_a_warning_and_ignored(hostile: Hostile) -> None:
    header = [*hostile.header(CLAIMS), "extra"]
    rows = [{**row, "extra": "=1+1"} for row in hostile.rows(CLAIMS)]
    hostile.write_rows(CLAIMS, rows, header)
    run = hostile.validate()
    assert run.code == 0
    assert run.located() == {("load.unknown-column", CLAIMS, 1, ("extra",))}


@pytest.mark.parametrize(
    ("row", "fields", "column", "hint"),
    [
        (b"c0099,a,b,c,d,e,f,g,h,i,j,k\n", 12, 12, " (an unquoted comma?)"),
        (b"c0099,a\n", 2, 3, ""),
    ],
)
def test_row_with_wrong_field_count(
    hostile: Hostile, row: bytes, fields: int, column: int, hint: str
) -> None:
    width = len(hostile.header(CLAIMS))
    assert width == 11
    line = hostile.append(CLAIMS, row)
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:{line}:{column}: row has {fields} fields, "
        f"the header has {width}{hint}"
    )


@pytest.mark.parametrize("data", [b"", b"\n\n", b"   \n"])
def test_empty_file(hostile: Hostile, data: bytes) -> None:
    hostile.write(CLAIMS, data)
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:1: file is empty; expected a header line"
    )


def test_header_only_exclusions_lets_the_excluded_statement_surface(hostile: Hostile) -> None:
    """exclusions.csv with its header only loads as an empty table: each statement it
    excluded becomes an uncovered-statement warning again, so the run passes with them."""
    excluded = hostile.rows("exclusions.csv")
    hostile.write("exclusions.csv", hostile.read("exclusions.csv").split(b"\n", 1)[0] + b"\n")
    run = hostile.validate()
    assert run.code == 0
    found = run.findings()
    assert {f["rule_id"] for f in found} == {"grounding.uncovered-statement"}
    assert sorted(f["evidence"].get("quote", f["message"]) for f in found) == sorted(
        row["quote"] for row in excluded
    )


def test_header_only_actors_reports_every_reference(hostile: Hostile) -> None:
    actors = hostile.rows("actors.csv")
    hostile.write("actors.csv", hostile.read("actors.csv").split(b"\n", 1)[0] + b"\n")
    run = hostile.validate()
    assert run.code == 1
    incidents = hostile.rows("incidents.csv")
    expected = {
        ("structure.reference", "incidents.csv", index + 2, (column,))
        for index, row in enumerate(incidents)
        for column in ("perpetrator", "claimed_by")
        if row.get(column)
    }
    got = {f for f in run.located() if f[0] == "structure.reference"}
    assert got == expected
    assert actors  # the seed has actors to lose


def test_field_of_100k_characters_loads(hostile: Hostile) -> None:
    line = hostile.set_cell(CLAIMS, "c0005", "note", "n" * 100_000)
    run = hostile.validate()
    assert run.code == 0
    assert run.findings() == []
    assert line == 6


def test_field_beyond_the_limit_is_refused_with_line_and_column(hostile: Hostile) -> None:
    header = hostile.header(CLAIMS)
    line = hostile.set_cell(CLAIMS, "c0005", "note", "n" * (MAX_FIELD_CHARS + 1))
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:{line}:{header.index('note') + 1}: field 'note' has "
        f"{MAX_FIELD_CHARS + 1:,} characters, more than the limit of {MAX_FIELD_CHARS:,}"
    )


def test_nul_byte(hostile: Hostile) -> None:
    lines = hostile.read(CLAIMS).split(b"\n")
    lines[4] = lines[4][:7] + b"\x00" + lines[4][7:]
    hostile.write(CLAIMS, b"\n".join(lines))
    run = hostile.validate()
    assert run.code == 2
    assert run.error_line() == f"error: {hostile.path(CLAIMS)}:5:8: NUL byte in a text file"


def test_malformed_table_in_a_child_process_has_no_traceback(hostile: Hostile) -> None:
    line = hostile.append(CLAIMS, b'c0099,"open\n')
    run = hostile.validate_subprocess()
    assert run.code == 2
    assert run.error_line() == (
        f"error: {hostile.path(CLAIMS)}:{line}:2: "
        "unterminated quoted field: the quote opened here is never closed"
    )
