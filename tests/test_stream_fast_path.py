"""A chunk that is exactly one ``data: {...}`` chat event skips the general SSE reading; whatever
the chunks, a stream yields the same items and raises the same errors as the general path."""

from __future__ import annotations

from typing import Any, Iterator, List, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from openai_rest._results import ResponseInfo
from openai_rest._streams import NOT_ONE, EventReader, Stream

INFO = ResponseInfo(200, {"content-type": "text/event-stream"}, "POST", "http://x/v1/chat")

events = st.sampled_from(
    [
        b'data: {"n":1}\n\n',
        b'data: {"n": "\xc3\xa9"}\n\n',
        b'data: {"n":2} \n\n',  # trailing space
        b'data: {"n":3}\r\n\r\n',
        b'data: {"n":4}\n\ndata: {"n":5}\n\n',  # two in one chunk
        b'data: {"n":6}\n',  # half an event
        b"\n",
        b'data: {"n":7}{"m":1}\n\n',  # two values
        b'data: {"n":\n\n',  # not JSON
        b'data: {"n":"\xff"}\n\n',  # not UTF-8
        b'data: {"error":{"message":"boom"}}\n\n',
        b'data: {"error":null,"n":8}\n\n',
        b'data: {"n":\n9}\n\n',  # a line break inside: two lines, not one
        b'event: error\ndata: {"message":"named"}\n\n',
        b'id: 7\ndata: {"n":10}\n\n',
        b": keep-alive\n\n",
        b"data: [DONE]\n\n",
        b"\xef\xbb\xbf",
        b"\r",
    ]
)


class GeneralOnly(EventReader):
    """A reader that leaves every chunk to ``feed``: what ``Stream`` read before ``item``."""

    def item(self, chunk: bytes) -> Any:
        return NOT_ONE


def outcome(items: Iterator[Any]) -> Tuple[List[Any], str]:
    got: List[Any] = []
    try:
        for item in items:
            got.append(item)
    except Exception as error:  # compared with the general path, not swallowed
        return got, f"{type(error).__name__}: {error}"
    return got, ""


@settings(max_examples=400, deadline=None)
@given(st.lists(events, max_size=12))
def test_the_same_items_and_errors_as_the_general_path(chunks: List[bytes]) -> None:
    chunks = [b'data: {"first":true}\n\n', *chunks]
    fast = outcome(iter(Stream(iter(chunks), EventReader("chat", INFO), lambda: None)))
    general = outcome(iter(Stream(iter(chunks), GeneralOnly("chat", INFO), lambda: None)))
    assert fast == general


def test_a_plain_event_is_taken_whole_and_anything_else_is_left_to_feed() -> None:
    reader = EventReader("chat", INFO)
    assert reader.feed(b'data: {"n":0}\n\n') == [{"n": 0}]  # the first chunk: its kind is sniffed
    assert reader.item(b'data: {"n":1}\n\n') == {"n": 1}
    assert reader.count == 2
    for chunk in (
        b'data: {"n":1}\r\n\r\n',
        b'data: {"error":{"message":"x"}}\n\n',
        b"data: [DONE]\n\n",
    ):
        assert reader.item(chunk) is NOT_ONE
    assert reader.feed(b'data: {"n":2}\n') == []  # half an event: the next chunk ends it
    assert reader.item(b"\n") is NOT_ONE and reader.item(b'data: {"n":3}\n\n') is NOT_ONE
    assert EventReader("events", INFO).item(b'data: {"n":1}\n\n') is NOT_ONE
