"""A real ``redis-server`` for the tests: started on a free loopback port in a temporary
directory, killed and restarted on the same port at will; skipped when it is not installed."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from typing import Iterator, Optional

import pytest

from services import require

INSTALL = "not on PATH (bash scripts/services/redis.sh installs it)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class RedisServer:
    """One redis-server process: ``url``, ``kill()`` (SIGKILL), ``start()`` again."""

    def __init__(self, binary: str, directory: str) -> None:
        self.binary = binary
        self.directory = directory
        self.port = free_port()
        self.process: Optional[subprocess.Popen[bytes]] = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        log = open(os.path.join(self.directory, "redis.log"), "ab")
        options = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir"]
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), *options, self.directory],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.ping():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self.process = None

    def client(self) -> object:
        import redis

        return redis.Redis(port=self.port)


@pytest.fixture
def redis_server(tmp_path: object) -> Iterator[RedisServer]:
    """A fresh redis-server for one test (skips when redis-server or its client is absent)."""
    binary = shutil.which("redis-server")
    require("redis-server", None if binary else INSTALL)
    pytest.importorskip("redis", reason="the Redis client: pip install -e '.[test]'")
    assert binary is not None
    directory = os.path.join(str(tmp_path), "redis")
    os.makedirs(directory, exist_ok=True)
    server = RedisServer(binary, directory)
    server.start()
    try:
        yield server
    finally:
        server.kill()
