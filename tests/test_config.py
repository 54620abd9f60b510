from __future__ import annotations

import pickle

import pytest

import openai_rest
from conftest import KEY
from openai_rest import UNSET, Config, Timeout
from openai_rest._config import resolve


def test_config_is_immutable_and_rejects_unknown_fields() -> None:
    config = Config(api_key="sk-abc")
    with pytest.raises(AttributeError):
        config.api_key = "other"  # type: ignore[misc]
    with pytest.raises(TypeError, match="bogus"):
        Config(bogus=1)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("fields", "error", "culprit"),
    [
        ({"timeout": -1}, ValueError, "timeout"),
        ({"timeout": 0}, ValueError, "timeout"),
        ({"timeout": "10"}, TypeError, "timeout"),
        ({"timeout": {"connect": -2}}, ValueError, "timeout.connect"),
        ({"timeout": {"conect": 2}}, TypeError, "conect"),
        ({"api_url": "api.openai.com/v1"}, ValueError, "api_url"),
        ({"api_url": "ftp://host/v1"}, ValueError, "api_url"),
        ({"max_retries": -1}, ValueError, "max_retries"),
        ({"max_retries": 1.5}, TypeError, "max_retries"),
        ({"api_key": 123}, TypeError, "api_key"),
        ({"http_options": {"proxxy": "x"}}, TypeError, "proxxy"),
        ({"http_options": {"pool_size": 0}}, ValueError, "pool_size"),
        ({"http_options": {"verify": "no"}}, TypeError, "verify"),
    ],
)
def test_bad_values_fail_at_construction_naming_the_field(
    fields: dict, error: type, culprit: str
) -> None:
    with pytest.raises(error, match=culprit):
        Config(**fields)


def test_repr_shows_at_most_the_last_four_characters_of_the_key() -> None:
    config = Config(api_key=KEY, api_url="http://localhost:1/v1")
    text = repr(config) + str(config)
    assert KEY not in text
    assert KEY[-4:] in text
    assert KEY[:-4] not in text
    shown = [KEY[i : i + 5] for i in range(len(KEY) - 4) if KEY[i : i + 5] in text]
    assert not shown, f"parts of the key in the repr: {shown}"
    assert KEY not in repr(openai_rest.Client(config))
    assert KEY not in repr(resolve(config))
    assert KEY not in repr(pickle.loads(pickle.dumps(config)))


def test_timeout_forms() -> None:
    default = resolve(Config()).timeout
    assert default == Timeout(connect=5, read=600, write=600, pool=600)
    assert Config(timeout=30).timeout == Timeout(30, 30, 30, 30)
    assert Config(timeout={"read": 20}).timeout == Timeout(connect=5, read=20)
    assert Config(timeout=None).timeout is None


def test_unset_is_not_none() -> None:
    assert Config().api_key is UNSET
    assert Config(api_key=None).api_key is None


def test_environment_is_read_at_run_time_not_import(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve(Config()).api_key is None
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-1")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-1")
    monkeypatch.setenv("OPENAI_BETA", "assistants=v2")
    settings = resolve(Config())
    assert settings.api_key == "sk-from-env"
    assert settings.base_url == "http://127.0.0.1:9/v1"
    assert settings.headers["OpenAI-Organization"] == "org-1"
    assert settings.headers["OpenAI-Project"] == "proj-1"
    assert settings.headers["OpenAI-Beta"] == "assistants=v2"
    # an explicit None beats the environment
    assert resolve(Config(api_key=None)).api_key is None


def test_precedence_call_over_client_over_global_over_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    openai_rest.configure(api_key="sk-global", organization_key="org-global")
    client_config = Config(api_key="sk-client", max_retries=5)
    call_config = Config(organization_key="org-call")
    settings = resolve(openai_rest._config.GLOBAL.config, client_config, call_config)
    assert settings.api_key == "sk-client"
    assert settings.organization_key == "org-call"
    assert settings.max_retries == 5
    assert resolve(openai_rest._config.GLOBAL.config).api_key == "sk-global"


def test_configure_merges_fields() -> None:
    openai_rest.configure(api_key="sk-one")
    openai_rest.configure(api_url="http://127.0.0.1:1/v1")
    config = openai_rest._config.GLOBAL.config
    assert config.api_key == "sk-one"
    assert config.api_url == "http://127.0.0.1:1/v1"


def test_merged_and_replace() -> None:
    base = Config(api_key="sk-a", max_retries=1)
    assert base.merged(Config(max_retries=3)) == Config(api_key="sk-a", max_retries=3)
    assert base.replace(api_key=UNSET) == Config(max_retries=1)
