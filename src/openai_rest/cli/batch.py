"""``openai-rest batch submit|status|wait|results|cancel``: the Batch API, from a JSONL file."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, Dict, List

from ._common import PROG, CLIError, add_command, make_client, table

_EPILOG = """\
The same INPUT and OUTPUT as 'openai-rest bulk run': switch between them with one word.
submit splits INPUT to the Batch API's limits (50,000 requests, 200 MB per batch), uploads
the parts and creates the batches; their ids are kept in OUTPUT.batches.json, where status,
wait, results and cancel find them. results appends every finished batch's output and errors
to OUTPUT, skipping ids already there (so running it twice writes nothing twice)."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = add_command(
        commands, "batch", _need_action, "run a JSONL file of requests through the Batch API"
    )
    actions = group.add_subparsers(title="actions", metavar="ACTION")
    submit = add_command(
        actions, "submit", submit_batch, "split, upload and create the batches", epilog=_EPILOG
    )
    submit.add_argument("input", help="requests, Batch API JSONL")
    submit.add_argument("output", help="where 'batch results' will write the results")
    submit.add_argument("--completion-window", default="24h", help="(24h)")
    submit.add_argument(
        "--metadata", action="append", default=[], metavar="KEY=VALUE", help="batch metadata"
    )
    submit.add_argument("--wait", action="store_true", help="then wait and write the results")
    poll_help = "seconds between polls (default: 1, growing to 30)"
    submit.add_argument("--poll", type=float, default=None, help=poll_help)
    for name, handler, summary in (
        ("status", status_batch, "show the batches of OUTPUT"),
        ("wait", wait_batch, "poll until every batch has finished (progress on a terminal)"),
        ("results", results_batch, "append the finished batches' results to OUTPUT"),
        ("cancel", cancel_batch, "cancel the batches still running"),
    ):
        action = add_command(actions, name, handler, summary, epilog=_EPILOG)
        action.add_argument("output", help="the OUTPUT given to 'batch submit'")
        if name == "wait":
            action.add_argument("--poll", type=float, default=None, help=poll_help)
            action.add_argument("--results", action="store_true", help="then write the results")


def _need_action(args: argparse.Namespace) -> int:
    raise CLIError("batch: give an action: submit, status, wait, results or cancel", 2)


def _say(text: str) -> None:
    print(f"{PROG}: {text}", file=sys.stderr)


def _show(batches: List[Dict[str, Any]]) -> None:
    rows = [["BATCH", "STATUS", "DONE", "FAILED", "TOTAL", "ENDPOINT", "CREATED"]]
    for batch in batches:
        counts = batch.get("request_counts") or {}
        created = time.strftime("%Y-%m-%d %H:%M", time.localtime(batch.get("created_at") or 0))
        rows.append(
            [
                str(batch.get("id")),
                str(batch.get("status")),
                str(counts.get("completed", 0)),
                str(counts.get("failed", 0)),
                str(counts.get("total", 0)),
                str(batch.get("endpoint")),
                created,
            ]
        )
    table(rows)


def _print(args: argparse.Namespace, batches: List[Dict[str, Any]]) -> None:
    if args.json:
        print(json.dumps(batches, indent=2))
    else:
        _show(batches)


def submit_batch(args: argparse.Namespace) -> int:
    from openai_rest.bulk import InputError, submit

    from .bulk import report_input_error

    metadata = {}
    for item in args.metadata:
        key, sep, value = item.partition("=")
        if not sep:
            raise CLIError(f"--metadata wants KEY=VALUE, not {item!r}", 2)
        metadata[key] = value
    client = make_client(args)
    try:
        state = submit(
            args.input,
            args.output,
            client=client,
            completion_window=args.completion_window,
            metadata=metadata or None,
            echo=None if args.json else _say,
        )
    except InputError as error:
        return report_input_error(error)
    except FileExistsError as error:
        raise CLIError(str(error)) from None
    if args.wait:
        return _wait_and_merge(args, client)
    if args.json:
        print(json.dumps(state.batch_ids))
    else:
        _say(f"submitted; next: {PROG} batch wait {args.output} --results")
    return 0


def status_batch(args: argparse.Namespace) -> int:
    from openai_rest.bulk import status

    _print(args, status(args.output, client=make_client(args)))
    return 0


def _wait_and_merge(args: argparse.Namespace, client: Any) -> int:
    from openai_rest.bulk import results, wait

    batches = wait(args.output, client=client, poll=args.poll)
    if not getattr(args, "results", True):
        _print(args, batches)
        return 0
    merged = results(args.output, client=client)
    if args.json:
        print(json.dumps(merged.as_dict()))
    else:
        _say(f"{args.output}: {merged}")
    return 1 if merged.failed or merged.missing else 0


def wait_batch(args: argparse.Namespace) -> int:
    return _wait_and_merge(args, make_client(args))


def results_batch(args: argparse.Namespace) -> int:
    from openai_rest.bulk import results

    merged = results(args.output, client=make_client(args))
    if args.json:
        print(json.dumps(merged.as_dict()))
    else:
        _say(f"{args.output}: {merged}")
    if merged.pending:
        return 1
    return 1 if merged.failed or merged.missing else 0


def cancel_batch(args: argparse.Namespace) -> int:
    from openai_rest.bulk import cancel

    batches = cancel(args.output, client=make_client(args))
    if args.json:
        print(json.dumps(batches, indent=2))
    else:
        _say(f"cancelling {len(batches)} batch(es)" if batches else "no batch left to cancel")
    return 0
