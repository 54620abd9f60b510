"""``src/openai_rest/_params.py`` is what ``scripts/gen_params.py`` generates from the spec now."""

from __future__ import annotations

from generated import assert_generated_current


def test_params_table_is_current() -> None:
    assert_generated_current("gen_params.py", "src/openai_rest/_params.py")


def test_every_endpoint_of_the_spec_finds_its_parameters() -> None:
    from openai_rest._arguments import schema_params
    from openai_rest._endpoint import Endpoint
    from openai_rest._endpoints import API

    routes = [
        route
        for klass in API.__mro__
        for value in vars(klass).values()
        if isinstance(value, Endpoint)
        for route in value.routes
    ]
    found = [route for route in routes if schema_params(route) is not None]
    assert len(found) > 0.9 * len(routes)
    chat = next(r for r in routes if r.name == "chat_completion")
    assert schema_params(chat)["messages"] == ("l", True)  # type: ignore[index]
