"""Signed webhooks, as the API sends them (``--webhook-url URL --webhook-secret whsec_...``).

With a webhook URL, the objects the API reports by webhook move along on their own (no polling
needed): background responses, batches and fine-tuning jobs. When one comes to rest the
emulator POSTs ``{"id": "evt_...", "object": "event", "type": ..., "created_at", "data":
{"id": ...}}`` signed by the Standard Webhooks scheme (``openai_rest.webhooks.sign``), and
retries a failed delivery a few times.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import sys
from typing import Any, Callable, Collection, List, Optional, Set

from ..webhooks import sign
from ._state import JSON, new_id, now

STEP_SECONDS = 0.02
"""How often an object followed for webhooks moves one step."""
DELIVERY_DELAYS = (0.1, 0.5, 2.0)
"""Waits before each retry of a delivery that failed (no answer or not 2xx)."""


class WebhookSender:
    """Delivers events to one URL, signed with one secret; tasks run on the emulator's loop."""

    def __init__(self, url: str, secret: str) -> None:
        sign(b"", secret=secret, webhook_id="check")  # a bad secret fails at start, not later
        self.url = url
        self.secret = secret
        self.sent: List[JSON] = []
        self.failed: List[JSON] = []
        self._tasks: Set[asyncio.Task[Any]] = set()
        self._session: Any = None

    def _spawn(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def notify(self, event_type: str, object_id: str) -> None:
        """Send the event ``event_type`` about ``object_id`` (in the background)."""
        event = {
            "id": new_id("evt_"),
            "object": "event",
            "type": event_type,
            "created_at": now(),
            "data": {"id": object_id},
        }
        self._spawn(self._deliver(event))

    def follow(self, obj: JSON, advance: Callable[[JSON], Any], resting: Collection[str]) -> None:
        """Move ``obj`` along with ``advance`` (which notifies) until its status rests."""

        async def run() -> None:
            while obj["status"] not in resting:
                await asyncio.sleep(STEP_SECONDS)
                moved = advance(obj)
                if inspect.isawaitable(moved):
                    await moved

        self._spawn(run())

    async def _deliver(self, event: JSON) -> None:
        import aiohttp

        if self._session is None:
            self._session = aiohttp.ClientSession()
        body = json.dumps(event).encode()
        headers = sign(body, secret=self.secret, webhook_id=new_id("wh_"))
        headers["Content-Type"] = "application/json"
        headers["User-Agent"] = "openai-rest-emulator webhooks"
        for delay in (*DELIVERY_DELAYS, None):
            try:
                async with self._session.post(self.url, data=body, headers=headers) as answer:
                    if 200 <= answer.status < 300:
                        self.sent.append(event)
                        return
            except (aiohttp.ClientError, OSError, asyncio.TimeoutError):
                pass
            if delay is None:
                break
            await asyncio.sleep(delay)
        self.failed.append(event)
        print(f"emulator: webhook {event['type']} not delivered to {self.url}", file=sys.stderr)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()


def notify(sender: Optional[WebhookSender], event_type: str, object_id: str) -> None:
    """``sender.notify(...)`` when the emulator sends webhooks; nothing otherwise."""
    if sender is not None:
        sender.notify(event_type, object_id)


def follow(
    sender: Optional[WebhookSender],
    obj: JSON,
    advance: Callable[[JSON], Any],
    resting: Collection[str],
) -> None:
    """``sender.follow(...)`` when the emulator sends webhooks; nothing otherwise."""
    if sender is not None:
        sender.follow(obj, advance, resting)
