"""Running a command: every failure becomes one line on standard error and an exit status.

0 success, 1 an API, connection, file or input error, 2 a usage error, 130 Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Optional

from ._common import PROG, CLIError, Handler, api_key, setup_logging

OK, FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130


def one_line(message: str, secret: Optional[str]) -> str:
    """The message on one line, with the key (if it somehow got there) masked."""
    text = " ".join(message.split())
    if secret:
        text = text.replace(secret, "sk-***")
    return text


def describe(error: BaseException, base_url: Optional[str]) -> str:
    """What went wrong, for a person: the server's words, status and request id included."""
    from openai_rest import APIConnectionError, APIStatusError

    if isinstance(error, APIStatusError):
        message = str(error)
        if error.request_id and error.request_id not in message:
            message += f" [request id {error.request_id}]"
        if error.status_code == 401:
            message += " (check your API key)"
        return message
    if isinstance(error, APIConnectionError):
        where = base_url or os.environ.get("OPENAI_BASE_URL") or "the API"
        return f"cannot reach {where}: {error}"
    return str(error) or type(error).__name__


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run ``handler(args)`` and turn what it raises into a message and an exit status."""
    setup_logging(args.verbose)
    secret = api_key(args)
    try:
        status = handler(args)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught below
        return status
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # piped into e.g. head, which has read what it wanted
        # As the Python docs advise: point stdout at devnull so the flush at exit is quiet.
        # The reader chose to stop; that is not our failure, so the status stays 0.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK
    except CLIError as error:
        print(f"{PROG}: {one_line(str(error), secret)}", file=sys.stderr)
        return error.status
    except Exception as error:
        from openai_rest import OpenAIError

        if not isinstance(error, (OpenAIError, OSError, ValueError)):
            raise  # a bug: the traceback helps more than a line
        message = describe(error, args.base_url)
        print(f"{PROG}: error: {one_line(message, secret)}", file=sys.stderr)
        if args.verbose > 1:  # -vv: what lay under it, one line per cause, no traceback
            cause = error.__cause__ or error.__context__
            while cause is not None:
                text = one_line(f"{type(cause).__name__}: {cause}", secret)
                print(f"{PROG}:   caused by {text}", file=sys.stderr)
                cause = cause.__cause__ or cause.__context__
        return FAILED
