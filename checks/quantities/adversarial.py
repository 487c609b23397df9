"""Hostile texts for the quantity grammar, each built at any size.

Shared by the tests (which check what is read from them) and the benchmark (which
checks how the time grows with their size): nested parentheses, digit runs, long
spaces and dashes, and runs of figures are where a backtracking pattern would blow up.
"""

from __future__ import annotations

from collections.abc import Callable

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "ones": lambda n: "1 " * (n // 2),
    "more_than": lambda n: "more than " * (n // 10),
    "digit_run": lambda n: "9" * n,
    "digit_run_then_letter": lambda n: "9" * (n - 1) + "x",
    "parens": lambda n: "(" * n,
    "spaces": lambda n: "1" + " " * n + "x",
    "dashes": lambda n: "1" + "-" * n,
    "dash_chain": lambda n: "1-" * (n // 2),
    "comma_groups": lambda n: "1,000" * (n // 5),
    "died": lambda n: "some died " * (n // 10),
}
