"""Every Python example in the README and docs/ runs against the emulator: docs cannot drift."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, List, Tuple

import pytest

import openai_rest

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def examples() -> List[Tuple[str, str]]:
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for number, match in enumerate(FENCE.finditer(text), 1):
            code = match.group(1)
            if "# not run" not in code:
                found.append((f"{path.relative_to(ROOT)}#{number}", code))
    return found


@pytest.mark.parametrize(("where", "code"), examples(), ids=[w for w, _ in examples()])
def test_example_runs(
    where: str, code: str, openai_emulator: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-docs-example")
    monkeypatch.setenv("OPENAI_BASE_URL", openai_emulator.base_url)
    monkeypatch.chdir(tmp_path)
    namespace = {"__name__": "__docs__", "EMULATOR_URL": openai_emulator.base_url}
    exec(compile(code, where, "exec"), namespace)
    openai_rest._config.GLOBAL.reset()
