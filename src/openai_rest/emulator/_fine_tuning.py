"""Fine-tuning jobs (``/fine_tuning/jobs``): each read of a job moves it one step, like the
runs and batches, adding events on the way:

``validating_files`` → (the training file is JSONL of chat ``messages`` or ``prompt`` lines,
else ``failed``) ``queued`` → ``running`` (metrics events, one checkpoint per epoch) →
``succeeded`` (``fine_tuned_model``, which ``/models`` then lists, and a result file).
``pause`` holds a running job (``paused``) until ``resume``; ``cancel`` ends it.
"""

from __future__ import annotations

import json
from typing import Any, List, Optional

from aiohttp import web

from ._http import Route, json_response, page, read_json
from ._state import JSON, ApiError, State, new_id, now
from ._webhooks import follow, notify

ACTIVE = ("validating_files", "queued", "running", "paused")
_CHECK_LINES = 1000  # training lines checked while validating


def check_training_file(path: str) -> Optional[str]:
    """Why a training file is invalid (its first lines are checked), or None."""
    count = 0
    with open(path, "rb") as lines:
        for number, raw in enumerate(lines, 1):
            if number > _CHECK_LINES:
                break
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except ValueError:
                return f"Line {number} of the training file is not valid JSON."
            if not isinstance(line, dict) or not ("messages" in line or "prompt" in line):
                return f"Line {number} of the training file has no 'messages'."
            count += 1
    return None if count else "The training file has no examples."


def _hyperparameters(body: JSON) -> JSON:
    method = body.get("method") or {}
    inner = method.get(method.get("type") or "supervised") if isinstance(method, dict) else None
    given = body.get("hyperparameters") or (inner or {}).get("hyperparameters") or {}
    return {
        "n_epochs": given.get("n_epochs", "auto"),
        "batch_size": given.get("batch_size", "auto"),
        "learning_rate_multiplier": given.get("learning_rate_multiplier", "auto"),
    }


class FineTuningApi:
    """Handlers of ``/fine_tuning/jobs``, bound to one emulator's ``State``."""

    def __init__(self, state: State) -> None:
        self.state = state

    def routes(self) -> List[Route]:
        j = "/fine_tuning/jobs/{job_id}"
        return [
            ("POST", "/fine_tuning/jobs", self.create),
            ("GET", "/fine_tuning/jobs", self.list),
            ("GET", j, self.get),
            ("POST", j + "/cancel", self.cancel),
            ("POST", j + "/pause", self.pause),
            ("POST", j + "/resume", self.resume),
            ("GET", j + "/events", self.events),
            ("GET", j + "/checkpoints", self.checkpoints),
        ]

    def _job(self, request: web.Request) -> JSON:
        return self.state.fine_tuning_jobs.get(request.match_info["job_id"])

    def _event(self, job: JSON, message: str, data: Optional[JSON] = None) -> None:
        event: JSON = {
            "object": "fine_tuning.job.event",
            "id": new_id("ftevent-"),
            "created_at": now(),
            "level": "info",
            "message": message,
            "type": "metrics" if data else "message",
        }
        if data:
            event["data"] = data
        self.state.fine_tuning_events[job["id"]].append(event)

    async def create(self, request: web.Request) -> web.Response:
        body = await read_json(request, "model", "training_file")
        files = [("training_file", body["training_file"])]
        if body.get("validation_file"):
            files.append(("validation_file", body["validation_file"]))
        for param, file_id in files:
            source = self.state.files.get(file_id, param)
            if source["purpose"] != "fine-tune":
                raise ApiError(
                    400,
                    f"File {file_id} has purpose {source['purpose']!r}, not 'fine-tune'.",
                    param=param,
                )
        suffix = body.get("suffix")
        if suffix is not None and (not isinstance(suffix, str) or len(suffix) > 64):
            raise ApiError(
                400, "'suffix' must be a string of at most 64 characters.", param="suffix"
            )
        hyperparameters = _hyperparameters(body)
        method = body.get("method") or {"type": "supervised"}
        job: JSON = {
            "id": new_id("ftjob-"),
            "object": "fine_tuning.job",
            "created_at": now(),
            "error": None,
            "fine_tuned_model": None,
            "finished_at": None,
            "hyperparameters": hyperparameters,
            "model": body["model"],
            "organization_id": "org-emulator",
            "result_files": [],
            "status": "validating_files",
            "trained_tokens": None,
            "training_file": body["training_file"],
            "validation_file": body.get("validation_file"),
            "integrations": body.get("integrations") or [],
            "seed": body.get("seed", 42),
            "estimated_finish": None,
            "method": {**method, "type": method.get("type") or "supervised"},
            "metadata": body.get("metadata"),
            "user_provided_suffix": suffix,
        }
        self.state.fine_tuning_jobs.add(job)
        self.state.fine_tuning_events[job["id"]] = []
        self.state.fine_tuning_checkpoints[job["id"]] = []
        self._event(job, f"Validating training file: {job['training_file']}")
        follow(self.state.webhooks, job, self.advance, ("succeeded", "failed", "cancelled"))
        return json_response(job)

    async def list(self, request: web.Request) -> web.Response:
        wanted = {
            k[len("metadata[") : -1]: v
            for k, v in request.query.items()
            if k.startswith("metadata[") and k.endswith("]")
        }
        jobs = [
            j
            for j in self.state.fine_tuning_jobs.values()
            if all((j.get("metadata") or {}).get(k) == v for k, v in wanted.items())
        ]
        return page(jobs, request)

    async def get(self, request: web.Request) -> web.Response:
        return json_response(self.advance(self._job(request)))

    def _move(self, request: web.Request, allowed: Any, to: str, refusal: str) -> web.Response:
        """Move a job from one of the ``allowed`` statuses to ``to``, with its event; else 400."""
        job = self._job(request)
        if job["status"] not in allowed:
            raise ApiError(400, refusal.format(status=job["status"]))
        job["status"] = to
        self._event(job, f"Fine-tuning job {'resumed' if to == 'running' else to}")
        if to == "cancelled":
            notify(self.state.webhooks, "fine_tuning.job.cancelled", job["id"])
        return json_response(job)

    async def cancel(self, request: web.Request) -> web.Response:
        return self._move(
            request, ACTIVE, "cancelled", "Cannot cancel a job with status '{status}'."
        )

    async def pause(self, request: web.Request) -> web.Response:
        refusal = "Only running jobs can be paused (this one is {status})."
        return self._move(request, ("running",), "paused", refusal)

    async def resume(self, request: web.Request) -> web.Response:
        refusal = "Only paused jobs can be resumed (this one is {status})."
        return self._move(request, ("paused",), "running", refusal)

    async def events(self, request: web.Request) -> web.Response:
        job = self._job(request)
        return page(self.state.fine_tuning_events[job["id"]], request)

    async def checkpoints(self, request: web.Request) -> web.Response:
        job = self._job(request)
        return page(self.state.fine_tuning_checkpoints[job["id"]], request, default_limit=10)

    # --- the state machine ------------------------------------------------------------------

    def advance(self, job: JSON) -> JSON:
        """Move ``job`` one step (a no-op once it rests or while it is paused)."""
        status = job["status"]
        if status == "validating_files":
            problem = check_training_file(self.state.file_store.path(job["training_file"]))
            if problem:
                job["status"], job["finished_at"] = "failed", now()
                job["error"] = {
                    "code": "invalid_training_file",
                    "message": problem,
                    "param": "training_file",
                }
                self._event(job, f"Training file validation failed: {problem}")
            else:
                job["status"] = "queued"
                self._event(job, "Files validated, moving job to queued state")
        elif status == "queued":
            self._start(job)
        elif status == "running":
            self._finish(job)
        if job["status"] != status and job["status"] in ("succeeded", "failed"):
            notify(self.state.webhooks, f"fine_tuning.job.{job['status']}", job["id"])
        return job

    def _model_name(self, job: JSON) -> str:
        return (
            f"ft:{job['model']}:org-emulator:{job['user_provided_suffix'] or ''}:{job['id'][-8:]}"
        )

    def _start(self, job: JSON) -> None:
        hp = job["hyperparameters"]
        resolved = {"n_epochs": 3, "batch_size": 1, "learning_rate_multiplier": 1.8}
        for name, value in resolved.items():
            if hp.get(name) == "auto":
                hp[name] = value
        job["status"] = "running"
        self._event(job, "Fine-tuning job started")
        epochs = int(hp["n_epochs"])
        steps = epochs * 10
        for epoch in range(1, epochs + 1):
            step = epoch * 10
            metrics = self._metrics(step, steps)
            self._event(
                job,
                f"Step {step}/{steps}: training loss={metrics['train_loss']}",
                {
                    "step": step,
                    "total_steps": steps,
                    **metrics,
                },
            )
            self.state.fine_tuning_checkpoints[job["id"]].append(
                {
                    "id": new_id("ftckpt_"),
                    "object": "fine_tuning.job.checkpoint",
                    "created_at": now(),
                    "fine_tuned_model_checkpoint": f"{self._model_name(job)}:ckpt-step-{step}",
                    "fine_tuning_job_id": job["id"],
                    "metrics": {"step": float(step), **metrics},
                    "step_number": step,
                }
            )

    @staticmethod
    def _metrics(step: int, steps: int) -> JSON:
        loss = round(2.0 * (1 - step / (steps + 5)), 4)
        return {
            "train_loss": loss,
            "train_mean_token_accuracy": round(1 - loss / 2.5, 4),
            "valid_loss": round(loss * 1.1, 4),
            "valid_mean_token_accuracy": round(1 - loss / 2.2, 4),
            "full_valid_loss": round(loss * 1.12, 4),
            "full_valid_mean_token_accuracy": round(1 - loss / 2.1, 4),
        }

    def _finish(self, job: JSON) -> None:
        name = self._model_name(job)
        store = self.state.file_store
        result_id = new_id("file-")
        rows: List[Any] = ["step,train_loss,train_accuracy"]
        for event in self.state.fine_tuning_events[job["id"]]:
            data = event.get("data")
            if data:
                rows.append(
                    f"{data['step']},{data['train_loss']},{data['train_mean_token_accuracy']}"
                )
        with open(store.path(result_id), "w", encoding="utf-8") as out:
            out.write("\n".join(rows) + "\n")
        self.state.add_file(result_id, "step_metrics.csv", "fine-tune-results")
        size = self.state.files.get(job["training_file"])["bytes"]
        job.update(
            status="succeeded",
            fine_tuned_model=name,
            finished_at=now(),
            trained_tokens=max(1, size // 4) * int(job["hyperparameters"]["n_epochs"]),
            result_files=[result_id],
        )
        self.state.models.add(
            {"id": name, "object": "model", "created": now(), "owned_by": "org-emulator"}
        )
        self._event(job, f"New fine-tuned model created: {name}")
        self._event(job, "The job has successfully completed")
