"""``openai-rest bulk run INPUT.jsonl OUTPUT.jsonl``: many requests, resumable, under limits."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict

from ._common import PROG, CLIError, add_command, make_client

_EPILOG = """\
INPUT is the Batch API's JSONL: one request a line,
  {"custom_id": "doc-1", "method": "POST", "url": "/v1/embeddings",
   "body": {"model": "text-embedding-3-small", "input": "..."}}
OUTPUT gets one result a line, in the Batch API's output format, as each one comes.
Killed or interrupted? Run the same command again: ids that succeeded are skipped, ids
whose results are errors are sent again (--keep-failed: keep those errors), and OUTPUT ends
with exactly one line per custom_id (superseded error lines are removed).
The same files work with 'openai-rest batch submit' (the Batch API: half price, <= 24 h).

exit status: 0 every request of INPUT has a successful result in OUTPUT, 1 some failed
(their error lines are in OUTPUT) or the input is invalid or empty, 130 interrupted (run
again to finish)"""


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = add_command(commands, "bulk", _need_action, "run a JSONL file of requests")
    actions = group.add_subparsers(title="actions", metavar="ACTION")
    run = add_command(
        actions,
        "run",
        run_bulk,
        "send every request of a Batch API JSONL file; resumable, under rate limits",
        epilog=_EPILOG,
    )
    run.add_argument("input", help="requests, Batch API JSONL")
    run.add_argument("output", help="results, appended (Batch API output JSONL)")
    run.add_argument("--rpm", type=_positive, help="requests per minute to stay under")
    run.add_argument("--tpm", type=_positive, help="tokens per minute to stay under (estimated)")
    run.add_argument(
        "--concurrency", type=_positive, default=50, help="requests in flight at most (50)"
    )
    run.add_argument(
        "--limiter",
        metavar="redis://HOST:PORT/DB",
        help="share --rpm/--tpm and the server's limits with every process naming this Redis",
    )
    run.add_argument(
        "--limiter-key",
        metavar="NAME",
        help="the shared budget's name in Redis (default: from the base URL and the key's hash)",
    )
    run.add_argument(
        "--limiter-fallback",
        choices=("local", "stop"),
        default="local",
        help="when Redis is away: pace this process alone at its share (local), or stop",
    )
    run.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress (default: when standard error is a terminal)",
    )
    run.add_argument(
        "--keep-failed",
        action="store_true",
        help="do not send again the requests whose results in OUTPUT are errors",
    )
    check = add_command(actions, "check", check_bulk, "check an input file; send nothing")
    check.add_argument("input", help="requests, Batch API JSONL")


def _need_action(args: argparse.Namespace) -> int:
    raise CLIError("bulk: give an action: run or check", 2)


def report_input_error(error: Any) -> int:
    """Print an ``InputError`` line by line (one line per problem, as compilers do)."""
    for line, message in error.problems:
        print(f"{error.path}:{line}: {message}", file=sys.stderr)
    print(f"{PROG}: {error.path}: invalid input, nothing sent", file=sys.stderr)
    return 1


def check_bulk(args: argparse.Namespace) -> int:
    from openai_rest.bulk import InputError, check_input

    try:
        summary = check_input(args.input)
    except InputError as error:
        return report_input_error(error)
    urls = ", ".join(f"{count} {url}" for url, count in sorted(summary.urls.items()))
    if args.json:
        print(json.dumps({"requests": summary.requests, "bytes": summary.bytes, "urls": urls}))
    else:
        print(f"{args.input}: {summary.requests} requests ({urls})")
    return 0


def run_bulk(args: argparse.Namespace) -> int:
    from openai_rest.bulk import InputError, Limiter, run

    config = make_client(args).config
    limits: Dict[str, Any] = {"rpm": args.rpm, "tpm": args.tpm}
    if args.limiter:
        limiter = Limiter(
            redis=args.limiter, key=args.limiter_key, fallback=args.limiter_fallback, **limits
        )
        limits = {"limiter": limiter}
    elif args.limiter_key:
        raise CLIError("bulk run: --limiter-key names a budget in Redis: give --limiter too", 2)
    try:
        summary = run(
            args.input,
            args.output,
            **limits,
            concurrency=args.concurrency,
            config=config,
            progress=args.progress,
            keep_failed=args.keep_failed,
        )
    except InputError as error:
        return report_input_error(error)
    if args.json:
        print(json.dumps(summary.as_dict()))
    else:
        print(f"{PROG}: {summary}", file=sys.stderr)
    if summary.interrupted and summary.remaining:
        return 130
    return 0 if summary.all_succeeded else 1
