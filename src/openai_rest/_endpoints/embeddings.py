"""Embeddings: asked as base64 by default (fewer bytes on the wire) and decoded to floats.

A 512 x 1536 answer is about 4 MB of base64 text. ``read_vectors`` decodes each vector straight
from the raw body, so only the few bytes around the vectors go through ``json``; any answer it
cannot read that way exactly takes the usual path, ``json`` then ``decode_vectors``.
"""

# Typed stubs are never called: their bodies are their docstrings.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

import sys

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, List, Optional, Tuple

    from .._endpoint import Params
    from ..types import EmbeddingResponse

_KEY = b'"embedding"'
_SPACE = b" \t\r\n"


def ask_base64(params: Dict[str, Any]) -> Dict[str, Any]:
    """Ask for base64 unless the caller chose a format."""
    if "encoding_format" not in params:
        params = {**params, "encoding_format": "base64"}
    return params


def decode_vectors(result: Any, params: Dict[str, Any]) -> Any:
    """Decode base64 embeddings we asked for into float lists, or one numpy array if asked.

    A server that ignores ``encoding_format`` answers float lists: those are kept as they are.
    """
    if params.get("encoding_format") is not None or not isinstance(result, dict):
        return result
    import binascii  # here, not at import: only an embeddings call needs them

    items = result.get("data") or []
    if params.get("numpy"):
        _fill_matrix(items, (_vector_bytes(item["embedding"]) for item in items))
        return result
    for item in items:
        encoded = item["embedding"]
        if isinstance(encoded, str):
            item["embedding"] = _floats(binascii.a2b_base64(encoded))
    return result


def read_vectors(body: bytes, params: Dict[str, Any]) -> Optional[Any]:
    """The decoded answer read from its raw body, or None to read it with ``json`` instead.

    Every ``"embedding": "..."`` string is swapped for a placeholder that no server can guess,
    the rest is decoded by ``json`` and each placeholder, checked to stand in its own item, is
    replaced by its vector, decoded in place from the body. Strict base64 only (Python 3.11+):
    anything a lenient reading would treat differently, and any other surprise, returns None.
    """
    if params.get("encoding_format") is not None or sys.version_info < (3, 11):
        return None
    spans = _string_values(body)
    if not spans:
        return None
    import binascii
    import json
    import os

    marker = "#" + os.urandom(8).hex() + ":"
    view = memoryview(body)
    pieces: List[Any] = []
    last = 0
    for index, (start, end) in enumerate(spans):
        pieces += (view[last:start], f"{marker}{index}".encode())
        last = end
    pieces.append(view[last:])
    try:
        result = json.loads(b"".join(pieces).decode())
    except ValueError:  # invalid JSON or UTF-8: the usual path says what is wrong
        return None
    items = result.get("data") if isinstance(result, dict) else None
    if not isinstance(items, list) or len(items) != len(spans):
        return None
    for index, item in enumerate(items):
        if not isinstance(item, dict) or item.get("embedding") != f"{marker}{index}":
            return None
    rows = (binascii.a2b_base64(view[start:end], strict_mode=True) for start, end in spans)
    try:
        if params.get("numpy"):
            _fill_matrix(items, rows)
        else:
            for item, raw in zip(items, rows):
                item["embedding"] = _floats(raw)
    except ValueError:  # binascii.Error included: the usual path raises or reads it leniently
        return None
    return result


def _string_values(body: bytes) -> List[Tuple[int, int]]:
    """Where each string value of an ``"embedding"`` key starts and ends in a JSON body."""
    spans = []
    find = body.find
    size = len(body)
    at = find(_KEY)
    while at != -1:
        at += len(_KEY)
        while at < size and body[at] in _SPACE:
            at += 1
        if body[at : at + 1] == b":":
            at += 1
            while at < size and body[at] in _SPACE:
                at += 1
            if body[at : at + 1] == b'"':
                end = find(b'"', at + 1)
                if end == -1:
                    return []
                spans.append((at + 1, end))
                at = end + 1
        at = find(_KEY, at)
    return spans


def _floats(raw: bytes) -> List[float]:
    """Python floats of little-endian float32 bytes."""
    from array import array

    vector = array("f", raw)
    if sys.byteorder == "big":  # pragma: no cover - little-endian on the wire
        vector.byteswap()
    return vector.tolist()


def _fill_matrix(items: List[Any], rows: Iterable[bytes]) -> None:
    """Make each item's ``embedding`` a row of one float32 matrix, each row copied in once."""
    import numpy

    matrix = numpy.empty((0, 0), dtype="<f4")
    flat = memoryview(b"")
    for index, raw in enumerate(rows):
        if not index:
            if len(raw) % 4:
                raise ValueError(f"an embedding of {len(raw)} bytes is not float32 values")
            matrix = numpy.empty((len(items), len(raw) // 4), dtype="<f4")
            flat = matrix.view(numpy.uint8).data.cast("B")
        width = len(flat) // len(items)
        if len(raw) != width:
            raise ValueError(
                f"embedding {index} has {len(raw)} bytes, embedding 0 has {width}:"
                " numpy=True needs vectors of one length"
            )
        flat[index * width : (index + 1) * width] = raw
    for item, row in zip(items, matrix):
        item["embedding"] = row


def _vector_bytes(embedding: Any) -> bytes:
    """Little-endian float32 bytes of a base64 string or a list of floats."""
    import binascii
    from array import array

    if isinstance(embedding, str):
        return binascii.a2b_base64(embedding)
    if isinstance(embedding, list) and embedding and isinstance(embedding[0], list):
        raise ValueError(
            "an embedding is a list of vectors (one per token: a server that does not pool);"
            " numpy=True needs one vector per input"
        )
    vector = array("f", embedding)
    if sys.byteorder == "big":  # pragma: no cover
        vector.byteswap()
    return vector.tobytes()


class Embeddings:
    @endpoint(
        post(
            "/embeddings",
            prepare=ask_base64,
            read=read_vectors,
            finish=decode_vectors,
            options=("numpy",),
        )
    )
    def embeddings(
        self, params: Params = None, /, *, numpy: bool = False, **options: Any
    ) -> EmbeddingResponse:
        """Create embeddings: ``embeddings(model="text-embedding-3-small", input=[...])``.

        Unless you pass ``encoding_format``, the vectors travel as base64 and come back as lists
        of floats (float32 values). ``numpy=True`` (needs numpy) makes every ``embedding`` a row
        of one float32 ``numpy.ndarray`` of shape (inputs, dimensions).
        """
