"""``python -m communique ...``: the same command line as the ``communique`` script."""

from __future__ import annotations

import sys

from communique.cli import main

if __name__ == "__main__":
    sys.exit(main())
