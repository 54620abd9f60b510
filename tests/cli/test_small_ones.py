"""Issue 11's small ones, on the real command: a port out of range, -vv on a connection error,
a pipe closed by ``head``, the demo's tour, and no unclosed socket at exit."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from openai_rest.emulator.pytest_plugin import EmulatorHandle

from .conftest import SECRET, Cli, clean_env, command


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command() + list(args), capture_output=True, text=True, env=clean_env(**env), timeout=30
    )


def test_emulate_rejects_a_port_out_of_range_in_one_usage_line() -> None:
    for port in ("99999", "-1", "http"):
        done = run("emulate", "--port", port)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert "argument --port" in done.stderr.splitlines()[-1]


def test_emulate_on_a_port_in_use_says_so_in_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run("emulate", "--port", str(port))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"cannot serve on 127.0.0.1:{port}" in done.stderr


def test_very_verbose_connection_error_has_causes_not_a_traceback() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # bound, never listening: connection refused
        done = run(
            "-vv", "--base-url", f"http://127.0.0.1:{port}/v1", "--max-retries", "0", "models",
            OPENAI_API_KEY=SECRET,
        )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "cannot reach" in done.stderr and "caused by" in done.stderr
    assert SECRET not in done.stderr


def test_piping_into_head_exits_0_quietly(cli: Cli, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"".join(b"line %d of a long file\n" % n for n in range(200_000)))
    uploaded = cli("--json", "files", "upload", str(big), "--purpose", "user_data")
    assert uploaded.returncode == 0, uploaded.stderr
    file_id = json.loads(uploaded.stdout)["id"]
    for _ in range(3):  # "sometimes": the closing races with the writing
        process = subprocess.Popen(
            [*command(), "files", "download", file_id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli.env,
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == b"line 0 of a long file\n"
        process.stdout.close()  # as head does after its lines
        status = process.wait(timeout=30)
        errors = process.stderr.read().decode()
        process.stderr.close()
        assert status == 0, errors
        assert "Traceback" not in errors and "Exception ignored" not in errors


def test_demo_tours_responses_and_conversations_not_assistants() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-m", "openai_rest", "demo"],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr  # a deprecated (Assistants) call would fail here
    for part in ("Responses", "responses_create", "get_weather", "Conversations", "conv_"):
        assert part in done.stdout
    assert "assistant" not in done.stdout.replace("assistant)", "")


def test_module_calls_leave_no_unclosed_socket_at_exit(openai_emulator: EmulatorHandle) -> None:
    code = (
        "import os, sys, openai_rest\n"
        "openai_rest.models(); openai_rest.models()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    sys.exit(0)\n"  # the child exits through atexit too
        "os.waitpid(pid, 0)\n"
        "print(len(openai_rest.models()['data']))\n"  # the parent's pool still works
    )
    done = subprocess.run(
        [sys.executable, "-W", "default", "-c", code],
        capture_output=True,
        text=True,
        env=clean_env(OPENAI_API_KEY=SECRET, OPENAI_BASE_URL=openai_emulator.base_url),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0
    assert "ResourceWarning" not in done.stderr, done.stderr
