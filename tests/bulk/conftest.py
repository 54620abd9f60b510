"""Helpers for the bulk tests: input files, output checks, and the CLI in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest

from counting import Counting
from openai_rest.emulator.pytest_plugin import EmulatorHandle

KEY = "sk-bulk-test"


def write_input(path: str, count: int, *, kind: str = "chat", prefix: str = "req") -> List[str]:
    """An input file of ``count`` requests; their custom ids."""
    ids = []
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            custom_id = f"{prefix}-{i}"
            if kind == "embeddings":
                url = "/v1/embeddings"
                body: Dict[str, Any] = {
                    "model": "text-embedding-3-small",
                    "input": f"document {i} " + "word " * (i % 7),
                    "dimensions": 8,
                }
            else:
                url = "/v1/chat/completions"
                body = {
                    "model": "gpt-4o-mini",
                    "messages": [{"role": "user", "content": f"echo: line {i}"}],
                }
            line = {"custom_id": custom_id, "method": "POST", "url": url, "body": body}
            handle.write(json.dumps(line) + "\n")
            ids.append(custom_id)
    return ids


def read_output(path: str) -> List[Dict[str, Any]]:
    """Every output line parsed (a line that does not parse fails the test)."""
    with open(path, "rb") as handle:
        data = handle.read()
    assert not data or data.endswith(b"\n"), "output ends with a torn line"
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def assert_exactly_once(path: str, ids: List[str]) -> List[Dict[str, Any]]:
    lines = read_output(path)
    counts = Counter(line["custom_id"] for line in lines)
    duplicated = [i for i, n in counts.items() if n > 1]
    missing = set(ids) - set(counts)
    assert not duplicated, f"{len(duplicated)} duplicated, e.g. {duplicated[:5]}"
    assert not missing, f"{len(missing)} missing, e.g. {sorted(missing)[:5]}"
    assert set(counts) == set(ids)
    return lines


def cli_command() -> List[str]:
    script = shutil.which("openai-rest", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "openai_rest"]


def cli_env(base_url: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_BASE_URL=base_url, OPENAI_API_KEY=KEY)
    return env


@pytest.fixture
def bulk_cli(openai_emulator: EmulatorHandle) -> Callable[..., subprocess.Popen[str]]:
    """``bulk_cli("bulk", "run", ...)``: the command started against the emulator."""

    def start(*args: str, env: Optional[Dict[str, str]] = None) -> subprocess.Popen[str]:
        return subprocess.Popen(
            cli_command() + list(args),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env or cli_env(openai_emulator.base_url),
        )

    return start


@pytest.fixture
def limited(openai_emulator: EmulatorHandle) -> Iterator[Callable[..., Counting]]:
    """``limited(rpm=..., tpm=...)``: set the emulator's limits, count its 429s."""

    def setup(rpm: Optional[int] = None, tpm: Optional[int] = None) -> Counting:
        limits = openai_emulator.faults.limits
        limits.rpm, limits.tpm = rpm, tpm
        return Counting(limits)

    yield setup
