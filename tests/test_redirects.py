"""The key never follows a redirect to another origin, on every transport (BRIEF: secrets).

A server answers 307 with a ``Location`` on a second server; the second server must never
see the request, and the call must not pass for a success.
"""

from __future__ import annotations

import asyncio
from typing import Any, Iterator

import pytest

import openai_rest
from conftest import KEY, Scripted
from loopback import Reply


@pytest.fixture
def elsewhere() -> Iterator[Scripted]:
    other = Scripted()
    with other.server:
        yield other


def redirect_to(server: Scripted, other: Scripted) -> None:
    target = other.base_url + "/models"
    server.default = lambda r: Reply(307, json={"moved": True}, headers={"Location": target})


def sync_transport(kind: str, server: Scripted) -> Any:
    """None for the default (http.client) transport, else the named one."""
    if kind == "urllib3":
        pytest.importorskip("urllib3")
        from openai_rest.transports import Urllib3Transport

        return Urllib3Transport(server.base_url)
    return None


@pytest.mark.parametrize("kind", ["http.client", "urllib3"])
def test_sync_clients_never_follow_a_redirect(
    server: Scripted, elsewhere: Scripted, kind: str
) -> None:
    redirect_to(server, elsewhere)
    transport = sync_transport(kind, server)
    client = openai_rest.Client(server.config(max_retries=0), transport=transport)
    try:
        result = client.models()
    except openai_rest.APIError as error:
        assert KEY not in str(error)
    else:
        assert openai_rest.response_of(result).status_code == 307
    assert elsewhere.received == [], "the request (and its key) followed the redirect"
    assert len(server.received) == 1


def test_the_async_client_never_follows_a_redirect(server: Scripted, elsewhere: Scripted) -> None:
    redirect_to(server, elsewhere)

    async def run() -> Any:
        async with openai_rest.AsyncClient(server.config(max_retries=0)) as client:
            try:
                return openai_rest.response_of(await client.models()).status_code
            except openai_rest.APIError as error:
                return error

    outcome = asyncio.run(run())
    assert outcome == 307 or isinstance(outcome, openai_rest.APIError)
    assert elsewhere.received == [], "the request (and its key) followed the redirect"
    assert len(server.received) == 1
