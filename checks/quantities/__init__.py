"""Hedged quantities, casualty statements and relative dates in news text.

Public API: :class:`Qualifier`, :class:`Quantity`, :class:`Conventions`,
:func:`parse_quantities`, :func:`parse_quantity`, :func:`split_of_total`,
:class:`Statement`, :func:`extract_statements`, :class:`DateMention`,
:func:`resolve_relative_dates`.
"""

from .conventions import Conventions
from .grammar import Qualifier, Quantity, parse_quantities, parse_quantity, split_of_total
from .reldates import DateMention, resolve_relative_dates
from .statements import Statement, extract_statements

__all__ = [
    "Conventions",
    "DateMention",
    "Qualifier",
    "Quantity",
    "Statement",
    "extract_statements",
    "parse_quantities",
    "parse_quantity",
    "resolve_relative_dates",
    "split_of_total",
]
