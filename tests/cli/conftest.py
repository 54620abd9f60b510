"""Run the real ``openai-rest`` command in a subprocess, against the session's emulator."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Dict, List, Optional

import pytest

from openai_rest.emulator.pytest_plugin import EmulatorHandle

SECRET = "sk-cli-test-secret-0123456789abcdef"


def command() -> List[str]:
    """The console script installed next to this Python, else ``python -m openai_rest``."""
    script = shutil.which("openai-rest", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "openai_rest"]


def clean_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(extra)
    return env


class Cli:
    """``cli("chat", "Hi")``: run the command, give back the finished process."""

    def __init__(self, env: Dict[str, str]) -> None:
        self.env = env

    def __call__(
        self,
        *args: str,
        input: Optional[str] = None,
        env: Optional[Dict[str, str]] = None,
        python_m: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "openai_rest"] if python_m else command()
        return subprocess.run(
            argv + list(args),
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            env=env if env is not None else self.env,
            timeout=30,
        )


@pytest.fixture
def cli(openai_emulator: EmulatorHandle) -> Cli:
    """The command, with the emulator's URL and a test key in its environment."""
    return Cli(clean_env(OPENAI_BASE_URL=openai_emulator.base_url, OPENAI_API_KEY=SECRET))
