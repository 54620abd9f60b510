"""What every command shares: the global options, the client, output, logging and errors.

Nothing here imports a transport: ``openai_rest`` itself is imported inside the functions that
talk to a server, so ``openai-rest --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional

if TYPE_CHECKING:
    from openai_rest import Client

PROG = "openai-rest"
KEY_ENV = "OPENAI_API_KEY"
NO_KEY = (
    f"no API key: set the {KEY_ENV} environment variable (export {KEY_ENV}=sk-...) "
    "or pass --api-key; a local emulator accepts any key"
)
AZURE_KEY_ENV = "AZURE_OPENAI_API_KEY"
AZURE_TOKEN_ENV = "AZURE_OPENAI_AD_TOKEN"
NO_AZURE_KEY = (
    f"no Azure OpenAI key: set the {AZURE_KEY_ENV} (or {AZURE_TOKEN_ENV}) environment variable "
    "or pass --api-key"
)
logger = logging.getLogger("openai_rest")

Handler = Callable[[argparse.Namespace], int]


class CLIError(Exception):
    """A failure to report in one line, with the exit status to return."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _retries(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def add_global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """The options every command takes, before or after its name.

    The top-level parser sets the defaults; the copies on each command use ``SUPPRESS`` so that
    an option given before the command name is not overwritten by a default after it.
    """

    def default(value: Any) -> Any:
        return value if defaults else argparse.SUPPRESS

    group = parser.add_argument_group("global options")
    group.add_argument(
        "--base-url",
        metavar="URL",
        default=default(None),
        help="API base URL (default: $OPENAI_BASE_URL, else the OpenAI API)",
    )
    group.add_argument(
        "--azure-endpoint",
        metavar="URL",
        default=default(None),
        help="Azure OpenAI resource, https://NAME.openai.azure.com ($AZURE_OPENAI_ENDPOINT)",
    )
    group.add_argument(
        "--azure-deployment",
        metavar="NAME",
        default=default(None),
        help="Azure deployment (default: the model named by the command)",
    )
    group.add_argument(
        "--api-version",
        metavar="VERSION",
        default=default(None),
        help="Azure API version, a date or v1 ($OPENAI_API_VERSION)",
    )
    group.add_argument(
        "--api-key",
        metavar="KEY",
        default=default(None),
        help=f"API key; prefer the {KEY_ENV} environment variable (keeps it out of shell history)",
    )
    group.add_argument(
        "--org", metavar="ID", default=default(None), help="organization id ($OPENAI_ORG_ID)"
    )
    group.add_argument(
        "--project", metavar="ID", default=default(None), help="project id ($OPENAI_PROJECT_ID)"
    )
    group.add_argument(
        "--timeout", metavar="SECONDS", type=_seconds, default=default(None), help="per request"
    )
    group.add_argument(
        "--max-retries",
        metavar="N",
        type=_retries,
        default=default(None),
        help="retries of failed requests (default 2)",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=default(0),
        help="log each request on standard error (-vv: more)",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print machine-readable JSON instead of text",
    )


def api_key(args: argparse.Namespace) -> Optional[str]:
    key: Optional[str] = args.api_key or os.environ.get(KEY_ENV) or None
    return key


def make_client(args: argparse.Namespace, *, base_url: Optional[str] = None) -> Client:
    """A client from the global options; fails in one clear line when no key is set."""
    from openai_rest import UNSET, Client, Config

    azure = _azure_fields(args, base_url)
    key = api_key(args) if not azure else args.api_key
    if key is None and not azure:
        raise CLIError(NO_KEY)
    if azure and not (key or os.environ.get(AZURE_KEY_ENV) or os.environ.get(AZURE_TOKEN_ENV)):
        raise CLIError(NO_AZURE_KEY)
    config = Config(
        **azure,
        api_key=key or UNSET,
        api_url=base_url or args.base_url or UNSET,
        organization_key=args.org or UNSET,
        project=args.project or UNSET,
        timeout=args.timeout if args.timeout is not None else UNSET,
        max_retries=args.max_retries if args.max_retries is not None else UNSET,
    )
    hooks = {"response": [log_answer]} if args.verbose else None
    return Client(config, event_hooks=hooks)


def _azure_fields(args: argparse.Namespace, base_url: Optional[str]) -> Dict[str, Any]:
    """The Azure fields of the global options: none unless --azure-endpoint or
    $AZURE_OPENAI_ENDPOINT (without --base-url) asks for Azure."""
    endpoint = args.azure_endpoint
    if endpoint is None and not (base_url or args.base_url):
        endpoint = os.environ.get("AZURE_OPENAI_ENDPOINT") or None
    if endpoint is None:
        return {}
    fields: Dict[str, Any] = {"azure_endpoint": endpoint}
    if args.azure_deployment:
        fields["azure_deployment"] = args.azure_deployment
    if args.api_version:
        fields["api_version"] = args.api_version
    return fields


def log_answer(request: Any, response: Any) -> None:
    """One line per answer on the ``openai_rest`` logger (``-v``): method, URL, status, request id.

    An event hook of the client, so retried attempts show too; only the URL is shown, never a
    header, so the key cannot leak.
    """
    request_id = response.headers.get("x-request-id") or "-"
    logger.info(
        "%s %s -> %s (request id %s)", request.method, request.url, response.status, request_id
    )


def setup_logging(verbosity: int) -> None:
    if not verbosity:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"{PROG}: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbosity > 1 else logging.INFO)


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False, default=_jsonable))


def _jsonable(value: Any) -> Any:
    tolist = getattr(value, "tolist", None)  # numpy arrays
    if callable(tolist):
        return tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def emit(args: argparse.Namespace, result: Any, text: Callable[[Any], None]) -> int:
    """Print ``result``: as JSON with ``--json``, else with the command's ``text`` printer."""
    if args.json:
        print_json(result)
    else:
        text(result)
    return 0


def table(rows: list[list[str]]) -> None:
    """Left-aligned columns separated by two spaces."""
    if not rows:
        return
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def read_text(words: list[str], what: str) -> str:
    """The text of positional words, or standard input when none are given and it is piped."""
    if words and words != ["-"]:
        return " ".join(words)
    if words == ["-"] or not sys.stdin.isatty():
        text = sys.stdin.read().strip()
        if text:
            return text
    raise CLIError(f"no {what}: give it as arguments or on standard input", 2)


def human_size(size: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"  # pragma: no cover


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (``-``: standard output) and say so on standard error."""
    if path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    with open(path, "wb") as handle:
        handle.write(data)
    print(f"wrote {path} ({human_size(len(data))})", file=sys.stderr)


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    summary: str,
    *,
    description: Optional[str] = None,
    epilog: Optional[str] = None,
    add_help: bool = True,
) -> argparse.ArgumentParser:
    """A command parser taking the global options, whose ``handler`` runs it."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=description or summary,
        epilog=epilog,
        add_help=add_help,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if add_help:
        add_global_options(parser, defaults=False)
    parser.set_defaults(handler=handler)
    return parser
