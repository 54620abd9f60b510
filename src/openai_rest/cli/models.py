"""``openai-rest models [ID]``: the models you can use, or one of them."""

from __future__ import annotations

import argparse
from typing import Any

from ._common import add_command, emit, make_client, table


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(commands, "models", run, "list the models, or show one")
    parser.add_argument("model", nargs="?", help="a model id to show")


def show(result: Any) -> None:
    models = result.get("data", [result])
    table([[m["id"], str(m.get("owned_by", ""))] for m in models])


def run(args: argparse.Namespace) -> int:
    client = make_client(args)
    result = client.models(args.model) if args.model else client.models()
    return emit(args, result, show)
