"""Every error class, over real HTTP, with the server's message and no secret in sight."""

from __future__ import annotations

import pytest

import openai_rest
from conftest import KEY, Scripted
from loopback import Reply


def error_body(
    message: str, type_: str = "invalid_request_error", code: object = None, param: object = None
) -> dict:
    return {"error": {"message": message, "type": type_, "code": code, "param": param}}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, openai_rest.BadRequestError),
        (401, openai_rest.AuthenticationError),
        (403, openai_rest.PermissionDeniedError),
        (404, openai_rest.NotFoundError),
        (409, openai_rest.ConflictError),
        (422, openai_rest.UnprocessableEntityError),
        (429, openai_rest.RateLimitError),
        (500, openai_rest.InternalServerError),
        (503, openai_rest.InternalServerError),
        (418, openai_rest.APIStatusError),
    ],
)
def test_status_maps_to_its_class(server: Scripted, status: int, cls: type) -> None:
    server.default = lambda r: Reply(
        status,
        json=error_body(f"boom {status}", code="some_code", param="messages"),
        headers={"x-should-retry": "false"},
    )
    client = openai_rest.Client(server.config(max_retries=0))
    with pytest.raises(cls) as caught:
        client.chat_completion(model="m", messages=[])
    error = caught.value
    assert isinstance(error, openai_rest.APIStatusError)
    assert error.status_code == status
    assert error.request_id == "req_1"
    assert error.code == "some_code"
    assert error.param == "messages"
    assert f"boom {status}" in str(error)
    assert "req_1" in str(error) and "param=messages" in str(error)
    assert error.body["error"]["message"] == f"boom {status}"


def test_html_error_page_keeps_status_and_excerpt(server: Scripted) -> None:
    page = (
        "<html><head><style>x{}</style></head><body><h1>502 Bad Gateway</h1>"
        "<p>cf_bad_gateway</p></body></html>"
    )
    server.default = lambda r: Reply(502, page, headers={"Content-Type": "text/html"})
    client = openai_rest.Client(server.config(max_retries=0))
    with pytest.raises(openai_rest.InternalServerError) as caught:
        client.models()
    text = str(caught.value)
    assert "502" in text and "text/html" in text and "cf_bad_gateway" in text
    assert "<h1>" not in text


def test_a_2xx_body_that_is_not_json(server: Scripted) -> None:
    server.default = lambda r: Reply(
        200, "<html>captive portal</html>", headers={"Content-Type": "text/html"}
    )
    with pytest.raises(openai_rest.APIResponseValidationError, match="captive portal"):
        openai_rest.Client(server.config()).models()


def test_the_key_never_appears_in_errors(server: Scripted) -> None:
    server.default = lambda r: Reply(401, json=error_body(f"Incorrect API key provided: {KEY}"))
    with pytest.raises(openai_rest.AuthenticationError) as caught:
        openai_rest.Client(server.config(max_retries=0)).models()
    assert KEY not in str(caught.value) and KEY not in repr(caught.value)


def test_missing_key_fails_before_any_request(server: Scripted) -> None:
    client = openai_rest.Client(openai_rest.Config(api_url=server.base_url))
    with pytest.raises(openai_rest.OpenAIError, match="OPENAI_API_KEY"):
        client.models()
    assert server.received == []


def test_unreachable_server_is_a_connection_error() -> None:
    client = openai_rest.Client(
        openai_rest.Config(api_key="sk-x", api_url="http://127.0.0.1:9/v1", max_retries=0)
    )
    with pytest.raises(openai_rest.APIConnectionError, match=r"127\.0\.0\.1:9"):
        client.models()


def test_read_timeout_is_a_timeout_error(server: Scripted) -> None:
    import time

    def slow(r: object) -> Reply:
        time.sleep(0.6)
        return Reply(json={})

    server.default = slow
    client = openai_rest.Client(server.config(timeout={"read": 0.2}, max_retries=0))
    with pytest.raises(openai_rest.APITimeoutError):
        client.models()


def test_bad_ids_are_named_before_sending(server: Scripted, client: openai_rest.Client) -> None:
    with pytest.raises(ValueError, match="file_id"):
        client.files_delete("")
    with pytest.raises(TypeError, match="thread_id"):
        client.thread_run(None, "run_1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="positional"):
        client.files_delete("a", "b")  # type: ignore[call-arg]
    assert server.received == []
