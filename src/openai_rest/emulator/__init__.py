"""A local OpenAI API emulator: real HTTP, real state, deterministic answers, injectable faults.

    with Emulator() as base_url:          # http://127.0.0.1:PORT/v1
        ...

or ``openai-rest emulate`` / ``python -m openai_rest.emulator`` from a shell. See
``docs/emulator.md``. Importing this package is cheap: aiohttp loads when a server starts.
"""

from __future__ import annotations

from ._server import Emulator, main

__all__ = ["Emulator", "main"]
