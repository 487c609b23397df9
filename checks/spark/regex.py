"""The project's patterns, as the pandas engine applies them, for Java's regex engine.

The pandas engine matches on Arrow-backed strings (RE2): `$` is the end of the text
and `\\s` is [\\t\\n\\f\\r ]. In Java `$` also matches before a final line break and
`\\s` includes \\x0B, so those two are spelled out; `\\d` is ASCII in both.
"""

from __future__ import annotations

END = r"(?![\s\S])"
"""The very end of the text, spelled so Java and Python (pandera compiles it) both agree."""


def java_regex(pattern: str) -> str:
    """`pattern` (anchored with ^...$ as the schemas write it) for `Column.rlike`."""
    out = pattern.replace(r"\S", r"[^\t\n\f\r ]").replace(r"\s", r"[\t\n\f\r ]")
    if out.endswith("$") and not out.endswith(r"\$"):
        out = out[:-1] + END
    return out
