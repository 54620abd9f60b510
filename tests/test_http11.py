"""The sans-I/O HTTP/1.1 module: request heads as bytes, and a response parser fed any split.

The parser is pure (bytes in, events out), so it is driven directly, by hand and by hypothesis:
every framing (length, chunked, until close) gives the same body whatever the pieces, and any
bytes at all give events or a ``ProtocolError``, never another exception.
"""

from __future__ import annotations

from typing import List, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_rest._http11 import (
    END,
    NEED_DATA,
    ConnectionClosed,
    Headers,
    ProtocolError,
    ResponseHead,
    ResponseParser,
    request_head,
    split_url,
)


def read(wire: List[bytes], method: str = "POST", eof: bool = False) -> Tuple[ResponseHead, bytes]:
    """Feed ``wire`` piece by piece; the head and the whole body (the end must be reached)."""
    parser = ResponseParser()
    parser.start(method)
    pieces = list(wire) + ([b""] if eof else [])
    head, body = None, b""
    while True:
        event = parser.next_event()
        if event is NEED_DATA:
            assert pieces, "the parser wants more than the wire holds"
            parser.feed(pieces.pop(0))
        elif isinstance(event, ResponseHead):
            head = event
        elif event is END:
            break
        else:
            assert isinstance(event, bytes) and event
            body += event
    assert head is not None
    return head, body


def split(data: bytes, cuts: List[int]) -> List[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in zip(edges, edges[1:]) if b > a]


# --- the request head ---------------------------------------------------------------------


def test_a_request_head_has_host_length_and_the_headers_in_order() -> None:
    head = request_head("POST", "/v1/chat?x=1", "api.test:8080", {"A": "1", "b": "2"}, 5)
    assert head == (
        b"POST /v1/chat?x=1 HTTP/1.1\r\nHost: api.test:8080\r\nA: 1\r\nb: 2\r\n"
        b"Content-Length: 5\r\n\r\n"
    )
    assert b"Content-Length: 0" in request_head("POST", "/", "h", {}, None)
    assert b"Content-Length" not in request_head("GET", "/", "h", {}, None)
    assert request_head("GET", "/", "h", {"host": "other"}, None).count(b"ost: ") == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"X-A": "sk-1\r\nInjected: yes"},
        {"X-A": "sk-1\nmore"},
        {"X-A\r\nB": "sk-1"},
        {"X A": "sk-1"},
    ],
)
def test_header_injection_is_refused_without_showing_the_value(headers: dict) -> None:
    with pytest.raises(ValueError) as caught:
        request_head("GET", "/", "h", headers, None)
    assert "sk-1" not in str(caught.value) and "X" in str(caught.value)


def test_non_latin1_header_values_go_as_utf8() -> None:
    assert "é✓".encode() in request_head("GET", "/", "h", {"X-Name": "é✓"}, None)


def test_split_url() -> None:
    assert split_url("https://user:pw@api.test/v1/x?q=1") == (
        ("https", "api.test", 443),
        "api.test",
        "/v1/x?q=1",
    )
    assert split_url("http://[::1]:8080") == (("http", "::1", 8080), "[::1]:8080", "/")
    assert split_url("http://h?q=1")[2] == "/?q=1"


# --- the response -------------------------------------------------------------------------

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: r1\r\n"


def test_content_length_body_and_keep_alive() -> None:
    head, body = read([HEAD + b"Content-Length: 5\r\n\r\nhello"])
    assert (head.status, head.reason, body) == (200, "OK", b"hello")
    assert head.headers["x-request-id"] == "r1" and head.headers.get("X-REQUEST-ID") == "r1"
    assert "Content-Type" in head.headers and dict(head.headers)["content-type"]


def test_chunked_with_extensions_and_trailers() -> None:
    wire = (
        HEAD
        + b"Transfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n!\r\n0\r\nX-T: 1\r\n\r\n"
    )
    parser = ResponseParser()
    assert read([wire])[1] == b"hello!"
    parser.start("GET")
    parser.feed(wire)
    while parser.next_event() is not END:
        pass
    assert parser.keep_alive and parser.idle_clean


def test_until_close_body() -> None:
    _, body = read([b"HTTP/1.1 200 OK\r\n\r\nall of it", b" and more"], eof=True)
    assert body == b"all of it and more"


def test_interim_answers_are_skipped_and_no_body_statuses_have_none() -> None:
    head, body = read([b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"])
    assert (head.status, body) == (204, b"")
    head, body = read([HEAD + b"Content-Length: 99\r\n\r\n"], method="HEAD")
    assert body == b""


def test_repeated_fields_are_joined_and_folded_lines_unfolded() -> None:
    head, _ = read([b"HTTP/1.1 200 OK\r\nA: 1\r\na: 2\r\nB: x\r\n  y\r\nContent-Length: 0\r\n\r\n"])
    assert head.headers["a"] == "1, 2" and head.headers["b"] == "x y"
    assert isinstance(head.headers, Headers)


def test_keep_alive_rules() -> None:
    def keep(wire: bytes) -> bool:
        parser = ResponseParser()
        parser.start("GET")
        parser.feed(wire)
        while parser.next_event() is not END:
            pass
        return parser.keep_alive

    assert keep(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    assert not keep(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
    assert not keep(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
    assert keep(b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")
    assert not keep(b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxy")  # more than it said


def test_both_framings_are_read_by_the_coding_and_the_connection_is_dropped() -> None:
    """RFC 9112 6.3: Transfer-Encoding overrides Content-Length, and such a connection is not
    reused (Prism sends both for audio speech; http.client reads it the same way)."""
    wire = HEAD + b"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    assert read([wire])[1] == b"hello"
    parser = ResponseParser()
    parser.start("GET")
    parser.feed(wire)
    while parser.next_event() is not END:
        pass
    assert not parser.keep_alive


def test_answers_follow_one_another_on_one_connection() -> None:
    parser = ResponseParser()
    parser.feed(HEAD + b"Content-Length: 1\r\n\r\na" + HEAD + b"Content-Length: 1\r\n\r\nb")
    bodies = []
    for _ in range(2):
        parser.start("GET")
        assert isinstance(parser.next_event(), ResponseHead)
        bodies.append(parser.next_event())
        assert parser.next_event() is END
    assert bodies == [b"a", b"b"]


@pytest.mark.parametrize(
    "wire, message",
    [
        (b"HTTP/2 200 OK\r\n\r\n", "status line"),
        (b"SSH-2.0-OpenSSH\r\n\r\n", "status line"),
        (b"HTTP/1.1 2000 OK\r\n\r\n", "status line"),
        (b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed header"),
        (b"HTTP/1.1 200 OK\r\nBad Name: v\r\n\r\n", "malformed header"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n", "Content-Length"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: \xb2\r\n\r\n", "Content-Length"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1_0\r\n", "chunk size"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n", "longer"),
        (b"HTTP/1.1 101 Switching Protocols\r\n\r\n", "101"),
        (b"HTTP/1.1 200 OK\r\n" + b"X: " + b"y" * 70000, "larger than"),
    ],
)
def test_malformed_answers_raise_protocol_errors(wire: bytes, message: str) -> None:
    with pytest.raises(ProtocolError, match=message):
        read([wire])


def test_a_repeated_equal_content_length_is_one() -> None:
    assert read([b"HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nab"])[1] == b"ab"


@pytest.mark.parametrize(
    "wire, before",
    [
        (b"", True),
        (b"HTTP/1.1 200 OK\r\nContent-", False),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", False),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", False),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", False),
    ],
)
def test_a_connection_closed_early_says_whether_any_answer_came(wire: bytes, before: bool) -> None:
    with pytest.raises(ConnectionClosed) as caught:
        read([wire] if wire else [], eof=True)
    assert caught.value.before_response is before


def test_a_reset_is_not_the_end_of_an_until_close_body() -> None:
    parser = ResponseParser()
    parser.start("GET")
    parser.feed(b"HTTP/1.1 200 OK\r\n\r\npart")
    assert isinstance(parser.next_event(), ResponseHead) and parser.next_event() == b"part"
    parser.reset()
    with pytest.raises(ConnectionClosed, match="reset"):
        parser.next_event()


BODY = st.binary(min_size=0, max_size=300)


@settings(max_examples=200, deadline=None)
@given(body=BODY, cuts=st.lists(st.integers(min_value=0), max_size=12), sizes=st.integers(1, 40))
def test_every_framing_gives_the_same_body_in_any_split(
    body: bytes, cuts: List[int], sizes: int
) -> None:
    length = HEAD + b"Content-Length: %d\r\n\r\n" % len(body) + body
    chunks = [body[i : i + sizes] for i in range(0, len(body), sizes)]
    chunked = HEAD + b"Transfer-Encoding: chunked\r\n\r\n"
    chunked += b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
    until_close = b"HTTP/1.1 200 OK\r\n\r\n" + body
    assert read(split(length, cuts))[1] == body
    assert read(split(chunked, cuts))[1] == body
    assert read(split(until_close, cuts), eof=True)[1] == body


@settings(max_examples=300, deadline=None)
@given(
    wire=st.one_of(
        st.binary(max_size=200),
        st.builds(lambda tail: HEAD + tail, st.binary(max_size=200)),
        st.builds(
            lambda tail: b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + tail,
            st.binary(max_size=100),
        ),
    ),
    cuts=st.lists(st.integers(min_value=0), max_size=6),
)
def test_any_bytes_give_events_or_a_protocol_error(wire: bytes, cuts: List[int]) -> None:
    parser = ResponseParser()
    parser.start("GET")
    pieces = [*split(wire, cuts), b""]
    try:
        while True:
            event = parser.next_event()
            if event is END:
                break
            if event is NEED_DATA:
                parser.feed(pieces.pop(0))
    except ProtocolError:
        pass
