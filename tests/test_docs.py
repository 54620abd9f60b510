"""Every Python example in the README and docs/ runs against the emulator: docs cannot drift.

A page is one script: its Python blocks (fenced ``python`` or ``py``) run in order in one
namespace and one working directory, so a later block may use what an earlier one made. A
block's ``test_*`` functions are then called, each with the fixtures its parameters name
(``openai_emulator``, ``monkeypatch``, ``tmp_path``, ...), as pytest would. A block that must
not run says why on its first line: ``# not run: it needs a real API key``; it is still
compiled. The run ends with a line saying how many blocks and test functions ran.
"""

from __future__ import annotations

import inspect
import re
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest

import openai_rest
from openai_rest.emulator.pytest_plugin import EmulatorHandle

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```[ \t]*(\w*)[^\n]*\n(.*?)^```", re.S | re.M)
PYTHON = {"python", "py", "python3"}
NOT_RUN = re.compile(r"^#\s*not run\b(?P<colon>:?)\s*(?P<reason>.*)$")


@dataclass
class Block:
    page: str
    number: int  # 1-based among the page's Python blocks
    line: int
    code: str

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line} (Python block {self.number})"

    @property
    def not_run(self) -> Optional[str]:
        """The reason given on the block's ``# not run: REASON`` first line, or None."""
        first = self.code.lstrip().split("\n", 1)[0].strip()
        match = NOT_RUN.match(first)
        if match is None:
            return None
        return match["reason"].strip() if match["colon"] else ""


@dataclass
class Counts:
    """What this module ran, printed at the end of the session (tests/conftest.py)."""

    pages: int = 0
    blocks_run: int = 0
    functions_called: int = 0
    not_run: List[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"docs examples: {self.blocks_run} Python blocks run and "
            f"{self.functions_called} test functions called, on {self.pages} pages; "
            f"{len(self.not_run)} blocks not run, each with its reason"
        )


COUNTS = Counts()


def blocks(path: Path) -> List[Block]:
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if match.group(1).lower() in PYTHON:
            line = text.count("\n", 0, match.start()) + 1
            found.append(Block(str(path.relative_to(ROOT)), len(found) + 1, line, match.group(2)))
    return found


PAGES_WITH_CODE = [p for p in PAGES if blocks(p)]


def test_the_fence_reader_sees_every_python_block() -> None:
    """``py`` and ``python`` fences both count; console, json and sh blocks do not."""
    page = ROOT / "docs" / "bulk.md"
    languages = [m.group(1) for m in FENCE.finditer(page.read_text(encoding="utf-8"))]
    assert "py" in languages or "python" in languages
    assert len(blocks(page)) == sum(lang in PYTHON for lang in languages)


def test_not_run_needs_a_reason() -> None:
    assert Block("x.md", 1, 1, "# not run: it needs the dashboard\nx = 1\n").not_run == (
        "it needs the dashboard"
    )
    assert Block("x.md", 1, 1, "# not run\nx = 1\n").not_run == ""
    assert Block("x.md", 1, 1, "x = 1  # not run\n").not_run is None


class Fixtures:
    """Fixture values for the test functions a page defines, fresh per function as in pytest."""

    def __init__(self, request: pytest.FixtureRequest) -> None:
        self.request = request

    def call(self, function: Callable[..., Any]) -> None:
        cleanups: List[Callable[[], None]] = []
        try:
            kwargs = {
                name: self._value(name, cleanups) for name in inspect.signature(function).parameters
            }
            function(**kwargs)
        finally:
            for cleanup in reversed(cleanups):
                cleanup()

    def _value(self, name: str, cleanups: List[Callable[[], None]]) -> Any:
        if name == "openai_emulator":
            server = self.request.getfixturevalue("openai_emulator_server")
            handle = EmulatorHandle(server)
            cleanups.append(server.faults.clear)
            cleanups.append(handle.close)
            return handle
        if name == "monkeypatch":
            patch = pytest.MonkeyPatch()
            cleanups.append(patch.undo)
            return patch
        return self.request.getfixturevalue(name)


def run_page(path: Path, namespace: Dict[str, Any], fixtures: Fixtures) -> Iterator[str]:
    """Run the page's blocks in order; yield the ``# not run`` blocks' descriptions."""
    for block in blocks(path):
        code = compile(block.code, block.where, "exec")
        reason = block.not_run
        if reason is not None:
            assert reason, f"{block.where}: '# not run' needs a reason: '# not run: WHY'"
            yield f"{block.where}: {reason}"
            continue
        before = dict(namespace)
        exec(code, namespace)
        COUNTS.blocks_run += 1
        for name, value in list(namespace.items()):
            if name.startswith("test_") and callable(value) and before.get(name) is not value:
                fixtures.call(value)
                COUNTS.functions_called += 1


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=[p.name for p in PAGES_WITH_CODE])
def test_page_examples_run(
    page: Path,
    openai_emulator: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-docs-example")
    monkeypatch.setenv("OPENAI_BASE_URL", openai_emulator.base_url)
    monkeypatch.chdir(tmp_path)
    module = types.ModuleType("__docs__")  # a real module: dataclasses look theirs up
    monkeypatch.setitem(sys.modules, "__docs__", module)
    namespace: Dict[str, Any] = module.__dict__
    namespace["EMULATOR_URL"] = openai_emulator.base_url
    COUNTS.pages += 1
    try:
        COUNTS.not_run += run_page(page, namespace, Fixtures(request))
    finally:
        openai_rest._config.GLOBAL.reset()
