"""The one exception of the package: the dataset cannot be checked at all (exit code 2).

Anything that still lets the gate run becomes a `Finding` instead; this is reserved
for a missing table, an unreadable or malformed file, or a bad rules file, where
going on would report nonsense.
"""

from __future__ import annotations

from pathlib import Path


class CannotRun(Exception):
    """Raised when a dataset cannot be checked; carries the file, line and column at fault."""

    def __init__(
        self,
        file: Path | str,
        message: str,
        *,
        line: int | None = None,
        column: int | str | None = None,
    ) -> None:
        self.file = str(file)
        self.line = line
        self.column = column
        self.reason = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """`file:line:column: message`, the shape compilers use, so editors can jump to it."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        elif self.column is not None:
            where += f" (column {self.column})"
        return f"{where}: {self.reason}"
