"""Record and replay: the real API (or any upstream), offline.

``Recorder`` forwards every request to an upstream and writes each exchange as one readable
JSON cassette (streams keep their events and the time each arrived); keys, organization and
project ids and cookies are scrubbed before anything is written. ``Player`` serves the
cassettes without any upstream, matching on method, path, query and a normalised body, in
recorded order when the same request was made several times; streams keep their timing
unless ``fast``. A request with no cassette gets a 404 naming the request and the closest
cassette. Being a server, this works for any client in any language.
"""

from __future__ import annotations

import asyncio
import base64
import difflib
import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from aiohttp import ClientSession, web

from ._state import JSON, ApiError

CASSETTE_VERSION = 1
_SKIP_UPSTREAM = {"host", "content-length", "transfer-encoding", "connection", "accept-encoding"}
_SKIP_DOWNSTREAM = {"content-length", "transfer-encoding", "content-encoding", "connection"}
_KEPT_REQUEST = ("content-type", "accept", "openai-beta", "openai-organization", "openai-project")
_SECRET_HEADERS = {
    "authorization": "Bearer sk-scrubbed",
    "api-key": "scrubbed",
    "openai-organization": "org-scrubbed",
    "openai-project": "proj_scrubbed",
}
_SECRET_TEXT = [
    (re.compile(r"\bsk-[A-Za-z0-9_\-*]{6,}"), "sk-scrubbed"),
    (re.compile(r"\borg-[A-Za-z0-9]{8,}"), "org-scrubbed"),
    (re.compile(r"\bproj_[A-Za-z0-9]{8,}"), "proj_scrubbed"),
    (re.compile(r"\buser-[A-Za-z0-9]{8,}"), "user-scrubbed"),
]


def scrub(text: str, secrets: List[str]) -> str:
    """``text`` with the given secrets and anything shaped like a key or an org id masked."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "sk-scrubbed")
    for pattern, mask in _SECRET_TEXT:
        text = pattern.sub(mask, text)
    return text


def _scrub_headers(headers: Dict[str, str], secrets: List[str]) -> Dict[str, str]:
    out = {}
    for name, value in headers.items():
        lowered = name.lower()
        if lowered in ("cookie", "set-cookie"):
            continue
        out[lowered] = _SECRET_HEADERS.get(lowered) or scrub(value, secrets)
    return out


def _secrets(headers: Any) -> List[str]:
    """The caller's own secrets in ``headers``: the key, organization and project."""
    found = []
    auth = headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        found.append(auth[7:].strip())
    for name in ("api-key", "OpenAI-Organization", "OpenAI-Project"):
        if headers.get(name):
            found.append(headers[name])
    return [s for s in found if len(s) >= 4]


# --- matching -------------------------------------------------------------------------------


def normal_body(body: bytes, content_type: str) -> str:
    """The request body as matching sees it: JSON re-dumped with sorted keys; a multipart
    body with its random boundary replaced; other bytes as their hash."""
    if not body:
        return ""
    if "json" in content_type:
        try:
            return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"))
        except ValueError:
            pass
    boundary = re.search(r"boundary=\"?([^\";]+)", content_type)
    if boundary:
        body = body.replace(boundary.group(1).encode(), b"BOUNDARY")
    try:
        return body.decode()
    except UnicodeDecodeError:
        return "sha256:" + hashlib.sha256(body).hexdigest()


def request_key(method: str, path: str, query: str, body: str) -> str:
    """The identity of a request: what replay matches on."""
    query = "&".join(sorted(query.split("&"))) if query else ""
    text = json.dumps([method.upper(), path, query, body])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _file_name(method: str, path: str, key: str, count: int) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", path.strip("/"))[:60].strip("-") or "root"
    return f"{method.lower()}-{slug}-{key}-{count}.json"


# --- bodies in a readable file --------------------------------------------------------------


def _encode_body(data: bytes, content_type: str, secrets: List[str]) -> JSON:
    if "json" in content_type:
        try:
            return {"json": json.loads(scrub(data.decode(), secrets))}
        except ValueError:
            pass
    try:
        text = data.decode()
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(data).decode()}
    return {"text": scrub(text, secrets)}


def _decode_body(stored: JSON) -> bytes:
    if "json" in stored:
        return json.dumps(stored["json"]).encode()
    if "base64" in stored:
        return base64.b64decode(stored["base64"])
    return str(stored.get("text", "")).encode()


async def _forward(response: web.StreamResponse, chunk: Optional[bytes]) -> bool:
    """Pass a stream's chunk (None: its end) to the caller; False once the caller has gone, as a
    client does that stops reading at the last event: the recording still gets the whole stream."""
    try:
        if chunk is None:
            await response.write_eof()
        else:
            await response.write(chunk)
    except ConnectionResetError:
        return False
    return True


def _split_events(buffer: str) -> Tuple[List[str], str]:
    """Complete server-sent events in ``buffer`` (each with its blank line), and the rest."""
    events: List[str] = []
    while True:
        end = buffer.find("\n\n")
        if end < 0:
            return events, buffer
        events.append(buffer[: end + 2])
        buffer = buffer[end + 2 :]


# --- recording ------------------------------------------------------------------------------


class Recorder:
    """Forwards requests to ``upstream`` (a base URL ending in ``/v1``) and writes cassettes
    into ``cassettes``; ``upstream_key`` replaces the caller's key when given."""

    def __init__(self, upstream: str, cassettes: str, upstream_key: Optional[str] = None) -> None:
        self.upstream = upstream.rstrip("/")
        self.folder = Path(cassettes)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.upstream_key = upstream_key
        self._counts: Dict[str, int] = {}
        self._session: Optional[ClientSession] = None

    async def _client(self) -> ClientSession:
        if self._session is None:
            self._session = ClientSession(auto_decompress=True)
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    def _target(self, request: web.Request) -> str:
        path = request.path
        if path.startswith("/v1/") or path == "/v1":
            path = path[3:]
        query = f"?{request.query_string}" if request.query_string else ""
        return self.upstream + path + query

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _SKIP_UPSTREAM}
        secrets = _secrets(request.headers)
        if self.upstream_key:
            headers["Authorization"] = f"Bearer {self.upstream_key}"
            secrets.append(self.upstream_key)
        content_type = request.headers.get("Content-Type", "")
        started = time.perf_counter()
        session = await self._client()
        try:
            upstream = await session.request(
                request.method, self._target(request), data=body or None, headers=headers
            )
        except OSError as exc:
            raise ApiError(502, f"The upstream {self.upstream} cannot be reached: {exc}") from None
        async with upstream:
            out_headers = {
                k: v for k, v in upstream.headers.items() if k.lower() not in _SKIP_DOWNSTREAM
            }
            answer_type = upstream.headers.get("Content-Type", "")
            events: List[JSON] = []
            if answer_type.startswith("text/event-stream"):
                response = web.StreamResponse(status=upstream.status, headers=out_headers)
                await response.prepare(request)
                buffer, caller_here = "", True
                async for chunk in upstream.content.iter_any():
                    caller_here = caller_here and await _forward(response, chunk)
                    complete, buffer = _split_events(buffer + chunk.decode("utf-8", "replace"))
                    at = round((time.perf_counter() - started) * 1000, 1)
                    events.extend({"at_ms": at, "text": scrub(e, secrets)} for e in complete)
                if buffer:
                    events.append(
                        {
                            "at_ms": round((time.perf_counter() - started) * 1000, 1),
                            "text": scrub(buffer, secrets),
                        }
                    )
                if caller_here:
                    await _forward(response, None)
                stored: JSON = {"events": events}
            else:
                data = await upstream.read()
                response = web.Response(status=upstream.status, body=data, headers=out_headers)
                stored = _encode_body(data, answer_type, secrets)
            self._write(request, body, content_type, secrets, upstream, stored, started)
        return response

    def _write(
        self,
        request: web.Request,
        body: bytes,
        content_type: str,
        secrets: List[str],
        upstream: Any,
        stored: JSON,
        started: float,
    ) -> None:
        normal = normal_body(body, content_type)
        key = request_key(request.method, request.path, request.query_string, normal)
        count = self._counts.get(key, 0)
        self._counts[key] = count + 1
        kept = {k: v for k, v in request.headers.items() if k.lower() in _KEPT_REQUEST}
        cassette = {
            "version": CASSETTE_VERSION,
            "recorded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "request": {
                "method": request.method,
                "path": request.path,
                "query": request.query_string,
                "headers": _scrub_headers(kept, secrets),
                "key": key,
                "body": _encode_body(body, content_type, secrets) if body else None,
                "normal_body": scrub(normal, secrets),
            },
            "response": {
                "status": upstream.status,
                "headers": _scrub_headers(dict(upstream.headers), secrets),
                **stored,
            },
        }
        path = self.folder / _file_name(request.method, request.path, key, count)
        path.write_text(json.dumps(cassette, indent=2, ensure_ascii=False) + "\n", "utf-8")


# --- replaying ------------------------------------------------------------------------------


class Player:
    """Serves the cassettes of ``cassettes``; ``fast`` sends stream events without waiting."""

    def __init__(self, cassettes: str, fast: bool = False) -> None:
        self.folder = Path(cassettes)
        self.fast = fast
        self.tapes: Dict[str, List[Tuple[Path, JSON]]] = {}
        self._served: Dict[str, int] = {}
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            cassette = json.loads(path.read_text("utf-8"))
            self.tapes.setdefault(cassette["request"]["key"], []).append((path, cassette))
        for tapes in self.tapes.values():
            tapes.sort(key=lambda tape: int(tape[0].stem.rsplit("-", 1)[-1]))

    def _closest(self, method: str, path: str, normal: str) -> Optional[Tuple[Path, float]]:
        best: Optional[Tuple[Path, float]] = None
        for tapes in self.tapes.values():
            file, cassette = tapes[0]
            recorded = cassette["request"]
            score = difflib.SequenceMatcher(
                None,
                f"{recorded['method']} {recorded['path']} {recorded.get('normal_body', '')}",
                f"{method} {path} {normal}",
            ).ratio()
            if best is None or score > best[1]:
                best = (file, score)
        return best

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        normal = normal_body(body, request.headers.get("Content-Type", ""))
        key = request_key(request.method, request.path, request.query_string, normal)
        tapes = self.tapes.get(key)
        if not tapes:
            raise self._missing(request, normal)
        served = self._served.get(key, 0)
        self._served[key] = served + 1
        _, cassette = tapes[min(served, len(tapes) - 1)]
        answer = cassette["response"]
        headers = {
            k: v for k, v in answer.get("headers", {}).items() if k.lower() not in _SKIP_DOWNSTREAM
        }
        if "events" not in answer:
            return web.Response(status=answer["status"], body=_decode_body(answer), headers=headers)
        response = web.StreamResponse(status=answer["status"], headers=headers)
        await response.prepare(request)
        started = time.perf_counter()
        for event in answer["events"]:
            if not self.fast:
                wait = event["at_ms"] / 1000 - (time.perf_counter() - started)
                if wait > 0:
                    await asyncio.sleep(wait)
            await response.write(event["text"].encode())
        await response.write_eof()
        return response

    def _missing(self, request: web.Request, normal: str) -> ApiError:
        shown = normal if len(normal) <= 200 else normal[:200] + "..."
        where = f"{request.method} {request.path_qs}" + (f" {shown}" if shown else "")
        closest = self._closest(request.method, request.path, normal)
        hint = (
            f" The closest cassette is {closest[0].name} ({closest[1]:.0%} alike)."
            if closest
            else f" {self.folder} holds no cassettes."
        )
        return ApiError(
            404, f"No cassette for {where} in {self.folder}.{hint}", code="cassette_not_found"
        )


def make_cassette_app(handler: Any) -> web.Application:
    """An application sending every request to ``handler`` (a Recorder or a Player), with the
    API's JSON errors for what goes wrong."""

    async def serve(request: web.Request) -> web.StreamResponse:
        try:
            response: web.StreamResponse = await handler.handle(request)
            return response
        except ApiError as error:
            from ._http import error_response

            return error_response(error)

    app = web.Application(client_max_size=1024**3)
    app.router.add_route("*", "/{tail:.*}", serve)
    if isinstance(handler, Recorder):

        async def close(app: web.Application) -> None:
            await handler.close()

        app.on_cleanup.append(close)
    return app
