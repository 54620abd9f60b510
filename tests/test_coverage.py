"""Every operation of the current spec has a definition that agrees with it (scripts/coverage.py).

Agreeing: the method and path (parameter names aside), the namespace (admin operations under
``admin.``), the name that the naming rule of docs/naming.md gives, the body kind and the
multipart file fields. docs/coverage.md, generated from the same comparison, must be current.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any, List

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coverage_script", ROOT / "scripts/coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cov = _load()


@pytest.fixture(scope="module")
def operations() -> List[Any]:
    reason = cov.why_unavailable()
    if reason:
        pytest.skip(f"coverage check needs the current spec: {reason}")
    return list(cov.load_spec())


def test_the_spec_has_its_operations(operations: List[Any]) -> None:
    assert len(operations) >= 288
    assert len({(op.method, op.path) for op in operations}) == len(operations)


def test_every_operation_is_defined(operations: List[Any]) -> None:
    rows, _, _ = cov.coverage(operations)
    missing = [f"{op.operation_id}: {op.method} {op.path}" for op, d in rows if d is None]
    assert missing == []


def test_definitions_agree_with_the_spec(operations: List[Any]) -> None:
    _, problems, _ = cov.coverage(operations)
    assert problems == []


LEGACY = {
    ("POST", "/engines/{engine_id}/completions"),
    ("GET", "/engines"),
    ("GET", "/engines/{engine_id}"),
    ("POST", "/edits"),
    ("GET", "/fine-tunes"),
    ("GET", "/fine-tunes/{fine_tune_id}"),
    ("POST", "/fine-tunes"),
    ("GET", "/fine-tunes/{fine_tune_id}/events"),
    ("POST", "/fine-tunes/{fine_tune_id}/cancel"),
    ("GET", "/assistants/{assistant_id}/files"),
    ("GET", "/assistants/{assistant_id}/files/{file_id}"),
    ("POST", "/assistants/{assistant_id}/files"),
    ("DELETE", "/assistants/{assistant_id}/files/{file_id}"),
    ("GET", "/threads"),
    ("GET", "/threads/{thread_id}/messages/{message_id}/files"),
    ("GET", "/threads/{thread_id}/messages/{message_id}/files/{file_id}"),
}
"""The seed's calls that today's spec no longer has (older specs and the emulator test them)."""


def test_only_legacy_routes_are_outside_the_spec(operations: List[Any]) -> None:
    """A definition whose method and path the spec lacks is a typo, unless it is seed legacy."""
    _, _, extra = cov.coverage(operations)
    assert {(d.route.method, d.route.path) for d in extra} == LEGACY


def test_coverage_table_is_current(operations: List[Any]) -> None:
    assert cov.TARGET.read_text(encoding="utf-8") == cov.render(operations), (
        "docs/coverage.md is stale: run python scripts/coverage.py --write"
    )


@pytest.mark.parametrize(
    ("method", "path", "operation_id", "name"),
    [
        ("GET", "/batches", "listBatches", "batches"),
        ("GET", "/batches/{batch_id}", "retrieveBatch", "batches"),
        ("POST", "/batches/{batch_id}/cancel", "cancelBatch", "batches_cancel"),
        ("POST", "/uploads/{upload_id}/complete", "completeUpload", "uploads_complete"),
        ("POST", "/fine_tuning/jobs/{id}/pause", "pauseFineTuningJob", "fine_tuning_jobs_pause"),
        ("GET", "/vector_stores/{vs}/files", "listVectorStoreFiles", "vector_store_files"),
        ("GET", "/vector_stores/{vs}/files/{f}", "getVectorStoreFile", "vector_store_file"),
        ("POST", "/vector_stores/{vs}/files", "createVectorStoreFile", "vector_store_file_create"),
        ("GET", "/vector_stores/{vs}/files/{f}/content", "x", "vector_store_file_content"),
        ("POST", "/threads/{t}/messages", "createMessage", "thread_message_create"),
        ("POST", "/threads/{t}/runs/{r}/cancel", "cancelRun", "thread_run_cancel"),
        ("POST", "/vector_stores/{vs}", "modifyVectorStore", "vector_stores_modify"),
        ("POST", "/evals/{e}", "updateEval", "evals_update"),
        ("GET", "/organization/data_retention", "retrieve", "data_retention"),
        ("POST", "/organization/data_retention", "update-data-retention", "data_retention_update"),
        ("GET", "/organization/projects/{p}/users", "list-project-users", "project_users"),
        ("GET", "/organization/usage/completions", "usage-completions", "usage_completions"),
        ("GET", "/responses/{r}?beta=true", "beta_getResponse", "responses_beta"),
        ("GET", "/responses/{r}/input_items", "listInputItems", "response_input_items"),
    ],
)
def test_naming_rule(method: str, path: str, operation_id: str, name: str) -> None:
    assert cov.rule_name(method, path, operation_id) == name
