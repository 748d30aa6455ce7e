"""`python -m factcheck` runs the CLI."""

import sys

from factcheck.cli import main

sys.exit(main())
