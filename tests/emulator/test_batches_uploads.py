"""Batches (run against the emulator's model) and uploads in parts, through HTTP."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any, Dict, List

from openai_rest.emulator.pytest_plugin import EmulatorHandle

from ._helpers import Api


def _line(custom_id: str, url: str, body: Any) -> Dict[str, Any]:
    return {"custom_id": custom_id, "method": "POST", "url": url, "body": body}


def _input_file(api: Api, lines: List[Any], purpose: str = "batch") -> str:
    data = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines).encode()
    answer = api.upload("/files", {"purpose": purpose}, {"file": ("input.jsonl", data)})
    assert answer.status == 200, answer.body
    file_id: str = answer.json()["id"]
    return file_id


def _create(api: Api, file_id: str, endpoint: str) -> Dict[str, Any]:
    answer = api.post(
        "/batches",
        {"input_file_id": file_id, "endpoint": endpoint, "completion_window": "24h"},
    )
    assert answer.status == 200, answer.body
    batch: Dict[str, Any] = answer.json()
    return batch


def _jsonl(api: Api, file_id: str) -> List[Dict[str, Any]]:
    return [json.loads(x) for x in api.get(f"/files/{file_id}/content").body.splitlines()]


def test_a_batch_whole_life_with_an_error_line(openai_emulator: EmulatorHandle) -> None:
    api = Api(openai_emulator.base_url)
    client = openai_emulator.client
    url = "/v1/chat/completions"
    lines = [
        _line(
            f"req-{i}",
            url,
            {"model": "gpt-4o", "messages": [{"role": "user", "content": f"echo: {i}"}]},
        )
        for i in range(5)
    ]
    lines.insert(2, _line("broken", url, {"model": "gpt-4o"}))  # no messages: a 400 line
    lines.append(_line("not-an-object", url, "nope"))  # a body that is not an object
    batch = _create(api, _input_file(api, lines), url)
    assert batch["id"].startswith("batch_") and batch["object"] == "batch"
    assert batch["status"] == "validating"
    seen = [batch["status"]]
    while batch["status"] not in ("completed", "failed"):
        batch = client.request("GET", f"/batches/{batch['id']}")
        seen.append(batch["status"])
    assert seen == ["validating", "in_progress", "finalizing", "completed"]
    assert batch["request_counts"] == {"total": 7, "completed": 5, "failed": 2}
    assert batch["model"] == "gpt-4o"
    assert batch["usage"]["total_tokens"] > 0
    for stamp in ("in_progress_at", "finalizing_at", "completed_at"):
        assert isinstance(batch[stamp], int)
    output = _jsonl(api, batch["output_file_id"])
    assert [o["custom_id"] for o in output] == [f"req-{i}" for i in range(5)]
    for i, line in enumerate(output):
        assert line["id"].startswith("batch_req_") and line["error"] is None
        assert line["response"]["status_code"] == 200
        assert line["response"]["request_id"].startswith("req_")
        assert line["response"]["body"]["choices"][0]["message"]["content"] == str(i)
    failed, odd = _jsonl(api, batch["error_file_id"])
    assert odd["custom_id"] == "not-an-object" and odd["response"] is None
    assert odd["error"]["code"] == "invalid_body"
    assert failed["custom_id"] == "broken"
    assert failed["response"]["status_code"] == 400
    assert failed["error"]["code"] == "missing_required_parameter"
    assert failed["error"]["message"]
    meta = api.get(f"/files/{batch['output_file_id']}").json()
    assert meta["purpose"] == "batch_output"
    listed = api.get("/batches?limit=100").json()
    assert batch["id"] in [b["id"] for b in listed["data"]]


def test_batches_of_every_endpoint(api: Api) -> None:
    bodies = {
        "/v1/embeddings": {"model": "text-embedding-3-small", "input": "hi", "dimensions": 8},
        "/v1/responses": {"model": "gpt-4o", "input": "echo: yes"},
        "/v1/completions": {"model": "gpt-3.5-turbo-instruct", "prompt": "Say"},
        "/v1/moderations": {"input": "I will kill it"},
    }
    for url, body in bodies.items():
        batch = _create(api, _input_file(api, [_line("only", url, body)]), url)
        for _ in range(3):
            batch = api.get(f"/batches/{batch['id']}").json()
        assert batch["status"] == "completed", batch
        assert batch["error_file_id"] is None
        (line,) = _jsonl(api, batch["output_file_id"])
        answer = line["response"]["body"]
        if url == "/v1/embeddings":
            assert len(answer["data"][0]["embedding"]) == 8
        elif url == "/v1/responses":
            assert answer["output"][0]["content"][0]["text"] == "yes"
        elif url == "/v1/moderations":
            assert answer["results"][0]["flagged"] is True
        else:
            assert answer["object"] == "text_completion"


def test_invalid_input_files_fail_the_batch(api: Api) -> None:
    url = "/v1/chat/completions"
    good = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}
    cases = {
        "invalid_json_line": [_line("a", url, good), "not json"],
        "invalid_url": [_line("a", url, good), _line("b", "/v1/embeddings", good)],
        "duplicate_custom_id": [_line("a", url, good), _line("a", url, good)],
    }
    for code, lines in cases.items():
        batch = _create(api, _input_file(api, lines), url)
        batch = api.get(f"/batches/{batch['id']}").json()
        assert batch["status"] == "failed"
        assert isinstance(batch["failed_at"], int)
        (error,) = batch["errors"]["data"]
        assert error["code"] == code and error["line"] == 2 and error["message"]
        assert api.get(f"/batches/{batch['id']}").json()["status"] == "failed"


def test_batch_create_errors_cancel_and_404(api: Api) -> None:
    url = "/v1/chat/completions"
    file_id = _input_file(api, [_line("a", url, {"model": "gpt-4o", "messages": []})])
    bad_endpoint = api.post(
        "/batches", {"input_file_id": file_id, "endpoint": "/v1/images", "completion_window": "24h"}
    )
    assert bad_endpoint.status == 400 and bad_endpoint.json()["error"]["param"] == "endpoint"
    missing = api.post("/batches", {"input_file_id": file_id, "endpoint": url})
    assert missing.json()["error"]["param"] == "completion_window"
    unknown = api.post(
        "/batches", {"input_file_id": "file-nope", "endpoint": url, "completion_window": "24h"}
    )
    assert unknown.status == 404
    wrong_purpose = _input_file(api, [_line("a", url, {})], purpose="assistants")
    assert (
        api.post(
            "/batches",
            {"input_file_id": wrong_purpose, "endpoint": url, "completion_window": "24h"},
        ).status
        == 400
    )
    batch = _create(api, file_id, url)
    cancelling = api.post(f"/batches/{batch['id']}/cancel").json()
    assert cancelling["status"] == "cancelling" and cancelling["cancelling_at"]
    cancelled = api.get(f"/batches/{batch['id']}").json()
    assert cancelled["status"] == "cancelled" and cancelled["cancelled_at"]
    assert api.post(f"/batches/{batch['id']}/cancel").status == 409
    assert api.get("/batches/batch_nope").status == 404
    assert api.post("/batches/batch_nope/cancel").status == 404


def test_a_large_batch_runs_quickly(api: Api) -> None:
    url = "/v1/embeddings"
    lines = [
        _line(f"r{i}", url, {"model": "text-embedding-3-small", "input": f"t{i}", "dimensions": 4})
        for i in range(10_000)
    ]
    batch = _create(api, _input_file(api, lines), url)
    for _ in range(3):
        batch = api.get(f"/batches/{batch['id']}").json()
    assert batch["status"] == "completed"
    assert batch["request_counts"] == {"total": 10_000, "completed": 10_000, "failed": 0}
    ids = [
        json.loads(x)["custom_id"]
        for x in api.get(f"/files/{batch['output_file_id']}/content").body.splitlines()
    ]
    assert ids == [f"r{i}" for i in range(10_000)]


# --- uploads --------------------------------------------------------------------------------


def _new_upload(api: Api, size: int, **extra: Any) -> Dict[str, Any]:
    body = {"filename": "big.bin", "purpose": "batch", "bytes": size, "mime_type": "text/jsonl"}
    answer = api.post("/uploads", {**body, **extra})
    assert answer.status == 200, answer.body
    upload: Dict[str, Any] = answer.json()
    return upload


def test_a_30_mb_upload_in_3_parts_sent_out_of_order(api: Api) -> None:
    data = os.urandom(30 * 1024 * 1024)
    third = len(data) // 3
    chunks = [data[:third], data[third : 2 * third], data[2 * third :]]
    upload = _new_upload(api, len(data))
    assert upload["id"].startswith("upload_") and upload["status"] == "pending"
    assert upload["object"] == "upload" and upload["file"] is None
    part_ids: Dict[int, str] = {}
    for index in (2, 0, 1):  # parts arrive in any order; part_ids give the file's order
        part = api.upload(
            f"/uploads/{upload['id']}/parts", {}, {"data": (f"part{index}", chunks[index])}
        ).json()
        assert part["object"] == "upload.part" and part["upload_id"] == upload["id"]
        assert part["id"].startswith("part_")
        part_ids[index] = part["id"]
    wrong = api.post(
        f"/uploads/{upload['id']}/complete",
        {"part_ids": [part_ids[0], part_ids[1], part_ids[2]], "md5": "0" * 32},
    )
    assert wrong.status == 400 and wrong.json()["error"]["param"] == "md5"
    done = api.post(
        f"/uploads/{upload['id']}/complete",
        {"part_ids": [part_ids[0], part_ids[1], part_ids[2]], "md5": hashlib.md5(data).hexdigest()},
    ).json()
    assert done["status"] == "completed"
    assert done["file"]["object"] == "file" and done["file"]["bytes"] == len(data)
    assert done["file"]["filename"] == "big.bin" and done["file"]["purpose"] == "batch"
    assert api.get(f"/files/{done['file']['id']}/content").body == data
    assert api.post(f"/uploads/{upload['id']}/cancel").status == 400


def test_upload_errors_and_cancel(api: Api) -> None:
    upload = _new_upload(api, 10)
    part = api.upload(f"/uploads/{upload['id']}/parts", {}, {"data": ("p", b"12345")}).json()
    short = api.post(f"/uploads/{upload['id']}/complete", {"part_ids": [part["id"]]})
    assert short.status == 400 and "mismatch" in short.json()["error"]["message"]
    foreign = api.post(f"/uploads/{upload['id']}/complete", {"part_ids": ["part_nope"]})
    assert foreign.status == 400 and foreign.json()["error"]["param"] == "part_ids"
    assert api.post(f"/uploads/{upload['id']}/complete", {}).json()["error"]["param"] == "part_ids"
    cancelled = api.post(f"/uploads/{upload['id']}/cancel").json()
    assert cancelled["status"] == "cancelled"
    late = api.upload(f"/uploads/{upload['id']}/parts", {}, {"data": ("p", b"x")})
    assert late.status == 400
    assert api.post("/uploads", {"filename": "a", "purpose": "batch", "bytes": 1}).status == 400
    assert api.post("/uploads/upload_nope/parts").status == 404
    assert api.post("/uploads/upload_nope/complete", {"part_ids": []}).status == 404
    assert api.post("/uploads/upload_nope/cancel").status == 404
