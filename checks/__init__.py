"""A data-validation and fact-consistency gate for incident datasets built from news articles.

The data flows one way: load -> structural checks -> grounding -> cross-article rules
-> results -> reports. Each step lives in its own subpackage.
"""

__version__ = "0.1.0"
