"""mypy checks user code written against the generated types (docs/types.md).

``tests/typing/sample_usage.py`` must pass ``mypy --strict``; ``tests/typing/sample_errors.py``
must fail exactly on the lines marked ``# error: <text>``, so this test can fail when the types
stop reaching user code (for example if the endpoint annotations were lost).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "typing"

try:
    import mypy  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    pytest.skip(
        "mypy is not installed (pip install mypy): typing samples not checked",
        allow_module_level=True,
    )


def run_mypy(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-error-summary",
        "--show-error-codes",
        "--cache-dir",
        str(tmp_path / "mypy-cache"),
        str(path.relative_to(ROOT)),
    ]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, timeout=600, check=False
    )


def errors_by_line(output: str, path: Path) -> Dict[int, List[str]]:
    found: Dict[int, List[str]] = {}
    pattern = re.compile(rf"^{re.escape(path.name)}:(\d+): error: (.*)$")
    for line in output.splitlines():
        match = pattern.match(line.replace(str(path.relative_to(ROOT).parent) + "/", "", 1))
        if match:
            found.setdefault(int(match.group(1)), []).append(match.group(2))
    return found


def expected_errors(path: Path) -> Dict[int, str]:
    """``{line: text}`` of the ``# error: text`` comments (comments only, not docstrings)."""
    expected: Dict[int, str] = {}
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and token.string.startswith("# error:"):
            expected[token.start[0]] = token.string[len("# error:") :].strip()
    return expected


def test_sample_usage_passes_mypy_strict(tmp_path: Path) -> None:
    done = run_mypy(SAMPLES / "sample_usage.py", tmp_path)
    assert done.returncode == 0, f"mypy rejected the sample user code:\n{done.stdout}{done.stderr}"


def test_sample_errors_are_rejected_by_mypy(tmp_path: Path) -> None:
    path = SAMPLES / "sample_errors.py"
    expected = expected_errors(path)
    assert len(expected) >= 5
    done = run_mypy(path, tmp_path)
    assert done.returncode == 1, f"mypy did not reject the mistakes:\n{done.stdout}{done.stderr}"
    found = errors_by_line(done.stdout, path)
    missed = {
        line: text
        for line, text in expected.items()
        if not any(text in message for message in found.get(line, []))
    }
    assert not missed, f"mistakes mypy did not report (line: text): {missed}\n{done.stdout}"
    unexpected = {line: messages for line, messages in found.items() if line not in expected}
    assert not unexpected, f"errors on lines not marked '# error:': {unexpected}"
