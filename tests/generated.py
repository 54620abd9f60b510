"""The check every generated file shares: it is what its script writes from the spec now."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent / "shared" / "openapi" / "openai-current.yaml"


def assert_generated_current(script: str, output: str) -> None:
    """Fail when ``output`` (relative to the repository) differs from what ``scripts/script``'s
    ``generate(SPEC)`` gives; skip without the spec, PyYAML or ruff."""
    if not SPEC.exists():
        pytest.skip("../shared/openapi/openai-current.yaml is absent")
    pytest.importorskip("yaml", reason="PyYAML is needed to read the spec")
    if not (shutil.which("ruff") or (Path(sys.executable).parent / "ruff").exists()):
        pytest.skip("ruff is needed: the generator formats its output with it")
    spec = importlib.util.spec_from_file_location(Path(script).stem, ROOT / "scripts" / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if (ROOT / output).read_text(encoding="utf-8") != module.generate(SPEC):
        pytest.fail(f"{output} is stale: run python scripts/{script}")
