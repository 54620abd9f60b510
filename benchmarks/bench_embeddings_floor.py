"""What limits the embeddings goal without numpy: the whole call beside the floors it stands on.

The "embeddings" case of run.py (512 x 1536 vectors as base64, returned as lists of Python
floats), measured beside what any client returning those lists must do at the least:

- ``openai`` and ``openai-rest``: the whole call, as in run.py;
- ``least-client``: ``http.client`` plus, for each vector, ``bytes.find`` for its string,
  ``binascii.a2b_base64`` and ``array("f").tolist()``: no JSON, no result dict, no checks;
- ``floats``: only making the 512 lists of 1536 floats from bytes in memory and freeing them;
- ``base64``: only ``a2b_base64`` of the 512 strings (4 MB), from memory.

Each in a fresh child pinned like run.py's clients; CPU per call (user + system, as run.py
counts it), medians over repetitions, and each row's ratio to the SDK's.

    python benchmarks/bench_embeddings_floor.py [--reps 3] [--calls 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import child_env, cpus, fake_server, pinned  # noqa: E402

CHILD = r"""
import binascii, json, sys
from array import array
from urllib.parse import urlsplit
import http.client
sys.path.insert(0, HERE)
from cases import API_KEY, EMBED_INPUT, EMBED_MODEL
from fake_server import build_embedding_bodies
from harness import per_call

payload = json.dumps({"model": EMBED_MODEL, "input": EMBED_INPUT, "encoding_format": "base64"})
KEY = b'"embedding":"'

def least_client():
    parts = urlsplit(URL)
    conn = http.client.HTTPConnection(parts.hostname, parts.port)
    headers = {"Authorization": "Bearer " + API_KEY, "Content-Type": "application/json"}
    def call():
        conn.request("POST", parts.path + "/embeddings", payload.encode(), headers)
        body = conn.getresponse().read()
        view, rows, at = memoryview(body), [], body.find(KEY)
        while at != -1:
            end = body.find(b'"', at + len(KEY))
            rows.append(array("f", binascii.a2b_base64(view[at + len(KEY):end])).tolist())
            at = body.find(KEY, end)
        return rows
    return call

def from_memory():
    body = build_embedding_bodies()[1]
    return [binascii.a2b_base64(d["embedding"]) for d in json.loads(body)["data"]]

if CASE == "openai":
    import openai
    client = openai.OpenAI(api_key=API_KEY, base_url=URL, max_retries=0)
    call = lambda: client.embeddings.create(model=EMBED_MODEL, input=EMBED_INPUT)
elif CASE == "openai-rest":
    import openai_rest
    client = openai_rest.Client(openai_rest.Config(api_key=API_KEY, api_url=URL, max_retries=0))
    call = lambda: client.embeddings(model=EMBED_MODEL, input=EMBED_INPUT)
elif CASE == "least-client":
    call = least_client()
elif CASE == "floats":
    rows = from_memory()
    call = lambda: [array("f", raw).tolist() for raw in rows]
else:
    strings = [d["embedding"] for d in json.loads(build_embedding_bodies()[1])["data"]]
    call = lambda: [binascii.a2b_base64(s) for s in strings]
print(json.dumps(per_call(call, CALLS, 1, None, unit="ms")))
"""

CASES = ("openai", "openai-rest", "least-client", "floats", "base64")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--calls", type=int, default=5)
    args = parser.parse_args()
    server_cpu, client_cpu = cpus()
    cpu: Dict[str, List[float]] = {case: [] for case in CASES}
    with fake_server(10, server_cpu) as (url, _):
        for _ in range(args.reps):
            for case in CASES:
                head = f"HERE, URL, CASE, CALLS = {str(HERE)!r}, {url!r}, {case!r}, {args.calls}\n"
                out = subprocess.run(
                    [sys.executable, "-c", head + CHILD],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=child_env(),
                    preexec_fn=pinned(client_cpu),
                )
                cpu[case].append(json.loads(out.stdout.splitlines()[-1])["cpu_ms"])
    sdk = statistics.median(cpu["openai"])
    print(f"embeddings 512 x 1536, CPU ms per call, {args.reps} rep(s)")
    for case in CASES:
        ms = statistics.median(cpu[case])
        spread = f"[{min(cpu[case]):.1f}, {max(cpu[case]):.1f}]"
        print(f"  {case:13s} {ms:6.1f} ms {spread:14s} ÷ openai {ms / sdk:.2f}")


if __name__ == "__main__":
    main()
