"""docs/reference.md is generated from the endpoint definitions and must be current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from openai_rest._endpoint import Endpoint
from openai_rest._endpoints import API

ROOT = Path(__file__).resolve().parents[1]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_reference", ROOT / "scripts/gen_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_is_current() -> None:
    gen = generator()
    current = gen.TARGET.read_text(encoding="utf-8")
    assert current == gen.render(), (
        "docs/reference.md is stale: run python scripts/gen_reference.py"
    )


def test_reference_lists_every_route() -> None:
    text = generator().render()
    routes = [
        (name, route)
        for klass in API.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, Endpoint)
        for route in value.routes
    ]
    for name, route in routes:
        line = next(
            (row for row in text.splitlines() if f"`{route.method} {route.path}`" in row
             and row.startswith(f"| `{name}(")),
            None,
        )  # fmt: skip
        assert line is not None, (name, route)
        assert (route.deprecated or "current") in line.replace("\\|", "|")
        assert (route.beta or "\u2013") in line
