"""The Responses API and Conversations, through HTTP."""

from __future__ import annotations

import json
from typing import Any, Dict, List

from ._helpers import Api

WEATHER = {
    "type": "function",
    "name": "get_weather",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
}


def _text(response: Dict[str, Any]) -> str:
    return "".join(
        part["text"]
        for item in response["output"]
        if item["type"] == "message"
        for part in item["content"]
    )


def test_response_object_shape_and_retrieve(api: Api) -> None:
    answer = api.post(
        "/responses", {"model": "gpt-4o", "input": "Hello there", "instructions": "Be brief."}
    )
    assert answer.status == 200
    response = answer.json()
    assert response["id"].startswith("resp_")
    assert response["object"] == "response"
    assert response["status"] == "completed"
    assert response["instructions"] == "Be brief."
    assert "output_text" not in response  # a convenience of clients, not of the API
    (message,) = response["output"]
    assert message["id"].startswith("msg_") and message["role"] == "assistant"
    assert message["content"][0]["type"] == "output_text" and _text(response)
    usage = response["usage"]
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"] > 0
    assert api.get(f"/responses/{response['id']}").json() == response
    items = api.get(f"/responses/{response['id']}/input_items").json()
    assert items["object"] == "list"
    assert [i["content"][0]["text"] for i in items["data"]] == ["Hello there"]
    # the same input gives the same answer
    again = api.post(
        "/responses", {"model": "gpt-4o", "input": "Hello there", "instructions": "Be brief."}
    )
    assert _text(again.json()) == _text(response)


def test_input_as_items_and_echo(api: Api) -> None:
    items = [
        {"role": "developer", "content": "Answer plainly."},
        {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "echo: ok"}],
        },
    ]
    response = api.post("/responses", {"model": "gpt-4o", "input": items}).json()
    assert _text(response) == "ok"


def test_previous_response_id_chains_the_conversation(api: Api) -> None:
    first = api.post("/responses", {"model": "gpt-4o", "input": "Tell me a story"}).json()
    second = api.post(
        "/responses",
        {"model": "gpt-4o", "input": "And then?", "previous_response_id": first["id"]},
    ).json()
    alone = api.post("/responses", {"model": "gpt-4o", "input": "And then?"}).json()
    assert second["previous_response_id"] == first["id"]
    assert _text(second) != _text(alone)  # the answer depends on the whole chain
    other_first = api.post("/responses", {"model": "gpt-4o", "input": "Another tale"}).json()
    other = api.post(
        "/responses",
        {"model": "gpt-4o", "input": "And then?", "previous_response_id": other_first["id"]},
    ).json()
    assert _text(other) != _text(second)
    assert second["usage"]["input_tokens"] > alone["usage"]["input_tokens"]
    missing = api.post(
        "/responses", {"model": "gpt-4o", "input": "x", "previous_response_id": "resp_nope"}
    )
    assert missing.status == 404
    assert missing.json()["error"]["param"] == "previous_response_id"


def test_function_call_and_its_output_resume(api: Api) -> None:
    call = api.post(
        "/responses",
        {"model": "gpt-4o", "input": "What is the weather? Call get_weather.", "tools": [WEATHER]},
    ).json()
    (item,) = call["output"]
    assert item["type"] == "function_call" and item["name"] == "get_weather"
    assert item["id"].startswith("fc_") and item["call_id"].startswith("call_")
    assert set(json.loads(item["arguments"])) == {"city"}
    resumed = api.post(
        "/responses",
        {
            "model": "gpt-4o",
            "previous_response_id": call["id"],
            "tools": [WEATHER],
            "input": [
                {"type": "function_call_output", "call_id": item["call_id"], "output": "sunny"}
            ],
        },
    ).json()
    assert resumed["output"][0]["type"] == "message"
    assert "sunny" in _text(resumed)


def test_store_false_delete_and_404s(api: Api) -> None:
    unstored = api.post("/responses", {"model": "gpt-4o", "input": "hi", "store": False}).json()
    assert unstored["store"] is False
    assert api.get(f"/responses/{unstored['id']}").status == 404
    stored = api.post("/responses", {"model": "gpt-4o", "input": "hi"}).json()
    gone = api.delete(f"/responses/{stored['id']}").json()
    assert gone == {"id": stored["id"], "object": "response", "deleted": True}
    for answer in (
        api.get(f"/responses/{stored['id']}"),
        api.delete("/responses/resp_nope"),
        api.get("/responses/resp_nope/input_items"),
        api.post("/responses/resp_nope/cancel"),
    ):
        assert answer.status == 404
    assert api.post("/responses", {"input": "hi"}).json()["error"]["param"] == "model"


def test_background_response_progresses_and_cancels(api: Api) -> None:
    response = api.post("/responses", {"model": "gpt-4o", "input": "hi", "background": True}).json()
    assert response["status"] == "queued" and response["output"] == []
    statuses = [api.get(f"/responses/{response['id']}").json()["status"] for _ in range(3)]
    assert statuses == ["in_progress", "completed", "completed"]
    other = api.post("/responses", {"model": "gpt-4o", "input": "hi", "background": True}).json()
    assert api.post(f"/responses/{other['id']}/cancel").json()["status"] == "cancelled"
    plain = api.post("/responses", {"model": "gpt-4o", "input": "hi"}).json()
    assert api.post(f"/responses/{plain['id']}/cancel").status == 400


def test_stream_sends_the_typed_events_in_order(api: Api) -> None:
    answer = api.post("/responses", {"model": "gpt-4o", "input": "Hello", "stream": True})
    assert answer.headers["content-type"].startswith("text/event-stream")
    events = answer.events()
    names = [name for name, _ in events]
    datas = [json.loads(data) for _, data in events]
    assert "[DONE]" not in [data for _, data in events]
    assert [d["type"] for d in datas] == names
    assert [d["sequence_number"] for d in datas] == list(range(len(datas)))
    deltas = names.count("response.output_text.delta")
    assert deltas >= 2
    assert names == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * deltas,
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    final = datas[-1]["response"]
    text = "".join(d["delta"] for d in datas if d["type"] == "response.output_text.delta")
    assert text == _text(final) == datas[names.index("response.output_text.done")]["text"]
    assert datas[0]["response"]["status"] == "in_progress"
    assert api.get(f"/responses/{final['id']}").json()["output"] == final["output"]


def test_stream_of_a_function_call(api: Api) -> None:
    answer = api.post(
        "/responses",
        {"model": "gpt-4o", "input": "call get_weather", "tools": [WEATHER], "stream": True},
    )
    datas = [json.loads(data) for _, data in answer.events()]
    names = [d["type"] for d in datas]
    assert names[:3] == ["response.created", "response.in_progress", "response.output_item.added"]
    assert names[-3:] == [
        "response.function_call_arguments.done",
        "response.output_item.done",
        "response.completed",
    ]
    arguments = "".join(
        d["delta"] for d in datas if d["type"] == "response.function_call_arguments.delta"
    )
    assert arguments == datas[-1]["response"]["output"][0]["arguments"]


def test_stream_faults(api: Api, unique: str) -> None:
    body = {"model": "gpt-4o", "input": "Hello", "stream": True}
    failed = api.post("/responses", body, headers={"x-emulate-fault": "stream-error-after=3"})
    events = failed.events()
    assert len(events) == 4 and events[-1][0] == "error"
    error = json.loads(events[-1][1])
    assert error["type"] == "error" and error["message"] and error["sequence_number"] == 3
    cut = api.post("/responses", body, headers={"x-emulate-fault": "stream-cut-after=2"})
    assert [name for name, _ in cut.events()] == ["response.created", "response.in_progress"]


def test_conversation_life_and_responses_append_to_it(api: Api) -> None:
    created = api.post(
        "/conversations",
        {"metadata": {"topic": "demo"}, "items": [{"role": "user", "content": "Hi, I am Ann."}]},
    ).json()
    conv = created["id"]
    assert conv.startswith("conv_") and created["object"] == "conversation"
    assert api.get(f"/conversations/{conv}").json() == created
    updated = api.post(f"/conversations/{conv}", {"metadata": {"topic": "new"}}).json()
    assert updated["metadata"] == {"topic": "new"}
    added = api.post(
        f"/conversations/{conv}/items",
        {"items": [{"type": "message", "role": "user", "content": "What is my name?"}]},
    ).json()
    assert added["object"] == "list" and len(added["data"]) == 1
    response = api.post(
        "/responses", {"model": "gpt-4o", "conversation": conv, "input": "Answer please."}
    ).json()
    assert response["conversation"] == {"id": conv}
    items: List[Dict[str, Any]] = api.get(f"/conversations/{conv}/items?order=asc").json()["data"]
    assert [i.get("role") for i in items] == ["user", "user", "user", "assistant"]
    assert items[-1]["id"] == response["output"][0]["id"]
    one = api.get(f"/conversations/{conv}/items/{items[0]['id']}").json()
    assert one["content"] == [{"type": "input_text", "text": "Hi, I am Ann."}]
    after = api.delete(f"/conversations/{conv}/items/{items[0]['id']}").json()
    assert after["id"] == conv
    assert api.get(f"/conversations/{conv}/items/{items[0]['id']}").status == 404
    both = api.post(
        "/responses",
        {"model": "gpt-4o", "conversation": conv, "previous_response_id": response["id"]},
    )
    assert both.status == 400
    gone = api.delete(f"/conversations/{conv}").json()
    assert gone == {"id": conv, "object": "conversation.deleted", "deleted": True}
    assert api.get(f"/conversations/{conv}").status == 404
    assert api.get(f"/conversations/{conv}/items").status == 404
    assert api.post("/responses", {"model": "gpt-4o", "conversation": conv}).status == 404
