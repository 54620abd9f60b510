"""Partial JSON: the value a growing JSON text holds so far, for streamed structured outputs.

``PartialJSON`` is fed the text as it streams and answers ``value()``: complete members and
array items, plus a string still being written (``{"city": "Par`` gives ``{"city": "Par"}``);
a key, number or literal still being written is left out until it is complete. The scan is
incremental (each character is looked at once, however often ``value()`` is asked) and the
completed text is decoded by ``json``'s C decoder. Pure code, standard library only.
"""

from __future__ import annotations

import json
import re
from typing import Any, List, Optional

_STRING_STOP = re.compile(r'["\\]')
_decode = json.JSONDecoder().decode
_CLOSERS = {"{": "}", "[": "]"}
_HIGH = frozenset("dD")  # \uD800-\uDBFF starts a surrogate pair: wait for its other half
_AB = frozenset("89abAB")


class PartialJSON:
    """Feed it text with ``feed``; ``value()`` is the JSON value so far (``None`` before any)."""

    __slots__ = (
        "_buf",
        "_pos",
        "_stack",
        "_expect_key",
        "_in_string",
        "_is_key",
        "_stop",
        "_token",
        "_root_end",
        "_cache",
        "_cache_len",
    )

    def __init__(self) -> None:
        self._buf = ""
        self._pos = 0
        self._stack: List[List[Any]] = []  # [opening bracket, index after the last complete part]
        self._expect_key = False
        self._in_string = False
        self._is_key = False
        self._stop = 0  # the end of a string being written, before any unfinished escape
        self._token = False  # a number or literal is being written
        self._root_end = 0
        self._cache: Any = None
        self._cache_len = -1

    @property
    def text(self) -> str:
        """All the text fed so far."""
        return self._buf

    def feed(self, text: str) -> None:
        """Add the next piece of the JSON text."""
        self._buf += text

    def value(self) -> Any:
        """The value of the text so far: what is complete, and an unfinished string value."""
        if self._cache_len == len(self._buf):
            return self._cache
        self._scan()
        stack = self._stack
        if stack:
            closers = "".join(_CLOSERS[entry[0]] for entry in reversed(stack))
            if self._in_string and not self._is_key:
                text = self._buf[: self._stop] + '"' + closers
            else:
                text = self._buf[: stack[-1][1]] + closers
        elif self._root_end:
            text = self._buf[: self._root_end]
        elif self._in_string:
            text = self._buf[: self._stop] + '"'
        else:
            text = ""
        try:
            value = _decode(text) if text else None
        except ValueError:
            value = self._cache  # not JSON after all: keep the last good snapshot
        self._cache, self._cache_len = value, len(self._buf)
        return value

    def _complete(self, end: int) -> None:
        """A value ended at ``end``: its container (or the root) is complete up to there."""
        if self._stack:
            self._stack[-1][1] = end
        else:
            self._root_end = end

    def _pair_pending(self, j: int) -> bool:
        """Whether the escape at ``j`` is a surrogate pair's first half whose second may follow."""
        buf = self._buf
        if buf[j + 2] not in _HIGH or buf[j + 3] not in _AB:
            return False
        after = buf[j + 6 : j + 7]
        return after == "" or (after == "\\" and j + 12 > len(buf))

    def _scan(self) -> None:
        buf = self._buf
        n = len(buf)
        i = self._pos
        stack = self._stack
        while i < n:
            if self._in_string:
                match = _STRING_STOP.search(buf, i)
                if match is None:
                    i = self._stop = n
                    break
                j = match.start()
                if buf[j] == "\\":
                    width = 6 if j + 1 < n and buf[j + 1] == "u" else 2
                    if j + width > n or (width == 6 and self._pair_pending(j)):
                        self._stop = j  # an unfinished escape: rescan it with more text
                        self._pos = j
                        return
                    i = self._stop = j + width
                    continue
                self._in_string = False
                i = j + 1
                if self._is_key:
                    self._is_key = False
                else:
                    self._complete(i)
                continue
            c = buf[i]
            if self._token and c in " \t\r\n,}]":
                self._token = False
                self._complete(i)
            if c == '"':
                self._in_string = True
                self._is_key = bool(stack) and self._expect_key and stack[-1][0] == "{"
                self._stop = i + 1
            elif c == "{" or c == "[":
                stack.append([c, i + 1])
                self._expect_key = c == "{"
            elif c == "}" or c == "]":
                if stack:
                    stack.pop()
                self._complete(i + 1)
                self._expect_key = False
            elif c == ",":
                self._expect_key = bool(stack) and stack[-1][0] == "{"
            elif c == ":":
                self._expect_key = False
            elif c not in " \t\r\n":
                self._token = True
            i += 1
        self._pos = i


def partial_value(text: str) -> Optional[Any]:
    """The value of one partial JSON text (see ``PartialJSON``)."""
    parser = PartialJSON()
    parser.feed(text)
    return parser.value()
