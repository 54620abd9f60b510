"""Strict request validation: the API's 400s for unknown parameters, wrong types, missing
fields and bad values (naming the path), 404 model_not_found, tables kept current."""

from __future__ import annotations

import subprocess
import sys
from typing import Any, Dict, Iterator

import openai
import pytest

from generated import assert_generated_current
from openai_rest.emulator import Emulator

from ._helpers import Api

CHAT = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}


@pytest.fixture(scope="module")
def strict() -> Iterator[Api]:
    """An emulator as the CLI starts it: known models only."""
    with Emulator(models="known") as base_url:
        yield Api(base_url)


def _error(api: Api, path: str, body: Dict[str, Any], status: int = 400) -> Dict[str, Any]:
    answer = api.post(path, body)
    assert answer.status == status, answer.body
    error: Dict[str, Any] = answer.json()["error"]
    return error


@pytest.mark.parametrize(
    ("change", "message", "param", "code"),
    [
        (
            {"temprature": 0.2},
            "Unrecognized request argument supplied: temprature",
            "temprature",
            None,
        ),
        (
            {"messages": ["hi"]},
            "Invalid type for 'messages[0]': expected an object, but got a string instead.",
            "messages[0]",
            "invalid_type",
        ),
        (
            {"messages": None},
            "Missing required parameter: 'messages'.",
            "messages",
            "missing_required_parameter",
        ),
        (
            {"messages": []},
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got "
            "an empty array instead.",
            "messages",
            "empty_array",
        ),
        (
            {"messages": [{"role": "boss", "content": "hi"}]},
            "Invalid value: 'boss'. Supported values are:",
            "messages[0].role",
            "invalid_value",
        ),
        (
            {"messages": [{"role": "user"}]},
            "Missing required parameter: 'messages[0].content'.",
            "messages[0].content",
            "missing_required_parameter",
        ),
        (
            {"messages": [{"role": "user", "content": 5}]},
            "Invalid type for 'messages[0].content': expected one of a string or an array, "
            "but got an integer instead.",
            "messages[0].content",
            "invalid_type",
        ),
        (
            {"temperature": 3},
            "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got "
            "3 instead.",
            "temperature",
            "decimal_above_max_value",
        ),
        (
            {"n": 0},
            "Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead.",
            "n",
            "integer_below_min_value",
        ),
        (
            {"tools": [{"type": "function", "function": {"name": "f", "parameters": "x"}}]},
            "Invalid type for 'tools[0].function.parameters': expected an object",
            "tools[0].function.parameters",
            "invalid_type",
        ),
        (
            {"stream": "yes"},
            "Invalid type for 'stream': expected a boolean, but got a string instead.",
            "stream",
            "invalid_type",
        ),
    ],
)
def test_chat_requests_are_checked_as_the_api_checks_them(
    api: Api, change: Dict[str, Any], message: str, param: str, code: Any
) -> None:
    body = {**CHAT, **change}
    body = {k: v for k, v in body.items() if v is not None}
    error = _error(api, "/chat/completions", body)
    assert error["message"].startswith(message), error
    assert error["param"] == param and error["code"] == code
    assert error["type"] == "invalid_request_error"


def test_responses_name_unknown_parameters_their_way(api: Api) -> None:
    error = _error(api, "/responses", {"model": "gpt-4o", "input": "hi", "temprature": 1})
    assert error == {
        "message": "Unknown parameter: 'temprature'.",
        "type": "invalid_request_error",
        "param": "temprature",
        "code": "unknown_parameter",
    }
    nested = {"model": "gpt-4o", "input": [{"type": "message", "role": "user", "content": 3}]}
    assert _error(api, "/responses", nested)["param"] == "input[0].content"


def test_unknown_models_are_404_unless_any_model_goes(strict: Api, api: Api) -> None:
    error = _error(strict, "/chat/completions", {**CHAT, "model": "gpt-nope"}, 404)
    assert error["code"] == "model_not_found" and "`gpt-nope`" in error["message"]
    assert strict.post("/embeddings", {"model": "gpt-nope", "input": "x"}).status == 404
    upload = strict.upload("/audio/transcriptions", {"model": "nope"}, {"file": ("a.wav", b"x")})
    assert upload.status == 404
    for model in ("gpt-4o", "gpt-5-mini", "o3", "gpt-4o-2024-08-06", "gpt-image-1"):
        answer = strict.post("/chat/completions", {**CHAT, "model": model})
        assert answer.status == 200, model
    assert api.post("/chat/completions", {**CHAT, "model": "my-made-up-model"}).status == 200


def test_paths_without_a_table_pass_through(api: Api, openai_emulator: Any) -> None:
    legacy = api.post("/edits", {"model": "m", "instruction": "shout", "input": "hi", "x": 1})
    assert legacy.status == 200
    azure = Api(openai_emulator.base_url[: -len("/v1")]).request(
        "POST",
        "/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21",
        {"messages": [{"role": "user", "content": "hi"}], "data_sources": []},
    )
    assert azure.status == 200, azure.body


def test_the_official_sdk_sees_the_api_errors(openai_emulator: Any) -> None:
    client = openai.OpenAI(api_key="sk-test", base_url=openai_emulator.base_url, max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(**CHAT, extra_body={"temprature": 0.2})
    assert caught.value.param == "temprature"
    assert "Unrecognized request argument supplied: temprature" in caught.value.message
    client.close()


def test_validation_can_be_turned_off() -> None:
    with Emulator(validate=False, models="known") as base_url:
        answer = Api(base_url).post("/chat/completions", {**CHAT, "temprature": 0.2, "model": "x"})
    assert answer.status == 200


def test_the_cli_flag_accepts_any_model() -> None:
    for flag, expected in (([], 404), (["--models", "any"], 200)):
        server = subprocess.Popen(
            [sys.executable, "-m", "openai_rest.emulator", "--port", "0", *flag],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            base_url = server.stdout.readline().strip()
            answer = Api(base_url).post("/chat/completions", {**CHAT, "model": "made-up"})
            assert answer.status == expected
        finally:
            server.terminate()
            server.wait(10)


def test_tables_are_current() -> None:
    assert_generated_current("gen_emulator_tables.py", "src/openai_rest/emulator/_tables.py")
