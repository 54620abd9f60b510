"""Embeddings: asked as base64 by default (fewer bytes on the wire) and decoded to floats."""

# Typed stubs are never called: their bodies are their docstrings.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

import sys

from .._endpoint import endpoint, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict

    from .._endpoint import Params
    from ..types import EmbeddingResponse


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
    from array import array

    items = result.get("data") or []
    if params.get("numpy"):
        import numpy

        rows = [_vector_bytes(item["embedding"]) for item in items]
        matrix = numpy.frombuffer(b"".join(rows), dtype="<f4")
        matrix = matrix.reshape(len(rows), -1) if rows else matrix.reshape(0, 0)
        for item, row in zip(items, matrix):
            item["embedding"] = row
        return result
    swap = sys.byteorder == "big"
    for item in items:
        encoded = item["embedding"]
        if not isinstance(encoded, str):
            continue
        vector = array("f", binascii.a2b_base64(encoded))
        if swap:  # pragma: no cover - little-endian on the wire
            vector.byteswap()
        item["embedding"] = vector.tolist()
    return result


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
    @endpoint(post("/embeddings", prepare=ask_base64, finish=decode_vectors, options=("numpy",)))
    def embeddings(
        self, params: Params = None, /, *, numpy: bool = False, **options: Any
    ) -> EmbeddingResponse:
        """Create embeddings: ``embeddings(model="text-embedding-3-small", input=[...])``.

        Unless you pass ``encoding_format``, the vectors travel as base64 and come back as lists
        of floats (float32 values). ``numpy=True`` (needs numpy) makes every ``embedding`` a row
        of one float32 ``numpy.ndarray`` of shape (inputs, dimensions).
        """
