"""``openai-rest moderate TEXT``: does the text break the usage policies?"""

from __future__ import annotations

import argparse
from typing import Any

from ._common import add_command, emit, make_client, read_text


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(commands, "moderate", run, "classify text with the moderation model")
    parser.add_argument("text", nargs="*", help="the text (default: standard input)")
    parser.add_argument("-m", "--model", help="moderation model (server default)")


def show(result: Any) -> None:
    for verdict in result["results"]:
        scores = verdict.get("category_scores") or {}
        flagged = [name for name, hit in verdict.get("categories", {}).items() if hit]
        if not verdict.get("flagged"):
            print("not flagged")
            continue
        named = ", ".join(f"{name} {scores.get(name, 0):.2f}" for name in flagged)
        print(f"flagged: {named}" if named else "flagged")


def run(args: argparse.Namespace) -> int:
    text = read_text(args.text, "text")
    client = make_client(args)
    params = {"model": args.model} if args.model else {}
    return emit(args, client.moderations(input=text, **params), show)
