"""Layer 2: Great Expectations suites (expectations/*.json) over the typed tables.

Importing this package only registers the layer's rule ids; Great Expectations itself
is imported when `run_expectations` runs, so commands that do not need it stay fast.
"""

from __future__ import annotations

from checks.expectations import rules as rules
from checks.expectations.consistency import consistency_results_frame
from checks.expectations.run import run_expectations
from checks.expectations.suites import SuiteSpec, load_suite_specs

__all__ = ["SuiteSpec", "consistency_results_frame", "load_suite_specs", "run_expectations"]
