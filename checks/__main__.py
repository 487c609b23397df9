"""`python -m checks` runs the command-line interface."""

import sys

from checks.cli import main

sys.exit(main())
