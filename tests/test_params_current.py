"""``src/openai_rest/_params.py`` is what ``scripts/gen_params.py`` generates from the spec now."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_params.py"
PARAMS = ROOT / "src" / "openai_rest" / "_params.py"
SPEC = ROOT.parent / "shared" / "openapi" / "openai-current.yaml"


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/openapi/openai-current.yaml is absent")
def test_params_table_is_current() -> None:
    pytest.importorskip("yaml", reason="PyYAML is needed to read the spec")
    if not (shutil.which("ruff") or (Path(sys.executable).parent / "ruff").exists()):
        pytest.skip("ruff is needed: the generator formats its output with it")
    spec = importlib.util.spec_from_file_location("gen_params", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if PARAMS.read_text(encoding="utf-8") != module.generate(SPEC):
        pytest.fail("src/openai_rest/_params.py is stale: run python scripts/gen_params.py")


def test_every_endpoint_of_the_spec_finds_its_parameters() -> None:
    from openai_rest._arguments import schema_params
    from openai_rest._endpoint import Endpoint
    from openai_rest._endpoints import API

    routes = [
        route
        for klass in API.__mro__
        for value in vars(klass).values()
        if isinstance(value, Endpoint)
        for route in value.routes
    ]
    found = [route for route in routes if schema_params(route) is not None]
    assert len(found) > 0.9 * len(routes)
    chat = next(r for r in routes if r.name == "chat_completion")
    assert schema_params(chat)["messages"] == ("l", True)  # type: ignore[index]
