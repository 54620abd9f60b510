"""Azure OpenAI: URLs, auth, errors and the official SDK's ``AzureOpenAI`` as the peer.

The peer check sends the same calls through the SDK and through openai-rest to one recording
server (tests/loopback.py) and compares method, path, query and the auth header, for every
deployment-scoped operation (a POST to ``_azure.DEPLOYMENT_PATHS``).
"""

from __future__ import annotations

import asyncio
import io
import json
import os
from typing import Any, Callable, Dict, Iterator, List, Tuple
from urllib.parse import parse_qs, urlsplit

import pytest

import openai_rest
from loopback import LoopbackServer, Received, Reply
from openai_rest import Config
from openai_rest._azure import DEPLOYMENT_PATHS, realtime_target
from openai_rest._endpoint import Endpoint
from openai_rest._endpoints import API

openai = pytest.importorskip("openai")

VERSION = "2024-10-21"
KEY = "azure-key-0123456789abcdef"
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 28
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

# (our function, our keyword arguments, the SDK's call) for each deployment-scoped operation
PEER_CALLS: List[Tuple[str, Dict[str, Any], Callable[[Any, Dict[str, Any]], Any]]] = [
    (
        "chat_completion",
        {"model": "dep-chat", "messages": [{"role": "user", "content": "hi"}]},
        lambda sdk, kw: sdk.chat.completions.create(**kw),
    ),
    (
        "completions",
        {"model": "dep-instruct", "prompt": "hi"},
        lambda sdk, kw: sdk.completions.create(**kw),
    ),
    (
        "embeddings",
        {"model": "dep-embed", "input": "hi"},
        lambda sdk, kw: sdk.embeddings.create(**kw),
    ),
    (
        "audio_speech",
        {"model": "dep-tts", "input": "hi", "voice": "alloy"},
        lambda sdk, kw: sdk.audio.speech.create(**kw),
    ),
    (
        "audio_transcription",
        {"model": "dep-whisper", "file": ("a.wav", WAV)},
        lambda sdk, kw: sdk.audio.transcriptions.create(**kw),
    ),
    (
        "audio_translation",
        {"model": "dep-whisper", "file": ("a.wav", WAV)},
        lambda sdk, kw: sdk.audio.translations.create(**kw),
    ),
    (
        "images_generations",
        {"model": "dep-image", "prompt": "a cat"},
        lambda sdk, kw: sdk.images.generate(**kw),
    ),
    (
        "images_edits",
        {"model": "dep-image", "prompt": "a cat", "image": ("a.png", PNG)},
        lambda sdk, kw: sdk.images.edit(**kw),
    ),
]
ALIASES = {"image_generations": "images_generations", "image_edits": "images_edits"}


def _deployment_scoped() -> Dict[str, str]:
    """Every function of ours whose route is deployment-scoped, with its path."""
    found = {}
    for klass in API.__mro__:
        for name, value in vars(klass).items():
            if isinstance(value, Endpoint):
                for route in value.routes:
                    if route.method == "POST" and route.path in DEPLOYMENT_PATHS:
                        found[name] = route.path
    return found


def _answer(received: Received) -> Reply:
    if received.path.split("?")[0].endswith("/audio/speech"):
        return Reply(body=b"ID3audio", headers={"Content-Type": "audio/mpeg"})
    item = {"object": "embedding", "index": 0, "embedding": [0.5]}
    return Reply(json={"object": "thing", "data": [item], "text": "ok", "choices": []})


@pytest.fixture
def recorder() -> Iterator[LoopbackServer]:
    with LoopbackServer(_answer) as server:
        yield server


def _both_ways(kwargs: Dict[str, Any]) -> Tuple[Dict[str, Any], List[Any], Dict[str, Any]]:
    """One call's arguments for the SDK (files as file objects) and for us (files positional)."""
    sdk_kwargs = dict(kwargs)
    for field in ("file", "image"):
        if field in sdk_kwargs:
            sdk_kwargs[field] = (kwargs[field][0], io.BytesIO(kwargs[field][1]))
    ours = dict(kwargs)
    files = [ours.pop(field) for field in ("file", "image") if field in ours]
    return sdk_kwargs, files, ours


def _wire(received: Received) -> Tuple[str, str, Dict[str, List[str]], Dict[str, str]]:
    """What the peer check compares: method, path, query, auth headers (lower-case names)."""
    url = urlsplit(received.path)
    auth = {k: v for k, v in received.headers.items() if k in ("api-key", "authorization")}
    return received.method, url.path, parse_qs(url.query), auth


def test_the_peer_table_covers_every_deployment_scoped_operation() -> None:
    ours = _deployment_scoped()
    covered = {ALIASES.get(name, name) for name, _, _ in PEER_CALLS}
    assert {ALIASES.get(name, name) for name in ours} == covered
    assert {ours[name] for name, _, _ in PEER_CALLS} == set(DEPLOYMENT_PATHS)
    sdk_list = pytest.importorskip("openai.lib.azure")._deployments_endpoints
    assert set(sdk_list) == set(DEPLOYMENT_PATHS)


AUTHS: List[Tuple[str, Dict[str, Any]]] = [
    ("api key", {"api_key": KEY}),
    ("AD token", {"azure_ad_token": "ad-token-abcdef0123456789"}),
    ("token provider", {"azure_ad_token_provider": lambda: "provided-token-0123456789"}),
]


@pytest.mark.parametrize("deployment", [None, "fixed-deployment"])
@pytest.mark.parametrize("auth", AUTHS, ids=[a[0] for a in AUTHS])
def test_same_wire_as_the_official_azure_client(
    recorder: LoopbackServer, auth: Tuple[str, Dict[str, Any]], deployment: Any
) -> None:
    endpoint = recorder.base_url[: -len("/v1")]
    sdk = openai.AzureOpenAI(
        azure_endpoint=endpoint,
        azure_deployment=deployment,
        api_version=VERSION,
        max_retries=0,
        **auth[1],
    )
    ours = openai_rest.Client(
        Config(
            azure_endpoint=endpoint,
            azure_deployment=deployment or openai_rest.UNSET,
            api_version=VERSION,
            max_retries=0,
            **auth[1],
        )
    )
    for name, kwargs, sdk_call in PEER_CALLS:
        sdk_kwargs, files, our_kwargs = _both_ways(kwargs)
        sdk_call(sdk, sdk_kwargs)
        getattr(ours, name)(*files, **our_kwargs)
        theirs, mine = recorder.received[-2], recorder.received[-1]
        assert _wire(mine) == _wire(theirs), name
        _, path, query, headers = _wire(mine)
        scope = deployment or kwargs["model"]
        assert path == f"/openai/deployments/{scope}{ours_path(name)}"
        assert query == {"api-version": [VERSION]} and len(headers) == 1
    sdk.models.list()
    ours.models()
    assert _wire(recorder.received[-1]) == _wire(recorder.received[-2])
    assert urlsplit(recorder.received[-1].path).path == "/openai/models"


def test_same_wire_on_the_async_faces(recorder: LoopbackServer) -> None:
    endpoint = recorder.base_url[: -len("/v1")]

    async def token() -> str:
        return "async-provided-token-0123456789"

    async def main() -> None:
        sdk = openai.AsyncAzureOpenAI(
            azure_endpoint=endpoint,
            api_version=VERSION,
            azure_ad_token_provider=token,
            max_retries=0,
        )
        config = Config(
            azure_endpoint=endpoint,
            api_version=VERSION,
            azure_ad_token_provider=token,
            max_retries=0,
        )
        async with openai_rest.AsyncClient(config) as ours:
            for name, kwargs, sdk_call in PEER_CALLS:
                sdk_kwargs, files, our_kwargs = _both_ways(kwargs)
                await sdk_call(sdk, sdk_kwargs)  # the async SDK's methods return coroutines
                await getattr(ours, name)(*files, **our_kwargs)
                theirs, mine = recorder.received[-2], recorder.received[-1]
                assert _wire(mine) == _wire(theirs), name
        await sdk.close()

    asyncio.run(main())
    assert len(recorder.received) == 2 * len(PEER_CALLS)


def ours_path(name: str) -> str:
    return _deployment_scoped()[name]


def test_v1_api_has_no_version_and_no_deployment(recorder: LoopbackServer) -> None:
    endpoint = recorder.base_url[: -len("/v1")]
    for config in (
        Config(azure_endpoint=endpoint, api_version="v1", api_key=KEY),
        Config(azure_endpoint=endpoint + "/openai/v1/", api_key=KEY),
    ):
        openai_rest.Client(config).chat_completion(model="gpt-4o", messages=[])
        assert recorder.received[-1].path == "/openai/v1/chat/completions"
        assert json.loads(recorder.received[-1].body)["model"] == "gpt-4o"
    openai_rest.Client(Config(azure_endpoint=endpoint, api_version="preview", api_key=KEY)).files()
    assert recorder.received[-1].path == "/openai/v1/files?api-version=preview"


def test_environment_is_read_at_request_time(
    recorder: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = recorder.base_url[: -len("/v1")]
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", endpoint)
    monkeypatch.setenv("OPENAI_API_VERSION", VERSION)
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-not-for-azure-0123456789")
    openai_rest.Client().embeddings(model="dep", input="x")
    got = recorder.received[-1]
    assert got.path == f"/openai/deployments/dep/embeddings?api-version={VERSION}"
    assert got.headers["api-key"] == KEY and "authorization" not in got.headers
    client = openai_rest.Client()  # one client: the environment is read at each request
    client.models()
    assert recorder.received[-1].headers["api-key"] == KEY
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "rotated-key-0123456789")
    client.models()
    assert recorder.received[-1].headers["api-key"] == "rotated-key-0123456789"
    monkeypatch.setenv("AZURE_OPENAI_AD_TOKEN", "env-token-0123456789")
    client.models()
    got = recorder.received[-1]
    assert got.headers["authorization"] == "Bearer env-token-0123456789"
    assert "api-key" not in got.headers
    # an explicit api_url (or azure_endpoint=None) is not Azure, whatever the environment says
    openai_rest.Client(Config(api_url=recorder.base_url)).models()
    assert recorder.received[-1].path == "/v1/models"
    assert recorder.received[-1].headers["authorization"] == "Bearer sk-not-for-azure-0123456789"
    openai_rest.Client(Config(azure_endpoint=None, api_url=recorder.base_url)).models()
    assert recorder.received[-1].path == "/v1/models"
    monkeypatch.setenv("OPENAI_BASE_URL", recorder.base_url)
    openai_rest.Client().models()
    assert recorder.received[-1].path == "/v1/models"


def test_missing_endpoint_and_version_are_named_before_any_request(
    recorder: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = recorder.base_url[: -len("/v1")]
    monkeypatch.delenv("OPENAI_API_VERSION", raising=False)
    monkeypatch.delenv("AZURE_OPENAI_ENDPOINT", raising=False)
    with pytest.raises(openai_rest.OpenAIError, match=r"API version.*OPENAI_API_VERSION"):
        openai_rest.Client(Config(azure_endpoint=endpoint, api_key=KEY)).models()
    with pytest.raises(openai_rest.OpenAIError, match=r"no Azure endpoint.*AZURE_OPENAI_ENDPOINT"):
        openai_rest.Client(Config(azure_deployment="d", api_version=VERSION)).models()
    with pytest.raises(openai_rest.OpenAIError, match="needs a deployment"):
        openai_rest.Client(
            Config(azure_endpoint=endpoint, api_version=VERSION, api_key=KEY)
        ).chat_completion(messages=[])
    with pytest.raises(ValueError, match="azure_endpoint must be an absolute"):
        Config(azure_endpoint="example.openai.azure.com")
    assert recorder.received == []


def test_token_provider_errors_and_caching(
    recorder: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = recorder.base_url[: -len("/v1")]
    base = Config(azure_endpoint=endpoint, api_version=VERSION)

    def broken() -> str:
        raise RuntimeError("credential expired")

    with pytest.raises(openai_rest.OpenAIError, match=r"azure_ad_token_provider raised.*expired"):
        openai_rest.Client(base.replace(azure_ad_token_provider=broken)).models()
    with pytest.raises(openai_rest.OpenAIError, match="non-empty string"):
        openai_rest.Client(base.replace(azure_ad_token_provider=lambda: "")).models()

    async def async_token() -> str:
        return "async-token-0123456789"

    with pytest.raises(openai_rest.OpenAIError, match="needs AsyncClient"):
        openai_rest.Client(base.replace(azure_ad_token_provider=async_token)).models()
    assert recorder.received == []

    tokens = iter(["t-one-0123456789", "t-one-0123456789", "t-two-0123456789"])
    client = openai_rest.Client(base.replace(azure_ad_token_provider=lambda: next(tokens)))
    for _ in range(3):
        client.models()
    sent = [r.headers["authorization"] for r in recorder.received]
    assert sent == ["Bearer t-one-0123456789"] * 2 + ["Bearer t-two-0123456789"]

    async def main() -> None:
        async with openai_rest.AsyncClient(base.replace(azure_ad_token_provider=async_token)) as c:
            await c.models()
        async with openai_rest.AsyncClient(base.replace(azure_ad_token_provider=broken)) as c:
            with pytest.raises(openai_rest.OpenAIError, match="raised RuntimeError"):
                await c.models()

    asyncio.run(main())
    assert recorder.received[-1].headers["authorization"] == "Bearer async-token-0123456789"


def test_secrets_stay_out_of_reprs() -> None:
    config = Config(azure_ad_token="ad-token-secret-0123456789", api_key=KEY)
    assert "secret" not in repr(config) and KEY not in repr(config)


def test_realtime_target_for_the_websocket_helper() -> None:
    base = Config(azure_endpoint="https://res.openai.azure.com", api_key=KEY)
    url, headers = realtime_target(base.replace(api_version=VERSION), {}, "gpt-4o-rt")  # type: ignore[misc]
    assert url == (
        f"wss://res.openai.azure.com/openai/realtime?api-version={VERSION}&deployment=gpt-4o-rt"
    )
    assert headers == {"api-key": KEY}
    url, headers = realtime_target(  # type: ignore[misc]
        base.replace(api_version="v1", api_key=None, azure_ad_token="tok-0123456789"), {}, "rt"
    )
    assert url == "wss://res.openai.azure.com/openai/v1/realtime?model=rt"
    assert headers == {"Authorization": "Bearer tok-0123456789"}
    assert realtime_target(Config(api_url="http://localhost:1/v1"), {}) is None


# --- against the emulator: it serves the Azure paths, so everything else carries over -------


@pytest.fixture(scope="module")
def emulator() -> Iterator[Any]:
    pytest.importorskip("aiohttp")
    from openai_rest.emulator import Emulator

    emu = Emulator()
    emu.start()
    yield emu
    emu.stop()


def azure_config(emulator: Any, **fields: Any) -> Config:
    fields.setdefault("api_key", KEY)
    fields.setdefault("api_version", VERSION)
    return Config(azure_endpoint=emulator.base_url[: -len("/v1")], **fields)


def test_emulator_chat_stream_and_deployment_as_model(emulator: Any) -> None:
    client = openai_rest.Client(azure_config(emulator, azure_deployment="my-gpt"))
    messages = [{"role": "user", "content": "hello"}]
    assert client.chat_completion(messages=messages)["model"] == "my-gpt"
    chunks = list(client.chat_completion(messages=messages, stream=True))
    assert chunks and all(c["model"] == "my-gpt" for c in chunks)
    client = openai_rest.Client(azure_config(emulator))
    assert client.chat_completion(model="other", messages=messages)["model"] == "other"
    assert client.models()["object"] == "list"


def test_emulator_async_face_and_token(emulator: Any) -> None:
    async def token() -> str:
        return "emulator-token-0123456789"

    async def main() -> List[Any]:
        config = azure_config(emulator, api_key=None, azure_ad_token_provider=token)
        async with openai_rest.AsyncClient(config) as client:
            stream = await client.chat_completion(
                model="dep", messages=[{"role": "user", "content": "hi"}], stream=True
            )
            return [chunk async for chunk in stream]

    assert asyncio.run(main())


def test_emulator_uploads_and_retries(emulator: Any, tmp_path: Any) -> None:
    client = openai_rest.Client(azure_config(emulator))
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"a": 1}\n' * 1000)
    upload = client.upload_large_file(path, "batch", part_size=4096)
    assert upload["status"] == "completed"
    assert client.files(upload["file"]["id"])["bytes"] == path.stat().st_size
    fault = {"x-emulate-fault": f"503;times=2;retry-after-ms=1;id={path.name}"}
    result = client.embeddings(model="dep", input="x", extra_headers=fault)
    assert openai_rest.response_of(result).retries == 2


def test_emulator_azure_errors(emulator: Any) -> None:
    client = openai_rest.Client(azure_config(emulator))
    with pytest.raises(openai_rest.BadRequestError, match="api-version") as missing:
        client.models(extra_query={"api-version": None})
    assert missing.value.code == "MissingApiVersionParameter"
    with pytest.raises(openai_rest.AuthenticationError, match="Access denied") as denied:
        client.models(extra_headers={"api-key": None})
    assert set(denied.value.body["error"]) == {"code", "message"}  # Azure's own shape
    with pytest.raises(openai_rest.NotFoundError, match="Resource not found"):
        client.request("GET", "/no/such/thing")


def test_bulk_runner_and_cli_with_azure(
    emulator: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from openai_rest import bulk
    from openai_rest.cli import main

    requests = tmp_path / "in.jsonl"
    lines = [
        {
            "custom_id": f"r{i}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "dep", "messages": [{"role": "user", "content": str(i)}]},
        }
        for i in range(5)
    ]
    requests.write_text("".join(json.dumps(line) + "\n" for line in lines))
    summary = bulk.run(str(requests), str(tmp_path / "out.jsonl"), config=azure_config(emulator))
    assert summary.succeeded == 5
    results = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {r["response"]["status_code"] for r in results} == {200}

    monkeypatch.setenv("AZURE_OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    endpoint = emulator.base_url[: -len("/v1")]
    args = ["--azure-endpoint", endpoint, "--api-version", VERSION, "--json", "models"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)
    monkeypatch.delenv("AZURE_OPENAI_API_KEY")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", endpoint)
    assert main(["--api-version", VERSION, "models"]) == 1
    assert "AZURE_OPENAI_API_KEY" in capsys.readouterr().err
    assert os.environ.get("OPENAI_API_KEY") is None
