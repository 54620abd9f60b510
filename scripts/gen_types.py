"""Generate ``src/openai_rest/types.py``: TypedDicts of the main request and response shapes.

Usage::

    python scripts/gen_types.py            # write src/openai_rest/types.py
    python scripts/gen_types.py --check    # exit 1 if the file is not what would be written

It reads ``../shared/openapi/openai-current.yaml`` (relative to the repository) and follows
the ``$ref`` of a chosen set of root schemas (``ROOTS``) down to ``MAX_DEPTH`` levels; deeper
or too dynamic shapes become ``Dict[str, Any]``. Objects become ``TypedDict(total=False)``
classes with their required keys marked ``Required[...]``; enums and constants become
``Literal[...]``; nullable values ``Optional[...]``; ``oneOf``/``anyOf`` a ``Union``.

Everything typed is defined under ``TYPE_CHECKING``: type checkers and editors read it, the
interpreter skips it (defining some 400 TypedDicts at import would cost about 60 ms). At run
time a module ``__getattr__`` answers ``dict`` for every TypedDict name (and dict-valued
alias) and ``Any`` for the other aliases, so the module imports on Python 3.9 without
typing_extensions and costs about 1 ms. The output is formatted by ``ruff format``.
"""

from __future__ import annotations

import argparse
import heapq
import keyword
import re
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _codegen import ROOT, SPEC, is_current, load_spec, ruff_format

OUTPUT = ROOT / "src" / "openai_rest" / "types.py"
COMMAND = "python scripts/gen_types.py"

MAX_DEPTH = 4
"""How many ``$ref``/nested-object levels below a root are expanded into TypedDicts."""

MAX_LITERALS = 60
"""Longer enums become their base type (``str``): a list of every model name helps nobody."""

# Spec schema name -> public name. Order is the order of the sections in the output.
ROOTS: Dict[str, str] = {
    # Chat completions
    "CreateChatCompletionRequest": "ChatCompletionRequest",
    "ChatCompletionRequestMessage": "ChatCompletionRequestMessage",
    "CreateChatCompletionResponse": "ChatCompletion",
    "ChatCompletionResponseMessage": "ChatCompletionMessage",
    "ChatCompletionMessageToolCall": "ChatCompletionMessageToolCall",
    "CreateChatCompletionStreamResponse": "ChatCompletionChunk",
    "ChatCompletionList": "ChatCompletionList",
    # Responses
    "CreateResponse": "ResponseCreateRequest",
    "Response": "Response",
    "OutputItem": "ResponseOutputItem",
    "ResponseStreamEvent": "ResponseStreamEvent",
    # Embeddings
    "CreateEmbeddingRequest": "EmbeddingRequest",
    "CreateEmbeddingResponse": "EmbeddingResponse",
    # Files
    "OpenAIFile": "FileObject",
    "ListFilesResponse": "FileList",
    "DeleteFileResponse": "FileDeleted",
    # Batches
    "CreateBatchRequest": "BatchCreateRequest",
    "Batch": "Batch",
    "ListBatchesResponse": "BatchList",
    # Fine-tuning jobs
    "CreateFineTuningJobRequest": "FineTuningJobCreateRequest",
    "FineTuningJob": "FineTuningJob",
    "ListPaginatedFineTuningJobsResponse": "FineTuningJobList",
    "ListFineTuningJobEventsResponse": "FineTuningJobEventList",
    "ListFineTuningJobCheckpointsResponse": "FineTuningJobCheckpointList",
    # Vector stores
    "CreateVectorStoreRequest": "VectorStoreCreateRequest",
    "UpdateVectorStoreRequest": "VectorStoreUpdateRequest",
    "VectorStoreObject": "VectorStore",
    "ListVectorStoresResponse": "VectorStoreList",
    "DeleteVectorStoreResponse": "VectorStoreDeleted",
    "CreateVectorStoreFileRequest": "VectorStoreFileCreateRequest",
    "UpdateVectorStoreFileAttributesRequest": "VectorStoreFileUpdateRequest",
    "VectorStoreFileObject": "VectorStoreFile",
    "ListVectorStoreFilesResponse": "VectorStoreFileList",
    "DeleteVectorStoreFileResponse": "VectorStoreFileDeleted",
    "CreateVectorStoreFileBatchRequest": "VectorStoreFileBatchCreateRequest",
    "VectorStoreFileBatchObject": "VectorStoreFileBatch",
    "VectorStoreSearchRequest": "VectorStoreSearchRequest",
    "VectorStoreSearchResultsPage": "VectorStoreSearchResultsPage",
    "VectorStoreSearchResultItem": "VectorStoreSearchResult",
}

# Written by hand here because the spec does not describe them: what the library yields.
EXTRAS = '''
class ResponseStreamItem(TypedDict):
    """One item of ``responses_create(stream=True)``: the SSE event name and its data."""

    event: str
    data: ResponseStreamEvent
'''

ANY_DICT = "Dict[str, Any]"
MODIFIERS = {"nullable", "description", "default", "title", "example", "examples", "deprecated"}
WORDS = re.compile(r"'[^']*'|\"[^\"]*\"|[A-Za-z_]\w*")
"""The words of an annotation; string literals are one word (so never taken for names)."""
PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def camel(text: str) -> str:
    """``response_format`` -> ``ResponseFormat``; any non-identifier character splits words."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", text) if part)


def first_sentence(text: Optional[str], limit: int = 84) -> str:
    """The first sentence of a description, on one line, for a docstring."""
    if not text:
        return ""
    text = " ".join(str(text).split())
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # markdown links: keep the words
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) > limit:
        sentence = sentence[: limit - 3].rsplit(" ", 1)[0] + "..."
    return sentence.replace("\\", "\\\\").replace('"""', "'''")


class Generator:
    def __init__(self, spec: Dict[str, Any]) -> None:
        self.schemas: Dict[str, Any] = spec["components"]["schemas"]
        missing = [name for name in ROOTS if name not in self.schemas]
        if missing:
            raise SystemExit(f"gen_types: root schemas missing from the spec: {missing}")
        self.names: Dict[str, str] = {}  # spec schema name -> Python name
        self.spec_names: Dict[str, str] = {public: spec for spec, public in ROOTS.items()}
        self.taken: Set[str] = set(ROOTS.values()) | {"ResponseStreamItem"}
        self.classes: Dict[str, str] = {}  # Python name -> source of a TypedDict class
        self.aliases: Dict[str, Tuple[str, str]] = {}  # Python name -> (annotation, doc)
        self.order: List[str] = []  # Python names in the order they were first reached
        self.queue: List[Tuple[int, int, str]] = []  # (depth, order, spec name): a heap
        self.best: Dict[str, int] = {}  # spec name -> the shallowest depth it was met at

    # -- naming ----------------------------------------------------------------------------

    def name_of(self, ref_name: str) -> str:
        if ref_name not in self.names:
            name = ROOTS.get(ref_name) or self.unique(camel(ref_name))
            self.names[ref_name] = name
        return self.names[ref_name]

    def unique(self, name: str) -> str:
        if keyword.iskeyword(name) or name[:1].isdigit():
            name = "T" + name
        base, n = name, 2
        while name in self.taken:
            name, n = f"{base}{n}", n + 1
        self.taken.add(name)
        return name

    # -- schema walking ----------------------------------------------------------------------

    def deref(self, schema: Any) -> Tuple[Optional[str], Dict[str, Any]]:
        if isinstance(schema, dict) and "$ref" in schema:
            ref_name = schema["$ref"].rsplit("/", 1)[-1]
            return ref_name, self.schemas.get(ref_name, {})
        return None, schema if isinstance(schema, dict) else {}

    def object_parts(
        self, schema: Dict[str, Any], seen: Tuple[str, ...] = ()
    ) -> Optional[Tuple[Dict[str, Any], Set[str], Optional[str]]]:
        """Properties, required names and description of an object (``allOf`` merged)."""
        if "allOf" in schema:
            props: Dict[str, Any] = {}
            required: Set[str] = set(schema.get("required", []))
            description = schema.get("description")
            for part in schema["allOf"]:
                ref_name, sub = self.deref(part)
                if ref_name in seen:
                    return None
                merged = self.object_parts(sub, seen + ((ref_name,) if ref_name else ()))
                if merged is None:
                    return None
                props.update(merged[0])
                required |= merged[1]
                description = description or merged[2]
            props.update(schema.get("properties", {}))
            return props, required, description
        if "oneOf" in schema or "anyOf" in schema:
            # ``properties`` plus alternatives that only say which keys are required: an
            # object whose alternative keys are all optional. Other alternatives: a union.
            members: List[Dict[str, Any]] = schema.get("oneOf") or schema.get("anyOf") or []
            if "properties" not in schema or any(set(m) - {"required"} for m in members):
                return None
        if schema.get("type", "object") != "object" and "properties" not in schema:
            return None
        if "properties" not in schema:
            return None
        return (
            dict(schema["properties"]),
            set(schema.get("required", [])),
            schema.get("description"),
        )

    def type_of(self, schema: Any, depth: int, owner: str, field: str) -> str:
        """The annotation of ``schema``, met ``depth`` levels below a root."""
        ref_name, body = self.deref(schema)
        if ref_name is not None:
            if self.object_parts(body) is not None or "oneOf" in body or "anyOf" in body:
                if depth > MAX_DEPTH:
                    if ref_name in self.best:  # generated anyway: name it
                        return self.name_of(ref_name)
                    return self.too_deep(body, depth)
                name = self.name_of(ref_name)
                self.enqueue(ref_name, depth)
                return name
            if "enum" in body and len(body["enum"]) <= MAX_LITERALS:
                name = self.name_of(ref_name)
                if name not in self.aliases:
                    doc = first_sentence(body.get("description"))
                    self.aliases[name] = (self.literal(body), doc)
                    self.order.append(name)
                return self.nullable(body, name)
            return self.type_of(body, depth, owner, field)
        return self.inline(body, depth, owner, field)

    def too_deep(self, schema: Dict[str, Any], depth: int) -> str:
        """Past ``MAX_DEPTH``: objects are ``Dict[str, Any]``; a union of plain values is kept."""
        members = schema.get("oneOf") or schema.get("anyOf")
        if not members or depth > MAX_DEPTH + 3:
            return self.nullable(schema, ANY_DICT if members is None else "Any")
        kinds: List[str] = []
        for member in members:
            _, body = self.deref(member)
            if body.get("type") == "null":
                kinds.append("None")
            elif self.object_parts(body) is not None or "oneOf" in body or "anyOf" in body:
                kinds.append(ANY_DICT)
            else:
                kinds.append(self.inline(body, depth + 1, "", ""))
        annotation = self.union([k for k in kinds if k != "None"])
        return self.optional(annotation) if "None" in kinds and annotation != "Any" else annotation

    def enqueue(self, ref_name: str, depth: int) -> None:
        """Render ``ref_name`` at the shallowest depth it is met at (a heap pops depth first)."""
        if ref_name in self.best and self.best[ref_name] <= depth:
            return
        if ref_name not in self.best:
            self.reserve(self.name_of(ref_name))
        self.best[ref_name] = depth
        heapq.heappush(self.queue, (depth, len(self.best), ref_name))

    def reserve(self, name: str) -> None:
        self.classes.setdefault(name, "")
        self.order.append(name)

    def nullable(self, schema: Dict[str, Any], annotation: str) -> str:
        if schema.get("nullable") or (
            isinstance(schema.get("type"), list) and "null" in schema["type"]
        ):
            return f"Optional[{annotation}]"
        return annotation

    def literal(self, schema: Dict[str, Any]) -> str:
        values = [v for v in schema["enum"] if v is not None]
        if not values:
            return "None"
        return "Literal[" + ", ".join(repr(v) for v in values) + "]"

    def inline(self, schema: Dict[str, Any], depth: int, owner: str, field: str) -> str:
        if not schema:
            return "Any"
        if "const" in schema:
            return self.nullable(schema, f"Literal[{schema['const']!r}]")
        if "enum" in schema:
            if len(schema["enum"]) > MAX_LITERALS:
                base = PRIMITIVES.get(str(schema.get("type")), "Any")
                return self.nullable(schema, base)
            annotation = self.literal(schema)
            if None in schema["enum"] and annotation != "None":
                annotation = f"Optional[{annotation}]"
            return self.nullable(schema, annotation)
        for key in ("oneOf", "anyOf"):
            if key in schema:
                members = [
                    self.type_of(member, depth, owner, f"{field}_{i}" if i else field)
                    for i, member in enumerate(schema[key])
                    if not (isinstance(member, dict) and member.get("type") == "null")
                ]
                has_null = any(
                    isinstance(member, dict) and member.get("type") == "null"
                    for member in schema[key]
                )
                annotation = self.union(members)
                if has_null and annotation != "Any":
                    annotation = f"Optional[{annotation}]"
                return self.nullable(schema, annotation)
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) == 1:
                annotation = self.inline({**schema, "type": kinds[0]}, depth, owner, field)
                return annotation if "null" not in kind else self.optional(annotation)
            return self.nullable(schema, "Any")
        if kind == "array":
            items = schema.get("items")
            singular = field[:-1] if field.endswith("s") and not field.endswith("ss") else ""
            item = singular or field + "_item"
            inner = self.type_of(items, depth, owner, item) if items else "Any"
            return self.nullable(schema, f"List[{inner}]")
        if kind in PRIMITIVES:
            return self.nullable(schema, PRIMITIVES[kind])
        if kind == "null":
            return "None"
        if "allOf" in schema:
            # ``allOf: [{$ref: X}, {nullable: true}]`` and the like: X, maybe Optional
            shapes = [p for p in schema["allOf"] if not set(p) <= MODIFIERS]
            if len(shapes) == 1:
                nullable = any(p.get("nullable") for p in schema["allOf"])
                annotation = self.type_of(shapes[0], depth, owner, field)
                if nullable or schema.get("nullable"):
                    return self.optional(annotation)
                return annotation
        parts = self.object_parts(schema)
        if parts is not None and parts[0]:
            if depth > MAX_DEPTH:
                return self.nullable(schema, ANY_DICT)
            name = self.unique(owner + camel(field))
            self.reserve(name)
            self.classes[name] = self.render_class(name, schema, parts, depth)
            return self.nullable(schema, name)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            value = self.type_of(extra, depth + 1, owner, field + "_value")
            return self.nullable(schema, f"Dict[str, {value}]")
        return self.nullable(schema, ANY_DICT)

    def optional(self, annotation: str) -> str:
        return annotation if annotation.startswith("Optional[") else f"Optional[{annotation}]"

    def union(self, members: List[str]) -> str:
        unique: List[str] = []
        for member in members:
            if member not in unique:
                unique.append(member)
        if "Any" in unique:
            return "Any"
        if "str" in unique:  # str absorbs string literals: ``model: str`` reads better
            unique = [m for m in unique if not (m.startswith("Literal['") and "'" in m)]
        if len(unique) == 1:
            return unique[0]
        return "Union[" + ", ".join(unique) + "]"

    # -- rendering -----------------------------------------------------------------------------

    def render_class(
        self,
        name: str,
        schema: Dict[str, Any],
        parts: Tuple[Dict[str, Any], Set[str], Optional[str]],
        depth: int,
    ) -> str:
        props, required, description = parts
        lines: List[str] = []
        doc = first_sentence(description or schema.get("title"))
        spec_name = self.spec_names.get(name)
        if spec_name and spec_name != name:
            doc = (
                f"{doc}\n\n    Spec schema: ``{spec_name}``.\n    "
                if doc
                else f"Spec: ``{spec_name}``."
            )
        body: List[str] = []
        functional = any(not field.isidentifier() or keyword.iskeyword(field) for field in props)
        for field, sub in props.items():
            annotation = self.type_of(sub, depth + 1, name, field)
            if field in required:
                annotation = f"Required[{annotation}]"
            if functional:
                body.append(f"        {field!r}: {annotation!r},")
            else:
                body.append(f"    {field}: {annotation}")
        if functional:
            lines.append(f"{name} = TypedDict(")
            lines.append(f"    {name!r},")
            lines.append("    {")
            lines += body
            lines.append("    },")
            lines.append("    total=False,")
            lines.append(")")
            if doc:
                lines.append(f'"""{doc}"""')
            return "\n".join(lines)
        lines.append(f"class {name}(TypedDict, total=False):")
        if doc:
            lines.append(f'    """{doc}"""')
            lines.append("")
        lines += body or ["    pass"]
        return "\n".join(lines)

    def render_ref(self, ref_name: str, depth: int) -> None:
        name = self.name_of(ref_name)
        schema = self.schemas[ref_name]
        parts = self.object_parts(schema)
        if parts is not None:
            self.classes[name] = self.render_class(name, schema, parts, depth)
            return
        annotation = self.inline(schema, depth, name, "")
        self.classes.pop(name, None)
        self.aliases[name] = (annotation, first_sentence(schema.get("description")))

    def run(self) -> str:
        for ref_name in ROOTS:
            self.enqueue(ref_name, 0)
        done: Set[str] = set()
        while self.queue:
            depth, _, ref_name = heapq.heappop(self.queue)
            if ref_name in done or depth != self.best[ref_name]:
                continue
            done.add(ref_name)
            self.render_ref(ref_name, depth)
        return self.render_module()

    def render_module(self) -> str:
        seen: Set[str] = set()
        classes: List[str] = []
        for name in self.order:
            if name not in seen and name not in self.aliases and self.classes.get(name):
                seen.add(name)
                classes.append(self.classes[name])
        public = [*sorted(ROOTS.values()), "ResponseStreamItem"]
        dict_like = sorted(
            [*(n for n in self.classes if self.classes[n]), "ResponseStreamItem"]
            + [n for n in self.aliases if self.is_dict_like(n)]
        )
        typed = "\n\n".join(
            section.rstrip("\n") for section in [*classes, EXTRAS.strip(), *self.render_aliases()]
        )
        names = "".join(f'    "{name}",\n' for name in dict_like)
        others = "".join(f'    "{name}",\n' for name in sorted(set(self.aliases) - set(dict_like)))
        exported = "".join(f'    "{name}",\n' for name in public)
        return HEADER.format(command=COMMAND) + (
            f"__all__ = [\n{exported}]\n\n"
            "if TYPE_CHECKING:\n"
            + indent(TYPING_IMPORTS + "\n\n" + typed)
            + "\n\nelse:\n"
            + indent(RUNTIME.format(names=names, others=others))
        )

    def is_dict_like(self, name: str, seen: Tuple[str, ...] = ()) -> bool:
        """Whether every value of alias ``name`` is a dict (then it is ``dict`` at run time)."""
        annotation = self.aliases[name][0]
        if annotation.startswith(("Dict[", "Optional[Dict[")):
            return True
        words = [w for w in WORDS.findall(annotation) if w not in ("Union", "Optional", "None")]
        return bool(words) and all(
            self.classes.get(word)
            or (
                word in self.aliases and word not in seen and self.is_dict_like(word, (*seen, name))
            )
            for word in words
        )

    def render_aliases(self) -> List[str]:
        """Each alias after the aliases it names, so the file reads without forward references.

        Classes all come before the aliases; a name an alias cannot wait for (a cycle) is quoted.
        """
        words = WORDS
        needs = {
            name: [w for w in words.findall(annotation) if w in self.aliases and w != name]
            for name, (annotation, _) in self.aliases.items()
        }
        ordered: List[str] = []
        state: Dict[str, int] = {}  # 1 visiting, 2 done

        def visit(name: str) -> None:
            if state.get(name):
                return
            state[name] = 1
            for other in needs[name]:
                visit(other)
            state[name] = 2
            ordered.append(name)

        for name in sorted(self.aliases, key=self.order.index):
            visit(name)
        out: List[str] = []
        defined: Set[str] = set()
        for name in ordered:
            annotation, doc = self.aliases[name]

            def quote(match: re.Match[str]) -> str:
                word = match.group(0)
                return f'"{word}"' if word in self.aliases and word not in defined else word

            annotation = words.sub(quote, annotation)
            defined.add(name)
            text = f"{name}: TypeAlias = {annotation}"
            out.append(text + (f'\n"""{doc}"""' if doc else ""))
        return out


HEADER = '''"""TypedDicts of the main request and response shapes of the OpenAI API.

GENERATED by ``{command}`` from ``../shared/openapi/openai-current.yaml``.
Do not edit: change the script and run it again.

Results are plain dicts and lists at run time; these types only describe them to type
checkers and editors, so they are defined under ``TYPE_CHECKING``: at run time every TypedDict
name here is ``dict`` (other aliases are ``Any``) and importing this module costs next to
nothing. ``import openai_rest`` never imports it. Optional keys may be absent; keys marked
``Required`` are always there. See docs/types.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

'''

TYPING_IMPORTS = """import sys
from typing import Dict, List, Literal, Optional, TypedDict, Union

from typing_extensions import TypeAlias

if sys.version_info >= (3, 11):
    from typing import Required
else:
    from typing_extensions import Required"""

RUNTIME = '''_DICTS = frozenset(
    (
{names}    )
)

_OTHERS = frozenset(
    (
{others}    )
)

def __getattr__(name: str) -> Any:
    """At run time a TypedDict is a plain ``dict``; other aliases are ``Any``."""
    if name in _DICTS:
        return dict
    if name in _OTHERS:
        return Any
    raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
'''


def indent(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in text.splitlines())


def generate(spec_path: Path = SPEC) -> str:
    """The text of ``types.py`` for the spec at ``spec_path`` (formatted by ``ruff format``)."""
    return ruff_format(Generator(load_spec(spec_path)).run(), OUTPUT, "gen_types")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--spec", type=Path, default=SPEC)
    args = parser.parse_args(argv)
    text = generate(args.spec)
    if args.check:
        return 0 if is_current(OUTPUT, text, COMMAND) else 1
    OUTPUT.write_text(text, encoding="utf-8")
    classes = len(re.findall(r"^\s*class \w+\(|= TypedDict\($", text, re.M))
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {classes} TypedDicts, {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
