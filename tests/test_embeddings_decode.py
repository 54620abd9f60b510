"""Base64 embeddings read straight from the body: the same results and errors as the JSON path.

The fast reader (``read_vectors``) handles the answers real servers send; everything else
(JSON escapes, junk a lenient base64 decoder skips, keys in odd places) must come out exactly as
``json`` then ``decode_vectors`` would have it. The loopback tests check what a user gets; the
pure ones check which answers the fast reader takes, so a silent fall back cannot hide.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from array import array
from typing import Any, Dict, List

import pytest

import openai_rest
from conftest import Scripted
from loopback import Reply
from openai_rest._endpoints.embeddings import decode_vectors, read_vectors

STRICT_BASE64 = sys.version_info >= (3, 11)


def vector(seed: int, dims: int) -> List[float]:
    """Float32 values (what a float32 vector reads back as), different for each seed."""
    return array("f", [(seed * 31 + i * 7) % 97 / 97 - 0.5 for i in range(dims)]).tolist()


def encode(values: List[float]) -> str:
    return base64.b64encode(array("f", values).tobytes()).decode()


def answer(embeddings: List[Any], **extra: Any) -> Dict[str, Any]:
    data = [{"object": "embedding", "index": i, "embedding": e} for i, e in enumerate(embeddings)]
    return {"object": "list", "data": data, "model": "m", "usage": {"total_tokens": 3}, **extra}


def body_of(value: Any, indent: Any = None) -> bytes:
    return json.dumps(value, indent=indent).encode()


def json_path(body: bytes, params: Dict[str, Any]) -> Any:
    """What the usual path (``json``, then ``decode_vectors``) makes of a body."""
    return decode_vectors(json.loads(body), params)


def call(server: Scripted, body: bytes, **kwargs: Any) -> Any:
    server.default = lambda r: Reply(body=body, headers={"Content-Type": "application/json"})
    with openai_rest.Client(server.config()) as client:
        return client.embeddings(model="m", input=["a"], **kwargs)


@pytest.mark.parametrize("dims", [1536, 5, 7, 1])  # 5 and 7: byte lengths not a multiple of 3
@pytest.mark.parametrize("indent", [None, 2])  # compact, and the API's own indented layout
def test_vectors_are_float32_values_as_lists(server: Scripted, dims: int, indent: Any) -> None:
    vectors = [vector(seed, dims) for seed in range(3)]
    body = body_of(answer([encode(v) for v in vectors]), indent)
    result = call(server, body)
    assert [d["embedding"] for d in result["data"]] == vectors
    assert all(type(x) is float for x in result["data"][0]["embedding"])
    assert result["usage"] == {"total_tokens": 3} and result["model"] == "m"
    assert openai_rest.response_of(result).status_code == 200
    assert dict(result) == json_path(body, {})
    if STRICT_BASE64:
        assert read_vectors(body, {}) == result  # the fast reader took it


def test_rows_of_different_lengths_as_lists(server: Scripted) -> None:
    vectors = [vector(1, 4), vector(2, 6), vector(3, 1)]
    result = call(server, body_of(answer([encode(v) for v in vectors])))
    assert [d["embedding"] for d in result["data"]] == vectors


@pytest.mark.parametrize("dims", [1536, 5])
def test_numpy_is_one_writable_float32_matrix(server: Scripted, dims: int) -> None:
    numpy = pytest.importorskip("numpy")
    vectors = [vector(seed, dims) for seed in range(4)]
    body = body_of(answer([encode(v) for v in vectors]), indent=2)
    result = call(server, body, numpy=True)
    rows = [d["embedding"] for d in result["data"]]
    matrix = rows[0].base
    assert isinstance(matrix, numpy.ndarray) and matrix.shape == (4, dims)
    assert matrix.dtype == numpy.dtype("float32") and all(r.base is matrix for r in rows)
    assert numpy.array_equal(matrix, numpy.array(vectors, dtype="float32"))
    rows[0] /= 2  # rows can be normalised in place
    assert numpy.array_equal(matrix[0], numpy.array(vectors[0], dtype="float32") / 2)


def test_numpy_rows_of_different_lengths_are_a_clear_error(server: Scripted) -> None:
    pytest.importorskip("numpy")
    for vectors in ([vector(1, 1), vector(2, 3)], [vector(1, 4), vector(2, 4), vector(3, 2)]):
        for embeddings in ([encode(v) for v in vectors], vectors):  # base64, or floats
            body = body_of(answer(embeddings))
            with pytest.raises(openai_rest.APIResponseValidationError, match="one length"):
                call(server, body, numpy=True)


@pytest.mark.parametrize("numpy", [False, True])
@pytest.mark.parametrize(
    "embedding",
    [
        "QUFB",  # three bytes: not float32 values
        "QUFBQQ",  # no padding
        "QUFBQQ==QUFBQQ==",  # data after the padding: lenient base64 reads 4 bytes + more
        "QUFBQ\u00e9==",  # not ASCII
    ],
)
def test_malformed_base64_is_an_openai_rest_error(
    server: Scripted, embedding: str, numpy: bool
) -> None:
    if numpy:
        pytest.importorskip("numpy")
    body = body_of(answer([encode(vector(1, 4)), embedding]))
    try:
        expected: Any = json_path(body, {"numpy": numpy})
    except ValueError:
        expected = None
    if expected is not None:  # what a lenient decoder reads: the same, from either path
        result = call(server, body, numpy=numpy)
        got = [list(d["embedding"]) for d in result["data"]]
        assert got == [list(d["embedding"]) for d in expected["data"]]
        return
    with pytest.raises(openai_rest.APIResponseValidationError, match="embeddings's answer"):
        call(server, body, numpy=numpy)


def repeated_key(body: bytes) -> bytes:
    return body.replace(b'"embedding": ', b'"embedding": "QUFBQQ==", "embedding": ')


@pytest.mark.parametrize(
    "raw",
    [
        # JSON escapes inside the base64 string: "\/" for "/", "\n" line breaks
        lambda e: body_of(answer([e])).replace(b"/", b"\\/"),
        lambda e: body_of(answer([e[:8] + "\n" + e[8:]])),
        # an "embedding" key outside the items, and a key repeated in an item (the last wins)
        lambda e: body_of(answer([e], usage={"embedding": "QUFBQQ=="})),
        lambda e: repeated_key(body_of(answer([e]))),
        # the server ignored encoding_format and sent floats; a BOM; invalid UTF-8 elsewhere
        lambda e: body_of(answer([vector(9, 4)])),
        lambda e: b"\xef\xbb\xbf" + body_of(answer([e])),
        lambda e: body_of(answer([e], model="caf\u00e9")).replace(b"caf\\u00e9", b"caf\xc3"),
    ],
)
def test_odd_answers_read_as_the_json_path_reads_them(server: Scripted, raw: Any) -> None:
    encoded = encode(vector(2, 6))
    assert "/" in encoded
    body = raw(encoded)
    expected = decode_vectors(json.loads(body.decode("utf-8-sig", "replace")), {})
    assert dict(call(server, body)) == expected
    assert isinstance(expected["data"][0]["embedding"], list)


def test_odd_answers_are_not_taken_by_the_fast_reader() -> None:
    encoded = encode(vector(1, 5))
    plain = body_of(answer([encoded, encoded]))
    assert encoded.endswith("=")
    if not STRICT_BASE64:
        assert read_vectors(plain, {}) is None  # lenient base64 only: always the JSON path
        return
    assert read_vectors(plain, {}) is not None
    for odd in (
        plain.replace(b"=", b"\\u003d"),  # an escape in a vector
        plain.replace(b'"data"', b'"other": {"embedding": "QUFBQQ=="}, "data"'),  # a stray key
        plain[:-1],  # cut short: invalid JSON
        body_of(answer([vector(1, 3)])),  # floats
        body_of({"data": "QUFBQQ==", "embedding": "QUFBQQ=="}),  # no list of items
    ):
        assert read_vectors(odd, {}) is None, odd
    assert read_vectors(plain, {"encoding_format": "base64"}) is None  # asked: strings stay


def test_encoding_format_asked_by_the_caller_is_kept(server: Scripted) -> None:
    encoded = encode(vector(1, 6))
    result = call(server, body_of(answer([encoded])), encoding_format="base64")
    assert result["data"][0]["embedding"] == encoded
    result = call(server, body_of(answer([encoded])), encoding_format="base64", numpy=True)
    assert result["data"][0]["embedding"] == encoded


def test_async_face_reads_the_same(server: Scripted) -> None:
    vectors = [vector(seed, 9) for seed in range(2)]
    body = body_of(answer([encode(v) for v in vectors]), indent=2)
    server.default = lambda r: Reply(body=body, headers={"Content-Type": "application/json"})

    async def main() -> Any:
        async with openai_rest.AsyncClient(server.config()) as client:
            return await client.embeddings(model="m", input=["a", "b"])

    result = asyncio.run(main())
    assert [d["embedding"] for d in result["data"]] == vectors
    assert json.loads(server.received[0].body)["encoding_format"] == "base64"
