"""``Limiter``: local and shared (a real redis-server) pacing, for ``Client(rate_limit=...)``
and the bulk runner alike; the emulator over real HTTP counts what got through."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
import time
from typing import Any

import pytest

from counting import Counting
from openai_rest import AsyncClient, Client, Config, Limiter, LimiterUnavailable
from openai_rest._ratelimit_redis import default_key, redacted
from openai_rest.emulator.pytest_plugin import EmulatorHandle
from openai_rest.ratelimit import used_tokens
from redisd import RedisServer

EMBED = {"model": "text-embedding-3-small", "input": "a few words", "dimensions": 8}


def counting(emulator: EmulatorHandle, rpm: int) -> Counting:
    limits = emulator.faults.limits
    limits.rpm = rpm
    return Counting(limits)


def config(emulator: EmulatorHandle) -> Config:
    return Config(api_key="sk-limits", api_url=emulator.base_url)


def test_import_does_not_load_redis() -> None:
    code = "import sys, openai_rest; print('redis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_local_pacer_holds_the_limit_the_server_headers_and_refunds() -> None:
    now = [0.0]
    limiter = Limiter(rpm=600, tpm=1200, clock=lambda: now[0])  # 10 req/s, 20 tokens/s
    limiter.acquire_sync(10)
    assert limiter.delay(10) > 0  # one request alone until the first answer
    limiter.release(10, used=10)
    assert limiter.delay(10) == 0
    limiter.acquire_sync(6)  # 16 of the 20-token burst spent
    assert limiter.delay(5) == pytest.approx(1 / 20)
    limiter.release(6, used=1)  # 5 tokens back
    assert limiter.delay(5) == 0
    now[0] = 10.0
    limiter.observe({"limit_requests": 60, "remaining_requests": 1, "reset_requests": 59.0})
    assert limiter.delay(1) == 0
    limiter.acquire_sync(1)  # in flight: the server's one request left is taken
    assert limiter.delay(1) == pytest.approx(1.0)
    limiter.pause(5)
    assert limiter.delay(1) == pytest.approx(5.0)


def test_used_tokens_reads_the_usage_without_decoding() -> None:
    assert used_tokens(b'{"usage": {"prompt_tokens": 7, "total_tokens": 17}}') == 17
    assert used_tokens(b'{"total_tokens" : 5}') == 5
    assert used_tokens(b"{}") is None and used_tokens(None) is None


def test_client_rate_limit_paces_sync_and_async_under_one_budget(
    openai_emulator: EmulatorHandle,
) -> None:
    counted = counting(openai_emulator, rpm=100_000)
    limiter = Limiter(rpm=1200)  # 20 a second, a burst of 20
    client = Client(config(openai_emulator), rate_limit=limiter)
    aclient = AsyncClient(config(openai_emulator), rate_limit=limiter)

    async def many() -> None:
        await asyncio.gather(*(aclient.embeddings(**EMBED) for _ in range(20)))
        await aclient.aclose()

    start = time.monotonic()
    worker = threading.Thread(target=lambda: [client.embeddings(**EMBED) for _ in range(20)])
    worker.start()
    asyncio.run(many())
    worker.join()
    elapsed = time.monotonic() - start
    assert counted.passed == 40 and counted.refused == 0
    assert elapsed >= (40 - 20) / 20 * 0.9  # 20 of burst, then 20 a second
    assert client.with_config(max_retries=1)._rate_limit is limiter
    client.close()


def test_the_async_pacing_does_not_block_the_event_loop(openai_emulator: EmulatorHandle) -> None:
    limiter = Limiter(rpm=60)  # 1 a second, a burst of 1
    aclient = AsyncClient(config(openai_emulator), rate_limit=limiter)
    ticks = 0

    async def ticker(stop: asyncio.Event) -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0.01)

    async def main() -> None:
        stop = asyncio.Event()
        task = asyncio.ensure_future(ticker(stop))
        await aclient.embeddings(**EMBED)
        await aclient.embeddings(**EMBED)  # waits about a second
        stop.set()
        await task
        await aclient.aclose()

    asyncio.run(main())
    assert ticks >= 30


def shared(server: RedisServer, **options: Any) -> Limiter:
    return Limiter(redis=server.url, **{"key": "test-budget", **options})


def test_limiters_naming_one_redis_share_one_budget(
    redis_server: RedisServer, openai_emulator: EmulatorHandle
) -> None:
    counted = counting(openai_emulator, rpm=100_000)
    limiters = [shared(redis_server, rpm=1800) for _ in range(3)]  # 30 a second in all
    clients = [Client(config(openai_emulator), rate_limit=limiter) for limiter in limiters]

    def work(client: Client) -> None:
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            client.embeddings(**EMBED)

    threads = [threading.Thread(target=work, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 2 * 30 * 0.8 <= counted.passed <= 2.1 * 30  # 2 s at 30/s (a new budget: no burst)
    assert limiters[0].shared.members == 3
    state = redis_server.client().hgetall("{test-budget}:state")  # type: ignore[attr-defined]
    assert b"requests:level" in state


def test_a_retry_after_or_headers_seen_by_one_slow_all(redis_server: RedisServer) -> None:
    one, other = shared(redis_server, rpm=60_000), shared(redis_server, rpm=60_000)
    one.acquire_sync(1)
    one.release(1)
    one.pause(0.6)
    one.close()  # sends what it owes: the pause
    start = time.monotonic()
    other.acquire_sync(1)
    assert time.monotonic() - start >= 0.4
    # the server says one request is left, refilling one a second: both wait for it
    one.release(1, {"limit_requests": 60, "remaining_requests": 0, "reset_requests": 60.0})
    other.release(1)
    start = time.monotonic()
    one.acquire_sync(1)
    other.acquire_sync(1)
    assert time.monotonic() - start >= 0.8


def test_refunds_give_back_the_estimate_left_unused(redis_server: RedisServer) -> None:
    limiter = shared(redis_server, tpm=6000)  # 100 tokens a second, a burst of 100
    limiter.acquire_sync(90)
    limiter.release(90, used=10)  # 80 come back with the next call
    start = time.monotonic()
    limiter.acquire_sync(80)
    assert time.monotonic() - start < 0.3
    level = redis_server.client().hget("{test-budget}:state", "tokens:level")  # type: ignore[attr-defined]
    assert float(level) < 15


def test_the_budget_lives_on_redis_time_not_the_hosts(redis_server: RedisServer) -> None:
    skewed = [
        shared(redis_server, rpm=600, clock=lambda hours=hours: time.monotonic() + 3600 * hours)
        for hours in (0, 5)
    ]
    taken = 0
    end = time.monotonic() + 1.0
    while time.monotonic() < end:
        for limiter in skewed:
            limiter.acquire_sync(1)
            limiter.release(1)
            taken += 1
    assert taken <= 10 + 12  # a burst of 10, then 10 a second, whatever the clocks say
    redis_now = redis_server.client().time()  # type: ignore[attr-defined]
    stamp = redis_server.client().hget("{test-budget}:state", "requests:stamp")  # type: ignore[attr-defined]
    assert abs(float(stamp) - redis_now[0]) < 5


def test_redis_away_falls_back_to_a_local_share_then_comes_back(
    redis_server: RedisServer, caplog: Any
) -> None:
    caplog.set_level(logging.WARNING, logger="openai_rest.ratelimit")
    limiters = [shared(redis_server, rpm=1200) for _ in range(2)]
    for limiter in limiters:
        limiter.acquire_sync(1)
        limiter.release(1)
    for limiter in limiters:
        limiter.acquire_sync(1)  # each now knows there are two of them
        limiter.release(1)
    redis_server.kill()
    start, taken = time.monotonic(), 0
    while time.monotonic() - start < 1.0:
        limiters[0].acquire_sync(1)
        limiters[0].release(1)
        taken += 1
    assert "unreachable" in caplog.text and "1/2 of the limits (600 rpm)" in caplog.text
    assert 8 <= taken <= 12  # its share: 10 a second (no burst: the budget was being spent)
    assert "sk-" not in caplog.text
    redis_server.start()
    time.sleep(1.1)
    limiters[0].acquire_sync(1)
    assert "is back" in caplog.text
    assert limiters[0].shared.down_since is None


def test_redis_away_with_fallback_stop_raises(redis_server: RedisServer) -> None:
    limiter = shared(redis_server, rpm=600, fallback="stop")
    limiter.acquire_sync(1)
    limiter.release(1)
    redis_server.kill()
    with pytest.raises(LimiterUnavailable, match="unreachable"):
        limiter.acquire_sync(1)


def test_the_default_key_names_the_server_and_hashes_the_api_key(
    redis_server: RedisServer, openai_emulator: EmulatorHandle
) -> None:
    key = default_key("https://user:pw@api.example.test:8443/v1?x=1", "sk-secret-1")
    assert key.startswith("openai-rest:ratelimit:api.example.test:8443/v1:")
    assert "sk-secret" not in key and "pw" not in key
    assert default_key("https://h/v1", "sk-secret-2") != default_key("https://h/v1", "sk-secret-1")
    assert redacted("redis://:hunter2@cache:6379/0") == "redis://:***@cache:6379/0"
    assert "hunter2" not in repr(Limiter(rpm=5, redis="redis://:hunter2@cache:6379/0"))
    limiter = Limiter(rpm=600, redis=redis_server.url)
    with Client(config(openai_emulator), rate_limit=limiter) as client:
        client.embeddings(**EMBED)
    names = [name.decode() for name in redis_server.client().keys("*")]  # type: ignore[attr-defined]
    assert names and all("127.0.0.1" in name and "sk-limits" not in name for name in names)


def test_a_forked_worker_shares_the_budget_under_a_name_of_its_own(
    redis_server: RedisServer, openai_emulator: EmulatorHandle
) -> None:
    import multiprocessing

    limiter = shared(redis_server, rpm=6000)
    client = Client(config(openai_emulator), rate_limit=limiter)
    client.embeddings(**EMBED)
    parent = limiter.shared.member
    fork = multiprocessing.get_context("fork")
    names: Any = fork.Queue()

    def worker() -> None:  # a gunicorn-style worker: the limiter was made before the fork
        client.embeddings(**EMBED)
        names.put(limiter.shared.member)

    child = fork.Process(target=worker)
    child.start()
    child.join(30)
    assert child.exitcode == 0
    name = names.get(timeout=5)
    assert name != parent
    members = redis_server.client().zrange("{test-budget}:members", 0, -1)  # type: ignore[attr-defined]
    assert {parent, name} <= {member.decode() for member in members}
    client.close()
