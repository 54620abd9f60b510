"""Request validation against the current spec, answered as the API answers it.

The tables (``_tables.py``) are generated from the OpenAPI spec by
``scripts/gen_emulator_tables.py``. A JSON body is checked against its operation's shape: an
unknown top-level parameter, a wrong type, a missing required field, a value outside an enum
or a bound get the API's 400 naming the path (``messages[0].role``). Operations without a
table (Azure's, legacy ones, WebSocket upgrades) pass through untouched. An unknown model is
a 404 ``model_not_found`` unless ``models="any"``.
"""

from __future__ import annotations

import functools
import re
from typing import (
    Any,
    Callable,
    Dict,
    FrozenSet,
    Iterable,
    List,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from ._state import ApiError

Shape = Dict[str, Any]

# Endpoints answering unknown arguments the older way ("Unrecognized request argument").
_LEGACY = re.compile(
    r"^/(chat/completions|completions|embeddings|moderations|images|audio|edits|fine_tuning|files)"
)
_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a decimal",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
    "null": "null",
}


_KINDS = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def _kind(value: Any) -> str:
    kind = _KINDS.get(type(value))
    if kind is not None:
        return kind
    for cls, name in _KINDS.items():  # subclasses (an IntEnum, an OrderedDict)
        if isinstance(value, cls):
            return name
    return "unknown"


def _listing(values: Sequence[Any]) -> str:
    quoted = [f"'{v}'" for v in values]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _expected(kinds: Iterable[str]) -> str:
    names = [name for kind, name in _NAMES.items() if kind in kinds and kind != "null"]
    if len(names) == 1:
        return names[0]
    return "one of " + ", ".join(names[:-1]) + " or " + names[-1] if names else "null"


class _Failure:
    """A validation error found deep in a body: its code, its message for a path, and the
    path's segments from the inside out (keys and indexes, added on the way back up)."""

    __slots__ = ("code", "message", "segments")

    def __init__(
        self,
        code: Optional[str],
        message: Callable[[str], str],
        segments: Optional[List[Union[str, int]]] = None,
    ) -> None:
        self.code, self.message = code, message
        self.segments: List[Union[str, int]] = segments if segments is not None else []

    def path(self) -> str:
        """``messages[0].content``: the segments as the API writes a parameter's path."""
        out = ""
        for segment in reversed(self.segments):
            if isinstance(segment, int):
                out += f"[{segment}]"
            else:
                out = f"{out}.{segment}" if out else segment
        return out


Check = Callable[[Any], Optional[_Failure]]


def _accept(value: Any) -> Optional[_Failure]:
    return None


class _Plan(NamedTuple):
    """A union's branches, the JSON kinds they take, and the property telling them apart."""

    branches: List[Shape]
    kinds: List[str]
    tag: Optional[str]
    by_tag: Dict[str, List[Shape]]
    untagged: List[Shape]


class Validator:
    """Checks request bodies against the generated tables (loaded on first use)."""

    def __init__(self, models: str = "known") -> None:
        if models not in ("known", "any"):
            raise ValueError("models must be 'known' or 'any'")
        from ._tables import FORMS, MODELS, OPERATIONS, SHAPES

        self.models = models
        self.shapes: Dict[str, Shape] = {}
        self.operations: Dict[Tuple[str, str], Shape] = {
            key: self._linked(shape, SHAPES) for key, shape in OPERATIONS.items()
        }
        self.forms = FORMS
        self.known_models = MODELS
        self._checks: Dict[Tuple[int, bool, bool], Check] = {}
        self._branches: Dict[int, List[Shape]] = {}
        self._plans: Dict[int, _Plan] = {}
        self._kinds: Dict[int, List[str]] = {}

    def check(
        self,
        method: str,
        path: str,
        body: Dict[str, Any],
        known: Callable[[str], bool],
        *,
        form: bool = False,
    ) -> None:
        """Raise the API's error for ``body`` sent to ``method path`` (relative to ``/v1``,
        parameters as ``{}``; a multipart body's fields); ``known(model)`` says whether the
        emulator has a model (fine-tuned ones too)."""
        shape = None if form else self.operations.get((method, path))
        if shape is not None:
            legacy = bool(_LEGACY.match(path))
            failure = self._compile(shape, top=True, legacy=legacy)(body)
            if failure is not None:
                param = failure.path()
                raise ApiError(400, failure.message(param), param=param, code=failure.code)
        elif (method, path) not in self.forms:
            return
        model = body.get("model")
        if isinstance(model, str) and self.models == "known" and not self.model_known(model, known):
            raise ApiError(
                404,
                f"The model `{model}` does not exist or you do not have access to it.",
                code="model_not_found",
            )

    def model_known(self, model: str, known: Callable[[str], bool]) -> bool:
        return model in self.known_models or known(model)

    def _linked(self, shape: Any, named: Dict[str, Shape]) -> Any:
        """``shape`` with its ``{"ref": NAME}`` replaced by the named shapes themselves (one
        shared, possibly cyclic, graph) and its types as frozensets: the walk does no lookups."""
        if isinstance(shape, list):
            return [self._linked(s, named) for s in shape]
        if not isinstance(shape, dict):
            return shape
        name = shape.get("ref")
        if isinstance(name, str):
            if name not in self.shapes:
                self.shapes[name] = linked = {}
                linked.update(self._linked(named.get(name, {}), named))
            return self.shapes[name]
        out: Shape = {}
        for key, value in shape.items():
            if key == "properties":
                out[key] = {k: self._linked(v, named) for k, v in value.items()}
            elif key == "type":
                out[key] = frozenset(value)
            elif key in ("anyOf", "items"):
                out[key] = self._linked(value, named)
            else:
                out[key] = value
        return out

    # --- the walk: each shape compiled once into a check; errors carry their path segments,
    # added on the way back up -----------------------------------------------------------------

    def _value(self, value: Any, shape: Shape) -> Optional[_Failure]:
        return self._compile(shape)(value)

    def _compile(self, shape: Shape, top: bool = False, legacy: bool = False) -> Check:
        """The check of ``shape`` (memoised; a cycle goes through a forwarding check)."""
        key = (id(shape), top, legacy)
        done = self._checks.get(key)
        if done is not None:
            return done
        cell: List[Check] = []
        self._checks[key] = lambda value: cell[0](value)
        built = self._build(shape, top, legacy)
        cell.append(built)
        self._checks[key] = built
        return built

    def _build(self, shape: Shape, top: bool, legacy: bool) -> Check:
        if "anyOf" in shape:
            return self._union_check(shape)
        types: Optional[FrozenSet[str]] = shape.get("type")
        enum = shape.get("enum")
        listed = _listing(enum) if enum is not None else ""
        objects = self._object_check(shape, top, legacy)
        arrays = self._array_check(shape)
        numbers = _bounds_check(shape, types)
        high = shape.get("maxLength")

        def check(value: Any) -> Optional[_Failure]:
            kind = _KINDS.get(type(value)) or _kind(value)
            if (
                types is not None
                and kind not in types
                and not (kind == "integer" and "number" in types)
            ):
                return self._type_error(value, types)
            if kind == "null":
                return None
            if enum is not None and value not in enum:
                message = f"Invalid value: '{value}'. Supported values are: {listed}."
                return _Failure("invalid_value", lambda path: message)
            if kind == "object":
                return objects(value) if objects is not None else None
            if kind == "array":
                return arrays(value) if arrays is not None else None
            if kind == "integer" or kind == "number":
                return numbers(value) if numbers is not None else None
            if kind == "string" and high is not None and len(value) > high:
                size = len(value)
                return _Failure(
                    "string_above_max_length",
                    lambda path: (
                        f"Invalid '{path}': string too long. Expected a string with "
                        f"maximum length {high}, but got a string with length {size} instead."
                    ),
                )
            return None

        if enum is None and objects is None and arrays is None and numbers is None and high is None:
            if types is None:
                return _accept
            fine = types | {"integer"} if "number" in types else types

            def leaf(value: Any) -> Optional[_Failure]:  # the common case, kept short
                return None if _KINDS.get(type(value)) in fine else check(value)

            return leaf
        return check

    @staticmethod
    def _type_error(value: Any, allowed: Iterable[str]) -> _Failure:
        got = _NAMES.get(_kind(value), "an unknown value")
        expected = _expected(allowed)
        return _Failure(
            "invalid_type",
            lambda path: f"Invalid type for '{path}': expected {expected}, but got {got} instead.",
        )

    def _object_check(self, shape: Shape, top: bool, legacy: bool) -> Optional[Check]:
        props: Dict[str, Shape] = shape.get("properties") or {}
        closed = (top and bool(props)) or bool(shape.get("closed"))
        if not props and not closed and not shape.get("required"):
            return None
        # A nullable field listed as required may be left out below the top level.
        required = [
            name
            for name in shape.get("required") or ()
            if top or name not in props or not self._nullable(props[name])
        ]
        checks: Dict[str, Check] = {}

        def sub(name: str) -> Check:
            found = checks.get(name)
            if found is None:
                found = checks[name] = self._compile(props[name])
            return found

        def check(value: Dict[str, Any]) -> Optional[_Failure]:
            for name in required:
                if name not in value or (top and value[name] is None):
                    return _Failure(
                        "missing_required_parameter",
                        lambda path: f"Missing required parameter: '{path}'.",
                        [name],
                    )
            for name, item in value.items():
                if name not in props:
                    if not closed:
                        continue
                    if legacy:
                        return _Failure(
                            None,
                            lambda path: f"Unrecognized request argument supplied: {path}",
                            [name],
                        )
                    return _Failure(
                        "unknown_parameter", lambda path: f"Unknown parameter: '{path}'.", [name]
                    )
                failure = sub(name)(item)
                if failure is not None:
                    failure.segments.append(name)
                    return failure
            return None

        return check

    def _array_check(self, shape: Shape) -> Optional[Check]:
        low, high, items = shape.get("minItems", 0), shape.get("maxItems"), shape.get("items")
        if not low and high is None and not items:
            return None
        compiled: List[Check] = []

        def check(value: List[Any]) -> Optional[_Failure]:
            size = len(value)
            if size < low:
                if not value:
                    return _Failure(
                        "empty_array",
                        lambda path: (
                            f"Invalid '{path}': empty array. Expected an array with "
                            f"minimum length {low}, but got an empty array instead."
                        ),
                    )
                return _Failure(
                    "array_below_min_length",
                    lambda path: (
                        f"Invalid '{path}': array too short. Expected an array with "
                        f"minimum length {low}, but got an array with length {size} instead."
                    ),
                )
            if high is not None and size > high:
                return _Failure(
                    "array_above_max_length",
                    lambda path: (
                        f"Invalid '{path}': array too long. Expected an array with "
                        f"maximum length {high}, but got an array with length {size} instead."
                    ),
                )
            if items:
                if not compiled:
                    compiled.append(self._compile(items))
                each = compiled[0]
                for index, item in enumerate(value):
                    failure = each(item)
                    if failure is not None:
                        failure.segments.append(index)
                        return failure
            return None

        return check

    def _nullable(self, shape: Optional[Shape]) -> bool:
        """Whether ``shape`` accepts null: such a "required" field may be left out (the spec
        shares shapes with answers, where every field is present)."""
        return shape is not None and "null" in self._branch_kinds(shape)

    def _branch_kinds(self, branch: Shape) -> List[str]:
        kinds = self._kinds.get(id(branch))
        if kinds is None:
            resolved = branch
            if "anyOf" in resolved:
                kinds = [k for b in resolved["anyOf"] for k in self._branch_kinds(b)]
            else:
                kinds = list(resolved.get("type") or _NAMES)
            self._kinds[id(branch)] = kinds
        return kinds

    def _union_check(self, shape: Shape) -> Check:
        """``anyOf``/``oneOf``: valid when a branch accepts the value; else the error of the
        branch it was meant for (the one whose tag, such as ``role`` or ``type``, it carries)."""
        plan = self._plan(shape)
        kinds = frozenset(plan.kinds)
        branch_checks: Dict[int, Check] = {}

        def entries(branches: List[Shape]) -> List[Tuple[Shape, FrozenSet[str]]]:
            return [(b, frozenset(self._branch_kinds(b))) for b in branches]

        everything = entries(plan.branches)
        by_tag = {tag: entries(found) for tag, found in plan.by_tag.items()}
        untagged = entries(plan.untagged) or everything
        supported = _listing(list(plan.by_tag))
        # kinds some branch takes whole, with no further constraint: no branch to try
        free = set()
        for branch in plan.branches:
            if set(branch) <= {"type"}:
                free.update(self._branch_kinds(branch))
        if "number" in free:
            free.add("integer")

        def check(value: Any) -> Optional[_Failure]:
            kind = _KINDS.get(type(value)) or _kind(value)
            if kind in free:
                return None
            if kind not in kinds and not (kind == "integer" and "number" in kinds):
                return self._type_error(value, kinds)
            candidates = everything
            if kind == "object" and plan.tag is not None:
                if plan.tag in value:
                    tag = value[plan.tag]
                    found = by_tag.get(tag) if isinstance(tag, str) else None
                    if found is None:
                        return _Failure(
                            "invalid_value",
                            lambda path: (
                                f"Invalid value: '{tag}'. Supported values are: {supported}."
                            ),
                            [plan.tag],
                        )
                    candidates = found
                else:
                    candidates = untagged
            failures = []
            for branch, branch_kinds in candidates:
                if kind not in branch_kinds and not (
                    kind == "integer" and "number" in branch_kinds
                ):
                    continue
                run = branch_checks.get(id(branch))
                if run is None:
                    run = branch_checks[id(branch)] = self._compile(branch)
                failure = run(value)
                if failure is None:
                    return None
                failures.append(failure)
            if not failures:
                return self._type_error(value, kinds)
            # the branch meant: one that found a bad value rather than a missing field, deepest
            return max(
                failures, key=lambda f: (f.code != "missing_required_parameter", len(f.segments))
            )

        return check

    def _plan(self, shape: Shape) -> _Plan:
        """How to pick a union's branch: its kinds, and its tag property (cached)."""
        plan = self._plans.get(id(shape))
        if plan is None:
            branches = self._flat_branches(shape)
            kinds = list(dict.fromkeys(k for b in branches for k in self._branch_kinds(b)))
            plan = _Plan(branches, kinds, None, {}, [])
            objects = [b for b in branches if "object" in self._branch_kinds(b)]
            for name in ("type", "role"):
                tags = [self._tags(b).get(name) for b in objects]
                if objects and all(tags):
                    by_tag: Dict[str, List[Shape]] = {}
                    for branch, values in zip(objects, tags):
                        for tag in values or ():
                            by_tag.setdefault(tag, []).append(branch)
                    untagged = [b for b in objects if name not in (b.get("required") or ())]
                    plan = _Plan(branches, kinds, name, by_tag, untagged)
                    break
            self._plans[id(shape)] = plan
        return plan

    def _flat_branches(self, shape: Shape) -> List[Shape]:
        """The branches of a union, nested unions opened (cached: the walk is hot)."""
        cached = self._branches.get(id(shape))
        if cached is None:
            cached = []
            for branch in shape["anyOf"]:
                cached.extend(self._flat_branches(branch) if "anyOf" in branch else [branch])
            self._branches[id(shape)] = cached
        return cached

    def _tags(self, branch: Shape) -> Dict[str, List[Any]]:
        """The properties of an object branch that hold one of a few fixed values (its tag)."""
        tags = {}
        for name, prop in (branch.get("properties") or {}).items():
            enum = prop.get("enum")
            if enum is not None and len(enum) <= 3:
                tags[name] = enum
        return tags


def _bounds_check(shape: Shape, types: Optional[FrozenSet[str]]) -> Optional[Check]:
    low, high = shape.get("minimum"), shape.get("maximum")
    if low is None and high is None:
        return None
    word = "decimal" if types is not None and "number" in types else "integer"

    def check(value: float) -> Optional[_Failure]:
        if low is not None and value < low:
            return _Failure(
                f"{word}_below_min_value",
                lambda path: (
                    f"Invalid '{path}': {word} below minimum value. Expected a value "
                    f">= {low}, but got {value} instead."
                ),
            )
        if high is not None and value > high:
            return _Failure(
                f"{word}_above_max_value",
                lambda path: (
                    f"Invalid '{path}': {word} above maximum value. Expected a value "
                    f"<= {high}, but got {value} instead."
                ),
            )
        return None

    return check


@functools.lru_cache(maxsize=512)
def route_key(canonical: str) -> Optional[str]:
    """The spec path of an emulator route (``/v1/threads/{thread_id}`` → ``/threads/{}``);
    None outside ``/v1`` (Azure, the emulator's own pages)."""
    if not canonical.startswith("/v1/"):
        return None
    return re.sub(r"\{[^}]*\}", "{}", canonical[3:])
