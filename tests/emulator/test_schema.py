"""Schema-true values: every generated value validates (jsonschema, and pydantic for models).

The corpus mixes schemas made by pydantic (nested models, enums, optionals, unions,
recursion, constrained types) with hand-written ones (draft 7 ``definitions``, ``$ref: #``,
combinators, formats, patterns, bounds), each drawn with many seeds.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import json
import random
import uuid
from typing import Annotated, Any, Dict, List, Literal, Optional, Set, Tuple, Union

import jsonschema
import pytest
from pydantic import BaseModel, Field, HttpUrl, TypeAdapter, conint, conlist, constr

from openai_rest.emulator._schema import conforms, sample_value

SEEDS = range(30)


class Color(str, enum.Enum):
    RED = "red"
    GREEN = "green"


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 3


class Address(BaseModel):
    street: str
    city: str
    zip: constr(pattern=r"^\d{5}(-\d{4})?$")  # type: ignore[valid-type]


class Person(BaseModel):
    name: str = Field(min_length=2, max_length=12)
    age: conint(ge=0, le=130)  # type: ignore[valid-type]
    email: str = Field(json_schema_extra={"format": "email"})
    website: Optional[HttpUrl] = None
    home: Address
    others: List[Address] = []
    favourite: Optional[Color] = None
    priority: Priority
    id: uuid.UUID
    born: dt.date
    seen: dt.datetime
    nick: Literal["ace", "bee"]
    scores: Dict[str, int]
    places: Dict[str, Address]
    tags: conlist(str, min_length=2, max_length=3)  # type: ignore[valid-type]
    code: str = Field(pattern=r"^[A-Z]{2}-[0-9]{3}$")
    ratio: float = Field(gt=0, lt=1)
    step: float = Field(multiple_of=0.5, ge=1, le=4)


class Cat(BaseModel):
    kind: Literal["cat"]
    lives: int


class Dog(BaseModel):
    kind: Literal["dog"]
    good: bool


class Owner(BaseModel):
    pet: Annotated[Union[Cat, Dog], Field(discriminator="kind")]
    either: Union[int, str]
    pair: Tuple[int, str]
    unique: Set[int]
    price: decimal.Decimal
    wait: dt.timedelta


class Tree(BaseModel):
    value: int
    children: List[Tree]


class Node(BaseModel):
    label: str
    next: Optional[Node] = None


class Task(BaseModel):
    title: str
    done: bool


class IterableTasks(BaseModel):  # instructor's Iterable[Task] wrapper
    tasks: List[Task]


MODELS = [Address, Person, Owner, Tree, Node, IterableTasks]

HAND_WRITTEN: List[Dict[str, Any]] = [
    {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {"Leaf": {"type": "object", "properties": {"n": {"type": "integer"}}}},
        "type": "object",
        "properties": {"leaf": {"$ref": "#/definitions/Leaf"}},
        "required": ["leaf"],
    },
    {  # recursion through the root
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "kids": {"type": "array", "items": {"$ref": "#"}},
        },
        "required": ["name", "kids"],
        "additionalProperties": False,
    },
    {
        "allOf": [
            {"$ref": "#/$defs/a"},
            {"properties": {"b": {"type": "boolean"}}, "required": ["b"]},
        ],
        "$defs": {
            "a": {
                "type": "object",
                "properties": {"a": {"type": "integer", "minimum": 7}},
                "required": ["a"],
            }
        },
    },
    {"oneOf": [{"type": "integer"}, {"type": "number"}]},
    {"oneOf": [{"type": "string", "maxLength": 3}, {"type": "string", "minLength": 5}]},
    {"anyOf": [{"type": "string", "format": "email"}, {"type": "null"}]},
    {"enum": ["a", 1, None, {"x": 1}]},
    {"type": "string", "enum": ["a", 1, "b"]},
    {"const": {"fixed": [1, 2]}},
    {"type": ["integer", "string"]},
    {"type": ["null", "boolean"]},
    {"type": "integer", "multipleOf": 7, "minimum": 10, "maximum": 30},
    {"type": "integer", "exclusiveMinimum": 5, "exclusiveMaximum": 7},
    {"type": "number", "minimum": -5.5, "maximum": -5.25},
    {"type": "number", "exclusiveMinimum": 1000},
    {"type": "integer", "maximum": -1000},
    {"type": "string", "minLength": 40},
    {"type": "string", "maxLength": 2},
    {"type": "string", "pattern": "^(foo|bar)-[a-f0-9]{8}$"},
    {"type": "string", "pattern": "\\w+@\\w+\\.(com|org)"},
    {"type": "string", "pattern": "^[^\\s]{3,5}$", "minLength": 4},
    {
        "type": "array",
        "items": {"type": "integer", "enum": [1, 2, 3]},
        "uniqueItems": True,
        "minItems": 3,
    },
    {"type": "array", "items": {"type": "string"}, "minItems": 4, "maxItems": 4},
    {"type": "array", "maxItems": 0},
    {"type": "array", "contains": {"const": "needle"}, "items": {"type": "string"}},
    {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "items": False},
    {
        "type": "object",
        "patternProperties": {"^x-[a-z]+$": {"type": "integer"}},
        "additionalProperties": False,
    },
    {"type": "object", "minProperties": 3, "additionalProperties": {"type": "boolean"}},
    {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a", "b"]},
    {"not": {"type": "string"}},
    {
        "type": "object",
        "properties": {
            "when": {"type": "string", "format": "date-time"},
            "day": {"type": "string", "format": "date"},
            "at": {"type": "string", "format": "time"},
            "mail": {"type": "string", "format": "email"},
            "link": {"type": "string", "format": "uri"},
            "id": {"type": "string", "format": "uuid"},
            "ip": {"type": "string", "format": "ipv4"},
            "ip6": {"type": "string", "format": "ipv6"},
            "host": {"type": "string", "format": "hostname"},
        },
    },
    {"properties": {"untyped": {}}, "required": ["untyped"]},
    True,
    {},
]


def _validate(schema: Any, value: Any) -> None:
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(value)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_pydantic_models_accept_every_value(model: Any) -> None:
    schema = model.model_json_schema()
    for seed in SEEDS:
        value = sample_value(schema, "answer", random.Random(seed))
        _validate(schema, value)
        model.model_validate_json(json.dumps(value))  # pydantic's own, stricter, checks


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_strict_schemas_of_the_official_sdk_accept_every_value(model: Any) -> None:
    from openai.lib._pydantic import to_strict_json_schema

    schema = to_strict_json_schema(model)
    for seed in SEEDS:
        value = sample_value(schema, "answer", random.Random(seed))
        _validate(schema, value)
        model.model_validate_json(json.dumps(value))


@pytest.mark.parametrize("index", range(len(HAND_WRITTEN)))
def test_hand_written_schemas_accept_every_value(index: int) -> None:
    schema = HAND_WRITTEN[index]
    for seed in SEEDS:
        value = sample_value(schema, "answer", random.Random(seed))
        _validate(schema, value)
        assert conforms(value, schema)


def test_nullable_openapi_schemas_and_type_adapters() -> None:
    schema = {
        "type": "object",
        "properties": {"n": {"type": "integer", "nullable": True}},
        "required": ["n"],
    }
    for seed in SEEDS:
        value = sample_value(schema, "x", random.Random(seed))
        assert value["n"] is None or isinstance(value["n"], int)
    adapter = TypeAdapter(List[Optional[Union[Person, Tree]]])
    for seed in SEEDS:
        adapter.validate_json(
            json.dumps(sample_value(adapter.json_schema(), "x", random.Random(seed)))
        )


def test_values_are_deterministic_and_vary_with_the_seed() -> None:
    schema = Person.model_json_schema()
    first = [sample_value(schema, "answer", random.Random(seed)) for seed in SEEDS]
    again = [sample_value(schema, "answer", random.Random(seed)) for seed in SEEDS]
    assert first == again
    assert len({json.dumps(v, sort_keys=True) for v in first}) == len(first)


def test_recursive_values_are_nested_but_finite() -> None:
    depths = []
    for seed in SEEDS:
        node, depth = sample_value(Node.model_json_schema(), "n", random.Random(seed)), 0
        while node is not None:
            node, depth = node.get("next"), depth + 1
        depths.append(depth)
    assert min(depths) >= 2 and max(depths) < 10


def test_conforms_rejects_what_the_schema_forbids() -> None:
    assert not conforms("x", {"type": "integer"})
    assert not conforms({"a": 1}, {"type": "object", "additionalProperties": False})
    assert not conforms([1, 1], {"type": "array", "uniqueItems": True})
    assert not conforms(5, {"oneOf": [{"type": "integer"}, {"type": "number"}]})
    assert not conforms("abc", {"type": "string", "pattern": "^a$"})
    assert conforms(5.5, {"oneOf": [{"type": "integer"}, {"type": "number"}]})
