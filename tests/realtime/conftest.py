"""Realtime tests: the spec's event schemas, and helpers to run turns against the emulator."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any, Dict

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "openapi" / "openai-current.yaml"
WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "description": "The weather in a city.",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    },
}


def tone(milliseconds: int = 300, rate: int = 24000) -> bytes:
    """Audible 16-bit PCM (a square wave), as a microphone would send."""
    samples = rate * milliseconds // 1000
    return b"".join(
        (4000 if (i // 40) % 2 else -4000).to_bytes(2, "little", signed=True)
        for i in range(samples)
    )


def silence(milliseconds: int = 200, rate: int = 24000) -> bytes:
    return bytes(rate * milliseconds // 1000 * 2)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _ambiguous(error: Any) -> bool:
    """The spec writes some enums as ``oneOf: [{enum: [...]}, {type: string}]`` (meaning anyOf):
    a listed value matches both branches. That is the spec's slip, not the event's."""
    return error.validator == "oneOf" and "is valid under each of" in error.message


class Schemas:
    """Validators for the spec's realtime server and client events, by event type."""

    def __init__(self, spec: Dict[str, Any]) -> None:
        import jsonschema

        self.spec = spec
        self.cls = jsonschema.Draft202012Validator
        self.by_type: Dict[str, Any] = {}
        self.roots: Dict[str, Any] = {}
        for root in ("RealtimeServerEvent", "RealtimeClientEvent"):
            self.roots[root] = self._validator(root)
            for ref in spec["components"]["schemas"][root]["anyOf"]:
                name = ref["$ref"].rsplit("/", 1)[-1]
                schema = spec["components"]["schemas"][name]
                for kind in schema["properties"]["type"].get("enum", ()):
                    self.by_type[f"{root}:{kind}"] = self._validator(name)

    def _validator(self, name: str) -> Any:
        document = {"$ref": f"#/components/schemas/{name}", "components": self.spec["components"]}
        return self.cls(document)

    def errors(self, event: Dict[str, Any], root: str = "RealtimeServerEvent") -> list:
        specific = self.by_type.get(f"{root}:{event.get('type')}")
        if specific is None:
            return [f"{event.get('type')!r} is not a {root} type in the spec"]
        raw = list(specific.iter_errors(event))
        found = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in raw if not _ambiguous(e)
        ]
        if not raw and not self.roots[root].is_valid(event):
            found.append(f"{event['type']} does not validate against {root}")
        return found


@pytest.fixture(scope="session")
def schemas() -> Schemas:
    if not SPEC.exists():
        pytest.skip("../shared/openapi/openai-current.yaml is absent")
    yaml = pytest.importorskip("yaml", reason="PyYAML reads the spec")
    pytest.importorskip("jsonschema", reason="jsonschema validates the events")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with SPEC.open(encoding="utf-8") as handle:
        return Schemas(yaml.load(handle, Loader=loader))
