"""Hypothesis settings for the fuzz properties: a few hundred examples in the normal
test run, many more in `nox -s fuzz` (which sets CHECKS_FUZZ_PROFILE=fuzz)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "hostile-default",
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "hostile-fuzz",
    max_examples=int(os.environ.get("CHECKS_FUZZ_EXAMPLES", "10000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

PROFILE = os.environ.get("CHECKS_FUZZ_PROFILE", "default")
FUZZ = settings.get_profile(f"hostile-{PROFILE}")
"""Decorate each fuzz property with this (an unknown profile name fails loudly)."""
