"""PyInstaller entry script: the frozen app starts exactly like ``python -m dongli_desktop``."""

import sys

from dongli_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
