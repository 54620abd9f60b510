"""JSON-schema value generation: values that validate against the schema they are made for.

Tool arguments and structured outputs (``response_format`` and ``text.format``) come from
here, so a client's own validation (pydantic, zod, instructor) accepts them. Covers ``$ref``
(``$defs``, ``definitions``, any local JSON pointer, recursion), ``anyOf``/``oneOf``/``allOf``,
``enum``/``const``, type lists and ``nullable``, string ``format``s and ``pattern``s, bounds
on numbers, strings, arrays and objects, ``required`` and ``additionalProperties``.

Pure: the same schema and the same random generator give the same value.
"""

from __future__ import annotations

import base64
import json
import math
import random
import re
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple

try:  # the regular-expression parser moved in Python 3.11; both give the same trees
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef,unused-ignore]

Schema = Any
_WORDS = ("alpha", "bravo", "delta", "echo", "kilo", "lima", "nova", "oscar", "tango", "zulu")
_DEEP = 3  # from this depth on: required properties only, the fewest items, null when allowed
_LIMIT = 24  # an unsatisfiable recursion stops here
_TRIES = 8


def sample_value(schema: Schema, name: str, rng: random.Random) -> Any:
    """A value valid against ``schema`` (its own ``$defs`` resolve ``$ref``); ``name`` flavours
    strings."""
    return _Generator(schema, rng).value(schema, name, 0)


def conforms(value: Any, schema: Schema, root: Schema = None) -> bool:
    """Whether ``value`` validates against ``schema`` (the keywords this module generates)."""
    return _Checker(schema if root is None else root).ok(value, schema, 0)


def schema_in_text(texts: List[str]) -> Optional[Dict[str, Any]]:
    """The last JSON schema written in ``texts`` (JSON mode prompts that carry one, as
    instructor's and langchain's do), or None. An object counts as a schema when it has
    ``properties`` of schemas, a schema ``type`` with its keywords, ``$defs`` or combinators;
    ``{"name", "schema"}`` wrappers are opened."""
    decoder = json.JSONDecoder()
    found: Optional[Dict[str, Any]] = None
    for text in texts:
        position = text.find("{")
        while position >= 0:
            try:
                value, end = decoder.raw_decode(text, position)
            except ValueError:
                position = text.find("{", position + 1)
                continue
            if isinstance(value, dict) and isinstance(value.get("schema"), dict):
                value = value["schema"]
            if _looks_like_schema(value):
                found = value
                position = text.find("{", end)
            else:
                position = text.find("{", position + 1)
    return found


def _looks_like_schema(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    props = value.get("properties")
    if isinstance(props, dict) and props and all(isinstance(v, dict) for v in props.values()):
        return True
    if any(
        isinstance(value.get(k), (dict, list))
        for k in ("$defs", "definitions", "anyOf", "oneOf", "allOf")
    ):
        return True
    return value.get("type") in ("object", "array") and ("items" in value or "required" in value)


# --- schema plumbing ------------------------------------------------------------------------


def _pointer(root: Schema, ref: str) -> Schema:
    """The schema a local ``$ref`` (``#``, ``#/$defs/X``, ``#/definitions/X``...) points to."""
    if not ref.startswith("#"):
        return {}  # remote references: anything goes
    node = root
    for raw in ref[1:].split("/")[1:]:
        key = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return {}
    return node


_NUMBER_KEYS = ("minimum", "maximum", "multipleOf", "exclusiveMinimum", "exclusiveMaximum")
_MINIMA = ("minimum", "minLength", "minItems", "minProperties")
_MAXIMA = ("maximum", "maxLength", "maxItems", "maxProperties")


def _merge(a: Dict[str, Any], b: Dict[str, Any]) -> Dict[str, Any]:
    """One schema asking for both ``a`` and ``b`` (``allOf``, or siblings of a ``$ref``)."""
    out = dict(a)
    for key, value in b.items():
        if key not in out:
            out[key] = value
        elif key == "properties":
            props = dict(out[key])
            for prop, sub in value.items():
                props[prop] = {"allOf": [props[prop], sub]} if prop in props else sub
            out[key] = props
        elif key == "required":
            out[key] = list(dict.fromkeys([*out[key], *value]))
        elif key == "type":
            out[key] = _intersect_types(out[key], value)
        elif key == "enum":
            out[key] = [v for v in out[key] if v in value]
        elif key in _MINIMA:
            out[key] = max(out[key], value)
        elif key in _MAXIMA:
            out[key] = min(out[key], value)
        elif key in ("anyOf", "oneOf"):
            out[key] = [_merge(_as_dict(x), {key: value}) for x in out[key]]
        elif key in ("items", "additionalProperties", "not"):
            if out[key] is False or value is False:
                out[key] = False
            elif isinstance(out[key], dict) and isinstance(value, dict):
                out[key] = {"allOf": [out[key], value]}
    return out


def _types(kind: Any) -> List[str]:
    return [kind] if isinstance(kind, str) else list(kind or [])


def _intersect_types(a: Any, b: Any) -> Any:
    left, right = _types(a), _types(b)
    both = [t for t in left if t in right]
    if ("integer" in left and "number" in right) or ("number" in left and "integer" in right):
        both.append("integer")
    both = list(dict.fromkeys(both))
    return both[0] if len(both) == 1 else both


def _as_dict(schema: Schema) -> Dict[str, Any]:
    if schema is True or schema is None:
        return {}
    if schema is False:
        return {"not": {}}
    return dict(schema) if isinstance(schema, dict) else {}


class _Resolver:
    """Resolves ``$ref`` and folds ``allOf`` into one flat schema, relative to ``root``."""

    def __init__(self, root: Schema) -> None:
        self.root = root

    def flat(self, schema: Schema) -> Dict[str, Any]:
        flat = _as_dict(schema)
        seen: List[str] = []
        while "$ref" in flat or "allOf" in flat:
            ref = flat.get("$ref")
            rest = {k: v for k, v in flat.items() if k not in ("$ref", "allOf")}
            if isinstance(ref, str):
                if ref in seen:  # {"$ref": "#"} chains that never reach a schema
                    return rest
                seen.append(ref)
                rest = _merge(rest, _as_dict(_pointer(self.root, ref)))
            for part in flat.get("allOf") or []:
                rest = _merge(rest, self.flat(part))
            flat = rest
        return flat

    def kinds(self, schema: Dict[str, Any]) -> List[str]:
        """The JSON types ``schema`` allows, inferred from its keywords when ``type`` is absent."""
        if "type" in schema:
            kinds = _types(schema["type"])
        elif any(k in schema for k in ("properties", "required", "additionalProperties")):
            kinds = ["object"]
        elif any(k in schema for k in ("items", "prefixItems", "minItems", "maxItems")):
            kinds = ["array"]
        elif any(k in schema for k in _NUMBER_KEYS):
            kinds = ["number"]
        elif any(k in schema for k in ("pattern", "format", "minLength", "maxLength")):
            kinds = ["string"]
        else:
            kinds = ["string", "integer", "number", "boolean", "object", "array", "null"]
        if schema.get("nullable") is True and "null" not in kinds:
            kinds = [*kinds, "null"]
        return kinds


# --- checking -------------------------------------------------------------------------------


def _type_ok(value: Any, kind: str) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return True


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _bounds(schema: Dict[str, Any]) -> Tuple[Optional[float], bool, Optional[float], bool]:
    """(low, low is exclusive, high, high is exclusive), in draft 4 and draft 6+ spellings."""
    low, high = schema.get("minimum"), schema.get("maximum")
    low_x = high_x = False
    ex_low, ex_high = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if ex_low is True:
        low_x = True
    elif _is_number(ex_low) and (low is None or ex_low >= low):
        low, low_x = ex_low, True
    if ex_high is True:
        high_x = True
    elif _is_number(ex_high) and (high is None or ex_high <= high):
        high, high_x = ex_high, True
    return low, low_x, high, high_x


def _multiple_ok(value: float, step: Any) -> bool:
    if not isinstance(step, (int, float)) or step <= 0:
        return True
    if isinstance(step, int) and isinstance(value, int):
        return value % step == 0
    quotient = value / step
    return math.isfinite(quotient) and quotient == int(quotient)


class _Checker(_Resolver):
    """A small validator for the keywords the generator honours (used to pick ``oneOf``
    branches, ``enum`` members and unique items)."""

    def ok(self, value: Any, schema: Schema, depth: int) -> bool:
        if schema is False:
            return False
        if depth > _LIMIT:
            return True
        s = self.flat(schema)
        checks: List[Callable[[], bool]] = [
            lambda: any(_type_ok(value, k) for k in self.kinds(s)) or "type" not in s,
            lambda: "enum" not in s or any(_key(value) == _key(v) for v in s["enum"]),
            lambda: "const" not in s or _key(value) == _key(s["const"]),
            lambda: all(self.ok(value, b, depth + 1) for b in s.get("allOf") or []),
            lambda: "anyOf" not in s or any(self.ok(value, b, depth + 1) for b in s["anyOf"]),
            lambda: "oneOf" not in s or sum(self.ok(value, b, depth + 1) for b in s["oneOf"]) == 1,
            lambda: "not" not in s or not self.ok(value, s["not"], depth + 1),
        ]
        if s.get("nullable") is True and value is None and "enum" not in s:
            return True
        if not all(check() for check in checks):
            return False
        if isinstance(value, str):
            return self._string_ok(value, s)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self._number_ok(value, s)
        if isinstance(value, list):
            return self._array_ok(value, s, depth)
        if isinstance(value, dict):
            return self._object_ok(value, s, depth)
        return True

    @staticmethod
    def _string_ok(value: str, s: Dict[str, Any]) -> bool:
        if len(value) < s.get("minLength", 0) or len(value) > s.get("maxLength", len(value)):
            return False
        pattern = s.get("pattern")
        try:
            return not isinstance(pattern, str) or re.search(pattern, value) is not None
        except re.error:
            return True

    @staticmethod
    def _number_ok(value: float, s: Dict[str, Any]) -> bool:
        low, low_x, high, high_x = _bounds(s)
        if low is not None and (value < low or (low_x and value == low)):
            return False
        if high is not None and (value > high or (high_x and value == high)):
            return False
        return _multiple_ok(value, s.get("multipleOf"))

    def _array_ok(self, value: List[Any], s: Dict[str, Any], depth: int) -> bool:
        if len(value) < s.get("minItems", 0) or len(value) > s.get("maxItems", len(value)):
            return False
        if s.get("uniqueItems") and len({_key(v) for v in value}) != len(value):
            return False
        prefix, rest = self._item_schemas(s)
        for index, item in enumerate(value):
            sub = prefix[index] if index < len(prefix) else rest
            if not self.ok(item, sub, depth + 1):
                return False
        return "contains" not in s or any(self.ok(v, s["contains"], depth + 1) for v in value)

    @staticmethod
    def _item_schemas(s: Dict[str, Any]) -> Tuple[List[Schema], Schema]:
        """The per-position schemas of an array and the schema of the items after them."""
        items = s.get("items", True)
        if isinstance(items, list):  # draft 4-7 tuples
            return items, s.get("additionalItems", True)
        return list(s.get("prefixItems") or []), items

    def _object_ok(self, value: Dict[str, Any], s: Dict[str, Any], depth: int) -> bool:
        if any(name not in value for name in s.get("required") or []):
            return False
        if len(value) < s.get("minProperties", 0) or len(value) > s.get(
            "maxProperties", len(value)
        ):
            return False
        props = s.get("properties") or {}
        patterns = s.get("patternProperties") or {}
        for name, item in value.items():
            matched = [p for p in patterns if _search(p, name)]
            if name in props and not self.ok(item, props[name], depth + 1):
                return False
            if any(not self.ok(item, patterns[p], depth + 1) for p in matched):
                return False
            if name not in props and not matched:
                extra = s.get("additionalProperties", True)
                if not self.ok(item, extra, depth + 1):
                    return False
        return True


def _search(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return False


# --- generating -----------------------------------------------------------------------------


class _Generator(_Checker):
    """Draws values for the schemas under one ``root`` from one random generator."""

    def __init__(self, root: Schema, rng: random.Random) -> None:
        super().__init__(root)
        self.rng = rng

    def value(self, schema: Schema, name: str, depth: int) -> Any:
        if schema is False:
            return None  # nothing validates; the caller's schema is unsatisfiable
        s = self.flat(schema)
        if "const" in s:
            return s["const"]
        if "enum" in s:
            return self._enum(s)
        for key in ("oneOf", "anyOf"):
            if s.get(key):
                return self._branch(s, key, name, depth)
        for attempt in range(_TRIES):
            candidate = self._typed(s, name, depth, attempt)
            if "not" not in s or not self.ok(candidate, s["not"], depth):
                return candidate
        return candidate

    def _enum(self, s: Dict[str, Any]) -> Any:
        rest = {k: v for k, v in s.items() if k != "enum"}
        members = [v for v in s["enum"] if self.ok(v, rest, 0)] or list(s["enum"]) or [None]
        return self.rng.choice(members)

    def _branch(self, s: Dict[str, Any], key: str, name: str, depth: int) -> Any:
        """A value of one branch of ``anyOf``/``oneOf`` (exactly one, for ``oneOf``)."""
        rest = {k: v for k, v in s.items() if k != key}
        branches = [_merge(rest, self.flat(b)) for b in s[key]]
        order = list(range(len(branches)))
        self.rng.shuffle(order)
        nulls = [i for i in order if self.kinds(branches[i]) == ["null"]]
        loose = [i for i in order if _loose_string(branches[i]) and i not in nulls]
        others = [i for i in order if i not in nulls and i not in loose]
        order = nulls + others + loose if depth >= _DEEP else others + loose + nulls
        value: Any = None
        for index in order * 2:
            value = self.value(branches[index], name, depth)
            if key == "anyOf" or sum(self.ok(value, b, depth) for b in branches) == 1:
                return value
        return value

    def _typed(self, s: Dict[str, Any], name: str, depth: int, attempt: int = 0) -> Any:
        kinds = self.kinds(s)
        real = [k for k in kinds if k != "null"]
        if not real or (depth >= _LIMIT and "null" in kinds):
            return None
        if depth >= _DEEP and "null" in kinds:
            return None
        kind = self.rng.choice(real) if "type" in s else real[attempt % len(real)]
        if kind == "object":
            return self._object(s, name, depth)
        if kind == "array":
            return self._array(s, name, depth)
        if kind == "integer":
            return self._integer(s)
        if kind == "number":
            return self._number(s)
        if kind == "boolean":
            return self.rng.random() < 0.5
        return self._string(s, name)

    # --- objects and arrays -----------------------------------------------------------------

    def _object(self, s: Dict[str, Any], name: str, depth: int) -> Dict[str, Any]:
        props: Dict[str, Schema] = s.get("properties") or {}
        required = [r for r in s.get("required") or [] if isinstance(r, str)]
        extra = s.get("additionalProperties", True)
        out: Dict[str, Any] = {}
        chosen = list(props) if depth < _DEEP else [p for p in props if p in required]
        for prop in chosen:
            out[prop] = self.value(props[prop], prop, depth + 1)
        for prop in required:
            if prop not in out:
                out[prop] = self.value(self._extra_schema(s, prop), prop, depth + 1)
        wanted = s.get("minProperties", 0)
        if not props and isinstance(extra, dict) and extra and depth < _DEEP:
            wanted = max(wanted, 1)
        for pattern, sub in (s.get("patternProperties") or {}).items():
            if depth < _DEEP or len(out) < wanted:
                key = self._pattern_string(pattern, {}) or "key"
                if key not in out:
                    out[key] = self.value(sub, key, depth + 1)
        count = 1
        while len(out) < wanted and extra is not False and count < 100:
            key = f"{name}_{count}" if name else f"key_{count}"
            count += 1
            if key not in out and self.ok(key, s.get("propertyNames", True), depth):
                out[key] = self.value(self._extra_schema(s, key), key, depth + 1)
        return out

    @staticmethod
    def _extra_schema(s: Dict[str, Any], key: str) -> Schema:
        props = s.get("properties") or {}
        if key in props:
            return props[key]
        extra = s.get("additionalProperties", True)
        return extra if isinstance(extra, dict) else {"type": "string"}

    def _array(self, s: Dict[str, Any], name: str, depth: int) -> List[Any]:
        prefix, rest = self._item_schemas(s)
        low = s.get("minItems", 0)
        high = s.get("maxItems", 1_000_000)
        if rest is False:
            high = min(high, len(prefix))
        base = max(low, len(prefix), 0 if depth >= _DEEP else 1)
        count = min(high, base + (self.rng.randint(0, 2) if depth < 2 else 0))
        items: List[Any] = []
        seen = set()
        for index in range(count):
            sub = prefix[index] if index < len(prefix) else rest
            item = self.value(sub, name, depth + 1)
            if s.get("uniqueItems"):
                tries = 0
                while _key(item) in seen and tries < _TRIES * 4:
                    item, tries = self.value(sub, name, depth + 1), tries + 1
                if _key(item) in seen and index >= low:
                    break
                seen.add(_key(item))
            items.append(item)
        contains = s.get("contains")
        if contains is not None and not any(self.ok(v, contains, depth) for v in items):
            item = self.value(contains, name, depth + 1)
            if items and len(items) >= high:
                items[-1] = item
            else:
                items.append(item)
        return items

    # --- scalars ----------------------------------------------------------------------------

    def _integer(self, s: Dict[str, Any]) -> int:
        low, low_x, high, high_x = _bounds(s)
        lo = -math.inf if low is None else (math.floor(low) + 1 if low_x else math.ceil(low))
        hi = math.inf if high is None else (math.ceil(high) - 1 if high_x else math.floor(high))
        lo, hi = _span(lo, hi, 1, 100)
        step = s.get("multipleOf")
        if isinstance(step, int) and step > 0:
            first, last = -(-lo // step), hi // step
            if first <= last:
                return self.rng.randint(first, min(last, first + 100)) * step
        if isinstance(step, float) and step > 0:
            for candidate in range(lo, min(hi, lo + 1000) + 1):
                if _multiple_ok(candidate, step):
                    return candidate
        return self.rng.randint(lo, hi)

    def _number(self, s: Dict[str, Any]) -> float:
        low, _, high, _ = _bounds(s)
        lo = -math.inf if low is None else float(low)
        hi = math.inf if high is None else float(high)
        lo, hi = _span(lo, hi, 1.0, 100.0)
        step = s.get("multipleOf")
        if isinstance(step, (int, float)) and not isinstance(step, bool) and step > 0:
            first = math.ceil(lo / step)
            for k in range(first, first + 200):
                candidate = k * step
                if candidate > hi:
                    break
                if self._number_ok(candidate, s):
                    return float(candidate)
        for _ in range(_TRIES):
            candidate = round(self.rng.uniform(lo, hi), 2)
            if self._number_ok(candidate, s):
                return candidate
        return float((lo + hi) / 2)

    def _string(self, s: Dict[str, Any], name: str) -> str:
        low, high = s.get("minLength", 0), s.get("maxLength")
        pattern = s.get("pattern")
        if isinstance(pattern, str):
            found = self._pattern_string(pattern, s)
            if found is not None:
                return found
        fmt = s.get("format")
        text = _FORMATS[fmt](self.rng, name) if fmt in _FORMATS else self._plain(name)
        if fmt in _FORMATS and (high is None or len(text) <= high) and len(text) >= low:
            return text
        while len(text) < low:
            text += self.rng.choice("abcdefghijklmnopqrstuvwxyz")
        return text if high is None else text[:high]

    def _plain(self, name: str) -> str:
        return f"{name}-{self.rng.choice(_WORDS)}" if name else self.rng.choice(_WORDS)

    def _pattern_string(self, pattern: str, s: Dict[str, Any]) -> Optional[str]:
        """A string ``re.search``-matching ``pattern`` within ``s``'s length bounds, if found."""
        try:
            tree = _sre_parse.parse(pattern)
        except (re.error, RecursionError, ValueError):
            return None
        for attempt in range(_TRIES * 2):
            try:
                text = _Regex(self.rng, short=attempt % 2 == 1).draw(tree)
            except _Unsupported:
                return None
            if self._string_ok(text, {**s, "pattern": pattern}):
                return text
        return None


def _loose_string(schema: Dict[str, Any]) -> bool:
    """A bare ``{"type": "string"}`` branch: a union's catch-all (``Decimal`` is number or
    numeric string), drawn last so that the stricter branch is the one a client sees."""
    keys = ("format", "pattern", "enum", "const", "minLength", "maxLength")
    return schema.get("type") == "string" and not any(k in schema for k in keys)


def regex_string(pattern: str, rng: random.Random) -> Optional[str]:
    """A short string matching the regular expression ``pattern`` (None: not drawable)."""
    return _Generator({}, rng)._pattern_string(pattern, {})


def _span(lo: Any, hi: Any, default_lo: Any, default_hi: Any) -> Tuple[Any, Any]:
    """A finite ``[lo, hi]`` inside the bounds: the default span, moved to fit them."""
    width = default_hi - default_lo
    if lo == -math.inf and hi == math.inf:
        return default_lo, default_hi
    if lo == -math.inf:
        return (hi - width if hi < default_lo else default_lo), hi
    if hi == math.inf:
        return lo, (lo + width if lo > default_lo else default_hi)
    return lo, max(lo, hi)


# --- regular expressions --------------------------------------------------------------------


class _Unsupported(Exception):
    """A pattern construct the drawer does not produce (look-arounds, back references...)."""


_CATEGORY = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_NOT_DIGIT": "abcxyzABC_-",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "abcxyz019",
    "CATEGORY_WORD": "abcdefghijklmnopqrstuvwxyz0123456789",
    "CATEGORY_NOT_WORD": " -.,",
}
_PRINTABLE = [chr(c) for c in range(0x21, 0x7F)]


class _Regex:
    """Draws a string matching a parsed regular expression (``re._parser`` trees)."""

    def __init__(self, rng: random.Random, short: bool) -> None:
        self.rng, self.short = rng, short

    def draw(self, tree: Any) -> str:
        return "".join(self._node(op, arg) for op, arg in tree)

    def _node(self, op: Any, arg: Any) -> str:
        name = str(op)
        if name == "LITERAL":
            return chr(arg)
        if name == "NOT_LITERAL":
            return next(c for c in "axb0_" if ord(c) != arg)
        if name == "ANY":
            return self.rng.choice("abcxyz")
        if name == "IN":
            return self._charset(arg)
        if name == "BRANCH":
            return self.draw(self.rng.choice(arg[1]))
        if name == "SUBPATTERN":
            return self.draw(arg[-1])
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            top = low if self.short else min(high, low + 3)
            return "".join(self.draw(sub) for _ in range(self.rng.randint(low, max(low, top))))
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return ""  # anchors and look-arounds: the drawn string is checked afterwards
        if name == "ATOMIC_GROUP":
            return self.draw(arg)
        if name == "CATEGORY":
            return self.rng.choice(_CATEGORY.get(str(arg), "a"))
        raise _Unsupported(name)

    def _charset(self, items: Any) -> str:
        allowed: List[str] = []
        negate = False
        for op, arg in items:
            name = str(op)
            if name == "NEGATE":
                negate = True
            elif name == "LITERAL":
                allowed.append(chr(arg))
            elif name == "RANGE":
                allowed.extend(chr(c) for c in range(arg[0], min(arg[1], arg[0] + 200) + 1))
            elif name == "CATEGORY":
                allowed.extend(_CATEGORY.get(str(arg), "a"))
            else:
                raise _Unsupported(name)
        if negate:
            allowed = [c for c in _PRINTABLE if c not in allowed]
        if not allowed:
            raise _Unsupported("empty set")
        return self.rng.choice(allowed)


# --- string formats -------------------------------------------------------------------------


def _datetime(rng: random.Random) -> Tuple[str, str]:
    date = f"20{rng.randint(20, 29)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    time = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    return date, time


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "item"


_FORMATS: Dict[str, Callable[[random.Random, str], str]] = {
    "date-time": lambda rng, _: "T".join(_datetime(rng)) + "Z",
    "date": lambda rng, _: _datetime(rng)[0],
    "time": lambda rng, _: _datetime(rng)[1] + "Z",
    "duration": lambda rng, _: f"P{rng.randint(1, 9)}DT{rng.randint(1, 23)}H",
    "email": lambda rng, name: f"{_slug(name)}.{rng.choice(_WORDS)}@example.com",
    "idn-email": lambda rng, name: f"{_slug(name)}@example.com",
    "uri": lambda rng, name: f"https://example.com/{_slug(name)}/{rng.randint(1, 999)}",
    "url": lambda rng, name: f"https://example.com/{_slug(name)}/{rng.randint(1, 999)}",
    "iri": lambda rng, name: f"https://example.com/{_slug(name)}",
    "uri-reference": lambda rng, name: f"/{_slug(name)}/{rng.randint(1, 999)}",
    "uri-template": lambda rng, name: f"https://example.com/{_slug(name)}/{{id}}",
    "uuid": lambda rng, _: _uuid(rng),
    "hostname": lambda rng, _: f"{rng.choice(_WORDS)}.example.com",
    "idn-hostname": lambda rng, _: f"{rng.choice(_WORDS)}.example.com",
    "ipv4": lambda rng, _: f"192.0.2.{rng.randint(1, 254)}",
    "ipv6": lambda rng, _: f"2001:db8::{rng.randint(1, 65535):x}",
    "byte": lambda rng, name: base64.b64encode(name.encode() or b"x").decode(),
    "json-pointer": lambda rng, name: f"/{_slug(name)}",
    "relative-json-pointer": lambda rng, name: f"0/{_slug(name)}",
    "regex": lambda rng, name: f"^{_slug(name)}$",
}
