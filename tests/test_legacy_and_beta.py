"""Legacy and Assistants functions: one DeprecationWarning each, naming the replacement; the
``OpenAI-Beta`` header of the Assistants routes. Against a real loopback server."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest

import openai_rest
from conformance.cases import CASES, Case
from conformance.samples import write_samples
from loopback import LoopbackServer, Received, Reply
from openai_rest import AsyncClient, Client, Config
from openai_rest._config import GLOBAL
from openai_rest._endpoint import deprecation_once

API_KEY = "sk-loopback"
# SURFACE.md: the functions whose notes say "assistants v1".
V1_ONLY = {
    "assistant_files",
    "assistant_file",
    "assistant_file_create",
    "assistant_file_delete",
    "thread_message_files",
    "thread_message_file",
}
ASSISTANTS_AREA = ("assistant", "thread")
# SURFACE.md's "legacy" rows (plus the image_* aliases and the engine form of completions).
LEGACY = {"edits", "engines", "finetunes", "finetunes_create", "finetunes_list_events"}
LEGACY |= {"finetunes_cancel", "image_generations", "image_edits", "image_variations"}


def _one_per_route(cases: List[Case]) -> List[Case]:
    seen, rows = set(), []
    for case in cases:
        key = (case.function, case.route.path)
        if key not in seen and not case.stream:
            seen.add(key)
            rows.append(case)
    return rows


ROUTES = _one_per_route(CASES)
DEPRECATED = [c for c in ROUTES if c.route.deprecated]


def _answer(request: Received) -> Reply:
    return Reply(json={"object": "list", "data": [], "path": request.path})


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(_answer) as running:
        yield running


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, str]:
    return write_samples(Path(tmp_path_factory.mktemp("samples")))


@pytest.fixture
def fresh_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget which functions already warned (they warn once per process)."""
    monkeypatch.setattr(deprecation_once, "__defaults__", (set(),))


@pytest.fixture
def restore_global() -> Iterator[None]:
    saved = GLOBAL.config
    yield
    with GLOBAL._lock:
        GLOBAL.config = saved
        GLOBAL.version += 1


def test_the_deprecated_set_is_the_surface_s() -> None:
    """Legacy functions and every Assistants function are deprecated; nothing else is."""
    for case in ROUTES:
        legacy = case.function in LEGACY or case.function.startswith(ASSISTANTS_AREA)
        legacy = legacy or case.route.path.startswith("/engines/")
        assert bool(case.route.deprecated) == legacy, case.id


@pytest.mark.usefixtures("fresh_warnings")
@pytest.mark.parametrize("case", DEPRECATED, ids=[c.id for c in DEPRECATED])
def test_deprecated_functions_warn_once(
    case: Case, server: LoopbackServer, samples: Dict[str, str]
) -> None:
    args, params = case.resolve(samples)
    with Client(Config(api_key=API_KEY, api_url=server.base_url)) as client:
        function = getattr(client, case.function)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            function(*args, **params)
            function(*args, **params)
    found = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(found) == 1, [str(w.message) for w in found]
    text = str(found[0].message)
    assert text.startswith(f"{case.function}: ") and "use " in text
    assert found[0].filename == __file__  # points at the caller's line, not the library's


def _sent_beta(
    face: str, case: Case, server: LoopbackServer, samples: Dict[str, str], beta: Optional[str]
) -> Optional[str]:
    args, params = case.resolve(samples)
    config = Config(api_key=API_KEY, api_url=server.base_url, beta=beta)
    before = len(server.received)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        if face == "module":
            openai_rest.configure(api_key=API_KEY, api_url=server.base_url, beta=beta)
            getattr(openai_rest, case.function)(*args, **params)
        elif face == "sync":
            with Client(config) as client:
                getattr(client, case.function)(*args, **params)
        else:

            async def run() -> None:
                async with AsyncClient(config) as client:
                    await getattr(client, case.function)(*args, **params)

            asyncio.run(run())
    got = server.received[before:]
    assert len(got) == 1 and got[0].path.split("?")[0].endswith(case.route.path.split("}")[-1])
    return got[0].headers.get("openai-beta")


BETA_ROWS = [c for c in ROUTES if c.function.startswith(ASSISTANTS_AREA)] + [
    c for c in ROUTES if c.function in ("chat_completion", "files", "engines")
]


@pytest.mark.usefixtures("restore_global")
@pytest.mark.parametrize("face", ["module", "sync", "async"])
@pytest.mark.parametrize("case", BETA_ROWS, ids=[c.id for c in BETA_ROWS])
def test_beta_header(
    case: Case, face: str, server: LoopbackServer, samples: Dict[str, str]
) -> None:
    if case.function in V1_ONLY:
        want: Optional[str] = "assistants=v1"
    elif case.function.startswith(ASSISTANTS_AREA):
        want = "assistants=v2"
    else:
        want = None
    assert _sent_beta(face, case, server, samples, None) == want
    # A configured beta wins, on every route (users pin assistants=v1 for old servers).
    assert _sent_beta(face, case, server, samples, "assistants=v1") == "assistants=v1"
