"""``python -m openai_rest.emulator``: the same as ``openai-rest emulate``."""

from __future__ import annotations

import sys

from ._server import main

if __name__ == "__main__":
    sys.exit(main())
