"""The retry policy: pure rules, and the flow driven over real HTTP."""

from __future__ import annotations

import logging
import time
from email.utils import formatdate

import pytest

import openai_rest
from conftest import Scripted
from loopback import Reply
from openai_rest._retry import retry_delay, server_delay, should_retry

QUOTA = b'{"error": {"message": "You exceeded your quota", "code": "insufficient_quota"}}'


@pytest.mark.parametrize(
    ("status", "headers", "body", "expected"),
    [
        (408, {}, None, True),
        (409, {}, None, True),
        (429, {}, None, True),
        (500, {}, None, True),
        (502, {}, None, True),
        (400, {}, None, False),
        (401, {}, None, False),
        (404, {}, None, False),
        (429, {}, QUOTA, False),
        (500, {"x-should-retry": "false"}, None, False),
        (400, {"x-should-retry": "true"}, None, True),
    ],
)
def test_should_retry(status: int, headers: dict, body: object, expected: bool) -> None:
    assert should_retry(status, headers, body) is expected  # type: ignore[arg-type]


def test_retry_delay_prefers_the_server_and_caps_it() -> None:
    assert retry_delay(0, {"retry-after-ms": "250"}) == 0.25
    assert retry_delay(0, {"retry-after": "3"}) == 3.0
    now = time.time()
    assert server_delay({"retry-after": formatdate(now + 10, usegmt=True)}, now) == pytest.approx(
        10, abs=1
    )
    assert server_delay({"retry-after": "120"}) is None  # over 60 s: ignored, back off instead
    assert retry_delay(0, {"retry-after": "garbage"}, rand=0) == 0.5


def test_exponential_backoff_with_jitter_and_cap() -> None:
    assert [retry_delay(n, rand=0) for n in range(6)] == [0.5, 1, 2, 4, 8, 8]
    assert retry_delay(2, rand=0.999) == pytest.approx(2 * 0.75, rel=0.01)


def fast(status: int, **extra: object) -> Reply:
    return Reply(
        status,
        json={"error": {"message": f"status {status}"}},
        headers={"retry-after-ms": "1", **extra},
    )  # type: ignore[dict-item]


def test_retries_then_succeeds_and_logs(server: Scripted, caplog: pytest.LogCaptureFixture) -> None:
    server.replies = [fast(503), fast(429)]
    caplog.set_level(logging.INFO, logger="openai_rest")
    client = openai_rest.Client(server.config(max_retries=2))
    result = client.models()
    assert result == {"ok": True}
    assert len(server.received) == 3
    assert openai_rest.response_of(result).retries == 2
    messages = [r.getMessage() for r in caplog.records]
    assert any("status 503" in m and "retry 1 of 2" in m for m in messages)


def test_gives_up_after_max_retries(server: Scripted) -> None:
    server.default = lambda r: fast(500)
    with pytest.raises(openai_rest.InternalServerError):
        openai_rest.Client(server.config(max_retries=2)).models()
    assert len(server.received) == 3


def test_insufficient_quota_is_not_retried(server: Scripted) -> None:
    server.default = lambda r: Reply(429, QUOTA, headers={"Content-Type": "application/json"})
    with pytest.raises(openai_rest.RateLimitError) as caught:
        openai_rest.Client(server.config(max_retries=3)).models()
    assert caught.value.code == "insufficient_quota"
    assert len(server.received) == 1


def test_server_says_do_not_retry(server: Scripted) -> None:
    server.default = lambda r: fast(503, **{"x-should-retry": "false"})
    with pytest.raises(openai_rest.InternalServerError):
        openai_rest.Client(server.config(max_retries=3)).models()
    assert len(server.received) == 1


def test_connection_reset_is_retried(server: Scripted) -> None:
    server.replies = [Reply(reset=True)]
    assert openai_rest.Client(server.config(max_retries=1)).models() == {"ok": True}
    assert len(server.received) == 2


def test_uploads_are_replayed_identically_on_retry(server: Scripted, tmp_path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"a": 1}\n' * 1000)
    server.replies = [fast(500)]
    with open(path, "rb") as handle:
        handle.read(3)  # a file object is sent from where it stands, on every try
        openai_rest.Client(server.config()).files_upload(handle, purpose="batch")
    first, second = server.received
    assert first.sha256 == second.sha256
    assert b'"a": 1}\n' in second.body and second.body.count(b"\n{") == 999


def test_async_retries_too(server: Scripted) -> None:
    import asyncio

    server.replies = [fast(502), Reply(reset=True)]

    async def main() -> object:
        async with openai_rest.AsyncClient(server.config(max_retries=2)) as client:
            return await client.models()

    assert asyncio.run(main()) == {"ok": True}
    assert len(server.received) == 3
