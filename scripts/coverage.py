"""Which operations of OpenAI's current spec have a definition: ``python scripts/coverage.py``.

Reads ``../shared/openapi/openai-current.yaml`` (beside the repository) and prints a table of
every operation: operationId, method, path, and the function that serves it (``MISSING`` when
none does). ``--write`` writes the table to docs/coverage.md; ``--check`` exits with status 1
when docs/coverage.md is not current or when the definitions disagree with the spec (the same
checks as tests/test_coverage.py). Needs PyYAML; says so and exits 0 when the spec or PyYAML
is absent.

The naming rule of docs/naming.md is ``rule_name`` below: the coverage check holds every
definition to it, except the seed's own names listed in ``SEED_NAMES``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Set, Tuple

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / ".." / "shared" / "openapi" / "openai-current.yaml"
TARGET = ROOT / "docs" / "coverage.md"
METHODS = ("get", "post", "put", "patch", "delete")
ADMIN_PREFIXES = ("/organization/", "/projects/")

_ACTION_WORDS = """accept activate archive cancel compact complete content deactivate hangup
input_tokens pause refer reject remix resume run search submit_tool_outputs validate"""
ACTIONS = frozenset(_ACTION_WORDS.split())
"""Trailing path segments that are actions on what precedes them, not resources."""

SEED_NAMES = {
    "createChatCompletion": "chat_completion",
    "createCompletion": "completions",
    "createEmbedding": "embeddings",
    "createModeration": "moderations",
    "createSpeech": "audio_speech",
    "createTranscription": "audio_transcription",
    "createTranslation": "audio_translation",
    "createImage": "images_generations",
    "createImageEdit": "images_edits",
    "createImageVariation": "images_variations",
    "createFile": "files_upload",
    "createThreadAndRun": "threads_create_and_run",
}
"""The seed's names (openai.ex's) that the rule would spell otherwise: kept as they are."""

ALIASES = {
    "finetunes_delete_model": "models_delete",
    "image_generations": "images_generations",
    "image_edits": "images_edits",
    "image_variations": "images_variations",
}
"""Seed names that serve a current operation beside the rule's name (legacy aliases)."""


def singular(word: str) -> str:
    """A plural made singular: ``vector_stores``, ``batches``, ``responses`` lose their s or es."""
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _one(words: List[str]) -> str:
    """A resource group (``fine_tuning``, ``jobs``) named in the singular: ``fine_tuning_job``."""
    return "_".join([*words[:-1], singular(words[-1])])


def rule_name(method: str, path: str, operation_id: str) -> str:
    """The function name that the naming rule (docs/naming.md) gives an operation."""
    path, _, query = path.partition("?")
    beta = "_beta" if query else ""
    segments = path.strip("/").split("/")
    if segments[0] == "organization":
        segments = segments[1:]
    groups: List[List[str]] = []  # static words, each group closed by an id
    tail: List[str] = []  # static words after the last id
    for segment in segments:
        if segment.startswith("{"):
            groups.append(tail)
            tail = []
        else:
            tail.append(segment)
    action = tail.pop() if tail and tail[-1] in ACTIONS else None
    verb = operation_id.lower()
    if not tail and groups:  # an item: top-level ones keep the plural, nested ones are singular
        name = "_".join(groups[0]) if len(groups) == 1 else "_".join(_one(g) for g in groups)
        item = True
    else:
        name = "_".join([_one(g) for g in groups] + tail)
        item = False
    if action:
        return f"{name}_{action}{beta}"
    if method == "GET":
        return name + beta
    if method == "DELETE":
        return f"{name}_delete{beta}"
    changes = next((v for v in ("modify", "update", "cancel") if v in verb), None)
    if item or changes:  # an item or a singleton: modify, update (or cancel) as the API says
        return f"{name}_{changes or 'update'}{beta}"
    if groups:  # a nested collection: its new item is named in the singular
        name = "_".join([_one(g) for g in groups] + tail[:-1] + [singular(tail[-1])])
    return f"{name}_create{beta}"


class Operation(NamedTuple):
    operation_id: str
    method: str
    path: str
    content: Tuple[str, ...]
    """Request body content types (empty when the operation takes no body)."""
    files: Tuple[str, ...]
    """The multipart fields that hold files (``format: binary``, or arrays of them)."""

    @property
    def admin(self) -> bool:
        return self.path.startswith(ADMIN_PREFIXES)

    @property
    def expected_name(self) -> str:
        return SEED_NAMES.get(self.operation_id) or rule_name(
            self.method, self.path, self.operation_id
        )


def load_spec(path: Path = SPEC) -> List[Operation]:
    """Every operation of the spec file, in its order."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as text:
        spec = yaml.load(text, Loader=loader)

    def resolve(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target = spec
            for key in node["$ref"][2:].split("/"):
                target = target[key]
            node = target
        return node

    def properties(schema: Any) -> Dict[str, Any]:
        schema = resolve(schema)
        found: Dict[str, Any] = {}
        for part in schema.get("allOf", []):
            found.update(properties(part))
        found.update({k: resolve(v) for k, v in schema.get("properties", {}).items()})
        return found

    def binary(schema: Any) -> bool:
        schema = resolve(schema)
        if schema.get("format") == "binary":
            return True
        if schema.get("type") == "array" and binary(schema.get("items", {})):
            return True
        return any(binary(s) for k in ("anyOf", "oneOf") for s in schema.get(k, []))

    operations = []
    for url, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            content = op.get("requestBody", {}).get("content", {})
            form = content.get("multipart/form-data", {}).get("schema")
            files = tuple(k for k, v in properties(form).items() if binary(v)) if form else ()
            operations.append(
                Operation(op["operationId"], method.upper(), url, tuple(content), files)
            )
    return operations


_PARAM = re.compile(r"{[^}]*}")


def shape(path: str) -> str:
    """A path with its parameter names erased (``{model}`` and ``{model_id}`` are one)."""
    return _PARAM.sub("{}", path)


class Definition(NamedTuple):
    name: str
    """The public name: ``files``, or ``admin.projects`` in the admin namespace."""
    route: Any


def definitions() -> Iterator[Definition]:
    """Every route of every endpoint, main namespace first, then ``admin.``."""
    from openai_rest._endpoint import Endpoint
    from openai_rest._endpoints import API
    from openai_rest._endpoints.admin import AdminAPI

    for prefix, api in (("", API), ("admin.", AdminAPI)):
        seen: Set[str] = set()
        for klass in api.__mro__:
            for name, value in vars(klass).items():
                if isinstance(value, Endpoint) and name not in seen:
                    seen.add(name)
                    for route in value.routes:
                        yield Definition(prefix + name, route)


def coverage(
    operations: List[Operation],
) -> Tuple[List[Tuple[Operation, Optional[Definition]]], List[str], List[Definition]]:
    """Each operation with its definition (or ``None``), the disagreements, the extra routes.

    Extra routes are definitions of no current operation: the seed's legacy calls.
    """
    by_call: Dict[Tuple[str, str], List[Definition]] = {}
    for definition in definitions():
        key = (definition.route.method, shape(definition.route.path))
        by_call.setdefault(key, []).append(definition)
    rows: List[Tuple[Operation, Optional[Definition]]] = []
    problems: List[str] = []
    for op in operations:
        found = by_call.pop((op.method, shape(op.path)), [])
        name = ("admin." if op.admin else "") + op.expected_name
        named = [d for d in found if d.name == name]
        rows.append((op, named[0] if named else None))
        for definition in found:
            if definition.name != name and ALIASES.get(definition.name) != op.expected_name:
                problems.append(
                    f"{op.operation_id} ({op.method} {op.path}): defined as {definition.name}, "
                    f"the naming rule says {name}"
                )
            problems += _disagreements(op, definition)
    extra = [d for found in by_call.values() for d in found]
    return rows, problems, extra


def _disagreements(op: Operation, definition: Definition) -> List[str]:
    route = definition.route
    where = f"{definition.name} ({op.method} {op.path})"
    problems = []
    if set(route.files) != set(op.files):
        problems.append(
            f"{where}: file fields {sorted(route.files)}, the spec's are {sorted(op.files)}"
        )
    takes = ", ".join(op.content) or "no body"
    if route.body == "multipart" and "multipart/form-data" not in op.content:
        problems.append(f"{where}: sends a multipart form, the spec takes {takes}")
    elif route.body == "json" and "application/json" not in op.content:
        problems.append(f"{where}: sends a JSON body, the spec takes {takes}")
    elif route.body not in ("json", "multipart") and op.content:
        problems.append(f"{where}: sends no body, the spec takes {takes}")
    return problems


HEADER = """\
# Coverage of the current API

Generated by `scripts/coverage.py --write` from `openai-current.yaml` (OpenAI's OpenAPI spec,
see `../shared/openapi/README.md`) and the endpoint definitions; do not edit by hand (a test
fails when this file is not current). Names follow [the naming rule](naming.md); functions
marked `admin.` live in the administration namespace (`openai_rest.admin.projects()`,
`client.admin.projects()`).
"""


def render(operations: List[Operation]) -> str:
    rows, _, extra = coverage(operations)
    covered = sum(1 for _, d in rows if d is not None)
    lines = [
        HEADER,
        f"**{covered} of {len(rows)} operations defined** "
        f"({sum(1 for op, _ in rows if op.admin)} of them in the admin namespace).",
        "",
        "| operationId | method | path | function |",
        "|---|---|---|---|",
    ]
    for op, definition in rows:
        function = f"`{definition.name}`" if definition else "MISSING"
        lines.append(f"| {op.operation_id} | {op.method} | `{op.path}` | {function} |")
    lines += [
        "",
        "## Definitions outside the current spec",
        "",
        "Legacy calls of the seed surface, kept for servers that still serve them "
        "(see docs/reference.md):",
        "",
        "| function | method | path |",
        "|---|---|---|",
    ]
    lines += [f"| `{d.name}` | {d.route.method} | `{d.route.path}` |" for d in extra]
    return "\n".join(lines) + "\n"


def why_unavailable() -> Optional[str]:
    if not SPEC.is_file():
        return f"no {SPEC} (the shared folder beside the repository is missing)"
    try:
        import yaml  # noqa: F401
    except ImportError:
        return "PyYAML is not installed"
    return None


def main(argv: List[str]) -> int:
    reason = why_unavailable()
    if reason:
        print(f"coverage: skipped: {reason}")
        return 0
    operations = load_spec()
    text = render(operations)
    _, problems, _ = coverage(operations)
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        for problem in problems:
            print(problem)
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is not current: run scripts/coverage.py --write")
        return 1 if problems or current != text else 0
    if "--write" in argv:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    else:
        print(text, end="")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
