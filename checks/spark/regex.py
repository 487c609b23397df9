"""The project's patterns, as the pandas engine applies them, for Java's regex engine.

The schemas end their patterns with `\\Z` (checks/structure/vocab.py: END), the very
end of the text in Python and, through pandas, in RE2 (Arrow-backed strings); `\\s` is
[\\t\\n\\f\\r ] there. In Java `\\Z` and `$` also match before a final line break and
`\\s` includes \\x0B, so those two are spelled out; `\\d` is ASCII in both.
"""

from __future__ import annotations

END = r"(?![\s\S])"
"""The very end of the text, spelled so Java and Python (pandera compiles it) both agree."""


def java_regex(pattern: str) -> str:
    """`pattern` (anchored with ^...\\Z as the schemas write it, or ^...$) for `Column.rlike`."""
    out = pattern.replace(r"\S", r"[^\t\n\f\r ]").replace(r"\s", r"[\t\n\f\r ]")
    if out.endswith(r"\Z") and not out.endswith(r"\\Z"):
        out = out[:-2] + END
    elif out.endswith("$") and not out.endswith(r"\$"):
        out = out[:-1] + END
    return out
