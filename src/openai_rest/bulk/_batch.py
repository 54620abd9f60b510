"""The Batch API driver: the same input and output files as ``run``, through OpenAI's batches.

``submit`` splits the input to the Batch API's limits (50,000 requests and 200 MB per batch,
one endpoint and one model per batch), uploads each part (``purpose="batch"``) and creates its
batch; ``status`` and ``wait`` poll them; ``results`` downloads each finished batch's output
and error files and appends their lines to the output, in the format ``run`` writes, skipping
ids already there; ``cancel`` cancels the batches still running.

The batch ids live in a small state file beside the output (``OUTPUT.batches.json``), so each
step finds them; every step can be run again after a crash (a part whose batch was created is
never uploaded twice, a result already in the output is never written twice).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Tuple

from ._input import check_input, read_requests
from ._output import line_failed, open_output

if TYPE_CHECKING:
    from openai_rest import Client, Config

MAX_REQUESTS = 50_000
MAX_BYTES = 200 * 1000 * 1000
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})


def state_path(output: str) -> str:
    """Where the batch ids of ``output`` are kept: ``OUTPUT.batches.json`` beside it."""
    return output + ".batches.json"


def _parts_dir(output: str) -> str:
    return output + ".parts"


class BatchState:
    """The state file: the input, and one entry per part (its batch id once created)."""

    def __init__(self, output: str, input: str, parts: List[Dict[str, Any]]) -> None:
        self.output = output
        self.input = input
        self.parts = parts

    @classmethod
    def load(cls, output: str) -> BatchState:
        path = state_path(output)
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise FileNotFoundError(
                f"no batches for {output}: {path} not found (run 'batch submit' first)"
            ) from None
        return cls(output, data["input"], data["parts"])

    def save(self) -> None:
        path = state_path(self.output)
        temporary = path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"input": self.input, "parts": self.parts}, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    @property
    def batch_ids(self) -> List[str]:
        return [part["batch_id"] for part in self.parts if part.get("batch_id")]


def _client(client: Optional[Client], config: Optional[Config]) -> Client:
    if client is not None:
        return client
    from openai_rest import Client

    return Client(config)


def _split(
    input: str, output: str, done: Any, max_requests: int, max_bytes: int
) -> List[Dict[str, Any]]:
    """Write the requests not yet done into part files of at most ``max_requests`` lines and
    ``max_bytes`` bytes, one endpoint and model per part; their descriptions, in order."""
    directory = _parts_dir(output)
    os.makedirs(directory, exist_ok=True)
    parts: List[Dict[str, Any]] = []
    open_parts: Dict[Tuple[str, str], Tuple[Dict[str, Any], Any]] = {}
    try:
        for request in read_requests(input):
            if request.custom_id in done:
                continue
            line = (
                json.dumps(
                    {
                        "custom_id": request.custom_id,
                        "method": request.method,
                        "url": request.url,
                        "body": request.body,
                    },
                    ensure_ascii=False,
                    separators=(",", ":"),
                ).encode()
                + b"\n"
            )
            if len(line) > max_bytes:
                raise ValueError(
                    f"{input}:{request.line}: one request is larger than a batch ({max_bytes} B)"
                )
            key = (request.url, str(request.body.get("model")))
            current = open_parts.get(key)
            if current is not None:
                part, handle = current
                if part["requests"] >= max_requests or part["bytes"] + len(line) > max_bytes:
                    handle.close()
                    current = None
            if current is None:
                name = os.path.join(directory, f"part-{len(parts):04d}.jsonl")
                part = {"index": len(parts), "file": name, "url": key[0], "model": key[1]}
                part.update(requests=0, bytes=0, first_line=request.line)
                parts.append(part)
                current = open_parts[key] = (part, open(name, "wb"))  # noqa: SIM115
            part, handle = current
            handle.write(line)
            part["requests"] += 1
            part["bytes"] += len(line)
    finally:
        for _, handle in open_parts.values():
            handle.close()
    return parts


def submit(
    input: str,
    output: str,
    *,
    client: Optional[Client] = None,
    config: Optional[Config] = None,
    completion_window: str = "24h",
    metadata: Optional[Dict[str, str]] = None,
    max_requests: int = MAX_REQUESTS,
    max_bytes: int = MAX_BYTES,
    echo: Optional[Callable[[str], None]] = None,
) -> BatchState:
    """Split ``input`` into batches, upload and create each; the state (saved beside ``output``).

    Requests whose ``custom_id`` is already in ``output`` (from ``run`` or an earlier batch)
    are left out. Run it again after a failure: parts already created are not sent again.
    """
    say = echo or (lambda text: None)
    client = _client(client, config)
    path = state_path(output)
    if os.path.exists(path):
        state = BatchState.load(output)
        if all(part.get("batch_id") for part in state.parts):
            raise FileExistsError(
                f"{output} already has batches ({', '.join(state.batch_ids)}): use 'batch "
                f"status/wait/results', or remove {path} to submit again"
            )
        say(f"resuming the submission recorded in {path}")
    else:
        sink, done, _, _, _ = open_output(output)
        sink.close()
        checked = check_input(input, done)  # an empty input is an InputError
        left = checked.requests - checked.done
        if left == 0:
            raise ValueError(f"every request of {input} already succeeded in {output}")
        parts = _split(input, output, done, max_requests, max_bytes)
        state = BatchState(output, os.path.abspath(input), parts)
        state.save()
        say(
            f"{left} requests in {len(parts)} batch(es)"
            + (f" ({checked.done} already done)" if checked.done else "")
        )
    for part in state.parts:
        if part.get("batch_id"):
            continue
        if not part.get("input_file_id"):
            uploaded = client.files_upload(part["file"], purpose="batch")
            part["input_file_id"] = uploaded["id"]
            state.save()
        params: Dict[str, Any] = {
            "input_file_id": part["input_file_id"],
            "endpoint": part["url"],
            "completion_window": completion_window,
        }
        if metadata:
            params["metadata"] = metadata
        batch = client.request("POST", "/batches", params)
        part["batch_id"], part["status"] = batch["id"], batch.get("status")
        state.save()
        try:
            os.remove(part["file"])
        except OSError:
            pass
        say(f"batch {batch['id']}: {part['requests']} requests to {part['url']} ({part['model']})")
    try:
        os.rmdir(_parts_dir(output))
    except OSError:
        pass
    return state


def status(
    output: str, *, client: Optional[Client] = None, config: Optional[Config] = None
) -> List[Dict[str, Any]]:
    """The batch objects of ``output``'s job, read from the API now (statuses saved)."""
    client = _client(client, config)
    state = BatchState.load(output)
    batches = []
    for part in state.parts:
        if not part.get("batch_id"):
            continue
        batch = client.request("GET", f"/batches/{part['batch_id']}")
        part["status"] = batch.get("status")
        batches.append(dict(batch))
    state.save()
    return batches


def counts(batches: List[Dict[str, Any]]) -> Tuple[int, int, int]:
    """Requests done (completed + failed), failed, and total over ``batches``."""
    done = failed = total = 0
    for batch in batches:
        numbers = batch.get("request_counts") or {}
        done += int(numbers.get("completed") or 0) + int(numbers.get("failed") or 0)
        failed += int(numbers.get("failed") or 0)
        total += int(numbers.get("total") or 0)
    return done, failed, total


FIRST_POLL = 1.0
MAX_POLL = 30.0


def poll_delays(fixed: Optional[float] = None) -> Iterator[float]:
    """Seconds to wait before each poll: ``fixed`` every time, or else 1 s growing by half
    each time up to 30 s, so a small batch is seen done in seconds and a long one is not
    polled more than twice a minute."""
    delay = FIRST_POLL
    while True:
        yield fixed if fixed is not None else delay
        delay = min(delay * 1.5, MAX_POLL)


def wait(
    output: str,
    *,
    client: Optional[Client] = None,
    config: Optional[Config] = None,
    poll: Optional[float] = None,
    timeout: Optional[float] = None,
    progress: Optional[bool] = None,
    sleep: Callable[[float], None] = time.sleep,
) -> List[Dict[str, Any]]:
    """Poll until every batch is completed, failed, expired or cancelled; the batch objects.

    ``poll``: seconds between polls; by default 1 s at first, growing to 30 s (``poll_delays``).

    ``progress``: a line on standard error (None: when it is a terminal). ``timeout``: raise
    ``TimeoutError`` after so many seconds (the batches keep running).
    """
    client = _client(client, config)
    show = sys.stderr.isatty() if progress is None else progress
    start = time.monotonic()
    delays = poll_delays(poll)
    while True:
        batches = status(output, client=client)
        if show:
            done, failed, total = counts(batches)
            states = ", ".join(sorted({str(b.get("status")) for b in batches}))
            elapsed = int(time.monotonic() - start)
            sys.stderr.write(
                f"\rbatches: {done}/{total} requests, {failed} failed  [{states}]  {elapsed}s  "
            )
            sys.stderr.flush()
        if all(batch.get("status") in TERMINAL for batch in batches):
            if show:
                sys.stderr.write("\n")
            return batches
        if timeout is not None and time.monotonic() - start > timeout:
            if show:
                sys.stderr.write("\n")
            raise TimeoutError(f"batches of {output} still running after {timeout:.0f} s")
        sleep(next(delays))


def _file_lines(client: Client, file_id: str) -> Iterator[bytes]:
    """The lines of a file's content, streamed."""
    chunks = client.request("GET", f"/files/{file_id}/content", stream="bytes")
    rest = b""
    try:
        for chunk in chunks:
            rest += chunk
            *lines, rest = rest.split(b"\n")
            yield from lines
    finally:
        close = getattr(chunks, "close", None)
        if callable(close):
            close()
    if rest:
        yield rest


class MergeSummary:
    """What ``results`` did: lines written, failures among them, batches not finished yet."""

    def __init__(self) -> None:
        self.written = 0
        self.failed = 0
        self.skipped = 0
        self.pending: List[str] = []
        self.total = 0
        self.missing = 0

    def as_dict(self) -> Dict[str, Any]:
        return dict(vars(self))

    def __str__(self) -> str:
        text = f"merged {self.written} results ({self.failed} failed)"
        if self.skipped:
            text += f", {self.skipped} already there"
        if self.pending:
            text += f"; {len(self.pending)} batch(es) not finished: {', '.join(self.pending)}"
        if self.missing:
            text += (
                f"; {self.missing} requests have no result (batch failed, expired or cancelled):"
                " 'bulk run' or 'batch submit' with the same files sends just those"
            )
        return text


def results(
    output: str, *, client: Optional[Client] = None, config: Optional[Config] = None
) -> MergeSummary:
    """Append the results of every finished batch to ``output`` (ids already there skipped)."""
    client = _client(client, config)
    state = BatchState.load(output)
    merged = MergeSummary()
    sink, done, _, _, _ = open_output(output)
    try:
        for part in state.parts:
            merged.total += int(part.get("requests") or 0)
            batch_id = part.get("batch_id")
            if not batch_id:
                continue
            batch = client.request("GET", f"/batches/{batch_id}")
            part["status"] = batch.get("status")
            if batch.get("status") not in TERMINAL:
                merged.pending.append(batch_id)
                continue
            for key in ("output_file_id", "error_file_id"):
                file_id = batch.get(key)
                if not file_id:
                    continue
                for raw in _file_lines(client, file_id):
                    if not raw.strip():
                        continue
                    line = json.loads(raw)
                    if line.get("custom_id") in done:
                        merged.skipped += 1
                        continue
                    done.add(line["custom_id"])
                    sink.write(raw.rstrip(b"\r") + b"\n", line["custom_id"])
                    merged.written += 1
                    merged.failed += line_failed(line)
            part["merged"] = True
        state.save()
    finally:
        sink.close()
    if not merged.pending:
        left = (r for r in read_requests(state.input) if r.custom_id not in done)
        merged.missing = sum(1 for _ in left)
    return merged


def cancel(
    output: str, *, client: Optional[Client] = None, config: Optional[Config] = None
) -> List[Dict[str, Any]]:
    """Cancel every batch of ``output``'s job that has not finished; the batch objects."""
    client = _client(client, config)
    state = BatchState.load(output)
    batches = []
    for part in state.parts:
        batch_id = part.get("batch_id")
        if not batch_id:
            continue
        if part.get("status") in TERMINAL:
            continue
        batch = client.request("POST", f"/batches/{batch_id}/cancel")
        part["status"] = batch.get("status")
        batches.append(dict(batch))
    state.save()
    return batches
