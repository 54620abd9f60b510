"""``openai-rest api METHOD PATH``: any endpoint, raw, like ``gh api``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List, Tuple

from ._common import CLIError, add_command, make_client, print_json

BETA_PREFIXES = ("/assistants", "/threads")

EPILOG = """\
-F field=value sends a typed value (true, false, null and numbers become JSON), -F field=@path
sends a file (the request becomes a multipart form); in a GET or DELETE, fields go in the query.

examples:
  openai-rest api GET /models
  openai-rest api GET /files -F purpose=assistants
  openai-rest api POST /chat/completions -d '{"model": "gpt-4o-mini", "messages": [...]}'
  openai-rest api POST /files -F purpose=fine-tune -F file=@data.jsonl
  openai-rest api DELETE /files/file-abc123"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(commands, "api", run, "send a raw request to any endpoint", epilog=EPILOG)
    parser.add_argument("method", type=str.upper, choices=("GET", "POST", "DELETE"))
    parser.add_argument("path", help="e.g. /models (relative to the base URL)")
    parser.add_argument("-d", "--data", metavar="JSON", help="the JSON body (- : stdin)")
    parser.add_argument(
        "-F",
        "--field",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter; NAME=@PATH for a file (repeatable)",
    )
    parser.add_argument(
        "-i", "--include", action="store_true", help="print the status and headers first"
    )


def parse_fields(args: argparse.Namespace) -> Tuple[Dict[str, Any], List[str]]:
    """The parameters from ``-d`` and ``-F``, and which of them are files."""
    params: Dict[str, Any] = {}
    if args.data is not None:
        text = sys.stdin.read() if args.data == "-" else args.data
        try:
            body = json.loads(text)
        except ValueError as error:
            raise CLIError(f"api: -d is not valid JSON: {error}", 2) from None
        if not isinstance(body, dict):
            raise CLIError("api: -d must be a JSON object", 2)
        params.update(body)
    files: List[str] = []
    for field in args.field:
        name, sep, value = field.partition("=")
        if not sep or not name:
            raise CLIError(f"api: -F wants NAME=VALUE, not {field!r}", 2)
        if value.startswith("@"):
            files.append(name)
            params[name] = value[1:]
        else:
            params[name] = _typed(value)
    return params, files


def _typed(value: str) -> Any:
    if value in ("true", "false", "null"):
        return json.loads(value)
    try:
        return int(value)
    except ValueError:
        pass
    try:
        return float(value)
    except ValueError:
        return value


def show(body: bytes) -> None:
    try:
        decoded = json.loads(body) if body else None
    except ValueError:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        return
    if decoded is not None:
        print_json(decoded)


def run(args: argparse.Namespace) -> int:
    params, files = parse_fields(args)
    if files and args.method != "POST":
        raise CLIError("api: files (-F name=@path) go with POST only", 2)
    client = make_client(args)
    path = "/" + args.path.lstrip("/")
    beta = path.split("/v1", 1)[-1] if path.startswith("/v1/") else path
    headers = {"OpenAI-Beta": "assistants=v2"} if beta.startswith(BETA_PREFIXES) else None
    result = client.request(
        args.method, path, params, files=files, result="bytes", extra_headers=headers
    )
    if args.include:
        from openai_rest import response_of

        info = response_of(result)
        print(f"HTTP {info.status_code} {info.reason}".rstrip())
        for name, value in info.headers.items():
            print(f"{name}: {value}")
        print()
    show(result)
    return 0
