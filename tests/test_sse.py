"""The SSE decoder against the WHATWG rules, and against any split of the same bytes."""

from __future__ import annotations

from typing import List, Optional, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from openai_rest._sse import SSEDecoder

Event = Tuple[Optional[str], bytes, Optional[str]]


def decode(*chunks: bytes) -> List[Event]:
    decoder = SSEDecoder()
    events = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.end())
    return events


def reference(stream: bytes) -> List[Event]:
    """A literal, line-at-a-time reading of the WHATWG algorithm, for comparison."""
    text = stream.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines.pop()  # the part after the last line end is incomplete and dropped
    events: List[Event] = []
    data: List[str] = []
    event_type = ""
    last_id: Optional[str] = None
    for line in lines:
        if line == "":
            if data:
                events.append((event_type or None, "\n".join(data).encode(), last_id))
            data, event_type = [], ""
            continue
        if line.startswith(":"):
            continue
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "data":
            data.append(value)
        elif field == "event":
            event_type = value
        elif field == "id" and "\0" not in value:
            last_id = value
    return events


def test_whatwg_examples() -> None:
    stream = (
        b"\xef\xbb\xbf: a comment\r\n"
        b"data: first\r\n"
        b"data:second\r\n\r\n"
        b'event: thread.run.created\rid: 7\rdata: {"x": 1}\r\r'
        b"data\n\n"
        b"event: lonely\n\n"
        b"data: [DONE]\n\n"
        b"data: unterminated"
    )
    assert decode(stream) == [
        (None, b"first\nsecond", None),
        ("thread.run.created", b'{"x": 1}', "7"),
        (None, b"", "7"),
        (None, b"[DONE]", "7"),
    ]
    assert decode(stream) == reference(stream)


def test_a_final_cr_still_ends_the_event() -> None:
    assert decode(b"data: x\r", b"\r") == [(None, b"x", None)]
    assert decode(b"data: x\r\r") == [(None, b"x", None)]


def test_split_multibyte_characters_and_crlf() -> None:
    stream = "data: héllo 😀\r\n\r\n".encode()
    for cut in range(len(stream)):
        assert decode(stream[:cut], stream[cut:]) == [(None, "héllo 😀".encode(), None)]


def test_retry_is_remembered() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"retry: 2500\ndata: x\n\n")
    assert decoder.retry == 2500


lines = st.sampled_from(
    [
        b'data: {"a": 1}',
        b"data:x",
        b"data",
        b"data: ",
        b": keep-alive",
        b"event: thread.message.delta",
        b"event:",
        b"id: 42",
        b"id",
        b"retry: 100",
        b"unknown: field",
        b"data: [DONE]",
        "data: ünïcode ✓".encode(),
        b"",
    ]
)
endings = st.sampled_from([b"\n", b"\r", b"\r\n"])
streams = st.builds(
    lambda bom, parts: (b"\xef\xbb\xbf" if bom else b"") + b"".join(parts),
    st.booleans(),
    st.lists(st.tuples(lines, endings).map(lambda t: t[0] + t[1]), max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(streams, st.data())
def test_any_split_gives_the_same_events(stream: bytes, data: st.DataObject) -> None:
    whole = decode(stream)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=12)))
    pieces = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)])]
    assert decode(*pieces) == whole
    assert decode(*[stream[i : i + 1] for i in range(len(stream))]) == whole


@settings(max_examples=300, deadline=None)
@given(streams)
def test_agrees_with_the_reference_algorithm(stream: bytes) -> None:
    assert decode(stream) == reference(stream)
