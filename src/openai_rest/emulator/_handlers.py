"""Routes of the stateless and file endpoints: models, completions, embeddings, images,
audio, moderations, files and the legacy fine-tunes and engines."""

from __future__ import annotations

import base64
from typing import Any, List

from aiohttp import web

from . import _model
from ._chat_store import ChatStoreApi
from ._http import (
    Route,
    Upload,
    deleted,
    json_response,
    page,
    read_form,
    read_json,
    require,
    send_events,
    wants_stream,
)
from ._state import JSON, ApiError, State, new_id, now

IMAGE_PATH = "/emulator/images/"
GPT_IMAGE_MODELS = ("gpt-image-", "chatgpt-image")  # these answer b64_json by default


# --- the model endpoints as plain functions (the routes and the batches share them) ---------


def chat_request(body: JSON) -> JSON:
    """A chat completion request ``body``, checked (400 for what the API refuses)."""
    require(body, "model", "messages")
    if not isinstance(body["messages"], list) or not body["messages"]:
        raise ApiError(400, "'messages' must be a non-empty array.", param="messages")
    return body


def completion_request(body: JSON) -> JSON:
    """A (legacy) completion request ``body``, checked."""
    require(body, "model")
    return body


def chat_completion(body: JSON) -> JSON:
    return _model.chat_completion(chat_request(body))


def completion(body: JSON) -> JSON:
    return _model.completion(completion_request(body))


def embeddings(body: JSON) -> JSON:
    require(body, "model", "input")
    return _model.embeddings(body)


def moderations(body: JSON) -> JSON:
    require(body, "input")
    return _model.moderation(body)


class CoreApi:
    """Handlers of the non-assistant endpoints, bound to one emulator's ``State``."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.chat_store = ChatStoreApi(state)

    def routes(self) -> List[Route]:
        return [
            ("GET", "/models", self.list_models),
            ("GET", "/models/{model_id:.+}", self.get_model),
            ("DELETE", "/models/{model_id:.+}", self.delete_model),
            ("POST", "/chat/completions", self.chat_completions),
            *self.chat_store.routes(),
            ("POST", "/completions", self.completions),
            ("GET", "/engines", self.list_engines),
            ("GET", "/engines/{engine_id}", self.get_engine),
            ("POST", "/engines/{engine_id}/completions", self.engine_completions),
            ("POST", "/edits", self.edits),
            ("POST", "/embeddings", self.embeddings),
            ("POST", "/moderations", self.moderations),
            ("POST", "/images/generations", self.image_generations),
            ("POST", "/images/edits", self.image_edits),
            ("POST", "/images/variations", self.image_variations),
            ("POST", "/audio/speech", self.speech),
            ("POST", "/audio/transcriptions", self.transcriptions),
            ("POST", "/audio/translations", self.translations),
            ("GET", "/files", self.list_files),
            ("POST", "/files", self.upload_file),
            ("GET", "/files/{file_id}", self.get_file),
            ("DELETE", "/files/{file_id}", self.delete_file),
            ("GET", "/files/{file_id}/content", self.file_content),
            ("GET", "/fine-tunes", self.list_fine_tunes),
            ("POST", "/fine-tunes", self.create_fine_tune),
            ("GET", "/fine-tunes/{fine_tune_id}", self.get_fine_tune),
            ("POST", "/fine-tunes/{fine_tune_id}/cancel", self.cancel_fine_tune),
            ("GET", "/fine-tunes/{fine_tune_id}/events", self.fine_tune_events),
        ]

    # --- models and engines -----------------------------------------------------------------

    async def list_models(self, request: web.Request) -> web.Response:
        return json_response({"object": "list", "data": self.state.models.values()})

    async def get_model(self, request: web.Request) -> web.Response:
        return json_response(self.state.models.get(request.match_info["model_id"], "model"))

    async def delete_model(self, request: web.Request) -> web.Response:
        model = self.state.models.pop(request.match_info["model_id"])
        return deleted(model["id"], "model")

    @staticmethod
    def _engine(model: JSON) -> JSON:
        return {
            "id": model["id"],
            "object": "engine",
            "owner": model["owned_by"],
            "ready": True,
            "created": model["created"],
        }

    async def list_engines(self, request: web.Request) -> web.Response:
        data = [self._engine(m) for m in self.state.models.values()]
        return json_response({"object": "list", "data": data})

    async def get_engine(self, request: web.Request) -> web.Response:
        model = self.state.models.get(request.match_info["engine_id"], "engine_id")
        return json_response(self._engine(model))

    # --- text -------------------------------------------------------------------------------

    async def chat_completions(self, request: web.Request) -> web.StreamResponse:
        body = chat_request(await read_json(request))
        answers, cid = _model.chat_answers(body), new_id("chatcmpl-")
        stream = wants_stream(body)
        if body.get("store") is True or not stream:
            completion = _model.chat_completion(body, answers, cid)
            self.chat_store.keep(body, completion)
        if stream:
            chunks = _model.chat_chunks(body, answers, cid)
            return await send_events(request, ((None, c) for c in chunks), named=False)
        return json_response(completion)

    async def _completion(self, request: web.Request, body: JSON) -> web.StreamResponse:
        if wants_stream(body):
            return await send_events(
                request, ((None, c) for c in _model.completion_chunks(body)), named=False
            )
        return json_response(_model.completion(body))

    async def completions(self, request: web.Request) -> web.StreamResponse:
        return await self._completion(request, completion_request(await read_json(request)))

    async def engine_completions(self, request: web.Request) -> web.StreamResponse:
        body = await read_json(request)
        body["model"] = request.match_info["engine_id"]
        return await self._completion(request, body)

    async def edits(self, request: web.Request) -> web.Response:
        return json_response(_model.edit(await read_json(request, "model", "instruction")))

    async def embeddings(self, request: web.Request) -> web.Response:
        return json_response(embeddings(await read_json(request)))

    async def moderations(self, request: web.Request) -> web.Response:
        return json_response(moderations(await read_json(request)))

    # --- images -----------------------------------------------------------------------------

    def _images(self, request: web.Request, params: Any, seed: str) -> web.Response:
        """``n`` images as ``b64_json`` or as URLs the emulator serves itself."""
        try:
            n = int(params.get("n") or 1)
        except ValueError:
            raise ApiError(400, "'n' must be an integer.", param="n") from None
        if not 1 <= n <= 10:
            raise ApiError(400, f"Invalid 'n': expected 1 to 10 (got {n}).", param="n")
        model = str(params.get("model") or "dall-e-2")
        gpt_image = model.startswith(GPT_IMAGE_MODELS)
        fmt = params.get("response_format") or ("b64_json" if gpt_image else "url")
        if fmt not in ("url", "b64_json"):
            raise ApiError(400, f"Invalid 'response_format': '{fmt}'.", param="response_format")
        if gpt_image and fmt == "url":
            raise ApiError(
                400,
                f"Invalid 'response_format': {model} always answers 'b64_json'.",
                param="response_format",
            )
        data = []
        for index in range(n):
            image = _model.png(f"{seed}:{index}")
            item: JSON
            if fmt == "b64_json":
                item = {"b64_json": base64.b64encode(image).decode()}
            else:
                name = new_id("img-") + ".png"
                self.state.images[name] = image
                item = {"url": f"{request.scheme}://{request.host}{IMAGE_PATH}{name}"}
            if params.get("model") == "dall-e-3":
                item["revised_prompt"] = params.get("prompt")
            data.append(item)
        answer: JSON = {"created": now(), "data": data}
        if gpt_image:  # the gpt-image family reports its settings and token usage
            tokens = _model.count_tokens(str(params.get("prompt") or ""))
            answer.update(
                background=params.get("background") or "opaque",
                output_format=params.get("output_format") or "png",
                quality=params.get("quality") or "high",
                size=params.get("size") or "1024x1024",
                usage={
                    "input_tokens": tokens,
                    "input_tokens_details": {"text_tokens": tokens, "image_tokens": 0},
                    "output_tokens": 272 * n,
                    "total_tokens": tokens + 272 * n,
                },
            )
        return json_response(answer)

    async def image_generations(self, request: web.Request) -> web.Response:
        body = await read_json(request, "prompt")
        return self._images(request, body, f"{body['prompt']}:{body.get('size')}")

    async def image_edits(self, request: web.Request) -> web.Response:
        fields, files = await read_form(request, "image", "prompt")
        return self._images(request, fields, f"{fields['prompt']}:{len(files['image'].data)}")

    async def image_variations(self, request: web.Request) -> web.Response:
        fields, files = await read_form(request, "image")
        return self._images(request, fields, f"variation:{len(files['image'].data)}")

    async def image_file(self, request: web.Request) -> web.Response:
        """An image URL handed out by ``images/*`` (no key needed, as the API's URLs)."""
        image = self.state.images.get(request.match_info["name"])
        if image is None:
            raise ApiError(404, "No such image.")
        return web.Response(body=image, content_type="image/png")

    # --- audio ------------------------------------------------------------------------------

    async def speech(self, request: web.Request) -> web.Response:
        body = await read_json(request, "model", "input", "voice")
        data, content_type = _model.speech(body)
        return web.Response(body=data, content_type=content_type)

    async def _audio(self, request: web.Request, task: str) -> web.StreamResponse:
        fields, files = await read_form(request, "file", "model")
        upload: Upload = files["file"]
        stream = task == "transcribe" and str(fields.get("stream")).lower() == "true"
        result, content_type = _model.transcription(
            upload.filename,
            upload.data,
            "json" if stream else fields.get("response_format") or "json",
            task,
            fields.get("language"),
        )
        if stream:
            events = ((None, e) for e in _model.transcript_events(result["text"]))
            return await send_events(request, events, named=False, typed=True)
        if isinstance(result, str):
            return web.Response(text=result, content_type=content_type)
        return json_response(result)

    async def transcriptions(self, request: web.Request) -> web.StreamResponse:
        return await self._audio(request, "transcribe")

    async def translations(self, request: web.Request) -> web.StreamResponse:
        return await self._audio(request, "translate")

    # --- files ------------------------------------------------------------------------------

    async def list_files(self, request: web.Request) -> web.Response:
        purpose = request.query.get("purpose")
        items = self.state.files.where(purpose=purpose) if purpose else self.state.files.values()
        return page(items, request, default_limit=10000, max_limit=10000)

    async def upload_file(self, request: web.Request) -> web.Response:
        store = self.state.file_store
        file_id = new_id("file-")
        try:
            fields, files = await read_form(
                request, "file", "purpose", save=lambda name: store.path(file_id)
            )
        except BaseException:
            store.delete(file_id)
            raise
        return json_response(
            self.state.add_file(file_id, files["file"].filename, fields["purpose"])
        )

    async def get_file(self, request: web.Request) -> web.Response:
        return json_response(self.state.files.get(request.match_info["file_id"]))

    async def delete_file(self, request: web.Request) -> web.Response:
        obj = self.state.files.pop(request.match_info["file_id"])
        self.state.file_store.delete(obj["id"])
        return deleted(obj["id"], "file")

    async def file_content(self, request: web.Request) -> web.FileResponse:
        obj = self.state.files.get(request.match_info["file_id"])
        return web.FileResponse(
            self.state.file_store.path(obj["id"]),
            headers={
                "Content-Type": "application/octet-stream",
                "Content-Disposition": f'attachment; filename="{obj["filename"]}"',
            },
        )

    # --- legacy fine-tunes ------------------------------------------------------------------

    def _advance_fine_tune(self, job: JSON) -> JSON:
        """Move a fine-tune one step on each read: pending → running → succeeded."""
        steps = {"pending": "running", "running": "succeeded"}
        status = steps.get(job["status"])
        if status is None:
            return job
        job["status"], job["updated_at"] = status, now()
        job["events"].append(self._fine_tune_event(f"Fine-tune {status}"))
        if status == "succeeded":
            name = f"{job['model']}:ft-emulator-{job['id'][3:11]}"
            job["fine_tuned_model"] = name
            self.state.models.add(
                {"id": name, "object": "model", "created": now(), "owned_by": "user-emulator"}
            )
        return job

    @staticmethod
    def _fine_tune_event(message: str) -> JSON:
        return {
            "object": "fine-tune-event",
            "created_at": now(),
            "level": "info",
            "message": message,
        }

    async def create_fine_tune(self, request: web.Request) -> web.Response:
        body = await read_json(request, "training_file")
        files = [self.state.files.get(body["training_file"], "training_file")]
        validation = body.get("validation_file")
        created = now()
        job = {
            "id": new_id("ft-"),
            "object": "fine-tune",
            "model": body.get("model") or "curie",
            "created_at": created,
            "updated_at": created,
            "fine_tuned_model": None,
            "organization_id": "org-emulator",
            "status": "pending",
            "hyperparams": {
                "n_epochs": body.get("n_epochs", 4),
                "batch_size": body.get("batch_size"),
                "prompt_loss_weight": body.get("prompt_loss_weight", 0.01),
                "learning_rate_multiplier": body.get("learning_rate_multiplier"),
            },
            "training_files": files,
            "validation_files": [self.state.files.get(validation, "validation_file")]
            if validation
            else [],
            "result_files": [],
            "events": [self._fine_tune_event("Created fine-tune")],
        }
        return json_response(self.state.fine_tunes.add(job))

    async def list_fine_tunes(self, request: web.Request) -> web.Response:
        return json_response({"object": "list", "data": self.state.fine_tunes.values()})

    async def get_fine_tune(self, request: web.Request) -> web.Response:
        job = self.state.fine_tunes.get(request.match_info["fine_tune_id"])
        return json_response(self._advance_fine_tune(job))

    async def cancel_fine_tune(self, request: web.Request) -> web.Response:
        job = self.state.fine_tunes.get(request.match_info["fine_tune_id"])
        if job["status"] in ("pending", "running"):
            job["status"], job["updated_at"] = "cancelled", now()
            job["events"].append(self._fine_tune_event("Fine-tune cancelled"))
        return json_response(job)

    async def fine_tune_events(self, request: web.Request) -> web.Response:
        job = self.state.fine_tunes.get(request.match_info["fine_tune_id"])
        return json_response({"object": "list", "data": job["events"]})
