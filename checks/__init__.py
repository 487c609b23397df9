"""A data-validation and fact-consistency gate for incident datasets built from news articles.

The data flows one way: load -> structural checks -> grounding -> cross-article rules
-> results -> reports. Each step lives in its own subpackage.
"""

__version__ = "0.1.0"

import warnings as _warnings

# With the spark extra installed, `import pandera` imports pyspark.pandas, which warns
# on every run that pandas 3 is "not fully supported"; the Spark engine's tests check
# its results against the pandas engine instead, so the warning is noise on stderr.
_warnings.filterwarnings(
    "ignore", message=r".*does not yet fully support pandas.*", category=FutureWarning
)
