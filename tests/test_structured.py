"""strict_schema against the official SDK's to_strict_json_schema, parsing back, partial JSON."""

from __future__ import annotations

import dataclasses
import decimal
import enum
import json
import re
import subprocess
import sys
from typing import Any, Dict, List, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typing_extensions import Annotated

import openai_rest
from openai_rest._parsing import Plan, answer_format, finish_chat, finish_responses
from openai_rest._partial_json import PartialJSON, partial_value
from openai_rest._structured import convert, parse_json

pydantic = pytest.importorskip("pydantic")
jsonschema = pytest.importorskip("jsonschema")
annotated_types = pytest.importorskip("annotated_types")
import structured_corpus as corpus  # noqa: E402  (needs pydantic)


def test_the_corpus_is_large_enough() -> None:
    assert len(corpus.SAME) + len(corpus.DIFFERENT) >= 40


@pytest.mark.parametrize("t", corpus.SAME, ids=lambda t: getattr(t, "__name__", repr(t)))
def test_strict_schema_matches_the_sdk(t: Any) -> None:
    ours = openai_rest.strict_schema(t)
    assert corpus.without_titles(ours) == corpus.without_titles(corpus.sdk_schema(t))
    jsonschema.Draft202012Validator.check_schema(ours)


@pytest.mark.parametrize("t", corpus.SAME, ids=lambda t: getattr(t, "__name__", repr(t)))
def test_every_object_is_closed_and_fully_required(t: Any) -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node["additionalProperties"] is False
                assert node.get("required", []) == list(node.get("properties", {}))
            assert not set(node) & openai_rest._structured.UNSUPPORTED_KEYWORDS
            assert "oneOf" not in node and node.get("default", 0) is not None
            if "$ref" in node:
                assert len(node) == 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(openai_rest.strict_schema(t))


def test_plain_types_do_not_need_pydantic() -> None:
    code = (
        "import sys, dataclasses, enum, typing, json, openai_rest\n"
        "class Color(enum.Enum):\n    RED = 'red'\n"
        "@dataclasses.dataclass\nclass Point:\n    x: float\n    color: Color = Color.RED\n"
        "class Movie(typing.TypedDict):\n    title: str\n    points: typing.List[Point]\n"
        "schema = openai_rest.strict_schema(Movie)\n"
        "assert schema['$defs']['Point']['additionalProperties'] is False, schema\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'jiter')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_import_does_not_load_pydantic_or_the_structured_modules() -> None:
    code = (
        "import sys, openai_rest\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'jiter')"
        " or m in ('openai_rest._structured', 'openai_rest._tools', 'openai_rest._parsing')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_documented_departures_from_the_sdk() -> None:
    for t, how in corpus.DIFFERENT.items():
        if how == "TypeError":
            with pytest.raises(TypeError) as caught:
                openai_rest.strict_schema(t)
            field = next(iter(t.model_fields))
            assert field in str(caught.value) and "strict mode" in str(caught.value)
        elif how == "anyOf":  # a discriminated union: oneOf becomes anyOf
            schema = openai_rest.strict_schema(t)
            assert "anyOf" in schema["properties"]["figure"]
            assert "oneOf" not in json.dumps(schema) and "discriminator" not in json.dumps(schema)
        else:  # a NamedTuple is an object with named fields, not a prefixItems array
            schema = openai_rest.strict_schema(t)
            assert schema["type"] == "object"
            assert schema["required"] == list(t._fields)


def test_type_errors_name_the_field_and_why() -> None:
    @dataclasses.dataclass
    class Bag:
        counts: Dict[str, int]

    @dataclasses.dataclass
    class Loose:
        anything: Any

    @dataclasses.dataclass
    class Sets:
        ids: set[int]

    with pytest.raises(TypeError, match=r"Bag\.counts is a dict.*additionalProperties"):
        openai_rest.strict_schema(Bag)
    with pytest.raises(TypeError, match=r"Loose\.anything is typed Any"):
        openai_rest.strict_schema(Loose)
    with pytest.raises(TypeError, match=r"Sets\.ids is a set.*uniqueItems"):
        openai_rest.strict_schema(Sets)
    with pytest.raises(TypeError, match=r"\.tags uses 'uniqueItems'"):
        openai_rest.strict_schema(
            {"type": "object", "properties": {"tags": {"type": "array", "uniqueItems": True}}}
        )
    with pytest.raises(TypeError, match="free-form keys"):
        openai_rest.strict_schema({"type": "object", "additionalProperties": {"type": "string"}})
    with pytest.raises(TypeError, match="has type"):
        openai_rest.strict_schema(complex)


def test_a_dict_schema_gets_strict_and_its_optional_properties_nullable() -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "age": {"type": "integer"},
            "pet": {"$ref": "#/$defs/Pet"},
            "color": {"enum": ["red", "blue"]},
        },
        "required": ["name"],
        "$defs": {"Pet": {"type": "object", "properties": {"kind": {"type": "string"}}}},
    }
    original = json.dumps(schema)
    strict = openai_rest.strict_schema(schema)
    assert json.dumps(schema) == original  # the caller's dict is left alone
    assert strict["required"] == ["name", "age", "pet", "color"]
    assert strict["properties"]["name"] == {"type": "string"}
    assert strict["properties"]["age"] == {"type": ["integer", "null"]}
    assert strict["properties"]["pet"] == {"anyOf": [{"$ref": "#/$defs/Pet"}, {"type": "null"}]}
    assert {"type": "null"} in strict["properties"]["color"]["anyOf"]
    assert strict["$defs"]["Pet"]["required"] == ["kind"]
    assert strict["$defs"]["Pet"]["additionalProperties"] is False


def test_pydantic_is_imported_only_for_pydantic_models() -> None:
    code = (
        "import sys, openai_rest, pydantic\n"
        "class M(pydantic.BaseModel):\n    a: int\n"
        "print(openai_rest.strict_schema(M)['required'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['a']"


# --- parsing back -----------------------------------------------------------------------------


def sample(schema: Dict[str, Any], root: Dict[str, Any], depth: int = 0) -> Any:
    """A value valid for a strict schema, built here (the corpus's answers, without a server)."""
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return sample(root["$defs"][name], root, depth + 1)
    if "anyOf" in schema:
        options = schema["anyOf"]
        null = [o for o in options if o.get("type") == "null"]
        return None if null and depth > 2 else sample(options[0], root, depth + 1)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][-1]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = kind[0]
    if kind == "object":
        return {k: sample(v, root, depth + 1) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [] if depth > 3 else [sample(schema["items"], root, depth + 1)]
    fmt = schema.get("format")
    if fmt == "date-time":
        return "2024-05-06T07:08:09Z"
    if fmt == "date":
        return "2024-05-06"
    if fmt == "time":
        return "07:08:09"
    if fmt == "uuid":
        return "12345678-1234-5678-1234-567812345678"
    if fmt == "duration":
        return "P1DT2H30M"
    if fmt == "path":
        return "/tmp/answer.txt"
    if kind == "string":
        pattern = schema.get("pattern")
        return next(c for c in ("abc", "ABC") if pattern is None or re.search(pattern, c))
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return 0.5
    if kind == "boolean":
        return True
    return None


@pytest.mark.parametrize("t", corpus.SAME, ids=lambda t: getattr(t, "__name__", repr(t)))
def test_answers_that_fit_the_schema_parse_as_the_type(t: Any) -> None:
    schema = openai_rest.strict_schema(t)
    answer = sample(schema, schema)
    jsonschema.validate(answer, schema)
    parsed = parse_json(json.dumps(answer), t)
    expected = pydantic.TypeAdapter(t).validate_python(answer)
    assert parsed == expected


def test_validation_failures_keep_the_raw_text() -> None:
    with pytest.raises(openai_rest.OutputValidationError) as caught:
        parse_json('{"x": "not a number", "y": 1}', corpus.Point)
    assert caught.value.raw == '{"x": "not a number", "y": 1}'
    assert "x" in str(caught.value)
    with pytest.raises(openai_rest.OutputValidationError) as model_error:
        parse_json('{"name": 1}', corpus.Flat)
    assert isinstance(model_error.value.__cause__, pydantic.ValidationError)
    assert isinstance(model_error.value, openai_rest.APIResponseValidationError)
    with pytest.raises(openai_rest.OutputValidationError):
        parse_json("not json", corpus.Point)


def test_convert_builds_nested_plain_types() -> None:
    value = {
        "flat": {"x": 1, "y": 2.5},
        "shapes": [{"name": "tri", "points": [], "color": "red", "closed": False}],
        "movie": {"title": "T", "year": 1999},
        "choice": {"title": "U", "year": 2000},
        "maybe": None,
        "level": 2,
    }
    got = convert(value, corpus.Everything, "")
    assert got.flat == corpus.Point(1.0, 2.5) and isinstance(got.flat.x, float)
    assert got.shapes[0].color is corpus.Color.RED
    assert got.choice == {"title": "U", "year": 2000} and got.level is corpus.Level.HIGH
    with pytest.raises(ValueError, match="shapes"):
        convert({**value, "shapes": [{"name": 1}]}, corpus.Everything, "")


# --- finishing results -------------------------------------------------------------------------


def completion(content: Optional[str], finish: str = "stop", refusal: Optional[str] = None) -> Any:
    message = {"role": "assistant", "content": content, "refusal": refusal}
    return {"choices": [{"index": 0, "message": message, "finish_reason": finish}]}


def test_finish_chat_parses_refuses_and_raises_on_cut_answers() -> None:
    plan = Plan(corpus.Point, {})
    done = finish_chat(completion('{"x": 1, "y": 2}'), plan)
    assert done["choices"][0]["message"]["parsed"] == corpus.Point(1, 2)
    refused = finish_chat(completion(None, refusal="I can't help with that."), plan)
    assert refused["choices"][0]["message"]["parsed"] is None
    assert refused["choices"][0]["message"]["refusal"] == "I can't help with that."
    with pytest.raises(openai_rest.LengthFinishReasonError) as cut:
        finish_chat(completion('{"x": 1', "length"), plan)
    assert cut.value.completion["choices"][0]["message"]["content"] == '{"x": 1'
    with pytest.raises(openai_rest.ContentFilterFinishReasonError) as filtered:
        finish_chat(completion('{"x"', "content_filter"), plan)
    assert filtered.value.completion["choices"][0]["finish_reason"] == "content_filter"
    with pytest.raises(openai_rest.OutputValidationError) as bad:
        finish_chat(completion('{"x": "a", "y": 2}'), plan)
    assert bad.value.raw == '{"x": "a", "y": 2}' and bad.value.completion is not None


def test_finish_responses_parses_and_raises_on_incomplete() -> None:
    plan = Plan(corpus.Point, {})
    text = {"type": "output_text", "text": '{"x": 1, "y": 2}', "annotations": []}
    result = {"status": "completed", "output": [{"type": "message", "content": [text]}]}
    assert finish_responses(result, plan)["output_parsed"] == corpus.Point(1, 2)
    refusal = {"type": "refusal", "refusal": "No."}
    refused = {"status": "completed", "output": [{"type": "message", "content": [refusal]}]}
    assert finish_responses(refused, plan)["output_parsed"] is None
    incomplete = {"status": "incomplete", "incomplete_details": {"reason": "max_output_tokens"}}
    with pytest.raises(openai_rest.LengthFinishReasonError):
        finish_responses({**incomplete, "output": []}, plan)
    filtered = {"status": "incomplete", "incomplete_details": {"reason": "content_filter"}}
    with pytest.raises(openai_rest.ContentFilterFinishReasonError):
        finish_responses({**filtered, "output": []}, plan)


def test_answer_formats() -> None:
    fmt, t = answer_format(corpus.Point)
    assert fmt["name"] == "Point" and fmt["strict"] is True and t is corpus.Point
    ready = {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}}
    assert answer_format(ready) == (ready, {"type": "object"})
    with pytest.raises(TypeError, match="object at the root"):
        answer_format(List[corpus.Point])


# --- partial JSON ------------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def is_prefix_of(small: Any, big: Any) -> bool:
    """Whether a partial snapshot is consistent with the final value."""
    if isinstance(small, dict):
        return isinstance(big, dict) and all(
            k in big and is_prefix_of(v, big[k]) for k, v in small.items()
        )
    if isinstance(small, list):
        return (
            isinstance(big, list)
            and len(small) <= len(big)
            and all(is_prefix_of(a, b) for a, b in zip(small, big))
        )
    if isinstance(small, str) and isinstance(big, str):
        return big.startswith(small)
    return bool(small == big)


@settings(max_examples=150, deadline=None)
@given(value=st.dictionaries(st.text(), JSON_VALUES, max_size=5), indent=st.sampled_from([None, 2]))
def test_every_prefix_gives_a_consistent_snapshot(value: Dict[str, Any], indent: Any) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=bool(indent))
    parser = PartialJSON()
    for i, char in enumerate(text):
        parser.feed(char)
        snapshot = parser.value()
        assert snapshot == partial_value(text[: i + 1])
        if snapshot is not None:
            assert is_prefix_of(snapshot, value), (text[: i + 1], snapshot)
    assert parser.value() == json.loads(text)


def test_partial_snapshots() -> None:
    assert partial_value('{"city": "Par') == {"city": "Par"}
    assert partial_value('{"city": "Paris", "da') == {"city": "Paris"}
    assert partial_value('{"n": [1, 2') == {"n": [1]}
    assert partial_value('{"a": {"b": tr') == {"a": {}}
    assert partial_value('{"s": "a\\') == {"s": "a"}
    assert partial_value('{"s": "\\u00e') == {"s": ""}
    assert partial_value("") is None


class Mood(enum.Enum):
    HAPPY = "happy"


def test_enum_roots_and_literals_convert() -> None:
    assert parse_json('"happy"', Mood) is Mood.HAPPY
    with pytest.raises(openai_rest.OutputValidationError):
        parse_json('"sad"', Mood)


def test_local_recursive_classes_and_unknown_fields() -> None:
    @dataclasses.dataclass
    class Node:
        name: str
        children: List["Node"]  # noqa: UP037 - a forward reference to a local class

    schema = openai_rest.strict_schema(Node)
    assert schema["properties"]["children"]["items"] == {"$ref": "#/$defs/Node"}
    tree = parse_json('{"name": "a", "children": [{"name": "b", "children": []}]}', Node)
    assert tree.children[0] == Node("b", [])
    with pytest.raises(openai_rest.OutputValidationError, match="lacks"):
        parse_json('{"name": "a", "children": [], "extra": 1}', Node)


def test_a_nullable_object_type_list_is_closed_too() -> None:
    schema = openai_rest.strict_schema(
        {"type": ["object", "null"], "properties": {"a": {"type": "string"}}, "required": ["a"]}
    )
    assert schema["additionalProperties"] is False and schema["required"] == ["a"]


@dataclasses.dataclass
class Bounded:
    count: Annotated[int, annotated_types.Ge(1), annotated_types.Le(5)]
    code: Annotated[str, pydantic.Field(pattern="^[A-Z]+$", max_length=3)]
    tags: Annotated[List[str], annotated_types.MinLen(1)]


def test_plain_types_check_their_annotated_constraints() -> None:
    schema = openai_rest.strict_schema(Bounded)
    assert schema["properties"]["count"] == {"type": "integer", "minimum": 1, "maximum": 5}
    assert schema["properties"]["tags"]["minItems"] == 1
    good = parse_json('{"count": 3, "code": "AB", "tags": ["x"]}', Bounded)
    assert good == Bounded(3, "AB", ["x"])
    for bad, says in (
        ('{"count": 9, "code": "AB", "tags": ["x"]}', "at most 5"),
        ('{"count": 3, "code": "ab", "tags": ["x"]}', "matching"),
        ('{"count": 3, "code": "ABCD", "tags": ["x"]}', "length at most 3"),
        ('{"count": 3, "code": "AB", "tags": []}', "length at least 1"),
    ):
        with pytest.raises(openai_rest.OutputValidationError, match=says):
            parse_json(bad, Bounded)


def test_decimals_are_a_number_or_a_string() -> None:
    """As pydantic 2.14 has them (older versions add a pattern to the string form)."""

    @dataclasses.dataclass
    class Price:
        amount: decimal.Decimal

    schema = openai_rest.strict_schema(Price)
    assert schema["properties"]["amount"] == {"anyOf": [{"type": "number"}, {"type": "string"}]}
    assert parse_json('{"amount": "12.50"}', Price).amount == decimal.Decimal("12.50")
    assert parse_json('{"amount": 0.5}', Price).amount == decimal.Decimal("0.5")


def chunk(index: int, content: Optional[str] = None, finish: Optional[str] = None) -> Any:
    delta = {"content": content} if content is not None else {}
    return {"choices": [{"index": index, "delta": delta, "finish_reason": finish}]}


def test_the_parsing_accumulator_follows_each_choice() -> None:
    acc = openai_rest.ParsingChatAccumulator(Plan(corpus.Point, {}))
    assert acc.partial is None and not acc.done
    for piece in ('{"x": 1', ', "y"'):
        acc.add(chunk(0, piece))
        acc.add(chunk(1, piece.replace("1", "5")))
    assert acc.partial == {"x": 1} and acc.partial_of(1) == {"x": 5}
    assert acc.parsed == {"x": 1}  # not done: still the partial answer
    acc.add(chunk(0, ": 2}"))
    acc.add(chunk(1, ": 2}"))
    assert acc.parsed == {"x": 1, "y": 2} and not acc.done
    acc.add(chunk(0, "", "stop"))
    acc.add(chunk(1, "", "stop"))
    assert acc.done and acc.parsed == corpus.Point(1, 2)
    final = acc.parsed_result()
    assert final["choices"][1]["message"]["parsed"] == corpus.Point(5, 2)
    assert acc.parsed_result() is final  # parsed once


def test_a_cut_stream_raises_when_its_result_is_asked() -> None:
    acc = openai_rest.ParsingChatAccumulator(Plan(corpus.Point, {}))
    stream = openai_rest.ParsedStream(iter([chunk(0, '{"x": 1'), chunk(0, "", "length")]), acc)
    assert [c["choices"][0]["finish_reason"] for c in stream] == [None, "length"]
    assert stream.partial == {}  # the member after the cut never completed
    with pytest.raises(openai_rest.LengthFinishReasonError) as cut:
        stream.result()
    assert cut.value.completion["choices"][0]["message"]["content"] == '{"x": 1'
