"""A raw-HTTP client for the emulator's tests: real HTTP over loopback, no openai_rest."""

from __future__ import annotations

import http.client
import json
import uuid
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Tuple
from urllib.parse import urlsplit


class Answer(NamedTuple):
    status: int
    headers: Dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def events(self) -> List[Tuple[Optional[str], str]]:
        """The server-sent events of the body: (event name, data) pairs."""
        found = []
        for block in self.body.decode().split("\n\n"):
            if not block.strip():
                continue
            event, data = None, []
            for line in block.split("\n"):
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
            found.append((event, "\n".join(data)))
        return found


class Api:
    """A tiny client for one emulator: ``api.post("/chat/completions", {...})``."""

    def __init__(self, base_url: str, key: Optional[str] = "sk-test") -> None:
        parts = urlsplit(base_url)
        self.host, self.port, self.prefix = parts.hostname or "", parts.port or 80, parts.path
        self.key = key

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        raw: Optional[bytes] = None,
        content_type: str = "application/json",
    ) -> Answer:
        sent: Dict[str, str] = {}
        if self.key is not None:
            sent["Authorization"] = f"Bearer {self.key}"
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        if data is not None:
            sent["Content-Type"] = content_type
        sent.update(headers or {})
        url = path if path.startswith("/emulator/") else self.prefix + path
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request(method, url, body=data, headers=sent)
            response = conn.getresponse()
            return Answer(
                response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
            )
        finally:
            conn.close()

    def get(self, path: str, **kw: Any) -> Answer:
        return self.request("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Answer:
        return self.request("POST", path, body if body is not None else {}, **kw)

    def delete(self, path: str, **kw: Any) -> Answer:
        return self.request("DELETE", path, **kw)

    def upload(
        self,
        path: str,
        fields: Mapping[str, str],
        files: Mapping[str, Tuple[str, bytes]],
        **kw: Any,
    ) -> Answer:
        """A multipart/form-data POST."""
        boundary = uuid.uuid4().hex
        chunks = []
        for name, value in fields.items():
            chunks.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                f"\r\n\r\n{value}\r\n".encode()
            )
        for name, (filename, data) in files.items():
            chunks.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                "\r\n\r\n".encode()
                + data
                + b"\r\n"
            )
        chunks.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST",
            path,
            raw=b"".join(chunks),
            content_type=f"multipart/form-data; boundary={boundary}",
            **kw,
        )
