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
from openai_rest._endpoints.admin import AdminAPI

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


def endpoints(api: type = API) -> List[Endpoint[Any, Any]]:
    """Every endpoint of ``api``, in the order of its areas and of their definitions."""
    seen: Dict[str, Endpoint[Any, Any]] = {}
    for klass in reversed(api.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Endpoint):
                seen.setdefault(name, value)
    areas = [k for k in api.__mro__[1:] if k is not object]
    order = {k.__module__: i for i, k in enumerate(areas)}
    return sorted(seen.values(), key=lambda e: order.get(e.stub.__module__, len(order)))


def call_form(endpoint: Endpoint[Any, Any], route: Route, prefix: str = "") -> str:
    args = list(route.path_params) + list(route.positional)
    if route.body in ("json", "multipart", "query"):
        args.append("**params")
    return f"`{prefix}{endpoint.name}({', '.join(args)})`"


def body_of(route: Route) -> str:
    if route.body == "multipart":
        return "multipart (" + ", ".join(f"`{f}`" for f in sorted(route.files)) + ")"
    return route.body


def result_of(route: Route) -> str:
    return {"json": "JSON", "bytes": "bytes", "auto": "JSON or text", "stream": "byte stream"}.get(
        route.result, route.result
    )


def faces_of(name: str, admin: bool = False) -> str:
    if admin:  # the admin namespace of each face
        client, async_client = Client(), AsyncClient()
        faces = [
            ("module", hasattr(openai_rest.admin, name)),
            ("sync", hasattr(client.admin, name)),
            ("async", hasattr(async_client.admin, name)),
        ]
    else:
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


ADMIN_HEADER = """\
# Administration API

The `/organization/...` and `/projects/...` calls, in a namespace of their own:
`openai_rest.admin.f(...)`, `Client(config).admin.f(...)`, `await AsyncClient(config).admin.f(...)`.
They need an admin key (`sk-admin-...`).
"""


def render() -> str:
    lines = [HEADER]
    for api, prefix in ((API, ""), (AdminAPI, "admin.")):
        if prefix:
            lines.append(ADMIN_HEADER)
        lines += render_areas(endpoints(api), prefix)
    return "\n".join(lines)


def render_areas(all_endpoints: List[Endpoint[Any, Any]], prefix: str) -> List[str]:
    lines: List[str] = []
    by_area: Dict[str, List[Endpoint[Any, Any]]] = {}
    for endpoint in all_endpoints:
        by_area.setdefault(endpoint.stub.__module__, []).append(endpoint)
    for area, members in by_area.items():
        module = sys.modules[area]
        title = area.rsplit(".", 1)[-1].replace("_", " ").capitalize()
        lines += [
            f"## {'Admin: ' if prefix else ''}{title}",
            "",
            summary_of(module),
            "",
            "| function | HTTP | body | result | stream | faces | status | beta header |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for endpoint in members:
            for route in endpoint.routes:
                row = [
                    call_form(endpoint, route, prefix),
                    f"`{route.method} {route.path}`",
                    body_of(route),
                    result_of(route),
                    route.stream or NONE,
                    faces_of(endpoint.name, bool(prefix)),
                    status_of(route),
                    f"`{route.beta}`" if route.beta else NONE,
                ]
                lines.append("| " + " | ".join(cell(c) for c in row) + " |")
        lines.append("")
        lines += [f"- `{prefix}{e.name}`: {summary_of(e.stub)}" for e in members]
        lines.append("")
    return lines


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
