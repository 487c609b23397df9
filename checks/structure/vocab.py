"""Closed vocabularies of the data model, shared by schemas, rules and reports."""

from __future__ import annotations

END = r"\Z"
r"""The end of the cell. Never `$`: Python's `$` also matches before a final line break,
so a quoted cell "c0001<newline>" passed as an id. pandera's `str_matches`, pandas'
Arrow strings (`\Z` becomes RE2's `\z`) and GX read `\Z` alike; the Spark engine
spells it for Java (checks/spark/regex.py)."""
ID_PATTERN = rf"^[A-Za-z0-9][A-Za-z0-9_.\-]{{0,63}}{END}"
ID_LIST_PATTERN = (
    rf"^[A-Za-z0-9][A-Za-z0-9_.\-]{{0,63}}(?:;[A-Za-z0-9][A-Za-z0-9_.\-]{{0,63}})*{END}"
)
"""`;`-separated ids without spaces (disputes.claims)."""
SHA256_PATTERN = rf"^[0-9a-f]{{64}}{END}"
URL_PATTERN = rf"^https?://\S+{END}"
YEAR_PATTERN = r"(?:167[89]|16[89]\d|1[7-9]\d\d|2[01]\d\d|22[0-5]\d|226[01])"
"""Years 1678-2261: the span a datetime64[ns] column holds. A date outside it (year 1500,
9999-12-31 meaning "unknown") is a finding, never an overflow traceback."""
PARTIAL_DATE_PATTERN = rf"^{YEAR_PATTERN}(?:-\d{{2}}(?:-\d{{2}})?)?{END}"
"""ISO 8601 with reduced precision: a publication date may be known to the month only."""
DATE_SHAPE_PATTERN = rf"^\d{{4}}(?:-\d{{2}}(?:-\d{{2}})?)?{END}"
"""Shaped like a partial date, whatever the year, month and day: a `published` cell of
this shape that the calendar does not have (2016-13, 2016-02-30) is also a
`structure.type` finding, "not a date in the calendar", not only a format error. One
constant for both engines: the Spark engine's copy ended with Java's `$`, which also
matches before a final line break."""

PUBLISHED_BASES = ("printed", "derived", "external")
DATE_PRECISIONS = ("day", "week", "month", "year")
TARGET_TYPES = (
    "civilians",
    "religious_minority",
    "police",
    "security_forces",
    "government",
    "militants",
    "other",
)
COUNT_FIELDS = (
    "killed",
    "injured",
    "attackers",
    "attackers_killed",
    "attackers_captured",
    "arrested",
)
INCIDENT_FIELDS = ("killed", "injured")
"""Count fields the incident row carries as <field>_low / _best / _high."""
ACTOR_FIELDS = ("perpetrator", "claimed_by")
CLAIM_FIELDS = COUNT_FIELDS + ACTOR_FIELDS
QUALIFIERS = (
    "exact",
    "at_least",
    "more_than",
    "at_most",
    "fewer_than",
    "approximately",
    "nearly",
    "range",
    "vague",
)
CLAIM_KINDS = ("total", "increment")
"""`increment`: "20 more people" adds to an earlier unknown count; it is not a total."""

ACTOR_LIST_SEPARATOR = ";"
"""incidents.perpetrator / claimed_by and actors.aliases hold several values split by this."""
