"""``openai-rest chat``: one prompt, or a conversation, answered as it streams in."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Dict, List

from ._common import CLIError, add_command, make_client, print_json, read_text

if TYPE_CHECKING:
    from openai_rest import Client

DEFAULT_MODEL = "gpt-4o-mini"
Message = Dict[str, Any]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "chat",
        run,
        "chat with a model; the answer streams to standard output",
        epilog='examples:\n  openai-rest chat "Hello"\n  git diff | openai-rest chat '
        '--system "Review this diff"\n  openai-rest chat --interactive',
    )
    parser.add_argument("prompt", nargs="*", help="the prompt (default: standard input)")
    parser.add_argument("-m", "--model", default=DEFAULT_MODEL, help=f"({DEFAULT_MODEL})")
    parser.add_argument("-s", "--system", help="a system message")
    parser.add_argument("-t", "--temperature", type=float, help="sampling temperature, 0 to 2")
    parser.add_argument("--max-tokens", type=int, help="longest answer, in tokens")
    parser.add_argument(
        "-i", "--interactive", action="store_true", help="keep a conversation going"
    )


def options(args: argparse.Namespace) -> Dict[str, Any]:
    chosen = {"temperature": args.temperature, "max_tokens": args.max_tokens}
    return {"model": args.model, **{k: v for k, v in chosen.items() if v is not None}}


def stream_answer(client: Client, messages: List[Message], params: Dict[str, Any]) -> str:
    """Print the answer as it arrives; the whole answer."""
    parts: List[str] = []
    with client.chat_completion(messages=messages, stream=True, **params) as stream:
        for chunk in stream:
            for choice in chunk.get("choices") or ():
                text = (choice.get("delta") or {}).get("content")
                if text:
                    parts.append(text)
                    sys.stdout.write(text)
                    sys.stdout.flush()
    sys.stdout.write("\n")
    sys.stdout.flush()
    return "".join(parts)


def converse(client: Client, messages: List[Message], params: Dict[str, Any]) -> None:
    """Read a prompt, stream the answer, remember both; until end of input or ``/exit``."""
    print(f"chatting with {params['model']}; end with Ctrl-D or /exit", file=sys.stderr)
    while True:
        try:
            prompt = input("you> " if sys.stdin.isatty() else "").strip()
        except EOFError:
            print(file=sys.stderr)
            return
        if prompt in ("/exit", "/quit"):
            return
        if not prompt:
            continue
        messages.append({"role": "user", "content": prompt})
        answer = stream_answer(client, messages, params)
        messages.append({"role": "assistant", "content": answer})


def run(args: argparse.Namespace) -> int:
    if args.interactive and args.json:
        raise CLIError("--interactive and --json do not go together", 2)
    messages: List[Message] = []
    if args.system:
        messages.append({"role": "system", "content": args.system})
    prompt = read_text(args.prompt, "prompt") if args.prompt or not args.interactive else ""
    client = make_client(args)
    params = options(args)
    if args.json:
        messages.append({"role": "user", "content": prompt})
        print_json(client.chat_completion(messages=messages, **params))
        return 0
    if prompt:
        messages.append({"role": "user", "content": prompt})
        messages.append({"role": "assistant", "content": stream_answer(client, messages, params)})
    if args.interactive:
        converse(client, messages, params)
    return 0
