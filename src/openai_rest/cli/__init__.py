"""The ``openai-rest`` command: ``openai-rest demo``, ``openai-rest chat "Hello"``, ...

Each command lives in its own small module with a ``register(commands)`` function; parsing
imports only the standard library, so ``--help`` answers at once.
"""

from __future__ import annotations

import argparse
from typing import Optional, Sequence

from . import (
    api,
    audio,
    batch,
    bulk,
    chat,
    demo,
    embeddings,
    emulate,
    files,
    images,
    models,
    moderate,
    realtime,
)
from ._common import PROG, add_global_options
from ._run import USAGE, run

_MODULES = (
    demo,
    emulate,
    chat,
    models,
    files,
    embeddings,
    audio,
    realtime,
    images,
    moderate,
    bulk,
    batch,
    api,
)

_EPILOG = """\
start here:
  openai-rest demo                 a tour against a built-in emulator: no key, no network
  openai-rest emulate              serve that emulator; point --base-url (or OPENAI_BASE_URL) at it

examples:
  export OPENAI_API_KEY=sk-...
  openai-rest chat "Write a haiku about HTTP"
  echo "Summarize: ..." | openai-rest chat --model gpt-4o
  openai-rest files upload data.jsonl --purpose fine-tune
  openai-rest api GET /models

exit status: 0 ok, 1 API or connection error, 2 usage error, 130 interrupted"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options, then one sub-parser per command."""
    from openai_rest import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A light, fast client for the OpenAI REST API, from the command line.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_global_options(parser, defaults=True)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in _MODULES:
        module.register(commands)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run ``openai-rest`` with ``argv`` (default: ``sys.argv[1:]``); the exit status."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_usage()
            parser.exit(USAGE, f"{PROG}: error: give a command (try '{PROG} demo')\n")
        args.extra = extra
        if extra and not getattr(args, "passthrough", False):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exit:  # --help, --version, or a usage error (status 2)
        return exit.code if isinstance(exit.code, int) else (0 if exit.code is None else USAGE)
    return run(handler, args)


__all__ = ["build_parser", "main"]
