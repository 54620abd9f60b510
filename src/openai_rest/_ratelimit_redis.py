"""The shared flavour of ``Limiter``: one budget in Redis for every process and host naming it.

Each decision is one atomic Lua script (``TAKE``) run on Redis's own clock (``TIME``), so
hosts whose clocks disagree still share one budget. The script refills the request and token
buckets, applies what this process learnt since its last call (refunds of estimated tokens,
a ``retry-after`` pause, the server's latest ``x-ratelimit-*`` view), records this process's
requests in flight, and then takes one request or says how long to wait. A process that dies
is forgotten after ``MEMBER_TTL`` seconds; the keys vanish after ``KEY_TTL`` idle seconds.

When Redis cannot be reached, each process paces alone at its share of the limits (the limit
divided by the processes last seen), warns once, and tries Redis again every second; with
``fallback="stop"`` it raises ``LimiterUnavailable`` instead. The ``redis`` package (the extra
``openai-rest[redis]``) is imported on first use.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import socket
import threading
import time
from typing import Any, Generator, Optional, Tuple
from urllib.parse import urlsplit

from .ratelimit import Limiter, LimiterUnavailable, LocalState

log = logging.getLogger("openai_rest.ratelimit")

MEMBER_TTL = 15.0
"""Seconds after which a process that has not called Redis is gone, its in-flight forgotten."""
KEY_TTL = 600
"""Seconds after the last call by anyone that the budget's keys expire."""
RETRY_EVERY = 1.0
"""While Redis is away, seconds between attempts to reach it again. For as long again after it
is back, a process also keeps to its local share: the others may not have come back yet."""
SOCKET_TIMEOUT = 1.0
CONNECT_TIMEOUT = 0.25

TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state, members, flight_r, flight_t = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local member = ARGV[1]
local rpm, tpm, burst = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local want, tokens = tonumber(ARGV[5]), tonumber(ARGV[6])
local refund, pause = tonumber(ARGV[9]), tonumber(ARGV[10])
local ttl = tonumber(ARGV[17])

-- who is here; the requests in flight of a process gone silent are forgotten
redis.call('ZADD', members, now, member)
local gone = redis.call('ZRANGEBYSCORE', members, '-inf', now - ttl)
for _, name in ipairs(gone) do
  redis.call('HDEL', flight_r, name)
  redis.call('HDEL', flight_t, name)
end
if #gone > 0 then redis.call('ZREMRANGEBYSCORE', members, '-inf', now - ttl) end
redis.call('HSET', flight_r, member, ARGV[7])
redis.call('HSET', flight_t, member, ARGV[8])

local function bucket(name, per_minute)
  local rate = per_minute / 60
  local capacity = math.max(1, rate * burst)
  local level = tonumber(redis.call('HGET', state, name .. ':level'))
  local stamp = tonumber(redis.call('HGET', state, name .. ':stamp'))
  if level == nil or stamp == nil then
    level = 0  -- a new budget (or Redis restarted empty): it may well be spent already
  else
    level = math.min(capacity, level + math.max(0, now - stamp) * rate)
  end
  return {rate = rate, capacity = capacity, level = level}
end

local function wait_for(b, amount)
  return math.max(0, (math.min(amount, b.capacity) - b.level) / b.rate)
end

local requests = nil
local budget = nil
if rpm > 0 then requests = bucket('requests', rpm) end
if tpm > 0 then budget = bucket('tokens', tpm) end
if budget ~= nil and refund ~= 0 then
  budget.level = math.min(budget.capacity, budget.level + refund)
end

local paused = tonumber(redis.call('HGET', state, 'pause')) or 0
if pause > 0 and now + pause > paused then
  paused = now + pause
  redis.call('HSET', state, 'pause', paused)
end

-- the server's latest word: limit, remaining and refill speed, stamped with Redis's time
for i, kind in ipairs({'requests', 'tokens'}) do
  local base = 8 + 3 * i
  local limit, remaining = tonumber(ARGV[base]), tonumber(ARGV[base + 1])
  local reset = tonumber(ARGV[base + 2])
  if limit > 0 then
    local used = limit - remaining
    local rate = limit / 60
    if reset > 0 and used > 0 then rate = used / reset end
    redis.call('HSET', state, 'server:' .. kind .. ':limit', limit,
      'server:' .. kind .. ':remaining', remaining, 'server:' .. kind .. ':rate', rate,
      'server:' .. kind .. ':stamp', now)
  end
end

local wait = math.max(0, paused - now)
if requests ~= nil then wait = math.max(wait, wait_for(requests, 1)) end
if budget ~= nil then wait = math.max(wait, wait_for(budget, tokens)) end

local function total(hash)
  local sum = 0
  for _, value in ipairs(redis.call('HVALS', hash)) do sum = sum + tonumber(value) end
  return sum
end
local in_flight = {requests = total(flight_r), tokens = total(flight_t)}
for kind, amount in pairs({requests = 1, tokens = tokens}) do
  local limit = tonumber(redis.call('HGET', state, 'server:' .. kind .. ':limit'))
  if limit ~= nil then
    local remaining = tonumber(redis.call('HGET', state, 'server:' .. kind .. ':remaining'))
    local rate = tonumber(redis.call('HGET', state, 'server:' .. kind .. ':rate'))
    local stamp = tonumber(redis.call('HGET', state, 'server:' .. kind .. ':stamp'))
    local available = math.min(limit, remaining + (now - stamp) * rate)
    local short = math.min(amount, limit) + in_flight[kind] - available
    if short > 0 then wait = math.max(wait, short / rate) end
  end
end

local taken = 0
if want > 0 and wait <= 0 then
  taken = 1
  if requests ~= nil then requests.level = requests.level - 1 end
  if budget ~= nil then budget.level = budget.level - tokens end
  redis.call('HINCRBYFLOAT', flight_r, member, 1)
  redis.call('HINCRBYFLOAT', flight_t, member, tokens)
end
if requests ~= nil then
  redis.call('HSET', state, 'requests:level', requests.level, 'requests:stamp', now)
end
if budget ~= nil then
  redis.call('HSET', state, 'tokens:level', budget.level, 'tokens:stamp', now)
end
for _, name in ipairs({state, members, flight_r, flight_t}) do
  redis.call('EXPIRE', name, ARGV[18])
end
return {taken, math.floor(wait * 1000000), redis.call('ZCARD', members)}
"""


def default_key(base_url: str, api_key: Optional[str], *scope: Optional[str]) -> str:
    """The budget's name: the base URL (no credentials, no query) and a short hash of the API
    key with its organization and project; never the key itself."""
    parts = urlsplit(base_url)
    where = f"{parts.hostname or ''}{':' + str(parts.port) if parts.port else ''}{parts.path}"
    material = "\n".join([api_key or "", *(s or "" for s in scope)]).encode()
    return f"openai-rest:ratelimit:{where.rstrip('/')}:{hashlib.sha256(material).hexdigest()[:16]}"


def redacted(url: str) -> str:
    """A Redis URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()


def _redis() -> Any:
    try:
        import redis
    except ImportError:
        raise ImportError(
            "a shared rate limit needs the Redis client: pip install 'openai-rest[redis]'"
        ) from None
    return redis


Owed = Tuple[float, float, Tuple[float, ...]]
"""What a process owes the budget since its last call: refunded tokens, a pause, a view."""


class _Call:
    """One run of ``TAKE``, for the sync or the async driver; errors come back as values."""

    __slots__ = ("state", "keys", "args")

    def __init__(self, state: SharedState, keys: Tuple[str, ...], args: Tuple[Any, ...]) -> None:
        self.state, self.keys, self.args = state, keys, args

    def call(self) -> Any:
        try:
            return self.state.sync_script()(keys=self.keys, args=self.args)
        except Exception as error:
            return error

    async def acall(self) -> Any:
        try:
            return await self.state.async_script()(keys=self.keys, args=self.args)
        except Exception as error:
            return error


class SharedState:
    """The Redis side of one ``Limiter``: connections, what is owed, and Redis's health."""

    def __init__(self, limiter: Limiter, url: str, key: Optional[str], fallback: str) -> None:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError(f"redis= takes a redis://host:port/db URL, not {redacted(url)!r}")
        self.limiter = limiter
        self.url = url
        self.where = redacted(url)
        self.key = key
        self.fallback = fallback
        self._member = ("", 0)
        self.members = 1
        self.down_since: Optional[float] = None
        self.next_try = 0.0
        self.grace_until = 0.0
        self.outages = 0
        self._lock = threading.Lock()
        self._refund = 0.0
        self._pause = 0.0
        self._view: Tuple[float, ...] = ()
        self._sync: Any = None
        self._async: Any = None
        self._async_loop: Any = None
        self._pid = os.getpid()

    @property
    def member(self) -> str:
        """This process's name in the budget (a forked child gets its own)."""
        name, pid = self._member
        if pid != os.getpid():
            name = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
            self._member = (name, os.getpid())
        return name

    # -- connections, made on first use (and again after fork or in another event loop) ------

    def _options(self, retry: Any) -> Any:
        return {
            "socket_timeout": SOCKET_TIMEOUT,
            "socket_connect_timeout": CONNECT_TIMEOUT,
            "retry": retry,
        }

    def sync_script(self) -> Any:
        if self._sync is None or self._pid != os.getpid():
            redis = _redis()
            from redis.backoff import NoBackoff
            from redis.retry import Retry

            client = redis.Redis.from_url(self.url, **self._options(Retry(NoBackoff(), 0)))
            self._sync, self._pid = client.register_script(TAKE), os.getpid()
        return self._sync

    def async_script(self) -> Any:
        import asyncio

        loop = asyncio.get_running_loop()
        if self._async is None or self._async_loop is not loop:
            _redis()
            from redis.asyncio import Redis
            from redis.asyncio.retry import Retry
            from redis.backoff import NoBackoff

            client = Redis.from_url(self.url, **self._options(Retry(NoBackoff(), 0)))
            self._async, self._async_loop = client.register_script(TAKE), loop
        return self._async

    # -- what this process owes the budget, sent with its next call --------------------------

    def bind(self, settings: Any) -> None:
        """Name the budget after the first request's base URL and key, unless ``key=`` did."""
        if self.key is None and settings is not None:
            self.key = default_key(
                settings.base_url, settings.api_key, settings.organization_key, settings.project
            )

    def released(self, tokens: int, refund: float) -> None:
        if self.down_since is not None:  # taken from the local share, not from Redis
            return
        with self._lock:
            self._refund += refund

    def paused(self, seconds: float) -> None:
        with self._lock:
            self._pause = max(self._pause, seconds)

    def observed(self, ratelimit: Any) -> None:
        view = []
        for kind in ("requests", "tokens"):
            limit, remaining = ratelimit.get("limit_" + kind), ratelimit.get("remaining_" + kind)
            reset = ratelimit.get("reset_" + kind)
            if isinstance(limit, int) and isinstance(remaining, int) and limit > 0:
                view += [limit, remaining, float(reset) if reset is not None else -1.0]
            else:
                view += [0, 0, -1.0]
        with self._lock:
            self._view = tuple(view)

    def _call(self, want: int, tokens: int) -> Tuple[_Call, Owed]:
        limiter = self.limiter
        with self._lock:
            owed = (self._refund, self._pause, self._view)
            self._refund, self._pause, self._view = 0.0, 0.0, ()
            flight = limiter._in_flight
            mine = (flight["requests"], flight["tokens"])
        base = "{" + (self.key or "openai-rest:ratelimit:default") + "}"
        keys = (base + ":state", base + ":members", base + ":flight", base + ":flight-tokens")
        args = (
            self.member,
            limiter.rpm or 0,
            limiter.tpm or 0,
            limiter.burst_seconds,
            want,
            tokens,
            *mine,
            owed[0],
            owed[1],
            *(owed[2] or (0, 0, -1.0, 0, 0, -1.0)),
            MEMBER_TTL,
            KEY_TTL,
        )
        return _Call(self, keys, args), owed

    def _give_back(self, owed: Owed) -> None:
        """What a failed call carried is owed again (a newer server view wins)."""
        with self._lock:
            self._refund += owed[0]
            self._pause = max(self._pause, owed[1])
            self._view = self._view or owed[2]

    # -- one decision --------------------------------------------------------------------------

    def take(self, tokens: int) -> Generator[_Call, Any, Optional[float]]:
        """Seconds to wait (0: taken, counted in flight), or None: pace locally this time."""
        now = time.monotonic()
        if self.down_since is not None and now < self.next_try:
            return None
        limiter = self.limiter
        in_grace = now < self.grace_until
        if in_grace:
            wait = limiter.delay(tokens)
            if wait > 0:
                return wait
        call, owed = self._call(1, tokens)
        reply = yield call
        if isinstance(reply, BaseException):
            self._give_back(owed)
            self._down(reply)
            return None
        taken, wait_us, members = (int(value) for value in reply)
        self.members = max(1, members)
        if self.down_since is not None:
            self._up()
        if taken:
            with limiter._lock:
                if in_grace:
                    limiter._local.take(tokens)
                limiter._count(tokens)
            return 0.0
        return max(wait_us / 1e6, 1e-4)

    def _flush_call(self) -> Optional[_Call]:
        if self.down_since is not None or self.key is None:
            return None
        return self._call(0, 0)[0]

    def flush_sync(self) -> None:
        call = self._flush_call()
        if call is not None:
            call.call()

    async def flush_async(self) -> None:
        call = self._flush_call()
        if call is not None:
            await call.acall()
        if self._async is not None:
            client, self._async = self._async.registered_client, None
            try:
                await client.aclose()
            except Exception:  # a connection Redis already dropped
                pass

    # -- Redis's health ------------------------------------------------------------------------

    def _down(self, error: BaseException) -> None:
        now = time.monotonic()
        self.next_try = now + RETRY_EVERY
        if self.fallback == "stop":
            raise LimiterUnavailable(
                f"shared rate limit: Redis at {self.where} unreachable "
                f"({type(error).__name__}: {error}); stopping (fallback='stop')"
            ) from error
        if self.down_since is not None:
            return
        self.down_since = now
        self.outages += 1
        limiter = self.limiter
        share = self.members
        local = LocalState(
            limiter.rpm / share if limiter.rpm else None,
            limiter.tpm / share if limiter.tpm else None,
            limiter.burst_seconds,
            limiter._clock(),
        )
        for bucket in (local.requests, local.tokens):
            if bucket is not None:  # the budget was being spent: no burst on top of the others'
                bucket.level = 0.0
        local.server, local.paused_until = limiter._local.server, limiter._local.paused_until
        limiter._local = local
        limits = ", ".join(
            f"{value / share:g} {name}"
            for name, value in (("rpm", limiter.rpm), ("tpm", limiter.tpm))
            if value
        )
        log.warning(
            "shared rate limit: Redis at %s unreachable (%s: %s); pacing this process alone "
            "at 1/%d of the limits%s until it is back",
            self.where,
            type(error).__name__,
            error,
            share,
            f" ({limits})" if limits else "",
        )

    def _up(self) -> None:
        assert self.down_since is not None
        log.warning(
            "shared rate limit: Redis at %s is back after %.1f s; sharing the budget again",
            self.where,
            time.monotonic() - self.down_since,
        )
        self.down_since = None
        self.grace_until = time.monotonic() + RETRY_EVERY
