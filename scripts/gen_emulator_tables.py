"""Generate ``src/openai_rest/emulator/_tables.py``: the emulator's request validation tables.

Usage::

    python scripts/gen_emulator_tables.py            # write the tables
    python scripts/gen_emulator_tables.py --check    # exit 1 if they are not what would be written

It reads ``../shared/openapi/openai-current.yaml`` and keeps, for every operation with a JSON
request body, only what validation needs: the shapes of the body (``type``, ``properties``,
``required``, ``items``, ``enum``, unions, numeric bounds, ``minItems``, ``maxLength``),
named shapes shared by reference, and every model id the spec lists. Descriptions, examples
and formats are dropped, so the package never carries the spec itself.
"""

from __future__ import annotations

import argparse
import pprint
import re
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _codegen import ROOT, SPEC, is_current, load_spec, ruff_format

OUTPUT = ROOT / "src" / "openai_rest" / "emulator" / "_tables.py"
COMMAND = "python scripts/gen_emulator_tables.py"
MAX_ENUM = 64  # longer enums (model lists) are kept as their base type
_MODEL_ID = re.compile(
    r"^(gpt-|o\d|text-(embedding|moderation)|dall-e|tts-|whisper|omni-moderation|davinci|babbage"
    r"|chatgpt-|codex-|computer-use)"
)

Shape = Dict[str, Any]


class Tables:
    """Walks the spec from each request body, naming the component shapes it meets."""

    def __init__(self, spec: Dict[str, Any]) -> None:
        self.spec = spec
        self.components: Dict[str, Any] = spec["components"]["schemas"]
        self.shapes: Dict[str, Shape] = {}
        self.models: Set[str] = set()
        self._busy: Set[str] = set()

    def ref(self, name: str) -> Any:
        """A reference to component ``name`` (a plain shape for trivial components)."""
        if name not in self.shapes and name not in self._busy:
            self._busy.add(name)
            self.shapes[name] = self.shape(self.components[name])
            self._busy.discard(name)
        return {"ref": name}

    def shape(self, schema: Any) -> Shape:
        if not isinstance(schema, dict):
            return {}
        if "$ref" in schema:
            return self.ref(schema["$ref"].rsplit("/", 1)[-1])
        if "allOf" in schema:
            merged: Shape = {}
            for part in schema["allOf"]:
                merged = _merge(merged, self._inline(self.shape(part)))
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            return _merge(merged, self.shape(rest)) if rest else merged
        out: Shape = {}
        for key in ("anyOf", "oneOf"):
            if key in schema:
                branches = [self.shape(b) for b in schema[key]]
                out["anyOf"] = [b for b in branches if b != {}] if {} not in branches else []
                if not out["anyOf"]:
                    return {}
        kind = schema.get("type")
        if kind is not None:
            out["type"] = sorted(kind) if isinstance(kind, list) else [kind]
            if schema.get("nullable") and "null" not in out["type"]:
                out["type"].append("null")
        enum = schema.get("enum")
        if enum is not None:
            self._note_models(enum)
            if len(enum) <= MAX_ENUM:
                out["enum"] = list(enum)
        if "properties" in schema:
            out["properties"] = {k: self.shape(v) for k, v in schema["properties"].items()}
        if schema.get("required"):
            out["required"] = list(schema["required"])
        if schema.get("additionalProperties") is False:
            out["closed"] = True
        if isinstance(schema.get("items"), dict):
            items = self.shape(schema["items"])
            if items:
                out["items"] = items
        for key in ("minimum", "maximum", "minItems", "maxItems", "maxLength"):
            if isinstance(schema.get(key), (int, float)) and not isinstance(schema[key], bool):
                out[key] = schema[key]
        return out

    def _inline(self, shape: Shape) -> Shape:
        """``shape`` with a top reference resolved (``allOf`` merges need the real keys)."""
        seen = 0
        while "ref" in shape and seen < 20:
            shape, seen = self.shapes.get(shape["ref"], {}), seen + 1
        return shape

    def _note_models(self, enum: List[Any]) -> None:
        for value in enum:
            if isinstance(value, str) and _MODEL_ID.match(value):
                self.models.add(value)

    def operations(self) -> Tuple[Dict[Tuple[str, str], Shape], List[Tuple[str, str]]]:
        """The JSON bodies' shapes by (method, path), and the multipart operations."""
        found: Dict[Tuple[str, str], Shape] = {}
        forms: List[Tuple[str, str]] = []
        for path, item in self.spec["paths"].items():
            for method, operation in item.items():
                if not isinstance(operation, dict):
                    continue
                content = (operation.get("requestBody") or {}).get("content") or {}
                key = (method.upper(), re.sub(r"\{[^}]*\}", "{}", path))
                if "multipart/form-data" in content:
                    forms.append(key)
                schema = (content.get("application/json") or {}).get("schema")
                if schema is not None:
                    found[key] = self.shape(schema)
        return found, sorted(forms)


def _merge(a: Shape, b: Shape) -> Shape:
    out = dict(a)
    for key, value in b.items():
        if key == "properties":
            out[key] = {**out.get(key, {}), **value}
        elif key == "required":
            out[key] = list(dict.fromkeys([*out.get(key, []), *value]))
        else:
            out.setdefault(key, value)
    return out


def _used(operations: Dict[Tuple[str, str], Shape], shapes: Dict[str, Shape]) -> Set[str]:
    """The named shapes the operations reach."""
    seen: Set[str] = set()
    stack: List[Any] = list(operations.values())
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            name = node.get("ref")
            if isinstance(name, str) and name not in seen:
                seen.add(name)
                stack.append(shapes.get(name, {}))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return seen


def generate(spec_path: Path = SPEC, version: Optional[str] = None) -> str:
    """The text of ``_tables.py`` for the spec at ``spec_path``."""
    spec = load_spec(spec_path)
    tables = Tables(spec)
    operations, forms = tables.operations()
    used = _used(operations, tables.shapes)
    shapes = {k: tables.shapes[k] for k in sorted(used)}
    version = version or str(spec.get("info", {}).get("version", ""))
    text = (
        '"""The emulator\'s request validation tables, generated from the OpenAPI spec\n'
        f"(version {version}) by ``{COMMAND}``.\n"
        "Do not edit: run the script (a test checks they are current).\n"
        '"""\n\n'
        "from typing import Any, Dict, FrozenSet, Tuple\n\n"
        f"SPEC_VERSION = {version!r}\n\n"
        "#: (method, path with ``{}`` for parameters) -> the shape of the JSON body.\n"
        f"OPERATIONS: Dict[Tuple[str, str], Any] = {pprint.pformat(operations, width=99)}\n\n"
        "#: Named shapes the operations refer to with ``{'ref': NAME}``.\n"
        f"SHAPES: Dict[str, Any] = {pprint.pformat(shapes, width=99)}\n\n"
        "#: The multipart operations (their ``model`` field is checked).\n"
        f"FORMS: FrozenSet[Tuple[str, str]] = frozenset({pprint.pformat(forms, width=99)})\n\n"
        "#: Every model id the spec names.\n"
        f"MODELS: FrozenSet[str] = frozenset({pprint.pformat(sorted(tables.models), width=99)})\n"
    )
    return ruff_format(text, OUTPUT, "gen_emulator_tables")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        return 0 if is_current(OUTPUT, text, COMMAND) else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
