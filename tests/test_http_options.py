"""http_options over real sockets: threads sharing a pool, proxies (and NO_PROXY), TLS."""

from __future__ import annotations

import asyncio
import base64
import http.client
import shutil
import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, List
from urllib.parse import urlsplit

import pytest

import openai_rest
from conftest import KEY, Scripted, async_client
from loopback import LoopbackServer, Reply, raw_listener


def test_one_client_shared_by_threads(server: Scripted) -> None:
    client = openai_rest.Client(server.config(http_options={"pool_size": 4}))
    errors: List[BaseException] = []

    def work() -> None:
        try:
            for _ in range(40):
                assert client.models() == {"ok": True}
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(server.received) == 320


class ForwardingProxy:
    """A plain-HTTP forward proxy on loopback that records the absolute URLs it was asked."""

    def __init__(self) -> None:
        self.seen: List[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _forward(self) -> None:
                outer.seen.append(self.path)
                target = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                upstream = http.client.HTTPConnection(target.hostname, target.port)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                path = target.path + (f"?{target.query}" if target.query else "")
                upstream.request(self.command, path, body, headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _forward

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def proxy() -> Iterator[ForwardingProxy]:
    forwarding = ForwardingProxy()
    yield forwarding
    forwarding.close()


FACES = ["sync", "async", "async-aiohttp"]


def models(config: openai_rest.Config, face: str, *args: Any) -> Any:
    """``models(*args)`` on a new client of that face (the async one on either transport)."""
    if face == "sync":
        return openai_rest.Client(config).models(*args)

    async def main() -> Any:
        transport = "AiohttpTransport" if face == "async-aiohttp" else ""
        async with async_client(config, transport) as client:
            return await client.models(*args)

    return asyncio.run(main())


@pytest.mark.parametrize("face", FACES)
def test_explicit_proxy(server: Scripted, proxy: ForwardingProxy, face: str) -> None:
    assert models(server.config(http_options={"proxy": proxy.url}), face, "m1") == {"ok": True}
    assert proxy.seen == [server.base_url + "/models/m1"]


@pytest.mark.parametrize("face", FACES)
def test_proxy_from_the_environment_and_no_proxy(
    server: Scripted, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch, face: str
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert models(server.config(), face) == {"ok": True}
    assert len(proxy.seen) == 1
    ignoring = server.config(http_options={"trust_env": False})
    assert models(ignoring, face) == {"ok": True} and len(proxy.seen) == 1
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert models(server.config(), face) == {"ok": True}
    assert len(proxy.seen) == 1  # bypassed


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(folder / "key.pem"),
            "-out",
            str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture
def tls_server(certificate: Path) -> Iterator[LoopbackServer]:
    server = LoopbackServer(lambda got: Reply(json={"secure": True}))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate / "cert.pem", certificate / "key.pem")
    server._server.socket = context.wrap_socket(server._server.socket, server_side=True)
    server.base_url = server.base_url.replace("http://", "https://")
    with server:
        yield server


@pytest.mark.parametrize("face", FACES)
def test_tls_verification_and_ca_bundle(
    tls_server: LoopbackServer, certificate: Path, face: str
) -> None:
    def call(**options: Any) -> Any:
        config = openai_rest.Config(
            api_key=KEY, api_url=tls_server.base_url, max_retries=0, http_options=options
        )
        return models(config, face)

    with pytest.raises(openai_rest.APIConnectionError, match=r"TLS|SSL|certificate"):
        call()  # a self-signed certificate is refused by default
    assert call(ca_bundle=str(certificate / "cert.pem")) == {"secure": True}
    assert call(verify=False) == {"secure": True}


class TunnelProxy:
    """A ``CONNECT`` proxy on loopback that asks for Basic credentials and relays the bytes."""

    def __init__(self) -> None:
        self.seen: List[str] = []
        self.listener = raw_listener(self._tunnel)
        self.url = f"http://tunnel:pass@127.0.0.1:{self.listener.getsockname()[1]}"

    def _tunnel(self, conn: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head:
            data = conn.recv(4096)
            if not data:
                conn.close()
                return
            head += data
        line, *fields = head.decode("latin-1").split("\r\n")
        method, authority, _ = line.split(" ")
        auth = "Proxy-Authorization: Basic " + base64.b64encode(b"tunnel:pass").decode()
        if method != "CONNECT" or auth not in fields:
            conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
            conn.close()
            return
        self.seen.append(authority)
        host, _, port = authority.rpartition(":")
        upstream = socket.create_connection((host, int(port)))
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")

        def pump(source: socket.socket, sink: socket.socket) -> None:
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    sink.sendall(data)
            except OSError:
                pass
            for side in (source, sink):
                try:
                    side.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        threading.Thread(target=pump, args=(upstream, conn), daemon=True).start()
        pump(conn, upstream)

    def close(self) -> None:
        self.listener.close()


@pytest.mark.parametrize("face", FACES)
def test_https_through_a_connect_tunnel_with_proxy_credentials(
    tls_server: LoopbackServer, certificate: Path, face: str
) -> None:
    tunnel = TunnelProxy()
    try:
        options = {"proxy": tunnel.url, "ca_bundle": str(certificate / "cert.pem")}
        config = openai_rest.Config(
            api_key=KEY, api_url=tls_server.base_url, max_retries=0, http_options=options
        )
        assert models(config, face) == {"secure": True}
        assert tunnel.seen == [tls_server.base_url.split("/")[2]]
        wrong = {**options, "proxy": tunnel.url.replace("pass@", "wrong@")}
        with pytest.raises(openai_rest.APIConnectionError, match="407") as caught:
            models(
                openai_rest.Config(
                    api_key=KEY, api_url=tls_server.base_url, max_retries=0, http_options=wrong
                ),
                face,
            )
        assert "wrong" not in str(caught.value)
    finally:
        tunnel.close()


def test_default_headers_and_query_for_compatible_servers(server: Scripted) -> None:
    """Azure-style: its own key header and an api-version on every call, no Bearer key."""
    config = openai_rest.Config(
        api_key=None,
        api_url=server.base_url,
        http_options={
            "headers": {"api-key": "azure-secret-0123456789"},
            "query": {"api-version": "2024-06-01"},
        },
    )
    client = openai_rest.Client(config)
    client.models()
    client.models(
        extra_query={"api-version": "2025-01-01"}, extra_headers={"api-key": "tenant-b-key-0000"}
    )
    first, second = server.received
    assert first.path == "/v1/models?api-version=2024-06-01"
    assert first.headers["api-key"] == "azure-secret-0123456789"
    assert "authorization" not in first.headers
    assert (
        second.path == "/v1/models?api-version=2025-01-01"
        and second.headers["api-key"] == "tenant-b-key-0000"
    )
    assert "azure-secret-0123456789" not in repr(config)
    with pytest.raises(TypeError, match="headers"):
        openai_rest.Config(http_options={"headers": {"x": 1}})
