"""Bulk jobs: thousands to millions of requests from one Batch API JSONL file.

Two ways to run the same input, writing the same output format:

    from openai_rest import bulk
    summary = bulk.run("requests.jsonl", "results.jsonl", rpm=500, tpm=200_000)   # here, now

    bulk.submit("requests.jsonl", "results.jsonl")     # the Batch API: half price, <= 24 h
    bulk.wait("results.jsonl")                         # poll until every batch has finished
    bulk.results("results.jsonl")                      # merge output and error files

``import openai_rest`` does not import this package; it loads on first use.
"""

from __future__ import annotations

from ._batch import BatchState, cancel, results, state_path, status, submit, wait
from ._input import BATCH_URLS, BulkRequest, IdSet, InputError, check_input, read_requests
from ._limits import Limiter, LimiterUnavailable, estimate_tokens
from ._output import OutputError, line_failed, repair, result_line, scan
from ._runner import Summary, run, run_async

__all__ = [
    "BATCH_URLS",
    "BatchState",
    "BulkRequest",
    "IdSet",
    "InputError",
    "Limiter",
    "LimiterUnavailable",
    "OutputError",
    "Summary",
    "cancel",
    "check_input",
    "estimate_tokens",
    "line_failed",
    "read_requests",
    "repair",
    "result_line",
    "results",
    "run",
    "run_async",
    "scan",
    "state_path",
    "status",
    "submit",
    "wait",
]
