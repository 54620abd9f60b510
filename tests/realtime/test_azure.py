"""Azure OpenAI's realtime path: the URL and auth from the Azure configuration, against the
emulator's ``/openai/...`` paths, on both faces; the official SDK's AzureOpenAI beside it."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import openai_rest
from openai_rest import Config

from .test_protocol import Recording, target

VERSION = "2024-10-21"


def azure_config(openai_emulator: Any, **fields: Any) -> Config:
    endpoint = openai_emulator.base_url[: -len("/v1")]
    fields.setdefault("api_key", "azure-key")
    fields.setdefault("api_version", VERSION)
    return Config(azure_endpoint=endpoint, **fields)


def test_the_azure_url_and_headers() -> None:
    config = Config(
        azure_endpoint="https://res.openai.azure.com", api_version=VERSION, api_key="k1"
    )
    url, headers = target(config, model="my-deployment")
    assert url == (
        "wss://res.openai.azure.com/openai/realtime?api-version=2024-10-21&deployment=my-deployment"
    )
    assert headers["api-key"] == "k1" and "Authorization" not in headers
    url, _ = target(config.replace(azure_deployment="fixed"), model=None)
    assert url.endswith("&deployment=fixed")
    url, _ = target(config.replace(api_version="v1"), model="gpt-realtime")
    assert url == "wss://res.openai.azure.com/openai/v1/realtime?model=gpt-realtime"
    url, headers = target(config.replace(api_key=UNSET_KEY, azure_ad_token="tok"), model="d")
    assert headers["Authorization"] == "Bearer tok" and "api-key" not in headers


UNSET_KEY = openai_rest.UNSET


def test_no_azure_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AZURE_OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("AZURE_OPENAI_AD_TOKEN", raising=False)
    config = Config(azure_endpoint="https://res.openai.azure.com", api_version=VERSION)
    with pytest.raises(openai_rest.OpenAIError, match="no Azure OpenAI credentials"):
        target(config, model="d")


def test_azure_text_turn_sync(openai_emulator: Any) -> None:
    client = openai_rest.Client(azure_config(openai_emulator))
    with client.realtime_connect(model="my-realtime") as rt:
        assert rt.recv(timeout=10)["session"]["model"] == "my-realtime"
        rt.create_item("echo: hello Azure")
        rt.create_response(output_modalities=["text"])
        assert rt.receive_response(timeout=10).text == "hello Azure"


def test_azure_v1_api_async(openai_emulator: Any) -> None:
    async def main() -> str:
        client = openai_rest.AsyncClient(azure_config(openai_emulator, api_version="v1"))
        async with client.realtime_connect(model="gpt-realtime") as rt:
            await rt.recv(timeout=10)
            await rt.create_item("echo: v1 path")
            await rt.create_response(output_modalities=["text"])
            return str((await rt.receive_response(timeout=10)).text)

    assert asyncio.run(main()) == "v1 path"


def test_azure_needs_its_api_version_and_key(openai_emulator: Any) -> None:
    client = openai_rest.Client(azure_config(openai_emulator))
    with pytest.raises(openai_rest.BadRequestError):  # the emulator's Azure check
        client.realtime_connect(model="d", extra_query={"api-version": None})
    with pytest.raises(openai_rest.AuthenticationError):
        client.realtime_connect(
            model="d", extra_headers={"api-key": None, "X-Keep": "1"}, config=Config(api_key=None)
        )


def test_token_providers_on_the_wire() -> None:
    recording = Recording()
    calls = []

    def provider() -> str:
        calls.append(1)
        return "tok-sync"

    async def async_provider() -> str:
        return "tok-async"

    with recording as url:
        endpoint = url[: -len("/v1")]
        config = Config(azure_endpoint=endpoint, api_version=VERSION, api_key=openai_rest.UNSET)
        sync = openai_rest.Client(config.replace(azure_ad_token_provider=provider))
        with sync.realtime_connect(model="dep") as rt:
            rt.recv(timeout=10)

        async def main() -> None:
            aclient = openai_rest.AsyncClient(
                config.replace(azure_ad_token_provider=async_provider)
            )
            async with aclient.realtime_connect(model="dep") as art:
                await art.recv(timeout=10)

        asyncio.run(main())
        with pytest.raises(openai_rest.OpenAIError, match="async provider needs AsyncClient"):
            openai_rest.Client(
                config.replace(azure_ad_token_provider=async_provider)
            ).realtime_connect(model="dep")
    (first, path), (second, _) = recording.seen
    assert path == f"/openai/realtime?api-version={VERSION}&deployment=dep"
    assert first["Authorization"] == "Bearer tok-sync" and calls == [1]
    assert second["Authorization"] == "Bearer tok-async"
    assert "api-key" not in first


def test_sdk_azure_realtime_against_the_emulator(openai_emulator: Any) -> None:
    openai = pytest.importorskip("openai")
    pytest.importorskip("websockets")
    root = openai_emulator.base_url[: -len("/v1")]
    client = openai.AzureOpenAI(  # its Azure realtime URL is always wss:// unless told
        azure_endpoint=root,
        api_version=VERSION,
        api_key="azure-key",
        websocket_base_url="ws" + root[4:] + "/openai",
    )
    with client.realtime.connect(model="my-realtime") as connection:
        connection.session.update(session={"type": "realtime", "output_modalities": ["text"]})
        connection.conversation.item.create(
            item={
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": "echo: SDK on Azure"}],
            }
        )
        connection.response.create()
        for event in connection:
            if event.type == "response.output_text.done":
                assert event.text == "SDK on Azure"
                break


def test_the_same_azure_url_as_the_sdk() -> None:
    openai = pytest.importorskip("openai")
    endpoint = "https://res.openai.azure.com"
    sdk = openai.AzureOpenAI(azure_endpoint=endpoint, api_version=VERSION, api_key="k1")
    sdk_url, sdk_headers = sdk._configure_realtime("dep", {})
    url, headers = target(Config(azure_endpoint=endpoint, api_version=VERSION, api_key="k1"), "dep")
    assert str(sdk_url) == url
    assert sdk_headers.items() <= headers.items()
