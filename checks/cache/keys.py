"""What a cache entry is keyed by.

Statements: the text, the grammar's version and the conventions. The grammar's version
is a digest of the source of everything that turns a text into statements (the
`checks.quantities` package, its conventions table, and this cache's codec), so any
edit to the grammar or the extractor misses the cache without anyone remembering to
bump a number.

Outcomes (grounding's work on one article): the text, the quotes cited from it by
claims (with their fields) and exclusions, the gate's version and the conventions.

Pages: the incident's view (what the page shows), the link to the Data Docs, and the
version of the code, the templates and Jinja that render it.

Verdicts: the git tree of the dataset folder, the gate's version (a digest of the
source of the whole package, since any rule can change a verdict) and the day the
checks ran for (date rules compare with today).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import checks
import checks.quantities
from checks.quantities import Conventions

_CODEC = Path(__file__).with_name("codec.py")


@lru_cache(maxsize=1)
def grammar_version() -> str:
    """Digest of the source files that decide what `extract_statements` returns."""
    package = Path(checks.quantities.__file__).parent
    sources = sorted([*package.glob("*.py"), *package.glob("*.toml"), _CODEC])
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def conventions_key(conventions: Conventions) -> str:
    """Digest of the interval conventions in force (the shipped table plus overrides)."""
    canonical = json.dumps(dataclasses.astuple(conventions), separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def text_sha256(text: str) -> str:
    """sha256 of the text as the grammar reads it (NFC, UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


STATEMENTS = "statements:"
OUTCOMES = "outcomes:"
VERDICTS = "verdicts:"
PAGES = "pages:"
"""The namespaces of keys; each key goes on with the version of the code it needs."""


def entry_key(text_digest: str, grammar: str, conventions: str) -> str:
    """One key for the three things an entry depends on."""
    return f"{STATEMENTS}{grammar}:{conventions}:{text_digest}"


def statements_version(grammar: str) -> str:
    """The prefix shared by every statements key of one grammar version (any conventions:
    two datasets sharing a cache folder may have different rules files)."""
    return f"{STATEMENTS}{grammar}:"


def outcomes_prefix() -> str:
    """The prefix shared by every outcomes key of this code, any conventions: the gate's
    version (an outcome is the grammar's statements, the quote search and the overlap
    rule together, so any edit of the package misses) and the pandas release (the typed
    tables the cited quotes are read from)."""
    import pandas

    return f"{OUTCOMES}{gate_version()}:{pandas.__version__}:"


def outcomes_version(conventions: str) -> str:
    """The prefix of every outcomes key this code can hit under these conventions."""
    return f"{outcomes_prefix()}{conventions}:"


def outcome_key(version: str, text_digest: str, cited_digest: str) -> str:
    """One key for an article's outcome: the code and conventions (`outcomes_version`),
    the text, and the quotes cited from it."""
    return f"{version}{text_digest}:{cited_digest}"


def source_digest(folder: Path) -> str:
    """Digest of the names and bytes of every .py and .toml file under `folder`."""
    sources = sorted(
        [*folder.rglob("*.py"), *folder.rglob("*.toml")],
        key=lambda path: path.relative_to(folder).as_posix(),
    )
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def gate_version() -> str:
    """Digest of every source file of the package: any rule can change a verdict."""
    return source_digest(Path(checks.__file__).parent)


def verdicts_key(tree: str, gate: str, day: str) -> str:
    """One key for a dataset's git tree, the gate's version and the day checked for."""
    return f"{verdicts_version(gate, day)}{tree}"


def verdicts_version(gate: str, day: str) -> str:
    """The prefix of every verdicts key a run of this gate for this day can hit."""
    return f"{VERDICTS}{gate}:{day}:"


_TEMPLATES = Path(checks.__file__).parent / "reports" / "templates"


@lru_cache(maxsize=1)
def pages_version() -> str:
    """Digest of what turns a view into HTML besides the view: the gate's source, the
    report's templates and the Jinja release."""
    import jinja2

    digest = hashlib.sha256(f"{gate_version()}\0{jinja2.__version__}\0".encode())
    for path in sorted(_TEMPLATES.iterdir()):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def page_key(shown: str) -> str:
    """The key of a page whose inputs print as `shown` (see `checks.cache.pages`)."""
    digest = hashlib.sha256(shown.encode("utf-8")).hexdigest()
    return f"{PAGES}{pages_version()}:{digest}"
