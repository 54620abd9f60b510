"""Break each promise of the README in turn and check that some test fails.

Each mutation replaces one exact piece of source (it must occur once) with a broken version,
runs the tests named for it, and restores the file, whatever happens. A mutation that no test
catches ("SURVIVED") is a promise without evidence. The table this prints is the one kept in
docs/mutations.md.

    python scripts/mutate.py                 # every mutation (about fifteen minutes on 2 cores)
    python scripts/mutate.py retry-5xx pool  # some, by name
    python scripts/mutate.py --list

Run it in a checkout nobody else is using at that moment: it edits files under src/ for the
duration of each test run.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
SRC = "src/openai_rest/"
CORE = [
    "tests/test_retry.py",
    "tests/test_errors.py",
    "tests/test_config.py",
    "tests/test_streams.py",
    "tests/test_transports.py",
    "tests/test_files.py",
    "tests/test_faces.py",
    "tests/test_sse.py",
    "tests/test_http_options.py",
    "tests/test_binary.py",
    "tests/test_sans_io.py",
    "tests/test_redirects.py",
]


@dataclass(frozen=True)
class Mutation:
    name: str
    promise: str  # in the README's words
    path: str
    old: str
    new: str
    tests: Sequence[str] = tuple(CORE)


MUTATIONS = [
    Mutation(
        "retry-5xx",
        "5xx answers are retried",
        SRC + "_retry.py",
        "return status in RETRY_STATUSES or status >= 500",
        "return status in RETRY_STATUSES",
    ),
    Mutation(
        "retry-429",
        "408, 409 and 429 are retried",
        SRC + "_retry.py",
        "RETRY_STATUSES = frozenset({408, 409, 429})",
        "RETRY_STATUSES = frozenset({408, 409})",
    ),
    Mutation(
        "retry-connection",
        "connection errors and timeouts are retried",
        SRC + "_retry.py",
        "retry = isinstance(outcome, APIConnectionError)",
        "retry = False",
    ),
    Mutation(
        "retry-count",
        "retried `max_retries` times",
        SRC + "_retry.py",
        "if not retry or attempt >= max_retries:",
        "if not retry or attempt >= max_retries + 1:",
    ),
    Mutation(
        "insufficient-quota",
        "never a 429 for `insufficient_quota`",
        SRC + "_retry.py",
        'if status == 429 and error_code(body) == "insufficient_quota":',
        'if status == 429 and error_code(body) == "insufficient-quota":',
    ),
    Mutation(
        "x-should-retry-false",
        "`x-should-retry` is obeyed (false)",
        SRC + "_retry.py",
        '    if verdict == "false":\n        return False\n',
        "",
    ),
    Mutation(
        "x-should-retry-true",
        "`x-should-retry` is obeyed (true)",
        SRC + "_retry.py",
        '    if verdict == "true":\n        return True\n',
        "",
    ),
    Mutation(
        "retry-after-ms",
        "`retry-after-ms` is honoured",
        SRC + "_retry.py",
        "seconds = float(raw_ms) / 1000",
        "seconds = float(raw_ms)",
    ),
    Mutation(
        "retry-after-cap",
        "server hints honoured up to 60 s only",
        SRC + "_retry.py",
        "MAX_SERVER_DELAY = 60.0",
        "MAX_SERVER_DELAY = 6000.0",
    ),
    Mutation(
        "backoff",
        "otherwise the wait doubles from 0.5 s to 8 s, with jitter",
        SRC + "_retry.py",
        "base = min(INITIAL_DELAY * 2.0**attempt, MAX_DELAY)",
        "base = INITIAL_DELAY",
    ),
    Mutation(
        "retry-logged",
        "each retry is logged at INFO on the `openai_rest` logger",
        SRC + "_retry.py",
        'logging.getLogger("openai_rest").info(message, *args)',
        'logging.getLogger("openai_rest").debug(message, *args)',
    ),
    Mutation(
        "key-repr",
        "`Config`'s repr never shows more than the key's last four characters",
        SRC + "_config.py",
        'return "..." + key[-4:] if len(key) > 8 else "***"',
        'return key[:8] + "..." + key[-4:] if len(key) > 8 else "***"',
    ),
    Mutation(
        "key-in-stream-error",
        "the key never appears in an exception (stream errors that echo it)",
        SRC + "_streams.py",
        '            message = message.replace(self._redact, "sk-***")',
        "            pass",
    ),
    Mutation(
        "redirect-sync",
        "the key never follows a redirect to another origin (urllib3 transport)",
        SRC + "_transports/urllib3_transport.py",
        "                redirect=False,\n                retries=False,",
        "                redirect=True,\n                retries=3,",
    ),
    Mutation(
        "redirect-async",
        "the key never follows a redirect to another origin (async transport)",
        SRC + "_transports/aiohttp_transport.py",
        "allow_redirects=False,",
        "allow_redirects=True,",
    ),
    Mutation(
        "stream-truncation",
        "a stream cut before its end marker raises `APIConnectionError`",
        SRC + "_streams.py",
        "        if not self.done:\n            partial =",
        "        if False:\n            partial =",
    ),
    Mutation(
        "leaving-early-closes",
        "leaving the `with` block early closes the connection (sync)",
        SRC + "_transports/httpclient_transport.py",
        '        """Pool a connection whose answer was read to the end; close any other."""\n',
        '        """Pool a connection whose answer was read to the end; close any other."""\n'
        "        return\n",
    ),
    Mutation(
        "leaving-early-closes-async",
        "leaving the `async with` block early closes the connection (async)",
        SRC + "_transports/aiohttp_transport.py",
        '_chunks(raw, request), raw.release, raw.reason or ""',
        '_chunks(raw, request), lambda: None, raw.reason or ""',
    ),
    Mutation(
        "pool-reuse",
        "one connection pool: answers read to the end leave their connection for the next call",
        SRC + "_transports/httpclient_transport.py",
        "            if len(idle) < self._max_idle:\n                idle.append(conn)\n",
        "            if False:\n                idle.append(conn)\n",
    ),
    Mutation(
        "fork-safety",
        "the pool is rebuilt after `fork()`",
        SRC + "_client.py",
        "        if self._pid != os.getpid():  # forked",
        "        if False:  # forked",
    ),
    Mutation(
        "upload-streaming",
        "uploads stream from disk (a file is never loaded into memory)",
        SRC + "_multipart.py",
        '            with open(self._path, "rb") as handle:\n'
        "                yield from _read_exactly(handle, self.size, self.filename)\n",
        '            with open(self._path, "rb") as handle:\n                yield handle.read()\n',
    ),
    Mutation(
        "upload-content-length",
        "uploads have an exact `Content-Length`",
        SRC + "_multipart.py",
        "self.length = sum(s.size if isinstance(s, FilePart) else len(s) for s in segments)",
        "self.length = sum(s.size if isinstance(s, FilePart) else len(s) for s in segments) - 2",
    ),
    Mutation(
        "upload-replay",
        "on a retry the same bytes are sent again (file objects rewound)",
        SRC + "_multipart.py",
        "        self._file.seek(self._start)\n",
        "",
    ),
    Mutation(
        "error-event-raises",
        "an error event inside the stream raises `APIError`",
        SRC + "_streams.py",
        '            if item.__class__ is dict and "error" in item:',
        "            if False:",
    ),
    Mutation(
        "errors-raise",
        "every error answer is an `openai_rest` error with status, message and request id",
        SRC + "_calls.py",
        "    if response.status >= 400:\n        settings = request.settings",
        "    if response.status >= 600:\n        settings = request.settings",
    ),
    Mutation(
        "key-in-error",
        "the key never appears in an exception (error answers that echo it)",
        SRC + "_errors.py",
        '        message = message.replace(redact, "sk-***")',
        "        pass",
    ),
    Mutation(
        "no-bare-json-error",
        "a body that is not JSON is an `APIResponseValidationError`, never a bare decode error",
        SRC + "_results.py",
        "    except ValueError:  # UnicodeDecodeError included",
        "    except KeyError:  # UnicodeDecodeError included",
    ),
    Mutation(
        "config-checks",
        "`Config` checks its values (`Config(timeout=-1)` raises `ValueError`)",
        SRC + "_config.py",
        "    if not value > 0 or math.isinf(value):",
        "    if False:",
    ),
    Mutation(
        "import-light",
        "`import openai_rest` loads no HTTP library",
        SRC + "__init__.py",
        "from . import transports\n",
        "import http.client  # noqa: F401\nfrom . import transports\n",
    ),
    Mutation(
        "pagination-loop",
        "`paginate` stops with an error rather than loop on a repeated cursor",
        SRC + "_pagination.py",
        "        if cursor in seen:",
        "        if False:",
    ),
]


MEMORY_LIMIT = 4 << 30
"""Address space for one mutated run: a mutation that loops and allocates must not take the
shared machine down with it (a paginate that never stops did)."""


def tests_that_failed(output: str) -> List[str]:
    return [m.split(" - ")[0] for m in re.findall(r"^(?:FAILED|ERROR) (.+)$", output, re.M)]


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(mutation: Mutation, python: str) -> str:
    """Apply, test, restore; the first failing test, or "SURVIVED"."""
    path = ROOT / mutation.path
    original = path.read_text()
    count = original.count(mutation.old)
    if count != 1:
        return f"NOT APPLIED (found {count} times: the source moved; update the mutation)"
    try:
        path.write_text(original.replace(mutation.old, mutation.new))
        done = subprocess.run(
            [python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *mutation.tests],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        return "TIMED OUT (a test hung: the mutation is caught, but by no failing assertion)"
    finally:
        path.write_text(original)
    failed = tests_that_failed(done.stdout)
    if done.returncode == 0:
        return "SURVIVED"
    return failed[0] if failed else f"pytest exit {done.returncode}"


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--list" in args:
        for m in MUTATIONS:
            print(f"{m.name:28} {m.promise}")
        return 0
    chosen = [m for m in MUTATIONS if not args or m.name in args]
    print("| mutation | promise broken | caught by |")
    print("|---|---|---|")
    survived = 0
    for m in chosen:
        started = time.monotonic()
        verdict = run(m, sys.executable)
        survived += verdict == "SURVIVED" or verdict.startswith("NOT APPLIED")
        print(f"| `{m.name}` | {m.promise} | {verdict} |", flush=True)
        print(f"  ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
