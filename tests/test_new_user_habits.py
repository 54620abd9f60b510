"""What new users and users of the official SDK do first (issue 11, items 7 to 10), on every face,
against a real loopback server: the environment read at request time, call options and their
typos, ``Client(api_key=..., base_url=...)``, calls in the user's own terms, real signatures."""

from __future__ import annotations

import asyncio
import inspect
import json
import subprocess
import sys
import time
from typing import Any, Callable, Dict, Iterator, List

import pytest

import openai_rest
from conftest import KEY, Scripted
from loopback import LoopbackServer, Reply
from openai_rest import Client, Config
from openai_rest._config import (
    CONFIG_ENV_VARS,
    ENV_VARS,
    FIELDS,
    TRANSPORT_ENV_VARS,
    environment_key,
)

FACES = ["module", "sync", "async"]


class Face:
    """One face held for several calls: the module, one reused ``Client``, one ``AsyncClient``."""

    def __init__(self, kind: str, config: Config = Config()) -> None:
        self.kind = kind
        self.loop = asyncio.new_event_loop() if kind == "async" else None
        self.client: Any = None
        if kind == "sync":
            self.client = Client(config)
        elif kind == "async":
            self.client = openai_rest.AsyncClient(config)
        elif config.set_fields():
            openai_rest.configure(**config.set_fields())

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.kind == "module":
            return getattr(openai_rest, name)(*args, **kwargs)
        function = getattr(self.client, name)
        if self.loop is not None:
            return self.loop.run_until_complete(function(*args, **kwargs))
        return function(*args, **kwargs)

    def close(self) -> None:
        if self.kind == "sync":
            self.client.close()
        elif self.loop is not None:
            self.loop.run_until_complete(self.client.aclose())
            self.loop.close()
        else:
            openai_rest._default.close()


@pytest.fixture(params=FACES)
def face(request: pytest.FixtureRequest) -> Iterator[Callable[..., Face]]:
    made: List[Face] = []

    def make(config: Config = Config()) -> Face:
        made.append(Face(request.param, config))
        return made[-1]

    yield make
    for one in made:
        one.close()


@pytest.fixture
def second() -> Iterator[Scripted]:
    scripted = Scripted()
    with scripted.server:
        yield scripted


# 7. The environment, read at request time ---------------------------------------------------


def test_key_and_base_url_set_after_a_failed_call_are_used(
    face: Callable[..., Face],
    server: Scripted,
    second: Scripted,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = face()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    with pytest.raises(openai_rest.OpenAIError, match="no API key"):
        client.call("models")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-first-key-000000000000")
    client.call("models")
    assert server.received[-1].headers["authorization"] == "Bearer sk-first-key-000000000000"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-second-key-11111111111")
    client.call("models")
    assert server.received[-1].headers["authorization"] == "Bearer sk-second-key-11111111111"
    monkeypatch.setenv("OPENAI_BASE_URL", second.base_url)
    client.call("models")
    assert len(server.received) == 2 and len(second.received) == 1
    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(openai_rest.OpenAIError, match="no API key"):
        client.call("models")


HEADER_OF = {
    "organization_key": "openai-organization",
    "project": "openai-project",
    "beta": "openai-beta",
}


@pytest.mark.parametrize("field", sorted(HEADER_OF))
def test_every_header_variable_is_read_at_each_request(
    field: str, face: Callable[..., Face], server: Scripted, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = face(Config(api_key=KEY, api_url=server.base_url))
    client.call("models")
    assert HEADER_OF[field] not in server.received[-1].headers
    for value in ("first-value", "second-value"):
        monkeypatch.setenv(ENV_VARS[field], value)
        client.call("models")
        assert server.received[-1].headers[HEADER_OF[field]] == value


@pytest.mark.parametrize("name", [*CONFIG_ENV_VARS, *TRANSPORT_ENV_VARS])
def test_the_settings_cache_key_sees_every_variable(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(name, raising=False)
    before = environment_key()
    monkeypatch.setenv(name, "http://127.0.0.1:9/v1")
    assert environment_key() != before
    assert environment_key() == environment_key()  # stable while nothing changes


def test_a_proxy_set_later_is_used(
    server: Scripted, second: Scripted, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in TRANSPORT_ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    with Client(server.config()) as client:
        client.models()
        assert server.received[-1].path == "/v1/models"
        monkeypatch.setenv("HTTP_PROXY", second.base_url.rsplit("/v1", 1)[0])
        client.models()
    assert second.received and second.received[-1].path == server.base_url + "/models"


def test_the_cached_settings_are_reused_while_nothing_changes(server: Scripted) -> None:
    with Client(server.config()) as client:
        assert client._settings(None) is client._settings(None)


# 8. Call options: timeout=, max_retries=, and typos ------------------------------------------


def test_timeout_is_a_call_option(face: Callable[..., Face], server: Scripted) -> None:
    client = face(server.config(max_retries=0))
    server.default = lambda r: (time.sleep(1.0), Reply(json={"ok": True}))[1]
    started = time.monotonic()
    with pytest.raises(openai_rest.APITimeoutError):
        client.call("models", timeout=0.2)
    assert time.monotonic() - started < 0.9
    server.default = lambda r: Reply(json={"ok": True})
    client.call("models", timeout=5)
    assert server.received[-1].path == "/v1/models"  # never sent as ?timeout=


def test_max_retries_is_a_call_option(face: Callable[..., Face], server: Scripted) -> None:
    client = face(server.config(max_retries=2))
    server.default = lambda r: Reply(500, json={"error": {"message": "down"}})
    with pytest.raises(openai_rest.InternalServerError):
        client.call("chat_completion", model="m", messages=[], max_retries=0)
    assert len(server.received) == 1
    assert json.loads(server.received[0].body) == {"model": "m", "messages": []}
    with pytest.raises(openai_rest.InternalServerError):
        client.call("models", max_retries=1, config=Config(max_retries=0, timeout=5))
    assert len(server.received) == 3
    assert server.received[-1].path == "/v1/models"


def test_call_option_values_are_checked(server: Scripted) -> None:
    with Client(server.config()) as client, pytest.raises(ValueError, match="max_retries"):
        client.models(max_retries=-1)
        with pytest.raises(TypeError, match="timeout"):
            client.models(timeout="soon")
    assert server.received == []


def typos(option: str) -> List[str]:
    """Misspellings of ``option``: a letter dropped, two swapped, one doubled, an s, capitals."""
    found = {option[:-1], option + "s", option.upper(), option[:1] + option[1:] * 1 + "x"}
    if len(option) > 3:
        found |= {option[:2] + option[3:], option[:1] + option[2] + option[1] + option[3:]}
    found |= {option.replace("_", "")} if "_" in option else set()
    found |= {"max_retry", "max_tries"} if option == "max_retries" else set()
    return sorted(t for t in found if t and t != option)


OPTION_CASES = [
    (endpoint, option, typo)
    for endpoint, options in (
        ("chat_completion", openai_rest._endpoint.CALL_OPTIONS),
        ("files_content", ("to", "stream")),
        ("audio_speech", ("to", "stream")),
    )
    for option in options
    for typo in typos(option)
]


@pytest.mark.parametrize(("endpoint", "option", "typo"), OPTION_CASES)
def test_every_typo_of_a_call_option_is_refused_before_sending(
    endpoint: str, option: str, typo: str, server: Scripted
) -> None:
    args = ("file-1",) if endpoint == "files_content" else ()
    with (
        Client(server.config()) as client,
        pytest.raises(TypeError, match=f"did you mean {option}=") as caught,
    ):
        getattr(client, endpoint)(*args, **{typo: 1})
    assert repr(typo) in str(caught.value)
    assert server.received == []


@pytest.mark.parametrize("face_name", FACES)
def test_typos_are_refused_on_every_face(face_name: str, server: Scripted) -> None:
    client = Face(face_name, server.config())
    try:
        for typo, right in (("confg", "config"), ("extra_header", "extra_headers")):
            with pytest.raises(TypeError, match=f"did you mean {right}="):
                client.call("chat_completion", model="m", messages=[], **{typo: {}})
        with pytest.raises(TypeError, match="did you mean to="):
            client.call("files_content", "file-1", too="out.bin")
    finally:
        client.close()
    assert server.received == []


@pytest.mark.parametrize(
    ("habit", "option"),
    [("headers", "extra_headers"), ("request_timeout", "timeout"), ("retries", "max_retries")],
)
def test_other_clients_habits_name_the_option(habit: str, option: str, server: Scripted) -> None:
    with (
        Client(server.config()) as client,
        pytest.raises(TypeError, match=f"did you mean {option}="),
    ):
        client.chat_completion(model="m", messages=[], **{habit: 1})


def test_api_parameters_stay_free_form(server: Scripted) -> None:
    with Client(server.config()) as client:
        client.chat_completion(model="m", messages=[], top_k=3, confidence_floor=0.5)
        client.chat_completion({"confg": 1}, model="m", messages=[])  # a mapping is never checked
        client.chat_completion(model="m", messages=[], extra_body={"timeot": 2})
    bodies = [json.loads(r.body) for r in server.received]
    assert bodies[0]["top_k"] == 3 and bodies[0]["confidence_floor"] == 0.5
    assert bodies[1]["confg"] == 1 and bodies[2]["timeot"] == 2


def every_endpoint() -> List[Any]:
    from openai_rest._endpoint import Endpoint
    from openai_rest._endpoints import API
    from openai_rest._endpoints.admin import AdminAPI

    found: Dict[str, Any] = {}
    for cls in (API, AdminAPI):
        for klass in cls.__mro__:
            found.update({n: v for n, v in vars(klass).items() if isinstance(v, Endpoint)})
    return list(found.values())


def test_no_parameter_name_of_the_whole_spec_looks_like_a_typo() -> None:
    """The rule is narrow: no request parameter of any endpoint is near a call option, so an
    endpoint without a schema (legacy ones, ``Client.request``) passes them all too."""
    from openai_rest._arguments import meant_option
    from openai_rest._params import PARAMS

    names = {word.split(":")[0] for words in PARAMS.values() for word in words.split()}
    options = {option for endpoint in every_endpoint() for option in endpoint.options}
    assert len(names) > 200
    assert {n: meant_option(n, options) for n in names - options if meant_option(n, options)} == {}
    with (
        Client(api_key=KEY, base_url="http://127.0.0.1:9/v1") as client,
        pytest.raises(TypeError, match="did you mean timeout="),
    ):
        client.request("POST", "/custom", {"a": 1}, timeot=1)  # the raw face checks too


# 9. Client(api_key=..., base_url=...) --------------------------------------------------------

SAMPLES: Dict[str, Any] = {
    "api_key": "sk-sample-key-0000000000",
    "organization_key": "org-sample",
    "project": "proj-sample",
    "beta": "assistants=v2",
    "api_url": "http://127.0.0.1:9/v1",
    "timeout": 7.5,
    "max_retries": 5,
    "http_options": {"pool_size": 3},
    "azure_endpoint": "https://resource.openai.azure.com",
    "azure_deployment": "my-deployment",
    "api_version": "2024-10-21",
    "azure_ad_token": "ad-token-0000000000",
    "azure_ad_token_provider": lambda: "ad-token-0000000000",
}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("kind", [Client, openai_rest.AsyncClient])
def test_every_config_field_is_a_client_keyword(field: str, kind: Any) -> None:
    value = SAMPLES.get(field, "sample")
    try:
        expected = Config(**{field: value})
    except (TypeError, ValueError) as error:  # a field added later with another kind of value
        with pytest.raises(type(error)):
            kind(**{field: value})
        return
    assert kind(**{field: value}).config == expected
    assert kind(Config(api_key="sk-other-key-999999999"), **{field: value}).config == Config(
        **{"api_key": "sk-other-key-999999999", field: value}
    )


def test_base_url_is_api_url_and_keywords_win_over_the_config(server: Scripted) -> None:
    with Client(api_key=KEY, base_url=server.base_url) as client:
        client.models()
    with Client(Config(api_key="sk-old-key-00000000000", api_url="http://127.0.0.1:9/v1"),
                base_url=server.base_url, api_key=KEY) as client:  # fmt: skip
        client.models()

    async def main() -> None:
        async with openai_rest.AsyncClient(
            api_key=KEY, base_url=server.base_url, organization="org-sdk"
        ) as client:
            await client.models()

    asyncio.run(main())
    assert [r.headers["authorization"] for r in server.received] == [f"Bearer {KEY}"] * 3
    assert server.received[-1].headers["openai-organization"] == "org-sdk"
    openai_rest.configure(base_url=server.base_url, api_key=KEY)
    openai_rest.models()
    assert len(server.received) == 4


@pytest.mark.parametrize(
    ("wrong", "right"),
    [("api_ky", "api_key"), ("baseurl", "base_url"), ("max_retry", "max_retries")],
)
@pytest.mark.parametrize("kind", [Client, openai_rest.AsyncClient])
def test_unknown_client_keywords_show_the_right_spelling(wrong: str, right: str, kind: Any) -> None:
    with pytest.raises(TypeError, match=f"did you mean {right}="):
        kind(**{wrong: "x"})
    with pytest.raises(TypeError, match=f"did you mean {right}="):
        openai_rest.configure(**{wrong: "x"})


def test_the_sdks_default_headers_and_query_are_http_options(server: Scripted) -> None:
    with Client(
        api_key=KEY,
        base_url=server.base_url,
        default_headers={"x-team": "search"},
        default_query={"api-version": "1"},
        http_options={"pool_size": 2},
    ) as client:
        assert client.config.http_options["pool_size"] == 2
        client.models()
    assert server.received[-1].headers["x-team"] == "search"
    assert server.received[-1].path == "/v1/models?api-version=1"


def test_a_misspelt_client_option_is_named_too() -> None:
    with pytest.raises(TypeError, match="did you mean event_hooks="):
        Client(event_hook={"response": []})
    with pytest.raises(TypeError, match="did you mean transport="):
        openai_rest.AsyncClient(transprt=None)


@pytest.mark.parametrize("kind", [Client, openai_rest.AsyncClient])
def test_a_positional_key_is_refused_without_showing_it(kind: Any) -> None:
    with pytest.raises(TypeError, match=r"\(api_key=\.\.\., base_url=\.\.\.\)") as caught:
        kind("sk-secret-positional-key-0000")
    assert "sk-secret" not in str(caught.value)


def test_a_field_and_its_alias_together_are_refused() -> None:
    with pytest.raises(TypeError, match="both api_url= and its alias base_url="):
        Client(api_url="http://127.0.0.1:9/v1", base_url="http://127.0.0.1:8/v1")


def test_with_config_takes_aliases_too() -> None:
    client = Client(api_key=KEY).with_config(base_url="http://127.0.0.1:9/v1")
    assert client.config == Config(api_key=KEY, api_url="http://127.0.0.1:9/v1")


# 10. Calls in the user's terms, signatures ---------------------------------------------------


def test_files_upload_takes_the_file_by_name(
    face: Callable[..., Face], server: Scripted, tmp_path: Any
) -> None:
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"a": 1}\n')
    client = face(server.config())
    client.call("files_upload", file=str(path), purpose="batch")
    got = server.received[-1]
    assert got.method == "POST" and got.path == "/v1/files"
    assert b'filename="train.jsonl"' in got.body and b"batch" in got.body


def test_ids_may_come_by_name_as_in_the_official_sdk(server: Scripted) -> None:
    with Client(server.config()) as client:
        client.files(file_id="file-abc")
        client.conversation_item("item_1", conversation_id="conv_1")  # retrieve(id, parent_id=)
        client.files(purpose="batch")
    assert [r.path for r in server.received] == [
        "/v1/files/file-abc",
        "/v1/conversations/conv_1/items/item_1",
        "/v1/files?purpose=batch",
    ]


@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda c: c.chat_completion("gpt-4o-mini"), "did you mean model='gpt-4o-mini'"),
        (lambda c: c.embeddings("some text"), "did you mean input='some text'"),
        (lambda c: c.files_upload(purpose="batch"), "files_upload() is missing file"),
        (lambda c: c.conversation_item("conv_1"), "missing item_id"),
        (lambda c: c.files("a", "b"), "files(file_id)"),
    ],
)
def test_wrong_positional_arguments_are_explained(call: Any, says: str, server: Scripted) -> None:
    with Client(server.config()) as client, pytest.raises(TypeError) as caught:
        call(client)
    assert says in str(caught.value)
    assert server.received == []


def test_signatures_show_the_request_schema_and_the_call_options() -> None:
    for function in (
        openai_rest.chat_completion,
        Client().chat_completion,
        openai_rest.AsyncClient().chat_completion,
    ):
        parameters = inspect.signature(function).parameters
        assert list(parameters)[:3] == ["params", "messages", "model"]
        assert parameters["messages"].default is inspect.Parameter.empty
        for name in ("temperature", "tools", "config", "extra_headers", "timeout", "options"):
            assert name in parameters
    assert "self" in inspect.signature(Client.chat_completion).parameters
    assert list(inspect.signature(openai_rest.files_upload).parameters)[:2] == ["file", "purpose"]
    assert "to" in inspect.signature(openai_rest.audio_speech).parameters


def test_every_endpoint_has_a_signature_and_help_shows_it() -> None:
    for endpoint in every_endpoint():
        inspect.signature(endpoint.__get__(None, Client))
    import pydoc

    text = pydoc.render_doc(openai_rest.Client.chat_completion, renderer=pydoc.plaintext)
    assert "messages: list" in text and "max_retries=" in text
    assert "chat_completion" in inspect.getsource(openai_rest.chat_completion)


def test_signatures_cost_nothing_at_import() -> None:
    code = (
        "import sys, openai_rest; "
        "print(sorted(m for m in ('openai_rest._params', 'openai_rest._arguments', 'difflib') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# Config(api_key=None) ------------------------------------------------------------------------


def test_api_key_none_sends_no_key_even_with_one_in_the_environment(
    face: Callable[..., Face], monkeypatch: pytest.MonkeyPatch
) -> None:
    with LoopbackServer(lambda r: Reply(json={"data": []})) as local:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-env-key-000000000000")
        client = face(Config(api_key=None, api_url=local.base_url))
        client.call("models")
        assert "authorization" not in local.received[-1].headers


def test_azure_variables_set_later_are_used(
    face: Callable[..., Face],
    server: Scripted,
    second: Scripted,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = face()
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    client.call("models")
    assert server.received[-1].path == "/v1/models"
    monkeypatch.delenv("OPENAI_BASE_URL")  # it wins over Azure's endpoint (docs/azure.md)
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", second.base_url.rsplit("/v1", 1)[0])
    monkeypatch.setenv("OPENAI_API_VERSION", "2024-10-21")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-key-0000000000")
    client.call("models")
    got = second.received[-1]
    assert got.path.startswith("/openai/") and "api-version=2024-10-21" in got.path
    assert got.headers["api-key"] == "azure-key-0000000000"
    assert len(server.received) == 1
