"""Write docs/reference.md from the endpoint definitions: ``python scripts/gen_reference.py``.

``--check`` exits with status 1 (and writes nothing) when docs/reference.md is not current;
tests/test_reference.py runs the same comparison.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, List

import openai_rest
from openai_rest import AsyncClient, Client
from openai_rest._endpoint import Endpoint, Route
from openai_rest._endpoints import API

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "reference.md"
NONE = "\u2013"  # an en dash in the empty cells

HEADER = """\
# Reference

Generated from the endpoint definitions in `src/openai_rest/_endpoints/` by
`scripts/gen_reference.py`; do not edit by hand (a test fails when this file is not current).

Every function takes path ids positionally, API parameters as keywords or one positional mapping
(merged), and the call options `config=`, `extra_headers=`, `extra_query=`, `extra_body=`.
Faces: **module** `openai_rest.f(...)` (global configuration), **sync** `Client(config).f(...)`,
**async** `await AsyncClient(config).f(...)`. Body: `json`, `multipart` (file fields listed),
`query` (parameters in the URL), `none`. Stream: with `stream=True`, `chat` yields chunk dicts,
`events` yields `{"event": ..., "data": ...}` items.
"""


def endpoints() -> List[Endpoint[Any, Any]]:
    """Every endpoint, in the order of the API's areas and of their definitions."""
    seen: Dict[str, Endpoint[Any, Any]] = {}
    for klass in reversed(API.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Endpoint):
                seen.setdefault(name, value)
    areas = [k for k in API.__mro__[1:] if k is not object]
    order = {k.__module__: i for i, k in enumerate(areas)}
    return sorted(seen.values(), key=lambda e: order.get(e.stub.__module__, len(order)))


def call_form(endpoint: Endpoint[Any, Any], route: Route) -> str:
    args = list(route.path_params) + list(route.positional)
    if route.body in ("json", "multipart", "query"):
        args.append("**params")
    return f"`{endpoint.name}({', '.join(args)})`"


def body_of(route: Route) -> str:
    if route.body == "multipart":
        return "multipart (" + ", ".join(f"`{f}`" for f in sorted(route.files)) + ")"
    return route.body


def result_of(route: Route) -> str:
    return {"json": "JSON", "bytes": "bytes", "auto": "JSON or text", "stream": "byte stream"}.get(
        route.result, route.result
    )


def faces_of(name: str) -> str:
    faces = [
        ("module", hasattr(openai_rest, name)),
        ("sync", hasattr(Client, name)),
        ("async", hasattr(AsyncClient, name)),
    ]
    return ", ".join(face for face, present in faces if present)


def status_of(route: Route) -> str:
    return f"deprecated: {route.deprecated}" if route.deprecated else "current"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_of(obj: Any) -> str:
    lines = (obj.__doc__ or "").strip().splitlines()
    return cell(lines[0].replace("``", "`")) if lines else ""


def render() -> str:
    lines = [HEADER]
    by_area: Dict[str, List[Endpoint[Any, Any]]] = {}
    for endpoint in endpoints():
        by_area.setdefault(endpoint.stub.__module__, []).append(endpoint)
    for area, members in by_area.items():
        module = sys.modules[area]
        lines += [
            f"## {area.rsplit('.', 1)[-1].capitalize()}",
            "",
            summary_of(module),
            "",
            "| function | HTTP | body | result | stream | faces | status | beta header |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for endpoint in members:
            for route in endpoint.routes:
                row = [
                    call_form(endpoint, route),
                    f"`{route.method} {route.path}`",
                    body_of(route),
                    result_of(route),
                    route.stream or NONE,
                    faces_of(endpoint.name),
                    status_of(route),
                    f"`{route.beta}`" if route.beta else NONE,
                ]
                lines.append("| " + " | ".join(cell(c) for c in row) + " |")
        lines.append("")
        lines += [f"- `{e.name}`: {summary_of(e.stub)}" for e in members]
        lines.append("")
    return "\n".join(lines)


def main(argv: List[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is not current: run scripts/gen_reference.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
