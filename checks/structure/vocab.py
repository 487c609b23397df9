"""Closed vocabularies of the data model, shared by schemas, rules and reports."""

from __future__ import annotations

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
URL_PATTERN = r"^https?://\S+$"
PARTIAL_DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
"""ISO 8601 with reduced precision: a publication date may be known to the month only."""

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
