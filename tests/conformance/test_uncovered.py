"""The rows no spec covers (``threads()`` listing), on every face, against the emulator."""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

import pytest

import openai_rest
from openai_rest import AsyncClient, Client

from .cases import UNCOVERED, Case
from .test_prism import FACES


def _call(face: str, handle: Any, case: Case) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if face == "module":
            openai_rest.configure(api_key=handle.api_key, api_url=handle.base_url)
            return getattr(openai_rest, case.function)(*case.args, **case.params)
        if face == "sync":
            with Client(handle.config()) as client:
                return getattr(client, case.function)(*case.args, **case.params)

        async def run() -> Any:
            async with AsyncClient(handle.config()) as client:
                return await getattr(client, case.function)(*case.args, **case.params)

        return asyncio.run(run())


@pytest.mark.parametrize("face", FACES)
@pytest.mark.parametrize("case", UNCOVERED, ids=[c.id for c in UNCOVERED])
@pytest.mark.usefixtures("global_config")
def test_uncovered_rows_on_the_emulator(case: Case, face: str, openai_emulator: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for i in range(3):
            openai_emulator.client.threads_create(metadata={"n": str(i)})
    listed = _call(face, openai_emulator, case)
    assert listed["object"] == "list"
    assert len(listed["data"]) == case.params["limit"]
    assert listed["has_more"] is True
    for thread in listed["data"]:
        assert openai_emulator.state.threads.find(thread["id"]) is not None
