"""The command without a server, or with a bad one: help, usage errors, missing key, demo."""

from __future__ import annotations

import socket
import subprocess
import sys

from .conftest import SECRET, clean_env, command


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command() + list(args), capture_output=True, text=True, env=clean_env(**env), timeout=30
    )


def test_help_is_fast_and_imports_no_transport() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "openai_rest", "--help"],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=30,
    )
    assert done.returncode == 0
    assert "demo" in done.stdout and "OPENAI_API_KEY" in done.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    heavy = [m for m in imported if m.split(".")[0] in ("urllib3", "aiohttp", "asyncio")]
    assert heavy == []


def test_every_command_has_help() -> None:
    for name in ("chat", "models", "files", "embeddings", "speech", "transcribe", "api", "demo"):
        done = run(name, "--help")
        assert done.returncode == 0, (name, done.stderr)
        assert "usage: openai-rest" in done.stdout


def test_usage_errors_exit_2() -> None:
    for args in (["--bogus"], ["chat", "--bogus"], [], ["files"], ["api", "FETCH", "/x"]):
        done = run(*args, OPENAI_API_KEY=SECRET)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.strip()


def test_unreachable_server_exits_1_with_a_clear_line() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    done = run("--base-url", url, "--max-retries", "0", "models", OPENAI_API_KEY=SECRET)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert f"cannot reach {url}" in done.stderr
    assert SECRET not in done.stderr


def test_missing_key_says_how_to_set_it() -> None:
    done = run("--base-url", "http://127.0.0.1:9/v1", "models")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "export OPENAI_API_KEY=" in done.stderr and "--api-key" in done.stderr


def test_demo_runs_without_key_or_network() -> None:
    done = run("demo")
    assert done.returncode == 0, done.stderr
    for part in ("Chat", "Streaming", "Embeddings", "Files", "get_weather", "Done in"):
        assert part in done.stdout


def test_emulate_delegates_to_the_emulator() -> None:
    done = run("emulate", "--help")
    assert done.returncode == 0
    assert "--fail-rate" in done.stdout


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "openai_rest", "--version"],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=30,
    )
    assert done.returncode == 0 and done.stdout.startswith("openai-rest ")
