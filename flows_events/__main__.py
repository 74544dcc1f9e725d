"""``python -m flows_events``: the ``flows-events`` command line (see :mod:`flows_events.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
