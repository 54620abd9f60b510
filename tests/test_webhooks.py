"""Webhook signatures against the reference ``standardwebhooks`` package, both ways."""

from __future__ import annotations

import base64
import json
import time
from datetime import datetime, timezone
from typing import Any, Dict, List

import pytest

import openai_rest
from openai_rest import webhooks
from openai_rest.webhooks import InvalidWebhookSignatureError, sign, unwrap, verify_signature

standardwebhooks = pytest.importorskip("standardwebhooks.webhooks")

SECRET = "whsec_" + base64.b64encode(b"a-thirty-two-byte-webhook-secret").decode()
OTHER = "whsec_" + base64.b64encode(b"another-secret-of-the-same-size!").decode()
EVENT = {"id": "evt_1", "object": "event", "type": "response.completed", "data": {"id": "r_1"}}
BODY = json.dumps(EVENT)


def reference_headers(secret: str, body: str, when: float, msg_id: str = "wh_1") -> Dict[str, str]:
    stamp = datetime.fromtimestamp(when, tz=timezone.utc)
    signature = standardwebhooks.Webhook(secret).sign(msg_id, stamp, body)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(when)),
        "webhook-signature": signature,
    }


def test_reference_signatures_verify_with_ours() -> None:
    headers = reference_headers(SECRET, BODY, time.time())
    verify_signature(BODY, headers, secret=SECRET)
    verify_signature(BODY.encode(), headers, secret=SECRET)
    assert unwrap(BODY, headers, secret=SECRET) == EVENT


def test_our_signatures_verify_with_the_reference() -> None:
    for body in (BODY, BODY.encode(), '{"text": "caf\u00e9 \u2603"}'):
        headers = sign(body, secret=SECRET, webhook_id="wh_42")
        text = body if isinstance(body, str) else body.decode()
        assert standardwebhooks.Webhook(SECRET).verify(text, headers) == json.loads(text)


def test_headers_are_any_mapping_case_insensitively() -> None:
    headers = {k.title(): v for k, v in reference_headers(SECRET, BODY, time.time()).items()}
    verify_signature(BODY, headers, secret=SECRET)

    class Headers:  # a framework's headers object: items() and get(), nothing else
        def __init__(self, values: Dict[str, str]) -> None:
            self.values = {k.upper(): v for k, v in values.items()}

        def get(self, name: str, default: Any = None) -> Any:
            return self.values.get(name.upper(), default)

        def items(self) -> Any:
            return self.values.items()

    verify_signature(BODY, Headers(headers), secret=SECRET)  # type: ignore[arg-type]


def test_tampered_payload_id_timestamp_or_secret_fail() -> None:
    now = time.time()
    headers = reference_headers(SECRET, BODY, now)
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        verify_signature(BODY.replace("r_1", "r_2"), headers, secret=SECRET)
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        verify_signature(BODY, {**headers, "webhook-id": "wh_2"}, secret=SECRET)
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        verify_signature(BODY, {**headers, "webhook-timestamp": str(int(now) - 1)}, secret=SECRET)
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        verify_signature(BODY, headers, secret=OTHER)
    forged = headers["webhook-signature"].replace("v1,", "v2,")
    with pytest.raises(InvalidWebhookSignatureError):
        verify_signature(BODY, {**headers, "webhook-signature": forged}, secret=SECRET)


def test_expired_and_future_timestamps_fail_both_ways() -> None:
    old = reference_headers(SECRET, BODY, time.time() - 301)
    with pytest.raises(InvalidWebhookSignatureError, match="too old"):
        verify_signature(BODY, old, secret=SECRET)
    verify_signature(BODY, old, secret=SECRET, tolerance=600)
    future = reference_headers(SECRET, BODY, time.time() + 301)
    with pytest.raises(InvalidWebhookSignatureError, match="future"):
        verify_signature(BODY, future, secret=SECRET)
    with pytest.raises(InvalidWebhookSignatureError, match="webhook-timestamp"):
        verify_signature(BODY, {**old, "webhook-timestamp": "yesterday"}, secret=SECRET)
    # the reference agrees that ours are stale past five minutes
    stale = sign(BODY, secret=SECRET, webhook_id="wh_1", timestamp=int(time.time()) - 400)
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(SECRET).verify(BODY, stale)


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_missing_headers_are_named(missing: str) -> None:
    headers = reference_headers(SECRET, BODY, time.time())
    del headers[missing]
    with pytest.raises(InvalidWebhookSignatureError, match=missing):
        verify_signature(BODY, headers, secret=SECRET)


def test_several_signatures_one_matching() -> None:
    now = time.time()
    good = reference_headers(SECRET, BODY, now)["webhook-signature"]
    rotated = reference_headers(OTHER, BODY, now)["webhook-signature"]
    headers = reference_headers(SECRET, BODY, now)
    for both in (f"{rotated} {good}", f"{good} {rotated}", f"v0,abc {rotated}  {good}"):
        verify_signature(BODY, {**headers, "webhook-signature": both}, secret=SECRET)
    with pytest.raises(InvalidWebhookSignatureError):
        verify_signature(BODY, {**headers, "webhook-signature": rotated}, secret=SECRET)


def test_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    headers = reference_headers(SECRET, BODY, time.time())
    monkeypatch.delenv(webhooks.SECRET_ENV, raising=False)
    with pytest.raises(InvalidWebhookSignatureError, match="OPENAI_WEBHOOK_SECRET"):
        verify_signature(BODY, headers)
    monkeypatch.setenv(webhooks.SECRET_ENV, SECRET)
    assert unwrap(BODY, headers)["type"] == "response.completed"
    with pytest.raises(InvalidWebhookSignatureError, match="base64"):
        verify_signature(BODY, headers, secret="whsec_not base64!")


def test_unwrap_refuses_a_signed_body_that_is_not_an_object() -> None:
    for body in ("[1, 2]", "not json", b"\xff\xfe"):
        headers = sign(body, secret=SECRET, webhook_id="wh_1")
        with pytest.raises(InvalidWebhookSignatureError):
            unwrap(body, headers, secret=SECRET)


def test_the_error_is_exported_and_is_a_value_error() -> None:
    assert openai_rest.InvalidWebhookSignatureError is InvalidWebhookSignatureError
    assert issubclass(InvalidWebhookSignatureError, (openai_rest.OpenAIError, ValueError))


# --- end to end: the emulator sends, a receiving server verifies -----------------------------


def test_emulator_sends_signed_webhooks_for_every_resting_event(tmp_path: Any) -> None:
    pytest.importorskip("aiohttp")
    import threading

    from loopback import LoopbackServer, Received, Reply
    from openai_rest.emulator import Emulator

    events: List[Dict[str, Any]] = []
    arrived = threading.Condition()

    def receive(request: Received) -> Reply:
        try:  # what a receiver does: verify the raw body against the headers, then act
            event = unwrap(request.body, request.headers, secret=SECRET)
        except InvalidWebhookSignatureError as error:
            return Reply(400, json={"error": str(error)})
        with arrived:
            events.append(event)
            arrived.notify_all()
        return Reply(200, json={"ok": True})

    def wait_for(event_type: str, object_id: str) -> Dict[str, Any]:
        def found() -> Any:
            return next(
                (e for e in events if e["type"] == event_type and e["data"]["id"] == object_id),
                None,
            )

        with arrived:
            arrived.wait_for(found, timeout=20)
        event = found()
        assert event is not None, f"no {event_type} for {object_id}; got {events}"
        return event  # type: ignore[no-any-return]

    with (
        LoopbackServer(receive) as receiver,
        Emulator(webhook_url=receiver.base_url + "/hooks", webhook_secret=SECRET) as base_url,
    ):
        client = openai_rest.Client(openai_rest.Config(api_key="sk-hooks", api_url=base_url))
        ok = client.responses_create(model="gpt-4o-mini", input="hi", background=True)
        failing = client.responses_create(
            model="gpt-4o-mini",
            input="hi",
            background=True,
            extra_headers={"x-emulate-fault": "fail-later"},
        )
        good_lines = tmp_path / "good.jsonl"
        line = {
            "custom_id": "a",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]},
        }
        good_lines.write_text(json.dumps(line) + "\n")
        bad_lines = tmp_path / "bad.jsonl"
        bad_lines.write_text("not json\n")

        def file_id(path: Any, purpose: str) -> str:
            return client.files_upload(str(path), purpose=purpose)["id"]  # type: ignore[no-any-return]

        batches = [
            client.batches_create(
                input_file_id=file_id(path, "batch"),
                endpoint="/v1/chat/completions",
                completion_window="24h",
            )
            for path in (good_lines, bad_lines)
        ]
        training = tmp_path / "train.jsonl"
        example = {
            "messages": [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]
        }
        training.write_text(json.dumps(example) + "\n")
        bad_training = tmp_path / "bad-train.jsonl"
        bad_training.write_text("[]\n")
        jobs = [
            client.fine_tuning_jobs_create(
                model="gpt-4o-mini", training_file=file_id(path, "fine-tune")
            )
            for path in (training, bad_training)
        ]

        wait_for("response.completed", ok["id"])
        wait_for("response.failed", failing["id"])
        wait_for("batch.completed", batches[0]["id"])
        wait_for("batch.failed", batches[1]["id"])
        wait_for("fine_tuning.job.succeeded", jobs[0]["id"])
        wait_for("fine_tuning.job.failed", jobs[1]["id"])
        assert client.responses(ok["id"])["status"] == "completed"  # no polling was needed
        assert client.responses(failing["id"])["status"] == "failed"
    paths = {r.path for r in receiver.received}
    assert paths == {"/v1/hooks"}
    assert all(e["object"] == "event" and e["id"].startswith("evt_") for e in events)
    assert len({e["id"] for e in events}) == len(events) == 6
    # and the reference package agrees with every delivery
    for got in receiver.received:
        standardwebhooks.Webhook(SECRET).verify(got.body.decode(), got.headers)


def test_emulator_refuses_a_webhook_url_without_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("aiohttp")
    from openai_rest.emulator import Emulator

    monkeypatch.delenv("OPENAI_WEBHOOK_SECRET", raising=False)
    with pytest.raises(ValueError, match="secret"):
        Emulator(webhook_url="http://127.0.0.1:9/hooks").start()
