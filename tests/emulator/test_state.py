"""Files, paging and the Assistants API's whole life, through HTTP."""

from __future__ import annotations

import json
from typing import Any, Dict, List

from hypothesis import given
from hypothesis import strategies as st

from openai_rest.emulator import Emulator
from openai_rest.emulator._state import paginate
from openai_rest.emulator.pytest_plugin import EmulatorHandle

from ._helpers import Api

FUNCTION_TOOL = {
    "type": "function",
    "function": {
        "name": "lookup_order",
        "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}},
    },
}


@given(
    count=st.integers(0, 30),
    limit=st.integers(1, 7),
    order=st.sampled_from(["asc", "desc"]),
)
def test_paging_after_visits_every_item_once(count: int, limit: int, order: str) -> None:
    items = [{"id": f"obj_{i:03d}"} for i in range(count)]
    expected = [o["id"] for o in (items if order == "asc" else items[::-1])]
    seen: List[str] = []
    query: Dict[str, str] = {"limit": str(limit), "order": order}
    while True:
        page = paginate(items, query)
        seen += [o["id"] for o in page["data"]]
        assert page["first_id"] == (page["data"][0]["id"] if page["data"] else None)
        if not page["has_more"]:
            break
        query["after"] = page["last_id"]
    assert seen == expected
    # walking back with ``before`` from the end gives the same items
    back: List[str] = []
    query = {"limit": str(limit), "order": order}
    if expected:
        back = [expected[-1]]
        query["before"] = expected[-1]
        while True:
            page = paginate(items, query)
            back = [o["id"] for o in page["data"]] + back
            if not page["has_more"]:
                break
            query["before"] = page["first_id"]
    assert back == expected


def test_paging_rejects_bad_parameters(api: Api) -> None:
    assert api.get("/assistants?limit=0").json()["error"]["param"] == "limit"
    assert api.get("/assistants?order=sideways").json()["error"]["param"] == "order"


def test_files_upload_list_content_delete(api: Api) -> None:
    data = b'{"prompt": "a", "completion": "b"}\n' * 100
    up = api.upload("/files", {"purpose": "fine-tune"}, {"file": ("train.jsonl", data)}).json()
    assert up["id"].startswith("file-") and up["bytes"] == len(data)
    assert up["filename"] == "train.jsonl" and up["purpose"] == "fine-tune"
    assert api.get(f"/files/{up['id']}").json() == up
    assert api.get(f"/files/{up['id']}/content").body == data
    listed = api.get("/files?purpose=fine-tune").json()
    assert up["id"] in [f["id"] for f in listed["data"]]
    assert all(f["purpose"] == "fine-tune" for f in listed["data"])
    gone = api.delete(f"/files/{up['id']}").json()
    assert gone == {"id": up["id"], "object": "file", "deleted": True}
    assert api.get(f"/files/{up['id']}").status == 404
    assert api.get(f"/files/{up['id']}/content").status == 404
    missing = api.upload("/files", {}, {"file": ("x.jsonl", b"{}")})
    assert missing.status == 400 and missing.json()["error"]["param"] == "purpose"


def test_files_survive_a_restart_with_a_data_dir(tmp_path: Any) -> None:
    with Emulator(data_dir=str(tmp_path)) as base_url:
        up = Api(base_url).upload("/files", {"purpose": "assistants"}, {"file": ("a.txt", b"hi")})
    with Emulator(data_dir=str(tmp_path)) as base_url:
        again = Api(base_url)
        assert again.get(f"/files/{up.json()['id']}").json() == up.json()
        assert again.get(f"/files/{up.json()['id']}/content").body == b"hi"


def test_legacy_fine_tune_moves_along(api: Api) -> None:
    up = api.upload("/files", {"purpose": "fine-tune"}, {"file": ("t.jsonl", b"{}\n")}).json()
    job = api.post("/fine-tunes", {"training_file": up["id"], "model": "curie"}).json()
    assert job["id"].startswith("ft-") and job["status"] == "pending"
    statuses = [api.get(f"/fine-tunes/{job['id']}").json()["status"] for _ in range(3)]
    assert statuses == ["running", "succeeded", "succeeded"]
    model = api.get(f"/fine-tunes/{job['id']}").json()["fine_tuned_model"]
    assert api.get(f"/models/{model}").status == 200
    assert len(api.get(f"/fine-tunes/{job['id']}/events").json()["data"]) == 3
    assert api.delete(f"/models/{model}").json()["deleted"] is True
    other = api.post("/fine-tunes", {"training_file": up["id"]}).json()
    assert api.post(f"/fine-tunes/{other['id']}/cancel").json()["status"] == "cancelled"
    assert api.post("/fine-tunes", {"training_file": "file-nope"}).status == 404


def test_assistant_life_with_a_tool_call(api: Api) -> None:
    up = api.upload("/files", {"purpose": "assistants"}, {"file": ("doc.txt", b"hello")}).json()
    assistant = api.post(
        "/assistants", {"model": "gpt-4o", "name": "Helper", "tools": [FUNCTION_TOOL]}
    ).json()
    assert assistant["id"].startswith("asst_") and assistant["tools"] == [FUNCTION_TOOL]
    renamed = api.post(f"/assistants/{assistant['id']}", {"name": "Renamed"}).json()
    assert renamed["name"] == "Renamed"
    thread = api.post("/threads", {"metadata": {"user": "u1"}}).json()
    assert thread["id"].startswith("thread_")
    assert thread["id"] in [t["id"] for t in api.get("/threads").json()["data"]]
    tid = thread["id"]
    message = api.post(
        f"/threads/{tid}/messages",
        {"role": "user", "content": "Where is my order?", "attachments": [{"file_id": up["id"]}]},
    ).json()
    assert message["id"].startswith("msg_")
    assert message["content"][0]["text"]["value"] == "Where is my order?"
    files = api.get(f"/threads/{tid}/messages/{message['id']}/files").json()["data"]
    assert [f["id"] for f in files] == [up["id"]]

    run = api.post(f"/threads/{tid}/runs", {"assistant_id": assistant["id"]}).json()
    assert run["id"].startswith("run_") and run["status"] == "queued"
    seen = [api.get(f"/threads/{tid}/runs/{run['id']}").json() for _ in range(2)]
    assert [r["status"] for r in seen] == ["in_progress", "requires_action"]
    calls = seen[-1]["required_action"]["submit_tool_outputs"]["tool_calls"]
    assert calls[0]["function"]["name"] == "lookup_order"
    assert "order_id" in json.loads(calls[0]["function"]["arguments"])
    wrong = api.post(f"/threads/{tid}/runs/{run['id']}/submit_tool_outputs", {"tool_outputs": []})
    assert wrong.status == 400
    outputs = [{"tool_call_id": calls[0]["id"], "output": "shipped"}]
    resumed = api.post(
        f"/threads/{tid}/runs/{run['id']}/submit_tool_outputs", {"tool_outputs": outputs}
    ).json()
    assert resumed["status"] == "queued" and resumed["required_action"] is None
    statuses = [api.get(f"/threads/{tid}/runs/{run['id']}").json()["status"] for _ in range(3)]
    assert statuses == ["in_progress", "completed", "completed"]
    done = api.get(f"/threads/{tid}/runs/{run['id']}").json()
    assert done["usage"]["total_tokens"] > 0 and done["completed_at"]

    messages = api.get(f"/threads/{tid}/messages").json()["data"]  # newest first
    assert [m["role"] for m in messages] == ["assistant", "user"]
    assert "shipped" in messages[0]["content"][0]["text"]["value"]
    assert messages[0]["run_id"] == run["id"]
    steps = api.get(f"/threads/{tid}/runs/{run['id']}/steps?order=asc").json()["data"]
    assert [s["type"] for s in steps] == ["tool_calls", "message_creation"]
    assert steps[0]["step_details"]["tool_calls"][0]["function"]["output"] == "shipped"
    step = api.get(f"/threads/{tid}/runs/{run['id']}/steps/{steps[1]['id']}").json()
    assert step["step_details"]["message_creation"]["message_id"] == messages[0]["id"]

    first = api.get(f"/threads/{tid}/messages?limit=1").json()
    assert first["has_more"] and first["data"][0]["id"] == messages[0]["id"]
    rest = api.get(f"/threads/{tid}/messages?limit=1&after={first['last_id']}").json()
    assert not rest["has_more"] and rest["data"][0]["id"] == messages[1]["id"]

    assert api.delete(f"/assistants/{assistant['id']}").json()["object"] == "assistant.deleted"
    assert api.delete(f"/threads/{tid}").json()["deleted"] is True
    assert api.get(f"/threads/{tid}").status == 404


def test_run_without_tools_and_cancel(api: Api) -> None:
    assistant = api.post("/assistants", {"model": "gpt-4o"}).json()
    thread = api.post(
        "/threads", {"messages": [{"role": "user", "content": "echo: the answer"}]}
    ).json()
    tid = thread["id"]
    run = api.post(f"/threads/{tid}/runs", {"assistant_id": assistant["id"]}).json()
    for _ in range(2):
        latest = api.get(f"/threads/{tid}/runs/{run['id']}").json()
    assert latest["status"] == "completed"
    reply = api.get(f"/threads/{tid}/messages?order=desc&limit=1").json()["data"][0]
    assert reply["content"][0]["text"]["value"] == "the answer"
    assert api.post(f"/threads/{tid}/runs/{run['id']}/cancel").status == 400

    other = api.post(f"/threads/{tid}/runs", {"assistant_id": assistant["id"]}).json()
    cancelling = api.post(f"/threads/{tid}/runs/{other['id']}/cancel").json()
    assert cancelling["status"] == "cancelling"
    assert api.get(f"/threads/{tid}/runs/{other['id']}").json()["status"] == "cancelled"
    runs = api.get(f"/threads/{tid}/runs").json()["data"]
    assert [r["id"] for r in runs] == [other["id"], run["id"]]
    assert api.post(f"/threads/{tid}/runs", {"assistant_id": "asst_nope"}).status == 404


def test_run_stream_sends_the_assistant_events(api: Api) -> None:
    assistant = api.post("/assistants", {"model": "gpt-4o", "tools": [FUNCTION_TOOL]}).json()
    body = {
        "assistant_id": assistant["id"],
        "thread": {"messages": [{"role": "user", "content": "Check order 42"}]},
        "stream": True,
    }
    answer = api.post("/threads/runs", body)
    assert answer.headers["content-type"].startswith("text/event-stream")
    names = [e for e, _ in answer.events()]
    assert names[:3] == ["thread.run.created", "thread.run.queued", "thread.run.in_progress"]
    assert "thread.run.step.delta" in names
    assert names[-2:] == ["thread.run.requires_action", "done"]
    assert answer.events()[-1][1] == "[DONE]"
    run = json.loads(answer.events()[-2][1])
    call = run["required_action"]["submit_tool_outputs"]["tool_calls"][0]
    more = api.post(
        f"/threads/{run['thread_id']}/runs/{run['id']}/submit_tool_outputs",
        {"tool_outputs": [{"tool_call_id": call["id"], "output": "ok"}], "stream": True},
    )
    events = more.events()
    names = [e for e, _ in events]
    assert "thread.message.delta" in names and names[-2:] == ["thread.run.completed", "done"]
    completed = json.loads(next(d for e, d in events if e == "thread.message.completed"))
    text = "".join(
        json.loads(d)["delta"]["content"][0]["text"]["value"]
        for e, d in events
        if e == "thread.message.delta"
    )
    assert completed["content"][0]["text"]["value"] == text


def test_v1_assistant_files(api: Api) -> None:
    up = api.upload("/files", {"purpose": "assistants"}, {"file": ("k.txt", b"k")}).json()
    assistant = api.post(
        "/assistants", {"model": "gpt-4"}, headers={"OpenAI-Beta": "assistants=v1"}
    )
    aid = assistant.json()["id"]
    assert assistant.json()["file_ids"] == []
    link = api.post(f"/assistants/{aid}/files", {"file_id": up["id"]}).json()
    assert link == {**link, "id": up["id"], "object": "assistant.file", "assistant_id": aid}
    assert api.get(f"/assistants/{aid}/files").json()["data"] == [link]
    assert api.get(f"/assistants/{aid}/files/{up['id']}").json() == link
    assert api.delete(f"/assistants/{aid}/files/{up['id']}").json()["deleted"] is True
    assert api.get(f"/assistants/{aid}/files/{up['id']}").status == 404
    assert api.post(f"/assistants/{aid}/files", {"file_id": "file-nope"}).status == 404


def test_fixture_exposes_state(openai_emulator: EmulatorHandle, api: Api) -> None:
    created = api.post("/assistants", {"model": "gpt-4o"}).json()
    assert openai_emulator.state.assistants.get(created["id"])["model"] == "gpt-4o"
    assert openai_emulator.base_url.endswith("/v1")
