"""Starting a service the tests need (nginx, LiteLLM's proxy) on a loopback port, and stopping it.

``running(command, ready, log)`` starts the process with its output in ``log``, waits until
``ready()`` is true (failing with the log's tail if the process exits or time runs out), and
terminates it when the block ends.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def accepts(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:port."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


@contextlib.contextmanager
def running(
    command: List[str],
    ready: Callable[[], bool],
    log: Path,
    env: Optional[Dict[str, str]] = None,
    timeout: float = 90,
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("ab") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            if process.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
                state = "exited" if process.poll() is not None else f"not ready in {timeout} s"
                raise RuntimeError(f"{command[0]} {state}:\n{tail}")
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()
