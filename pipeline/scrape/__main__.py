"""``python -m pipeline.scrape --sources FILE --raw DIR``: the scrape subcommand alone."""

import sys

from .cli import main

sys.exit(main())
