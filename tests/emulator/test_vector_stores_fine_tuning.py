"""Vector stores (files, file batches, search) and fine-tuning jobs, through HTTP."""

from __future__ import annotations

import json
from typing import Any, Dict

from openai_rest.emulator.pytest_plugin import EmulatorHandle

from ._helpers import Api

CATS = b"Cats purr and sleep all day.\n\nA cat chases mice at night in the barn."
SHIPS = b"Ships sail across the sea.\n\nThe harbour is full of boats and sailors."


def _file(api: Api, name: str, data: bytes, purpose: str = "assistants") -> str:
    answer = api.upload("/files", {"purpose": purpose}, {"file": (name, data)})
    assert answer.status == 200, answer.body
    file_id: str = answer.json()["id"]
    return file_id


def test_vector_store_life_and_search(api: Api) -> None:
    cats, ships = _file(api, "cats.txt", CATS), _file(api, "ships.txt", SHIPS)
    store = api.post(
        "/vector_stores", {"name": "docs", "file_ids": [cats], "metadata": {"k": "v"}}
    ).json()
    assert store["id"].startswith("vs_") and store["object"] == "vector_store"
    assert store["status"] == "completed" and store["name"] == "docs"
    assert store["file_counts"]["completed"] == store["file_counts"]["total"] == 1
    assert store["usage_bytes"] == len(CATS)
    vs = store["id"]
    attached = api.post(
        f"/vector_stores/{vs}/files", {"file_id": ships, "attributes": {"topic": "sea"}}
    ).json()
    assert attached["object"] == "vector_store.file" and attached["status"] == "completed"
    assert attached["vector_store_id"] == vs and attached["attributes"] == {"topic": "sea"}
    listed = api.get(f"/vector_stores/{vs}/files?order=asc").json()
    assert [f["id"] for f in listed["data"]] == [cats, ships]
    content = api.get(f"/vector_stores/{vs}/files/{cats}/content").json()
    assert [c["text"] for c in content["data"]] == [
        "Cats purr and sleep all day.",
        "A cat chases mice at night in the barn.",
    ]

    found = api.post(f"/vector_stores/{vs}/search", {"query": "cat chases mice"}).json()
    assert found["object"] == "vector_store.search_results.page"
    assert found["search_query"] == ["cat chases mice"]
    top = found["data"][0]
    assert top["file_id"] == cats and top["filename"] == "cats.txt" and top["score"] == 1.0
    assert top["content"][0]["text"].startswith("A cat chases mice")
    scores = [hit["score"] for hit in found["data"]]
    assert scores == sorted(scores, reverse=True)
    sea = api.post(
        f"/vector_stores/{vs}/search",
        {"query": "the sea", "filters": {"type": "eq", "key": "topic", "value": "sea"}},
    ).json()
    assert {hit["file_id"] for hit in sea["data"]} == {ships}
    one = api.post(f"/vector_stores/{vs}/search", {"query": "the", "max_num_results": 1}).json()
    assert len(one["data"]) == 1

    updated = api.post(f"/vector_stores/{vs}/files/{ships}", {"attributes": {"n": 1}}).json()
    assert updated["attributes"] == {"n": 1}
    modified = api.post(f"/vector_stores/{vs}", {"name": "renamed"}).json()
    assert modified["name"] == "renamed"
    gone = api.delete(f"/vector_stores/{vs}/files/{ships}").json()
    assert gone == {"id": ships, "object": "vector_store.file.deleted", "deleted": True}
    assert api.get(f"/vector_stores/{vs}/files/{ships}").status == 404
    assert api.get(f"/vector_stores/{vs}").json()["file_counts"]["total"] == 1
    assert vs in [s["id"] for s in api.get("/vector_stores?limit=100").json()["data"]]
    deleted = api.delete(f"/vector_stores/{vs}").json()
    assert deleted == {"id": vs, "object": "vector_store.deleted", "deleted": True}
    assert api.get(f"/vector_stores/{vs}").status == 404
    assert api.post(f"/vector_stores/{vs}/search", {"query": "x"}).status == 404


def test_vector_store_file_batches(api: Api) -> None:
    cats, ships = _file(api, "cats.txt", CATS), _file(api, "ships.txt", SHIPS)
    vs = api.post("/vector_stores", {"name": "b"}).json()["id"]
    batch = api.post(f"/vector_stores/{vs}/file_batches", {"file_ids": [cats, ships]}).json()
    assert batch["id"].startswith("vsfb_") and batch["object"] == "vector_store.files_batch"
    assert batch["status"] == "in_progress" and batch["file_counts"]["in_progress"] == 2
    assert "_file_ids" not in batch
    assert api.get(f"/vector_stores/{vs}").json()["status"] == "in_progress"
    done = api.get(f"/vector_stores/{vs}/file_batches/{batch['id']}").json()
    assert done["status"] == "completed" and done["file_counts"]["completed"] == 2
    files = api.get(f"/vector_stores/{vs}/file_batches/{batch['id']}/files").json()
    assert {f["id"] for f in files["data"]} == {cats, ships}
    assert api.post(f"/vector_stores/{vs}/file_batches/{batch['id']}/cancel").status == 400
    other = api.post(f"/vector_stores/{vs}/file_batches", {"file_ids": [cats]}).json()
    cancelled = api.post(f"/vector_stores/{vs}/file_batches/{other['id']}/cancel").json()
    assert cancelled["status"] == "cancelled" and cancelled["file_counts"]["cancelled"] == 1
    assert api.get(f"/vector_stores/{vs}/file_batches/vsfb_nope").status == 404
    assert api.post(f"/vector_stores/{vs}/file_batches", {"file_ids": ["file-nope"]}).status == 404
    assert api.post(f"/vector_stores/{vs}/files", {"file_id": "file-nope"}).status == 404


def _training_file(api: Api) -> str:
    lines = [
        {"messages": [{"role": "user", "content": f"q{i}"}, {"role": "assistant", "content": "a"}]}
        for i in range(5)
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    return _file(api, "train.jsonl", data, purpose="fine-tune")


def test_fine_tuning_job_life(openai_emulator: EmulatorHandle) -> None:
    api = Api(openai_emulator.base_url)
    client = openai_emulator.client
    job: Dict[str, Any] = client.request(
        "POST",
        "/fine_tuning/jobs",
        {
            "model": "gpt-4o-mini",
            "training_file": _training_file(api),
            "suffix": "demo",
            "metadata": {"run": "t1"},
        },
    )
    assert job["id"].startswith("ftjob-") and job["object"] == "fine_tuning.job"
    assert job["status"] == "validating_files" and job["fine_tuned_model"] is None
    seen = [job["status"]]
    while job["status"] not in ("succeeded", "failed", "cancelled"):
        job = client.request("GET", f"/fine_tuning/jobs/{job['id']}")
        seen.append(job["status"])
    assert seen == ["validating_files", "queued", "running", "succeeded"]
    name = job["fine_tuned_model"]
    assert name.startswith("ft:gpt-4o-mini:org-emulator:demo:")
    assert job["finished_at"] and job["trained_tokens"] > 0
    assert job["hyperparameters"]["n_epochs"] == 3
    assert api.get(f"/models/{name}").status == 200
    result = api.get(f"/files/{job['result_files'][0]}/content").body.decode()
    assert result.startswith("step,train_loss")
    events = api.get(f"/fine_tuning/jobs/{job['id']}/events?limit=100").json()["data"]
    assert events[0]["message"] == "The job has successfully completed"  # newest first
    assert all(e["object"] == "fine_tuning.job.event" for e in events)
    assert any(e.get("type") == "metrics" for e in events)
    checkpoints = api.get(f"/fine_tuning/jobs/{job['id']}/checkpoints").json()["data"]
    assert [c["step_number"] for c in checkpoints] == [30, 20, 10]
    assert checkpoints[0]["fine_tuned_model_checkpoint"] == f"{name}:ckpt-step-30"
    mine = api.get("/fine_tuning/jobs?metadata[run]=t1").json()["data"]
    assert [j["id"] for j in mine] == [job["id"]]


def test_fine_tuning_pause_resume_cancel_and_errors(api: Api) -> None:
    training = _training_file(api)
    job = api.post("/fine_tuning/jobs", {"model": "gpt-4o-mini", "training_file": training}).json()
    path = f"/fine_tuning/jobs/{job['id']}"
    assert api.post(path + "/pause").status == 400  # not running yet
    for _ in range(2):
        api.get(path)
    assert api.post(path + "/pause").json()["status"] == "paused"
    assert api.get(path).json()["status"] == "paused"  # a paused job stays put
    assert api.post(path + "/resume").json()["status"] == "running"
    assert api.post(path + "/cancel").json()["status"] == "cancelled"
    assert api.post(path + "/cancel").status == 400
    bad = _file(api, "bad.jsonl", b"not json\n", purpose="fine-tune")
    failing = api.post("/fine_tuning/jobs", {"model": "gpt-4o-mini", "training_file": bad}).json()
    failed = api.get(f"/fine_tuning/jobs/{failing['id']}").json()
    assert failed["status"] == "failed" and failed["error"]["code"] == "invalid_training_file"
    wrong = _file(api, "x.jsonl", b"{}", purpose="assistants")
    assert (
        api.post("/fine_tuning/jobs", {"model": "gpt-4o-mini", "training_file": wrong}).status
        == 400
    )
    missing = api.post("/fine_tuning/jobs", {"model": "gpt-4o-mini"})
    assert missing.json()["error"]["param"] == "training_file"
    assert (
        api.post("/fine_tuning/jobs", {"model": "gpt-4o-mini", "training_file": "file-nope"}).status
        == 404
    )
    for answer in (
        api.get("/fine_tuning/jobs/ftjob-nope"),
        api.get("/fine_tuning/jobs/ftjob-nope/events"),
        api.get("/fine_tuning/jobs/ftjob-nope/checkpoints"),
        api.post("/fine_tuning/jobs/ftjob-nope/cancel"),
    ):
        assert answer.status == 404
