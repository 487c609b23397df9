"""Layer 4, cross-article consistency: claims against each other and their incident.

Importing the package registers its rules in the catalogue.
"""

from checks.consistency import rules
from checks.consistency.run import check_consistency

__all__ = ["check_consistency", "rules"]
