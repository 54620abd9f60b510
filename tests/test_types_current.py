"""``src/openai_rest/types.py`` is what ``scripts/gen_types.py`` generates from the spec now."""

from __future__ import annotations

import difflib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_types.py"
TYPES = ROOT / "src" / "openai_rest" / "types.py"
SPEC = ROOT.parent / "shared" / "openapi" / "openai-current.yaml"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_types", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/openapi/openai-current.yaml is absent")
def test_types_module_is_current() -> None:
    pytest.importorskip("yaml", reason="PyYAML is needed to read the spec")
    if not (shutil.which("ruff") or (Path(sys.executable).parent / "ruff").exists()):
        pytest.skip("ruff is needed: the generator formats its output with it")
    expected = load_script().generate(SPEC)
    current = TYPES.read_text(encoding="utf-8")
    if current != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    current.splitlines(keepends=True),
                    expected.splitlines(keepends=True),
                    "types.py (committed)",
                    "types.py (generated now)",
                )
            )[:60]
        )
        pytest.fail(f"src/openai_rest/types.py is stale: run python scripts/gen_types.py\n{diff}")


def test_import_openai_rest_does_not_load_types() -> None:
    code = (
        "import sys, openai_rest; c = openai_rest.Client(); c.embeddings; c.batches_create; "
        "print('openai_rest.types' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "False"


def test_types_are_plain_dicts_at_run_time() -> None:
    from openai_rest import types

    # getattr: to the type checker these names are TypedDicts and aliases, not values
    assert getattr(types, "ChatCompletion") is dict  # noqa: B009
    assert getattr(types, "ResponseStreamEvent") is dict  # noqa: B009  (a Union of TypedDicts)
    assert getattr(types, "ServiceTier") is Any  # noqa: B009  (a Literal)
    for name in types.__all__:
        assert getattr(types, name) is dict
    with pytest.raises(AttributeError):
        getattr(types, "ChatCompletoin")  # noqa: B009
