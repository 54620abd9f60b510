"""The default transport's connection sends, byte for byte, what ``http.client`` sends.

It encodes a set of header lines once and reuses them, and sends a small body with its headers;
a raw loopback socket records both clients' bytes to compare them, first call and cached. A
pooled connection the server closed is noticed before it is used, and nothing is sent twice.
"""

from __future__ import annotations

import http.client
import socket
import threading
from typing import Any, Dict, List, Optional

import pytest

from loopback import read_request
from openai_rest._transports.httpclient_transport import ONE_SEND, _Connection


class Acceptor:
    """A server on 127.0.0.1 that hands each connection it accepts, in turn, to ``handle``."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self.handle(conn)

    def handle(self, conn: socket.socket) -> None:
        raise NotImplementedError


class Recorder(Acceptor):
    """Records each connection's bytes until the client closes it."""

    def __init__(self) -> None:
        self.got: List[bytes] = []
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        data = b""
        while True:
            piece = conn.recv(65536)
            if not piece:
                break
            data += piece
        self.got.append(data)

    def sent(self, conn: http.client.HTTPConnection) -> bytes:
        """What ``conn`` sent, once it is closed."""
        count = len(self.got)
        conn.close()
        for _ in range(500):
            if len(self.got) > count:
                return self.got[-1]
            threading.Event().wait(0.01)
        raise AssertionError("the recorder got nothing")


@pytest.fixture
def recorder() -> Any:
    recorder = Recorder()
    yield recorder
    recorder.sock.close()


CASES = [
    ("POST", "/v1/chat", b'{"a":1}', {"Authorization": "Bearer k", "Content-Type": "a/json"}),
    ("POST", "/v1/empty", None, {"Accept": "*/*"}),
    ("GET", "/v1/models?limit=2", None, {"accept-encoding": "gzip", "X-N": 5}),
    ("DELETE", "/v1/files/f", None, {}),
    ("POST", "/v1/own", b"zz", {"Host": "elsewhere:81", "Content-Length": "2"}),
    ("POST", "/v1/chunked", b"2\r\nzz\r\n0\r\n\r\n", {"Transfer-Encoding": "chunked"}),
    ("POST", "/v1/big", b"x" * (ONE_SEND + 1), {"Content-Type": "application/octet-stream"}),
    ("PUT", "/v1/bytes-value", b"", {"X-Bytes": b"raw"}),
]


@pytest.mark.parametrize(("method", "target", "body", "headers"), CASES)
def test_the_same_bytes_as_http_client_first_time_and_cached(
    recorder: Recorder, method: str, target: str, body: Optional[bytes], headers: Dict[str, Any]
) -> None:
    plain = http.client.HTTPConnection("127.0.0.1", recorder.port)
    plain.request(method, target, body, headers)
    expected = recorder.sent(plain)
    blocks: Dict[Any, Any] = {}
    origin = ("http", "127.0.0.1", recorder.port)
    for _ in range(2):  # the second time from the kept header lines
        ours = _Connection("127.0.0.1", recorder.port)
        ours.send_request(method, target, body, headers, blocks, origin)
        assert recorder.sent(ours) == expected
    assert len(blocks) == 1


def test_an_origin_has_its_own_host_line(recorder: Recorder) -> None:
    blocks: Dict[Any, Any] = {}
    headers = {"Accept": "application/json"}
    for host in ("127.0.0.1", "localhost"):
        plain = http.client.HTTPConnection(host, recorder.port)
        plain.request("GET", "/v1/models", None, headers)
        expected = recorder.sent(plain)
        ours = _Connection(host, recorder.port)
        ours.send_request("GET", "/v1/models", None, headers, blocks, ("http", host, recorder.port))
        assert recorder.sent(ours) == expected
        assert f"Host: {host}:{recorder.port}\r\n".encode() in recorder.got[-1]


@pytest.mark.parametrize(
    "headers",
    [{"X-Evil": "a\r\nInjected: 1"}, {"Bad:Name": "v"}, {"X-List": ["not", "hashable"]}],
)
def test_headers_http_client_refuses_are_refused_and_never_kept(headers: Dict[str, Any]) -> None:
    with pytest.raises(Exception) as plain_error:
        http.client.HTTPConnection("127.0.0.1", 9).request("GET", "/", None, headers)
    blocks: Dict[Any, Any] = {}
    ours = _Connection("127.0.0.1", 9)
    with pytest.raises(type(plain_error.value)) as our_error:
        ours.send_request("GET", "/", None, headers, blocks, ("http", "127.0.0.1", 9))
    assert str(our_error.value) == str(plain_error.value)
    assert blocks == {}


class ClosingServer(Acceptor):
    """Answers one request per connection with a keep-alive answer, then closes it unannounced
    (as a server whose idle timeout has passed); counts the requests and connections."""

    def __init__(self) -> None:
        self.requests = 0
        self.connections = 0
        super().__init__()

    def handle(self, conn: socket.socket) -> None:
        self.connections += 1
        if read_request(conn) is None:
            return
        self.requests += 1
        answer = b'{"object": "list", "data": []}'
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(answer), answer)
        )


def test_a_pooled_connection_the_server_closed_is_never_used() -> None:
    import openai_rest

    server = ClosingServer()
    config = openai_rest.Config(api_key="sk-x", api_url=f"http://127.0.0.1:{server.port}/v1")
    origin = ("http", "127.0.0.1", server.port)
    with openai_rest.Client(config, max_retries=0) as client:
        for n in range(1, 4):
            assert client.models() == {"object": "list", "data": []}
            (conn,) = next(iter(client._transports.values()))._idle[origin]
            for _ in range(500):  # until the server's close reaches the pooled socket
                if conn.dropped():
                    break
                threading.Event().wait(0.01)
            else:
                raise AssertionError("the closed connection still looks alive")
            assert (server.requests, server.connections) == (n, n)  # each sent once, never retried
    server.sock.close()


def test_a_connection_looks_dropped_only_once_the_server_closed_it() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    conn = _Connection("127.0.0.1", port)
    conn.connect()
    accepted, _ = server.accept()
    assert not conn.dropped()
    accepted.close()  # the server closes: the socket reads as ready, with EOF
    for _ in range(500):
        if conn.dropped():
            break
        threading.Event().wait(0.01)
    else:
        raise AssertionError("the closed connection still looks alive")
    conn.close()
    assert conn.dropped()  # no socket at all
    server.close()
