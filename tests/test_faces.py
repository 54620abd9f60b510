"""One definition, three faces: module function, Client, AsyncClient."""

from __future__ import annotations

import asyncio
import base64
import inspect
import json
import os
import pickle
import subprocess
import sys
from array import array
from pathlib import Path
from typing import Any, Callable

import pytest

import openai_rest
from conftest import KEY, Scripted
from loopback import Received, Reply

VECTORS = [[0.25, -1.5, 3.0], [0.125, 0.0, -2.0]]


def api(got: Received) -> Reply:
    """A tiny stand-in for the API, enough for the proving endpoints."""
    path = got.path.split("?")[0]
    if path == "/v1/models":
        return Reply(json={"object": "list", "data": [{"id": "m1"}]})
    if path == "/v1/chat/completions":
        return Reply(json={"object": "chat.completion", "echo": json.loads(got.body)})
    if path == "/v1/embeddings":
        request = json.loads(got.body)
        b64 = request.get("encoding_format") == "base64"
        data = [
            {
                "index": i,
                "embedding": base64.b64encode(array("f", v).tobytes()).decode() if b64 else v,
            }
            for i, v in enumerate(VECTORS)
        ]
        return Reply(
            json={"object": "list", "data": data, "format": request.get("encoding_format")}
        )
    if path == "/v1/files":
        return Reply(json={"id": "file-1", "bytes": got.size})
    if path == "/v1/audio/speech":
        return Reply(body=b"ID3\x00audio-bytes", headers={"Content-Type": "audio/mpeg"})
    return Reply(404, json={"error": {"message": "no route"}})


def call_on(face: str, server: Scripted, name: str, *args: Any, **kwargs: Any) -> Any:
    if face == "module":
        openai_rest.configure(api_key=KEY, api_url=server.base_url)
        return getattr(openai_rest, name)(*args, **kwargs)
    if face == "sync":
        with openai_rest.Client(server.config()) as client:
            return getattr(client, name)(*args, **kwargs)

    async def main() -> Any:
        async with openai_rest.AsyncClient(server.config()) as client:
            return await getattr(client, name)(*args, **kwargs)

    return asyncio.run(main())


FACES = ["module", "sync", "async"]


@pytest.mark.parametrize("face", FACES)
def test_proving_endpoints_on_every_face(server: Scripted, face: str) -> None:
    server.default = api
    models = call_on(face, server, "models")
    assert models["data"][0]["id"] == "m1"
    chat = call_on(face, server, "chat_completion", {"model": "m"}, messages=[{"role": "user"}])
    assert chat["echo"] == {"model": "m", "messages": [{"role": "user"}]}  # mapping + keywords
    vectors = call_on(face, server, "embeddings", model="e", input=["a", "b"])
    assert [d["embedding"] for d in vectors["data"]] == VECTORS
    assert vectors["format"] == "base64"  # asked compactly, decoded to floats
    floats = call_on(face, server, "embeddings", model="e", input="a", encoding_format="float")
    assert floats["data"][0]["embedding"] == VECTORS[0]
    upload = call_on(face, server, "files_upload", b"abc", purpose="batch")
    assert upload["id"] == "file-1"
    speech = call_on(face, server, "audio_speech", model="tts-1", input="hi", voice="alloy")
    assert speech == b"ID3\x00audio-bytes" and isinstance(speech, bytes)
    assert openai_rest.response_of(speech).headers["content-type"] == "audio/mpeg"


def test_numpy_embeddings_are_one_array(server: Scripted, client: openai_rest.Client) -> None:
    numpy = pytest.importorskip("numpy")
    server.default = api
    result = client.embeddings(model="e", input=["a", "b"], numpy=True)
    rows = [d["embedding"] for d in result["data"]]
    assert all(isinstance(r, numpy.ndarray) for r in rows)
    assert rows[0].base is rows[1].base  # rows of one matrix
    assert numpy.array_equal(numpy.stack(rows), numpy.array(VECTORS, dtype="float32"))
    assert "numpy" not in json.loads(server.received[0].body)


def test_results_are_plain_data_with_metadata(server: Scripted, client: openai_rest.Client) -> None:
    server.default = lambda r: Reply(
        json={"id": "x"},
        headers={
            "x-ratelimit-limit-requests": "500",
            "x-ratelimit-remaining-tokens": "9000",
            "x-ratelimit-reset-requests": "6m0s",
            "x-ratelimit-reset-tokens": "17ms",
        },
    )
    result = client.models("x")
    assert result == {"id": "x"} and isinstance(result, dict)
    assert json.dumps(result) == '{"id": "x"}'
    assert pickle.loads(pickle.dumps(result)) == {"id": "x"}
    info = openai_rest.response_of(result)
    assert info.status_code == 200 and info.request_id == "req_1"
    assert info.ratelimit == {
        "limit_requests": 500,
        "remaining_tokens": 9000,
        "reset_requests": 360.0,
        "reset_tokens": 0.017,
    }
    with pytest.raises(TypeError):
        openai_rest.response_of({"id": "x"})


def test_headers_and_extras(server: Scripted) -> None:
    config = server.config(organization_key="org-1", project="proj-1")
    with openai_rest.Client(config) as client:
        client.chat_completion(
            model="m",
            extra_headers={"X-Trace": "t1", "User-Agent": None},
            extra_query={"api-version": "2024"},
            extra_body={"seed": 7},
        )
        client.models("gpt 4/o")
    got, quoted = server.received
    assert got.headers["authorization"] == f"Bearer {KEY}"
    assert got.headers["openai-organization"] == "org-1"
    assert got.headers["openai-project"] == "proj-1"
    assert got.headers["x-trace"] == "t1"
    assert "openai-rest" not in got.headers.get("user-agent", "")
    assert got.path == "/v1/chat/completions?api-version=2024"
    assert got.body == b'{"model":"m","seed":7}'  # compact JSON, encoded once
    assert quoted.path == "/v1/models/gpt%204%2Fo"
    assert quoted.headers["user-agent"].startswith("openai-rest/")


def test_call_config_overrides_field_by_field(server: Scripted) -> None:
    with openai_rest.Client(server.config(organization_key="org-client")) as client:
        client.models(config=openai_rest.Config(project="proj-call"))
        client.models()
    first, second = server.received
    assert first.headers["openai-organization"] == "org-client"
    assert first.headers["openai-project"] == "proj-call"
    assert "openai-project" not in second.headers


@pytest.mark.parametrize(
    "name",
    [
        "models",
        "chat_completion",
        "embeddings",
        "files_upload",
        "audio_speech",
        "thread_run_create",
    ],
)
def test_signatures_and_docstrings_are_real(name: str) -> None:
    for function in (
        getattr(openai_rest, name),
        getattr(openai_rest.Client(), name),
        getattr(openai_rest.AsyncClient(), name),
        getattr(openai_rest.Client, name),
    ):
        assert function.__doc__ and "HTTP:" in function.__doc__
        assert "options" in inspect.signature(function).parameters
    assert inspect.iscoroutinefunction(getattr(openai_rest.AsyncClient(), name))


def test_every_endpoint_is_on_the_module_face() -> None:
    from openai_rest._endpoint import Endpoint
    from openai_rest._endpoints import API

    names = {n for c in API.__mro__ for n, v in vars(c).items() if isinstance(v, Endpoint)}
    assert names <= set(dir(openai_rest)) and names <= set(openai_rest.__all__)
    assert len(names) >= 52


def test_the_lazy_module_face_is_what_mypy_sees() -> None:
    """Each name of the module face, bound on first use at run time, is also written out under
    ``TYPE_CHECKING`` in ``__init__.py`` (what editors and mypy read): a function missing from
    either fails here."""
    import ast

    from openai_rest._endpoint import Endpoint
    from openai_rest._endpoints import API

    tree = ast.parse(Path(openai_rest.__file__).read_text())
    typed: set = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for stmt in node.body:
                if isinstance(stmt, ast.Assign):
                    typed.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
                elif isinstance(stmt, ast.ImportFrom):
                    typed.update(a.asname or a.name for a in stmt.names)
    endpoints = {n for c in API.__mro__ for n, v in vars(c).items() if isinstance(v, Endpoint)}
    assert endpoints <= typed
    assert typed >= openai_rest._FACE
    lazy = set(openai_rest.__all__) - set(vars(openai_rest))
    assert lazy <= typed, "a lazy name of __all__ that mypy does not see"
    for name in sorted(openai_rest.__all__):
        assert getattr(openai_rest, name) is not None
    assert openai_rest.chat_completion.__self__ is openai_rest._default


def test_import_binds_and_documents_nothing() -> None:
    """``import openai_rest`` binds no module function, builds no route or docstring and loads
    neither the admin endpoints nor the accumulators and the rate limiter."""
    out = run_python(
        "import sys, openai_rest; from openai_rest._endpoints import API;"
        "from openai_rest._endpoint import Endpoint;"
        "e = [v for c in API.__mro__ for v in vars(c).values() if isinstance(v, Endpoint)];"
        "print(sum('routes' in v.__dict__ or 'doc' in v.__dict__ for v in e),"
        " len(set(openai_rest._FACE) & set(vars(openai_rest))),"
        " sorted(m for m in ('openai_rest._endpoints.admin', 'openai_rest._accumulate',"
        " 'openai_rest.ratelimit', 'threading', 'copy') if m in sys.modules))"
    )
    assert out.split() == ["0", "0", "[]"]


def run_python(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_import_loads_no_transport_and_no_network_modules() -> None:
    out = run_python(
        "import sys, openai_rest; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('urllib3', 'aiohttp', 'asyncio', 'socket', 'ssl', 'numpy', 'http', 'email')))"
    )
    assert out.strip() == "[]"


HEAVY_AT_IMPORT = (
    # the standard library's costly imports: typing alone brings re, enum, collections,
    # functools and contextlib; json brings re; the rest load with the first request or never
    "typing",
    "re",
    "enum",
    "collections",
    "functools",
    "contextlib",
    "warnings",
    "json",
    "math",
    "dataclasses",
    "datetime",
    "base64",
    "uuid",
    "random",
    "socket",
    "select",
    "urllib",
    "inspect",
    "logging",
    "threading",
    "concurrent",
    "tempfile",
    # our own modules that only some calls need
    "openai_rest._streams",
    "openai_rest._sse",
    "openai_rest._pagination",
    "openai_rest._multipart",
    "openai_rest._redirects",
    "openai_rest._steps",
)


def test_import_loads_none_of_the_heavy_modules() -> None:
    """``import openai_rest`` costs its own modules and nothing heavy: the names that need
    ``typing`` are under ``TYPE_CHECKING``, and json, the streams and uploads load on first use.
    Counted against what the interpreter had loaded before the import (site may load some)."""
    out = run_python(
        "import sys; before = set(sys.modules); import openai_rest; "
        "new = set(sys.modules) - before; "
        f"print(sorted(m for m in {HEAVY_AT_IMPORT!r} if m in new))"
    )
    assert out.strip() == "[]"


def test_the_first_request_loads_what_it_needs_and_no_more(server: Scripted) -> None:
    """The JSON codec, built on first use, still encodes compactly without escaping; a plain
    request loads neither typing, nor difflib (keyword checks), nor urllib.request (no proxy
    variable set): the import + first request benchmark pays only http.client's own imports."""
    server.default = lambda got: Reply(json={"ok": [1], "text": "\u00e9"})
    code = (
        "import sys, openai_rest\n"
        f"client = openai_rest.Client(api_key='sk-test', api_url={server.base_url!r})\n"
        "print(ascii(client.chat_completion(model='m', user='\\u00e9')))\n"
        "print(sorted(m for m in ('typing', 'difflib', 'urllib.request', 'tempfile')"
        " if m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.splitlines() == ["{'ok': [1], 'text': '\\xe9'}", "[]"]
    assert server.received[0].body == '{"model":"m","user":"\u00e9"}'.encode()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_gets_its_own_pool(server: Scripted) -> None:
    client = openai_rest.Client(server.config())
    assert client.models() == {"ok": True}
    pid = os.fork()
    if pid == 0:  # the child: must not reuse the parent's pooled socket
        try:
            ok = client.models() == {"ok": True}
        finally:
            os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    assert client.models() == {"ok": True}
    assert len(server.received) == 3
    parent, child, parent_again = (r.peer for r in server.received)
    assert child != parent, "the child sent on the parent's pooled connection"
    assert parent_again == parent  # the parent's pool is still its own


def test_clients_pickle_without_their_pool(server: Scripted) -> None:
    client = openai_rest.Client(server.config())
    client.models()
    clone: Callable[..., Any] = pickle.loads(pickle.dumps(client))
    assert clone.models() == {"ok": True}
    assert KEY not in repr(clone)
