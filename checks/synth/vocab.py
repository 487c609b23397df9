"""Names and sentence templates of synthetic datasets.

Every name is obviously synthetic ("Town-004217", "Group-0042", "Outlet-07") so no
generated row can be mistaken for a real incident; only country codes are real. The
sentences are the ones the quantity grammar reads as the claims listed beside them;
tests/synth checks each template through the real extractor.
"""

from __future__ import annotations

import datetime as dt

from checks.structure.vocab import TARGET_TYPES

COUNTRIES = ("PK", "IN", "AF", "NG", "SO", "IQ", "SY", "ML", "YE", "KE", "BF", "CM")
TARGETS = TARGET_TYPES
FIRST_DAY = dt.date(2000, 1, 1)
DAYS = 8000
"""Incident dates fall in [FIRST_DAY, FIRST_DAY + DAYS), i.e. 2000-01-01 .. 2021-11-25."""
GROUP_BLOCK = 5
"""Actors come in blocks of five: the first is the parent of the other four."""
TOWNS = 1_000_000
"""Distinct town numbers; each incident gets its own, so (name, start_date) stays unique."""

RULES_TOML = """\
# Tolerances of a synthetic dataset (python -m checks synth); same values as the seed.
[dates]
earliest = "1990-01-01"

[tolerance.killed]
absolute = 2
relative = 0.05

[tolerance.injured]
absolute = 5
relative = 0.10

[tolerance.default]
absolute = 0
relative = 0.0
"""


def town(number: int) -> str:
    """A synthetic place name."""
    return f"Town-{number:06d}"


def group(number: int) -> str:
    """A synthetic armed group's name (its actor_id is the lower-case form)."""
    return f"Group-{number:04d}"


def group_id(number: int) -> str:
    """The actor_id of `group(number)`."""
    return f"grp-{number:04d}"


def alias(number: int) -> str:
    """The one alias each group has, used by the second article."""
    return f"{group(number)} Brigade"


# Article A (first source): sentence -> claim quote, field.
A_KILLED = "{town_uc}, {cc} - A bomb attack in {town} killed {k} people, officials said."
A_KILLED_QUOTE = "killed {k} people"
A_INJURED = " The blast also wounded {j} others."
A_INJURED_QUOTE = "also wounded {j} others"
A_ATTACKERS = " Police said the {a} attackers belonged to a cell of {grp}."
A_ATTACKERS_QUOTE = "the {a} attackers"
A_PERPETRATOR_QUOTE = "belonged to a cell of {grp}"
A_CLAIMED = " {grp} claimed responsibility for the attack."
A_CLAIMED_QUOTE = "{grp} claimed responsibility"
A_ARRESTED = " Police later arrested {r} suspects."
A_ARRESTED_QUOTE = "arrested {r} suspects"
A_EXCLUDED = " In an unrelated incident, {m} people were injured in a road accident."
A_EXCLUDED_QUOTE = "{m} people were injured"
A_EXCLUDED_REASON = "A road accident, not part of the incident."

# Article B (second source).
B_KILLED = (
    "At least {k} people were killed in an attack on {town}, according to hospital officials."
)
B_KILLED_QUOTE = "At least {k} people were killed"
B_KILLED_EXACT = "An attack on {town} killed {k} people, according to hospital officials."
B_KILLED_EXACT_QUOTE = "killed {k} people"
B_INJURED = " The blast also injured {j} people."
B_INJURED_QUOTE = "also injured {j} people"
B_ATTACKERS = " Witnesses said the {a} gunmen wore uniforms."
B_ATTACKERS_QUOTE = "the {a} gunmen"
B_BLAMED = " Officials blamed the {name} for the attack."
B_BLAMED_QUOTE = "blamed the {name}"

# Texts of extra articles planted by defects.
LAST_MONTH = "The attack on {town} last month killed {k} people."
LAST_MONTH_QUOTE = "killed {k} people"
SEPARATE_BLAST = "Officials said {m} people were wounded in a separate blast in {town}."
