"""``openai-rest embeddings TEXT...``: a vector per text."""

from __future__ import annotations

import argparse
from typing import Any

from ._common import add_command, emit, make_client, read_text

DEFAULT_MODEL = "text-embedding-3-small"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "embeddings",
        run,
        "embed texts (one vector per argument; --json prints the vectors)",
    )
    parser.add_argument("text", nargs="*", help="texts to embed (default: standard input)")
    parser.add_argument("-m", "--model", default=DEFAULT_MODEL, help=f"({DEFAULT_MODEL})")
    parser.add_argument("--dimensions", type=int, help="shorten the vectors to this size")


def show(result: Any) -> None:
    for item in result["data"]:
        vector = list(item["embedding"])
        head = ", ".join(f"{x:+.4f}" for x in vector[:4])
        print(f"[{item['index']}] {len(vector)} dimensions: {head}, ...")


def run(args: argparse.Namespace) -> int:
    texts = args.text or [read_text([], "text")]
    client = make_client(args)
    params = {"dimensions": args.dimensions} if args.dimensions else {}
    return emit(args, client.embeddings(model=args.model, input=texts, **params), show)
