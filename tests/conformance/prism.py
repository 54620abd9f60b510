"""Prism processes for the conformance run: started lazily, one per spec, stopped at the end."""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO, Dict, Optional

from .specs import PRISM_MOCK

START_TIMEOUT = 180.0  # the first run installs Prism with npm and prepares each spec


def why_unavailable() -> Optional[str]:
    """Why Prism cannot run here, or ``None`` when it can."""
    if not PRISM_MOCK.is_file():
        return f"no {PRISM_MOCK} (the shared folder beside the repository is missing)"
    if shutil.which("node") is None:
        return "node is not installed (Prism is a Node.js program)"
    home = os.environ.get("PRISM_HOME") or str(
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "prism-5.16.0"
    )
    installed = Path(home, "node_modules", ".bin", "prism").exists()
    if not installed and shutil.which("npm") is None:
        return "Prism is not installed and npm is missing to install it"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Prism:
    """One ``prism-mock SPEC PORT`` process; ``base_url`` once it answers."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        # closed by stop()
        self.log: IO[bytes] = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(PRISM_MOCK), spec, str(free_port())],
            stdout=subprocess.PIPE,
            stderr=self.log,
            start_new_session=True,  # its own process group: stopped as a whole
        )
        self.started = time.monotonic()
        self.base_url = self._wait_for_url()
        self.startup = time.monotonic() - self.started

    def _wait_for_url(self) -> str:
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            deadline = time.monotonic() + START_TIMEOUT
            while time.monotonic() < deadline:
                if selector.select(timeout=0.5):
                    line = self.process.stdout.readline().decode().strip()
                    if line.startswith("http://"):
                        return line
                if self.process.poll() is not None:
                    raise RuntimeError(f"Prism for {self.spec} exited at start:\n{self.tail()}")
        self.stop()
        raise RuntimeError(f"Prism for {self.spec} gave no base URL in {START_TIMEOUT:.0f} s")

    def alive(self) -> bool:
        return self.process.poll() is None

    def tail(self, lines: int = 15) -> str:
        self.log.seek(0)
        text = self.log.read().decode("utf-8", "replace")
        return "\n".join(text.splitlines()[-lines:])

    def check_alive(self) -> None:
        """Raise with Prism's last log lines when the process has died."""
        if not self.alive():
            raise RuntimeError(
                f"Prism for {self.spec} is dead (exit status {self.process.returncode}); "
                "an earlier request probably crashed it (a multipart file part without "
                f"Content-Type does). Its last log lines:\n{self.tail()}"
            )

    def stop(self) -> None:
        if self.alive():
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.log.close()


class PrismPool:
    """Starts a spec's Prism on first request for it; ``close()`` stops them all."""

    def __init__(self) -> None:
        self.running: Dict[str, Prism] = {}
        self.failed: Dict[str, str] = {}

    def get(self, spec: str) -> Prism:
        if spec in self.failed:
            raise RuntimeError(self.failed[spec])
        prism = self.running.get(spec)
        if prism is None:
            try:
                prism = self.running[spec] = Prism(spec)
            except RuntimeError as error:
                self.failed[spec] = str(error)
                raise
        prism.check_alive()
        return prism

    def close(self) -> None:
        for prism in self.running.values():
            prism.stop()
        self.running.clear()
