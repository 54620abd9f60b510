"""Structured outputs on plain data: strict JSON schemas from Python types, and parsing back.

``strict_schema(t)`` turns a pydantic v2 model, a dataclass, a ``TypedDict``, a ``NamedTuple``,
an ``Enum``, a typing form (``list[...]``, ``Optional``, ``Union``, ``Literal``, ``Annotated``
with constraints) or a JSON-schema dict into the schema the API's strict mode accepts. Python
types other than pydantic models get their schema built here, without pydantic; pydantic is
only touched when a pydantic model is given. ``parse_json(text, t)`` reads an answer back into
``t``. Pure code: no I/O.

The strict-mode rules: every object has ``additionalProperties: false`` and lists all its
properties in ``required``; ``$defs`` and ``$ref`` are kept (a ``$ref`` with siblings is
inlined, as the API wants); ``null`` defaults are dropped; ``oneOf`` becomes ``anyOf``; the
keywords strict mode refuses raise a ``TypeError`` naming where they are.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import enum
import json
import re
import sys
import typing
import uuid
from typing import Any, Dict, List, Optional, Tuple

from ._errors import OutputValidationError

UNSUPPORTED_KEYWORDS = frozenset(
    {
        "not",
        "if",
        "then",
        "else",
        "dependentRequired",
        "dependentSchemas",
        "patternProperties",
        "unevaluatedProperties",
        "propertyNames",
        "minProperties",
        "maxProperties",
        "unevaluatedItems",
        "contains",
        "minContains",
        "maxContains",
        "uniqueItems",
        "prefixItems",
    }
)
"""JSON-schema keywords the API's strict mode does not accept (its structured-outputs guide)."""

_SCALARS: Dict[Any, Dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
    datetime.datetime: {"type": "string", "format": "date-time"},
    datetime.date: {"type": "string", "format": "date"},
    datetime.time: {"type": "string", "format": "time"},
    datetime.timedelta: {"type": "string", "format": "duration"},
    uuid.UUID: {"type": "string", "format": "uuid"},
    bytes: {"type": "string", "format": "binary"},
}
_NAMED: Dict[Tuple[str, str], Dict[str, Any]] = {
    ("decimal", "Decimal"): {"anyOf": [{"type": "number"}, {"type": "string"}]},
    ("pathlib", "Path"): {"type": "string", "format": "path"},
}
"""Types known by module and name, so that their modules are not imported to ask."""
_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)

_CONSTRAINTS = {
    "gt": "exclusiveMinimum",
    "ge": "minimum",
    "lt": "exclusiveMaximum",
    "le": "maximum",
    "multiple_of": "multipleOf",
    "pattern": "pattern",
    "description": "description",
}


# --- strict schemas -------------------------------------------------------------------------


def is_pydantic_model(t: Any) -> bool:
    """A pydantic v2 model class (duck-typed: pydantic is not imported to ask)."""
    return isinstance(t, type) and hasattr(t, "model_json_schema") and hasattr(t, "model_fields")


def _is_pydantic_like(t: Any) -> bool:
    """A pydantic model, pydantic dataclass or ``TypeAdapter``: pydantic builds its schema."""
    if is_pydantic_model(t):
        return True
    if isinstance(t, type) and hasattr(t, "__pydantic_fields__"):
        return True
    return not isinstance(t, type) and hasattr(t, "json_schema") and hasattr(t, "validate_json")


def strict_schema(t: Any) -> Dict[str, Any]:
    """The JSON schema of ``t`` in the form the API's strict mode accepts (a new dict).

    ``t``: a pydantic v2 model (or ``TypeAdapter``), a dataclass, ``TypedDict``, ``NamedTuple``,
    ``Enum``, a typing form, or a JSON-schema dict (its optional properties become nullable).
    Unsupported input raises ``TypeError`` naming the field and why.
    """
    if isinstance(t, dict):
        schema = copy.deepcopy(t)
        return _strict(schema, "", schema, nullable_optional=True)
    if _is_pydantic_like(t):
        schema = _pydantic_schema(t)
    else:
        builder = _Builder()
        schema = builder.root(t)
    return _strict(schema, "", schema, nullable_optional=False)


def schema_name(t: Any) -> str:
    """The ``name`` sent with a schema: the type's name, or ``title`` of a dict schema."""
    if isinstance(t, dict):
        title = t.get("title")
        name = title if isinstance(title, str) and title else "response"
    else:
        adapted = getattr(t, "_type", None)  # a pydantic TypeAdapter: the type it adapts
        name = getattr(t, "__name__", None) or getattr(adapted, "__name__", None) or "response"
    cleaned = "".join(c if c.isalnum() or c in "_-" else "_" for c in name)
    return cleaned[:64] or "response"


def _pydantic_schema(t: Any) -> Dict[str, Any]:
    if is_pydantic_model(t):
        schema: Dict[str, Any] = t.model_json_schema()
        return schema
    if not isinstance(t, type):
        return t.json_schema()  # type: ignore[no-any-return]
    from pydantic import TypeAdapter

    return TypeAdapter(t).json_schema()


def _strict(
    schema: Any, path: str, root: Dict[str, Any], *, nullable_optional: bool
) -> Dict[str, Any]:
    """Make ``schema`` strict in place (the SDK's rules, plus refusing unsupported keywords)."""
    where = path or "the root"
    if not isinstance(schema, dict):
        raise TypeError(f"strict_schema: {where} must be a schema object, not {schema!r}")
    for keyword in UNSUPPORTED_KEYWORDS.intersection(schema):
        raise TypeError(
            f"strict_schema: {where} uses {keyword!r}, which the API's strict mode does not accept"
        )

    def sub(value: Any, step: str) -> Dict[str, Any]:
        return _strict(value, f"{path}{step}", root, nullable_optional=nullable_optional)

    for key in ("$defs", "definitions"):
        defs = schema.get(key)
        if isinstance(defs, dict):
            for name, definition in defs.items():
                sub(definition, f"/{key}/{name}")
    extra = schema.get("additionalProperties", False)
    kind = schema.get("type")
    if kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in schema:
        if extra is not False:
            raise TypeError(
                f"strict_schema: {where} is an object with free-form keys "
                f"(additionalProperties: {json.dumps(extra)}), which strict mode does not "
                "allow: every object needs additionalProperties: false (use a list of "
                "key/value objects instead of a dict)"
            )
        schema["additionalProperties"] = False
    properties = schema.get("properties")
    if isinstance(properties, dict):
        required = schema.get("required") or []
        for name, prop in list(properties.items()):
            prop = sub(prop, f".{name}")
            if nullable_optional and name not in required:
                prop = _nullable(prop)
            properties[name] = prop
        schema["required"] = list(properties)
    items = schema.get("items")
    if isinstance(items, dict):
        schema["items"] = sub(items, "[]")
    elif items is not None:
        raise TypeError(f"strict_schema: {where} has 'items' that is not one schema")
    if "oneOf" in schema:  # pydantic's discriminated unions: anyOf is what strict mode takes
        schema["anyOf"] = schema.pop("oneOf")
        schema.pop("discriminator", None)
    any_of = schema.get("anyOf")
    if isinstance(any_of, list):
        schema["anyOf"] = [sub(v, f"|{i}") for i, v in enumerate(any_of)]
    all_of = schema.get("allOf")
    if isinstance(all_of, list):
        if len(all_of) == 1:
            schema.update(sub(all_of[0], "&0"))
            schema.pop("allOf")
        else:
            raise TypeError(
                f"strict_schema: {where} uses 'allOf' with several schemas, which strict mode "
                "does not accept"
            )
    if "default" in schema and schema["default"] is None:
        del schema["default"]
    ref = schema.get("$ref")
    if isinstance(ref, str) and len(schema) > 1:
        resolved = _resolve(root, ref, where)
        merged = {**copy.deepcopy(resolved), **schema}
        del merged["$ref"]
        schema.clear()
        schema.update(merged)
        return _strict(schema, path, root, nullable_optional=nullable_optional)
    return schema


def _resolve(root: Dict[str, Any], ref: str, where: str) -> Dict[str, Any]:
    if not ref.startswith("#/"):
        raise TypeError(f"strict_schema: {where} has a $ref outside the schema: {ref!r}")
    node: Any = root
    for key in ref[2:].split("/"):
        if not isinstance(node, dict) or key not in node:
            raise TypeError(f"strict_schema: {where} has a $ref that does not resolve: {ref!r}")
        node = node[key]
    if not isinstance(node, dict):
        raise TypeError(f"strict_schema: {where} has a $ref to a non-schema: {ref!r}")
    return node


def _nullable(schema: Dict[str, Any]) -> Dict[str, Any]:
    """``schema`` that also accepts ``null`` (a dict schema's optional property)."""
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return schema
    if isinstance(kind, str) and "enum" not in schema and "const" not in schema:
        return {**schema, "type": [kind, "null"]}
    if isinstance(schema.get("anyOf"), list):
        if not any(v.get("type") == "null" for v in schema["anyOf"]):
            schema["anyOf"].append({"type": "null"})
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp)


def _is_typeddict(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__total__")


def _is_namedtuple(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def _doc(tp: Any) -> Optional[str]:
    """A class's own docstring, cleaned; not the one ``dataclass`` or ``Enum`` make up."""
    doc = tp.__dict__.get("__doc__")
    if not doc or not isinstance(doc, str):
        return None
    if dataclasses.is_dataclass(tp) and doc.startswith(getattr(tp, "__name__", "") + "("):
        return None
    if isinstance(tp, type) and issubclass(tp, enum.Enum) and doc.startswith("An enumeration."):
        return None
    import inspect

    return inspect.cleandoc(doc)


def _json_default(value: Any) -> Any:
    """A field default as JSON (enums by value, dataclasses as objects), or the missing mark."""
    if isinstance(value, enum.Enum):
        return _json_default(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _json_default(dataclasses.asdict(value))
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, tuple):
        return [_json_default(v) for v in value]
    if isinstance(value, (str, int, float, bool, type(None), list, dict)):
        return value
    return _MISSING


_MISSING: Any = object()


_HINTS: Dict[Any, Dict[str, Any]] = {}


def _hints(tp: Any) -> Dict[str, Any]:
    """A class's type hints, resolved once (resolving them costs more than a parse)."""
    hints = _HINTS.get(tp)
    if hints is None:
        hints = _read_hints(tp)
        if len(_HINTS) >= 1024:
            _HINTS.clear()
        _HINTS[tp] = hints
    return hints


def _read_hints(tp: Any) -> Dict[str, Any]:
    try:
        # the class's own name resolves even for a class defined inside a function
        return typing.get_type_hints(tp, localns={tp.__name__: tp}, include_extras=True)
    except Exception as error:  # an unresolvable forward reference: say which class
        message = f"strict_schema: cannot read the type hints of {tp.__name__}: {error}"
        raise TypeError(message) from error


class _Builder:
    """Builds pydantic-compatible JSON schemas for plain Python types, without pydantic."""

    def __init__(self, strict: bool = True) -> None:
        self.strict = strict  # a non-strict schema (a strict=False tool) may have free-form dicts
        self.defs: Dict[str, Dict[str, Any]] = {}
        self.names: Dict[Any, str] = {}

    def root(self, tp: Any) -> Dict[str, Any]:
        schema = self.schema(tp, _name_of(tp))
        if "$ref" in schema and len(schema) == 1:
            name = schema["$ref"].split("/")[-1]
            if not self._is_referenced(name):
                schema = self.defs.pop(name)
        if self.defs:
            schema = {**schema, "$defs": self.defs}
        return schema

    def _is_referenced(self, name: str) -> bool:
        return f'"#/$defs/{name}"' in json.dumps(self.defs)

    def schema(self, tp: Any, where: str) -> Dict[str, Any]:
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        named = _NAMED.get((getattr(tp, "__module__", ""), getattr(tp, "__name__", "")))
        if named is not None:
            return copy.deepcopy(named)
        if tp is Any or tp is object:
            raise TypeError(f"strict_schema: {where} is typed Any, which has no schema")
        if isinstance(tp, (str, typing.ForwardRef)):
            raise TypeError(f"strict_schema: {where} has an unresolved forward reference {tp!r}")
        origin = _origin(tp)
        args = typing.get_args(tp)
        if _is_wrapper(origin):
            return self.schema(args[0], where)
        if origin is typing.Annotated:
            return self._annotated(args[0], args[1:], where)
        if origin is typing.Union or _is_union_type(tp):
            return {"anyOf": [self.schema(a, where) for a in args]}
        if origin is typing.Literal:
            return _literal(args)
        if origin in (list, tuple, set, frozenset) or tp in (list, tuple):
            return self._array(tp, origin, args, where)
        if (origin is dict or tp is dict) and not self.strict and args and args[0] is str:
            return {"type": "object", "additionalProperties": self.schema(args[1], f"{where}[]")}
        if origin is dict or tp is dict:
            raise TypeError(
                f"strict_schema: {where} is a dict, whose free-form keys strict mode does not "
                "allow (every object needs additionalProperties: false); use a list of "
                "key/value objects, or a TypedDict"
            )
        if isinstance(tp, type):
            if _is_pydantic_like(tp):
                return self._pydantic(tp)
            if issubclass(tp, enum.Enum) or dataclasses.is_dataclass(tp):
                return self._ref(tp)
            if _is_typeddict(tp) or _is_namedtuple(tp):
                return self._ref(tp)
        raise TypeError(f"strict_schema: {where} has type {tp!r}, which has no JSON schema")

    def _ref(self, tp: Any) -> Dict[str, Any]:
        name = self.names.get(tp)
        if name is None:
            name = tp.__name__
            if name in self.defs or name in self.names.values():
                name = f"{tp.__module__}__{tp.__qualname__}".replace(".", "__")
            self.names[tp] = name
            self.defs[name] = {}  # a placeholder while building: recursion meets the $ref
            self.defs[name] = self._definition(tp)
        return {"$ref": f"#/$defs/{name}"}

    def _definition(self, tp: Any) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        doc = _doc(tp)
        if issubclass(tp, enum.Enum):
            values = [m.value for m in tp]
            out.update(_enum(values))
        else:
            out.update(self._object(tp))
        if doc:
            out["description"] = doc
        return out

    def _object(self, tp: Any) -> Dict[str, Any]:
        hints = _hints(tp)
        defaults: Dict[str, Any] = {}
        if dataclasses.is_dataclass(tp):
            names = []
            for field in dataclasses.fields(tp):
                if not field.init:
                    continue
                names.append(field.name)
                if field.default is not dataclasses.MISSING:
                    defaults[field.name] = field.default
        elif _is_namedtuple(tp):
            names = list(tp._fields)
            defaults = dict(getattr(tp, "_field_defaults", {}))
        else:
            names = list(hints)
        properties: Dict[str, Any] = {}
        for name in names:
            prop = self.schema(hints.get(name, Any), f"{tp.__name__}.{name}")
            if name in defaults:
                default = _json_default(defaults[name])
                if default is not _MISSING:
                    prop["default"] = default
            properties[name] = prop
        return {"type": "object", "properties": properties, "required": names}

    def _array(self, tp: Any, origin: Any, args: Tuple[Any, ...], where: str) -> Dict[str, Any]:
        if origin in (set, frozenset):
            raise TypeError(
                f"strict_schema: {where} is a set, whose uniqueItems strict mode does not accept;"
                " use a list"
            )
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise TypeError(
                f"strict_schema: {where} is a fixed-length tuple, which strict mode cannot "
                "express; use a NamedTuple, a dataclass or a list"
            )
        if not args:
            raise TypeError(f"strict_schema: {where} is a list without an item type")
        return {"type": "array", "items": self.schema(args[0], f"{where}[]")}

    def _annotated(self, tp: Any, extras: Tuple[Any, ...], where: str) -> Dict[str, Any]:
        schema = self.schema(tp, where)
        for extra in extras:
            for source in _constraint_sources(extra):
                for attr, keyword in _CONSTRAINTS.items():
                    value = getattr(source, attr, None)
                    if value is not None and not callable(value):
                        schema[keyword] = value
                for attr in ("min_length", "max_length"):
                    value = getattr(source, attr, None)
                    if value is not None:
                        array = schema.get("type") == "array"
                        kind = "Items" if array else "Length"
                        schema[("min" if attr == "min_length" else "max") + kind] = value
                title = getattr(source, "title", None)
                if isinstance(title, str):
                    schema["title"] = title
        return schema

    def _pydantic(self, tp: Any) -> Dict[str, Any]:
        """A pydantic model inside a plain type: pydantic's schema, its defs merged into ours."""
        if is_pydantic_model(tp):
            schema = tp.model_json_schema(ref_template="#/$defs/{model}")
        else:
            from pydantic import TypeAdapter

            schema = TypeAdapter(tp).json_schema(ref_template="#/$defs/{model}")
        self.defs.update(schema.pop("$defs", {}))
        name = self.names.get(tp) or tp.__name__
        self.names[tp] = name
        self.defs[name] = schema
        return {"$ref": f"#/$defs/{name}"}


def _is_wrapper(origin: Any) -> bool:
    """``Required[...]``, ``NotRequired[...]``, ``ReadOnly[...]`` of a TypedDict: see through."""
    return getattr(origin, "_name", None) in ("Required", "NotRequired", "ReadOnly")


def _is_union_type(tp: Any) -> bool:
    """``int | None`` (``types.UnionType``, Python 3.10+)."""
    return sys.version_info >= (3, 10) and type(tp).__name__ == "UnionType"


def _constraint_sources(extra: Any) -> List[Any]:
    """The constraint objects of one ``Annotated`` extra: pydantic's ``Field`` holds several."""
    if isinstance(extra, str):
        return [_Description(extra)]
    sources = [extra]
    metadata = getattr(extra, "metadata", None)
    if isinstance(metadata, list):
        sources.extend(metadata)
    return sources


class _Description:
    def __init__(self, description: str) -> None:
        self.description = description


def _json_type(values: List[Any]) -> Optional[str]:
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("boolean")
        elif isinstance(value, int):
            kinds.add("integer")
        elif isinstance(value, float):
            kinds.add("number")
        elif isinstance(value, str):
            kinds.add("string")
        elif value is None:
            kinds.add("null")
        else:
            kinds.add("other")
    return kinds.pop() if len(kinds) == 1 else None


def _enum(values: List[Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {"enum": values}
    kind = _json_type(values)
    if kind and kind != "other":
        out["type"] = kind
    return out


def _literal(args: Tuple[Any, ...]) -> Dict[str, Any]:
    values = [a.value if isinstance(a, enum.Enum) else a for a in args]
    if len(values) == 1:
        out: Dict[str, Any] = {"const": values[0]}
        kind = _json_type(values)
        if kind and kind != "other":
            out["type"] = kind
        return out
    return _enum(values)


def _name_of(tp: Any) -> str:
    return getattr(tp, "__name__", None) or repr(tp)


# --- parsing --------------------------------------------------------------------------------


def parse_json(text: str, t: Any) -> Any:
    """``text`` (the model's JSON answer) as ``t``: an instance, or a dict for a dict schema.

    Raises ``OutputValidationError`` (with ``raw``) when it is not JSON or does not fit ``t``.
    """
    try:
        if is_pydantic_model(t):
            return t.model_validate_json(text)
        if _is_pydantic_like(t):
            if isinstance(t, type):
                from pydantic import TypeAdapter

                return TypeAdapter(t).validate_json(text)
            return t.validate_json(text)
        value = json.loads(text)
        if isinstance(t, dict):
            return value
        return convert(value, t, "")
    except Exception as error:
        name = schema_name(t)
        raise OutputValidationError(
            f"The answer does not parse as {name}: {error}", raw=text
        ) from error


def convert(value: Any, tp: Any, where: str) -> Any:
    """A decoded JSON ``value`` as the Python type ``tp`` (dataclasses, TypedDicts, ...)."""
    place = where or "the answer"
    if tp is Any or tp is object:
        return value
    if tp in (str, int, float, bool, type(None)):
        return _scalar(value, tp, place)
    if tp in _SCALARS:
        return _formatted(value, tp, place)
    if (getattr(tp, "__module__", ""), getattr(tp, "__name__", "")) in _NAMED:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError(f"{place} should be a {tp.__name__}, not {value!r}")
        return tp(str(value))
    origin = _origin(tp)
    args = typing.get_args(tp)
    if _is_wrapper(origin):
        return convert(value, args[0], where)
    if origin is typing.Annotated:
        converted = convert(value, args[0], where)
        for extra in args[1:]:
            for source in _constraint_sources(extra):
                _check(converted, source, place)
        return converted
    if origin is typing.Union or _is_union_type(tp):
        errors = []
        for arg in sorted(args, key=lambda a: a is not type(None)):
            try:
                return convert(value, arg, where)
            except (TypeError, ValueError) as error:
                errors.append(str(error))
        raise ValueError(f"{place} fits none of {tp}: {'; '.join(errors)}")
    if origin is typing.Literal:
        for arg in args:
            if (arg.value if isinstance(arg, enum.Enum) else arg) == value and type(
                arg if not isinstance(arg, enum.Enum) else arg.value
            ) is type(value):
                return arg
        raise ValueError(f"{place} is {value!r}, not one of {list(args)}")
    if origin is dict:
        if not isinstance(value, dict):
            raise ValueError(f"{place} should be an object, not {value!r}")
        item = args[1] if len(args) == 2 else Any
        return {k: convert(v, item, f"{where}.{k}" if where else k) for k, v in value.items()}
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise ValueError(f"{place} should be a list, not {value!r}")
        items = [convert(v, args[0] if args else Any, f"{where}[{i}]") for i, v in enumerate(value)]
        return items if origin is list else tuple(items)
    if isinstance(tp, type):
        if is_pydantic_model(tp):
            return tp.model_validate(value)  # type: ignore[attr-defined]
        if issubclass(tp, enum.Enum):
            try:
                return tp(value)
            except ValueError:
                raise ValueError(f"{place} is {value!r}, not a {tp.__name__}") from None
        if dataclasses.is_dataclass(tp) or _is_typeddict(tp) or _is_namedtuple(tp):
            return _record(value, tp, where)
    raise TypeError(f"{place}: cannot convert to {tp!r}")


_CHECKS = (
    ("gt", lambda v, c: v > c, "greater than"),
    ("ge", lambda v, c: v >= c, "at least"),
    ("lt", lambda v, c: v < c, "less than"),
    ("le", lambda v, c: v <= c, "at most"),
    ("multiple_of", lambda v, c: v % c == 0, "a multiple of"),
    ("min_length", lambda v, c: len(v) >= c, "of length at least"),
    ("max_length", lambda v, c: len(v) <= c, "of length at most"),
    ("pattern", lambda v, c: re.search(c, v) is not None, "matching"),
)


def _check(value: Any, source: Any, place: str) -> None:
    """Raise ``ValueError`` when ``value`` breaks one of ``source``'s constraints (ge, ...)."""
    for attr, holds, says in _CHECKS:
        bound = getattr(source, attr, None)
        if bound is None or callable(bound):
            continue
        try:
            ok = holds(value, bound)
        except TypeError:  # the constraint does not apply to this kind of value
            continue
        if not ok:
            raise ValueError(f"{place} should be {says} {bound!r}, not {value!r}")


def _scalar(value: Any, tp: Any, place: str) -> Any:
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not tp:
        raise ValueError(f"{place} should be {tp.__name__}, not {value!r}")
    return value


def _formatted(value: Any, tp: Any, place: str) -> Any:
    if not isinstance(value, str):
        raise ValueError(f"{place} should be a {tp.__name__} string, not {value!r}")
    if tp is uuid.UUID:
        return uuid.UUID(value)
    if tp is bytes:
        return value.encode()
    if tp is datetime.timedelta:
        match = _DURATION.match(value)
        if match is None or not any(match.groups()[1:]):
            raise ValueError(f"{place} is not an ISO 8601 duration: {value!r}")
        weeks, days, hours, minutes, seconds = (float(g or 0) for g in match.groups()[1:])
        span = datetime.timedelta(
            weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds
        )
        return -span if match.group(1) else span
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    return tp.fromisoformat(text)


def _record(value: Any, tp: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise ValueError(f"{where or 'the answer'} should be an object, not {value!r}")
    hints = _hints(tp)
    unknown = set(value) - set(hints)
    if unknown:
        raise ValueError(
            f"{where or 'the answer'} has fields {tp.__name__} lacks: {sorted(unknown)}"
        )
    fields = {}
    for name, hint in hints.items():
        if name in value:
            fields[name] = convert(value[name], hint, f"{where}.{name}" if where else name)
        elif not _is_typeddict(tp):
            continue  # the class's default applies (or its constructor says what is missing)
    if _is_typeddict(tp):
        return fields
    return tp(**fields)
