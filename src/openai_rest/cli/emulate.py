"""``openai-rest emulate``: serve the local OpenAI API emulator (options: see its --help)."""

from __future__ import annotations

import argparse

from ._common import add_command


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "emulate",
        run,
        "serve a local OpenAI API emulator (prints its base URL; --help for its options)",
        add_help=False,
    )
    parser.set_defaults(passthrough=True)


def run(args: argparse.Namespace) -> int:
    from openai_rest.emulator import main

    return main(args.extra)
