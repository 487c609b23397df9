"""Layer 3, grounding: each claim against the article text it quotes.

Importing the package registers its rules in the catalogue.
"""

from checks.grounding import rules
from checks.grounding.run import GroundingResult, check_grounding, locate_quotes

__all__ = ["GroundingResult", "check_grounding", "locate_quotes", "rules"]
