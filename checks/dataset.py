"""The in-memory dataset every check reads: typed tables, row lines, article texts, rules.

Loading (I/O) happens once, in `checks.loading`; rules receive this object and never
touch the file system, so the same rules run on data from anywhere (a git ref, a
generator, a Spark table).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from checks.rulesfile import Rules

TABLES = ("articles", "incidents", "claims", "actors")
"""Tables every dataset must have."""

OPTIONAL_TABLES = ("exclusions", "disputes")
"""Tables a dataset may leave out; an absent file loads as an empty table.

`exclusions.csv` (article_id, quote, reason) lists statements of an article that the
casualty-statement extractor finds but that are deliberately not claims;
`disputes.csv` records disagreements among sources that a reviewer has judged.
"""


@dataclass(frozen=True, slots=True)
class Dataset:
    """A loaded dataset folder.

    `tables[name]` (TABLES and OPTIONAL_TABLES) holds string columns as read
    plus the LINE column (each row's line in its file); `files[name]` is the path
    findings should name. `texts` has one row per articles.csv row: article_id, path
    (as findings name it), status ("ok", "missing", "not-a-file", "outside-dataset",
    "absolute-path", "not-utf8", "unreadable"), detail, sha256 of the bytes and the decoded text.
    """

    root: Path
    tables: Mapping[str, pd.DataFrame]
    files: Mapping[str, str]
    texts: pd.DataFrame
    rules: Rules
