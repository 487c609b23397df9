"""Outputs rendered from a `ValidationResult`; a report formats, it never computes."""
