"""Rule ids of the expectations layer, registered in the catalogue when this package loads.

One rule per expectation type the shipped suites use, so a dataset's rules file can
promote or demote, say, `expectations.expect_column_values_to_be_unique`; a type not
listed here reports as `expectations.failed`. The severity of a failure comes from
the expectation's own `severity` in the suite JSON (critical -> error, warning ->
warning, info -> shown in Data Docs only), so the defaults below only document.
"""

from __future__ import annotations

from checks.catalogue import RULES, Rule, register
from checks.findings import Layer, Severity

PREFIX = "expectations."
FAILED = "expectations.failed"
ERROR = "expectations.error"

EXPECTATION_TITLES: dict[str, str] = {
    "expect_table_row_count_to_be_between": "Row count out of bounds",
    "expect_table_columns_to_match_set": "Unexpected set of columns",
    "expect_column_values_to_not_be_null": "Incomplete column",
    "expect_column_values_to_be_unique": "Duplicate value",
    "expect_compound_columns_to_be_unique": "Duplicate combination of values",
    "expect_column_values_to_match_regex": "Value does not match its pattern",
    "expect_column_values_to_be_in_set": "Value outside its set",
    "expect_column_values_to_be_between": "Value out of its range",
    "expect_column_value_lengths_to_be_between": "Value length out of range",
    "expect_column_proportion_of_non_null_values_to_be_between": "Column too sparse",
    "expect_column_pair_values_a_to_be_greater_than_b": "Column pair out of order",
}


def rule_id_for(expectation_type: str) -> str:
    """The catalogue id a failed expectation of this type reports under."""
    return PREFIX + expectation_type if expectation_type in EXPECTATION_TITLES else FAILED


def _rules() -> list[Rule]:
    layer, error = Layer.EXPECTATIONS, Severity.ERROR
    rules = [
        Rule(
            PREFIX + name,
            layer,
            error,
            title,
            f"A Great Expectations suite in expectations/ failed `{name}`; the suite's "
            "severity decides error or warning. The Data Docs show the observed values.",
        )
        for name, title in EXPECTATION_TITLES.items()
    ]
    rules.append(
        Rule(
            FAILED,
            layer,
            error,
            "Expectation failed",
            "An expectation of a type without its own rule id failed; the evidence names it.",
        )
    )
    rules.append(
        Rule(
            ERROR,
            layer,
            error,
            "Expectation could not be evaluated",
            "Great Expectations raised an exception evaluating an expectation (a column the "
            "suite names is missing, a bad argument); fix the suite or the table.",
        )
    )
    return rules


if FAILED not in RULES:
    register(*_rules())
