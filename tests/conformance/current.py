"""Rows for every operation of the current spec that the hand-written table does not cover.

Each row's arguments are made from the spec: path ids are placeholders, and the parameters are
the request schema's required fields (its examples, defaults or first enum values where it has
them, the smallest value of the type otherwise), plus the required query parameters. File
fields get a small real file. ``OVERRIDES`` hand-writes what the schema cannot give.
"""

from __future__ import annotations

from functools import lru_cache
from typing import AbstractSet, Any, Dict, List, Mapping, Optional, Tuple

from .cases import JSONL, PNG, WAV, Case, Sample
from .specs import OPENAPI, shape

SPEC = OPENAPI / "openai-current.yaml"

OVERRIDES: Dict[str, Mapping[str, Any]] = {
    # Prism validates the multipart form field by field; the SDP offer is a plain string.
    "realtime_calls_create": {"sdp": "v=0\r\n"},
    # the generated custom config lacks an object item_schema (its example is not one)
    "evals_create": {"data_source_config": {"type": "custom", "item_schema": {"type": "object"}}},
    # one of file_ids or files is required (anyOf), which the schema's required list omits
    "vector_store_file_batch_create": {"file_ids": ["file-abc"]},
    # a list of files goes as files[] parts, which Prism does not count as the required
    # "files" field: one file goes as "files"
    "skills_create": {"files": JSONL},
    "skill_version_create": {"files": JSONL},
}
"""Function name -> parameters that replace generated ones."""

EMPTY_ANSWERS = frozenset(["container_file_content"])
"""Bytes routes whose spec answer declares no content: Prism sends an empty body."""


def why_unavailable() -> Optional[str]:
    if not SPEC.is_file():
        return f"no {SPEC}"
    try:
        import yaml  # noqa: F401
    except ImportError:
        return "PyYAML is not installed (it reads the current spec's request schemas)"
    return None


@lru_cache(maxsize=1)
def _spec() -> Dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(SPEC, encoding="utf-8") as text:
        loaded: Dict[str, Any] = yaml.load(text, Loader=loader)
    return loaded


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = _spec()
        for key in node["$ref"][2:].split("/"):
            target = target[key]
        node = target
    return node


def _merged(schema: Any) -> Tuple[Dict[str, Any], List[str]]:
    """The properties and required names of an object schema, through ``allOf``."""
    schema = _resolve(schema)
    properties: Dict[str, Any] = {}
    required: List[str] = list(schema.get("required", []))
    for part in schema.get("allOf", []):
        more, needed = _merged(part)
        properties.update(more)
        required += needed
    properties.update(schema.get("properties", {}))
    return properties, required


def _file_for(name: str) -> Sample:
    if any(word in name for word in ("audio", "recording", "sample")):
        return WAV
    if name in ("file", "data", "files"):
        return JSONL
    return PNG


def _binary(schema: Any) -> bool:
    schema = _resolve(schema)
    options = schema.get("oneOf", []) + schema.get("anyOf", [])
    return schema.get("format") == "binary" or any(_binary(s) for s in options)


def sample(schema: Any, name: str = "", depth: int = 0) -> Any:
    """A small value that the schema accepts (a file where it accepts one)."""
    schema = _resolve(schema)
    if _binary(schema):
        return _file_for(name)
    for key in ("const", "example", "default"):
        if key in schema and schema[key] is not None and not isinstance(schema[key], dict):
            return schema[key]
    if schema.get("enum"):
        return next(v for v in schema["enum"] if v is not None)
    for key in ("oneOf", "anyOf"):
        options = [_resolve(s) for s in schema.get(key, [])]
        options = [s for s in options if s.get("type") != "null"]
        if options:
            return sample(options[0], name, depth)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "array" or "items" in schema:
        item = sample(schema.get("items", {}), name, depth + 1)
        return [item] * max(1, schema.get("minItems", 1))
    if kind == "object" or "properties" in schema or "allOf" in schema:
        properties, required = _merged(schema)
        return {key: sample(properties.get(key, {}), key, depth + 1) for key in required}
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return max(1.0, float(schema.get("minimum", 1)))
    if kind == "boolean":
        return True
    return "x" * max(1, schema.get("minLength", 1))


def _params(op: Dict[str, Any], item: Dict[str, Any]) -> Dict[str, Any]:
    params: Dict[str, Any] = {}
    for parameter in [_resolve(p) for p in op.get("parameters", []) + item.get("parameters", [])]:
        if parameter.get("in") == "query" and parameter.get("required"):
            params[parameter["name"]] = sample(parameter.get("schema", {}), parameter["name"])
    content = op.get("requestBody", {}).get("content", {})
    schema = (content.get("multipart/form-data") or content.get("application/json") or {}).get(
        "schema"
    )
    if schema is not None:
        properties, required = _merged(schema)
        for key in required:
            params[key] = sample(properties.get(key, {}), key)
    return params


def current_cases(covered: AbstractSet[Tuple[str, str]]) -> List[Case]:
    """A row per current operation whose (function, path shape) ``covered`` lacks."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    try:
        import coverage as script
    finally:
        sys.path.pop(0)
    rows = []
    spec = _spec()
    for op in script.load_spec(SPEC):
        name = ("admin." if op.admin else "") + op.expected_name
        ids = tuple(f"{part.split('}')[0]}_abc" for part in op.path.split("{")[1:])
        if (name, shape(op.path)) in covered:
            continue
        item = spec["paths"][op.path]
        params = _params(item[op.method.lower()], item)
        params.update(OVERRIDES.get(name, {}))
        rows.append(Case(name, ids, params))
    return rows
