"""Ctrl-C, the emulate command's life cycle, and the progress display."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
from typing import List

import pytest

from openai_rest.cli import _progress

from .conftest import SECRET, clean_env, command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def start(args: List[str], **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command() + args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(**env),
    )


def test_ctrl_c_exits_130() -> None:
    process = start(["--base-url", "http://127.0.0.1:9/v1", "chat", "-i"], OPENAI_API_KEY=SECRET)
    assert process.stderr is not None
    assert process.stderr.readline().startswith("chatting with")  # waiting for a prompt
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 130
    process.communicate()


def test_emulate_prints_its_url_and_stops_on_ctrl_c() -> None:
    process = start(["emulate", "--port", "0"])
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:") and url.endswith("/v1")
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    process.communicate()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert type(_progress.progress(100, "x")) is _progress.Progress
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # the built-in indicator
    with _progress.progress(2_000_000, "data.bin") as bar:
        handle = _progress.ProgressFile(io.BytesIO(b"x" * 2_000_000), bar)  # type: ignore[arg-type]
        while handle.read(65536):
            pass
    shown = terminal.getvalue()
    assert "data.bin" in shown and "2.0 MB / 2.0 MB" in shown and "/s" in shown
