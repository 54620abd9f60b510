"""The client behind a real nginx (Debian's package): gzip on JSON and on event streams, a 308
and a 307 from an old prefix, and nginx's own HTML error pages, in front of our emulator.

Each test module run starts one nginx on a loopback port with its own configuration in a
temporary folder; it skips with ``service absent: nginx`` when nginx is not installed
(``bash scripts/services/nginx.sh`` installs it).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from typing import Any, Iterator, List, Optional
from urllib.parse import urlsplit

import pytest

import openai_rest
from conftest import ASYNC_TRANSPORTS, async_client
from daemons import accepts, free_port, running
from openai_rest.emulator.pytest_plugin import EmulatorHandle
from services import require

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CONFIG = """
worker_processes 1;
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 128; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  client_max_body_size 50m;
  gzip on;
  gzip_proxied any;
  gzip_min_length 0;
  gzip_types application/json text/event-stream;
  server {{
    listen 127.0.0.1:{port};
    location ~ ^/old/(.*)$ {{ return 308 /$1$is_args$args; }}
    location ~ ^/old307/(.*)$ {{ return 307 /$1$is_args$args; }}
    location /down/ {{ proxy_pass http://127.0.0.1:{closed}; }}
    location /missing/ {{ return 404; }}
    location /html/ {{
      default_type text/html;
      return 200 "<html><h1>Welcome to nginx!</h1></html>";
    }}
    location / {{
      proxy_pass http://{upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }}
  }}
}}
"""


def nginx_binary() -> Optional[str]:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


class Nginx:
    def __init__(self, base: str, emulator: Any) -> None:
        self.base = base  # http://127.0.0.1:PORT
        self.emulator = emulator

    def config(self, prefix: str = "/v1", **fields: Any) -> openai_rest.Config:
        return self.emulator.config(api_url=self.base + prefix, max_retries=0, **fields)


@pytest.fixture(scope="module")
def nginx(openai_emulator_server: Any, tmp_path_factory: Any) -> Iterator[Nginx]:
    binary = nginx_binary()
    require("nginx", None if binary else "not installed (bash scripts/services/nginx.sh)")
    assert binary is not None
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    emulator = EmulatorHandle(openai_emulator_server)
    upstream = urlsplit(emulator.base_url).netloc
    user = "user root;" if os.geteuid() == 0 else ""
    text = CONFIG.format(tmp=tmp, port=port, upstream=upstream, closed=free_port(), user=user)
    (tmp / "nginx.conf").write_text(text)
    log = tmp / "error.log"
    command = [binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(log)]
    with running([*command, "-g", "daemon off;"], lambda: accepts(port), log, timeout=10):
        yield Nginx(f"http://127.0.0.1:{port}", emulator)


MESSAGES = [{"role": "user", "content": "Say hello"}]


@pytest.mark.parametrize("async_transport", ASYNC_TRANSPORTS)
def test_gzipped_json_through_nginx(nginx: Nginx, async_transport: str) -> None:
    with openai_rest.Client(nginx.config()) as client:
        answer = client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
    assert answer["object"] == "chat.completion"
    assert openai_rest.response_of(answer).headers.get("content-encoding") == "gzip"

    async def main() -> Any:
        async with async_client(nginx.config(), async_transport) as client:
            return await client.models()

    models = asyncio.run(main())
    assert models["data"] and openai_rest.response_of(models).headers["content-encoding"] == "gzip"


@pytest.mark.parametrize("async_transport", ASYNC_TRANSPORTS)
def test_gzipped_event_streams_through_nginx(nginx: Nginx, async_transport: str) -> None:
    ask = {"Accept-Encoding": "gzip"}  # nginx compresses only when asked; a proxy may ask for us
    with openai_rest.Client(nginx.config()) as client:
        stream = client.chat_completion(
            model="gpt-4o-mini", messages=MESSAGES, stream=True, extra_headers=ask
        )
        chunks = list(stream)
    assert stream.response.headers.get("content-encoding") == "gzip"
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert text

    async def main() -> List[Any]:
        async with async_client(nginx.config(), async_transport) as client:
            events = await client.responses_create(
                model="gpt-4o-mini", input="hi", stream=True, extra_headers=ask
            )
            return [event async for event in events]

    events = asyncio.run(main())
    assert events[-1]["event"] == "response.completed"


@pytest.mark.parametrize("prefix", ["/old/v1", "/old307/v1"])
def test_a_moved_prefix_is_followed(nginx: Nginx, prefix: str, tmp_path: Path) -> None:
    with openai_rest.Client(nginx.config(prefix)) as client:
        answer = client.chat_completion(model="gpt-4o-mini", messages=MESSAGES)
        assert answer["object"] == "chat.completion"
        assert openai_rest.response_of(answer).url.startswith(nginx.base + "/v1/")
        chunks = list(client.chat_completion(model="gpt-4o-mini", messages=MESSAGES, stream=True))
        assert chunks
        audio = client.audio_speech(model="tts-1", input="hello", voice="alloy")
        assert not bytes(audio).lstrip().startswith(b"<")  # the audio, not the redirect page
        upload = tmp_path / "batch.jsonl"
        upload.write_bytes(b'{"custom_id": "a"}\n' * 1000)
        uploaded = client.files_upload(upload, purpose="batch")
        assert uploaded["bytes"] == upload.stat().st_size
        raw = client.request("GET", "/models")
        assert raw["data"]


def test_nginx_error_pages_are_our_errors(nginx: Nginx) -> None:
    with openai_rest.Client(nginx.config("/down/v1")) as client:
        with pytest.raises(openai_rest.InternalServerError, match="502 Bad Gateway") as caught:
            client.models()
        assert caught.value.status_code == 502 and "text/html" in str(caught.value)
    missing = openai_rest.Client(nginx.config("/missing/v1"))
    with missing, pytest.raises(openai_rest.NotFoundError, match="404 Not Found"):
        missing.chat_completion(model="m", messages=MESSAGES, stream=True)
    with openai_rest.Client(nginx.config("/html/v1")) as client:
        with pytest.raises(openai_rest.APIResponseValidationError, match="Welcome to nginx"):
            client.models()
        with pytest.raises(openai_rest.APIResponseValidationError, match="text/html"):
            list(client.chat_completion(model="m", messages=MESSAGES, stream=True))
