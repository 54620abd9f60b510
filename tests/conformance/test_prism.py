"""Every form of every public function, on every face, against Prism serving each spec version
in which its path exists. Prism validates the request (a 422 makes the client raise, and the
test fail) and answers from the spec's examples, which the client must decode."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import openai_rest
from openai_rest import APIStatusError, AsyncClient, Client, Config, response_of
from services import require

from .cases import CASES, Case
from .current import EMPTY_ANSWERS
from .prism import Prism
from .samples import write_samples
from .specs import SPECS, specs_with

API_KEY = "sk-conformance"
FACES = ("module", "sync", "async")


def _rows() -> List[Any]:
    rows = []
    for case in CASES:
        for spec in case.only or specs_with(case.route.method, case.route.path):
            for face in FACES:
                reason = case.known.get(spec) or case.known.get(f"{spec}:{face}")
                marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
                rows.append(
                    pytest.param(case, spec, face, id=f"{case.id}@{spec}-{face}", marks=marks)
                )
    return rows


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, str]:
    return write_samples(Path(tmp_path_factory.mktemp("samples")))


def _consume(result: Any, case: Case) -> Any:
    return list(result) if case.stream else result


def call_on_face(face: str, base_url: str, case: Case, samples: Dict[str, str]) -> Any:
    """Call the row's function on one face; a stream is read to its end."""
    args, params = case.resolve(samples)
    config = Config(api_key=API_KEY, api_url=base_url, max_retries=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # checked in test_warnings.py
        if face == "module":
            openai_rest.configure(api_key=API_KEY, api_url=base_url, max_retries=0)
            return _consume(case.bound(openai_rest)(*args, **params), case)
        if face == "sync":
            with Client(config) as client:
                return _consume(case.bound(client)(*args, **params), case)

        async def run() -> Any:
            async with AsyncClient(config) as client:
                result = await case.bound(client)(*args, **params)
                if case.stream:
                    return [item async for item in result]
                return result

        return asyncio.run(run())


def check_result(case: Case, result: Any) -> None:
    """The answer decoded as the route says: JSON, bytes, text, or a one-item stream."""
    route = case.route
    if case.stream and route.stream == "bytes":
        assert result and all(isinstance(chunk, bytes) for chunk in result), result
        return
    if case.stream:
        # Prism answers JSON to stream requests: the client makes it a one-item stream.
        assert isinstance(result, list) and len(result) == 1, result
        item = result[0]
        data = item["data"] if route.stream == "events" else item
        assert isinstance(data, dict) and data, item
        return
    if route.result == "bytes":
        assert isinstance(result, bytes) and (result or case.function in EMPTY_ANSWERS)
        return
    if route.result == "text":
        assert isinstance(result, str), type(result)
        return
    if route.result == "auto":
        # JSON, text, or the empty body of a call the spec answers without content
        assert isinstance(result, (dict, str)) or result == b"", type(result)
    else:
        assert isinstance(result, (dict, list)), type(result)
    if isinstance(result, (dict, list)):
        info = response_of(result)
        assert info.status_code in (200, 201) and info.method == route.method


@pytest.mark.parametrize(("case", "spec", "face"), _rows())
@pytest.mark.usefixtures("global_config")
def test_conforms(case: Case, spec: str, face: str, prism: Prism, samples: Dict[str, str]) -> None:
    try:
        result = call_on_face(face, prism.base_url, case, samples)
    except APIStatusError as error:
        prism.check_alive()
        pytest.fail(f"Prism ({spec}) refused {case.id}: {error}\n{error.body}", pytrace=False)
    prism.check_alive()
    check_result(case, result)


def test_every_route_has_a_row() -> None:
    """The table covers every route of every endpoint (and every row hits a spec or is known)."""
    from openai_rest._endpoint import Endpoint
    from openai_rest._endpoints import API
    from openai_rest._endpoints.admin import AdminAPI

    from .cases import UNCOVERED
    from .current import why_unavailable

    require("the current spec's rows (PyYAML, ../shared)", why_unavailable())
    defined = {
        (prefix + name, route.path)
        for api, prefix in ((API, ""), (AdminAPI, "admin."))
        for klass in api.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, Endpoint)
        for route in value.routes
    }
    covered = {(case.function, case.route.path) for case in [*CASES, *UNCOVERED]}
    assert defined - covered == set()
    nowhere = [c.id for c in CASES if not specs_with(c.route.method, c.route.path)]
    assert nowhere == []
    assert [specs_with(c.route.method, c.route.path) for c in UNCOVERED] == [()]


def test_spec_scan_reads_every_version() -> None:
    """The spec scan finds operations in each file (an empty scan would skip every row)."""
    counts: List[Tuple[str, int]] = [(s, len(specs_with("GET", "/files"))) for s in SPECS]
    assert all(n == len(SPECS) for _, n in counts), counts


@pytest.mark.parametrize("spec", ["openai-2023-12"])
def test_prism_refuses_an_invalid_request(spec: str, prism: Prism) -> None:
    """The run proves something only if Prism's refusals reach the test as errors."""
    client = Client(Config(api_key=API_KEY, api_url=prism.base_url, max_retries=0))
    with client, pytest.raises(openai_rest.UnprocessableEntityError) as refused:
        client.chat_completion(messages=[{"role": "user", "content": "no model"}])
    assert "model" in str(refused.value.body)


def test_a_dead_prism_is_reported_as_such() -> None:
    """A Prism process that exited is named, with its exit status and its last log lines."""
    import subprocess
    import sys
    import tempfile

    prism = Prism.__new__(Prism)
    prism.spec = "openai-test"
    prism.log = tempfile.TemporaryFile()
    prism.log.write(b"TypeError: Cannot read properties of undefined (reading 'content-type')\n")
    prism.process = subprocess.Popen(
        [sys.executable, "-c", "raise SystemExit(7)"], stdout=subprocess.PIPE
    )
    prism.process.wait()
    with pytest.raises(RuntimeError, match=r"openai-test is dead \(exit status 7\)") as dead:
        prism.check_alive()
    assert "reading 'content-type'" in str(dead.value)
    prism.stop()
