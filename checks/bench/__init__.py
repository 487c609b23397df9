"""Benchmarks run by `nox -s bench`: figures are ratios against a baseline in the same run."""
