"""openai-rest: a light, fast client for the OpenAI REST API, the Python heir of openai.ex.

    import openai_rest
    openai_rest.configure(api_key="sk-...")            # or set OPENAI_API_KEY
    reply = openai_rest.chat_completion(model="gpt-4o-mini", messages=[...])

Module functions use the global configuration; ``Client(config)`` and ``AsyncClient(config)``
have the same functions with the same signatures. ``config=Config(...)`` on any call overrides
the configuration field by field for that call. Nothing heavy is imported until first used.
"""

from __future__ import annotations

import atexit

from . import transports
from ._client import AsyncClient, Client
from ._config import UNSET, Config, Timeout, configure
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ContentFilterFinishReasonError,
    InternalServerError,
    InvalidWebhookSignatureError,
    LengthFinishReasonError,
    NotFoundError,
    OpenAIError,
    OutputValidationError,
    PermissionDeniedError,
    RateLimitError,
    RealtimeError,
    RedirectError,
    UnprocessableEntityError,
)
from ._logging import setup_from_env as _setup_logging
from ._results import ResponseInfo, response_of
from ._retry import server_delay as retry_after
from ._version import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:  # for type checkers: ``import openai_rest`` loads no typing (see test_faces)
    from typing import Any, Dict, List, Optional

_setup_logging()  # OPENAI_LOG=info|debug, as the official SDK reads it
_default = Client()
"""The shared client behind the module functions: global configuration, lazy connection pool."""
atexit.register(_default.close_at_exit)  # no unclosed-socket ResourceWarning at exit

_LAZY_NAMES = {
    "paginate": "._pagination",
    "Stream": "._streams",
    "AsyncStream": "._streams",
    "ChatAccumulator": "._accumulate",
    "ResponseAccumulator": "._accumulate",
    "accumulate": "._accumulate",
    "output_text": "._accumulate",
    "Limiter": ".ratelimit",
    "LimiterUnavailable": ".ratelimit",
    "ParsingChatAccumulator": "._parsing",
    "ParsingResponseAccumulator": "._parsing",
    "ParsedStream": "._parsing",
    "PartialJSON": "._partial_json",
    "RealtimeAccumulator": "._realtime._accumulate",
    "RealtimeConnection": "._realtime._sync",  # for annotations; loads aiohttp
    "AsyncRealtimeConnection": "._realtime._async",
}


def strict_schema(t: Any) -> Dict[str, Any]:
    """The JSON schema of ``t`` (a pydantic model, dataclass, TypedDict, ... or a JSON-schema
    dict) in the form the API's strict mode accepts; ``TypeError`` names what cannot be."""
    from ._structured import strict_schema as build

    return build(t)


def function_tool(
    f: Any,
    *,
    name: Optional[str] = None,
    description: Optional[str] = None,
    strict: bool = True,
    api: str = "chat",
) -> Dict[str, Any]:
    """The tool definition of a function (typed parameters, docstring) or of a model type: a
    plain dict in the Chat form, or ``api="responses"``'s flat form (see ``_tools``)."""
    from ._tools import function_tool as build

    return build(f, name=name, description=description, strict=strict, api=api)


if TYPE_CHECKING:
    from ._accumulate import ChatAccumulator, ResponseAccumulator, accumulate, output_text
    from ._pagination import paginate
    from ._parsing import ParsedStream, ParsingChatAccumulator, ParsingResponseAccumulator
    from ._partial_json import PartialJSON
    from ._realtime._accumulate import RealtimeAccumulator
    from ._realtime._async import AsyncRealtimeConnection as AsyncRealtimeConnection
    from ._realtime._sync import RealtimeConnection as RealtimeConnection
    from ._streams import AsyncStream, Stream
    from .ratelimit import Limiter, LimiterUnavailable

    # The module face as editors and mypy see it; at run time each name is bound to the
    # shared client on first use (``__getattr__`` below), so importing binds nothing.
    upload_large_file = _default.upload_large_file
    """Upload a file of any size with the Uploads API (see ``Client.upload_large_file``)."""

    admin = _default.admin
    """The administration API on the shared client: ``openai_rest.admin.projects()``."""

    chat_completion_parse = _default.chat_completion_parse
    """A chat completion with its answer parsed (see ``Client.chat_completion_parse``)."""

    responses_parse = _default.responses_parse
    """A Responses API response with its answer parsed (see ``Client.responses_parse``)."""

    run_tools = _default.run_tools
    """The tool loop: call the model, run the functions it asks for (see ``Client.run_tools``)."""

    realtime_connect = _default.realtime_connect
    """Open a Realtime API WebSocket with the global configuration (``Client.realtime_connect``)."""

    # The module face: every endpoint, bound to the shared client.
    models = _default.models
    finetunes_delete_model = _default.finetunes_delete_model
    completions = _default.completions
    chat_completion = _default.chat_completion
    edits = _default.edits
    images_generations = _default.images_generations
    images_edits = _default.images_edits
    images_variations = _default.images_variations
    image_generations = _default.image_generations
    image_edits = _default.image_edits
    image_variations = _default.image_variations
    embeddings = _default.embeddings
    audio_speech = _default.audio_speech
    audio_transcription = _default.audio_transcription
    audio_translation = _default.audio_translation
    files = _default.files
    files_upload = _default.files_upload
    files_delete = _default.files_delete
    files_content = _default.files_content
    finetunes = _default.finetunes
    finetunes_create = _default.finetunes_create
    finetunes_list_events = _default.finetunes_list_events
    finetunes_cancel = _default.finetunes_cancel
    moderations = _default.moderations
    assistants = _default.assistants
    assistants_create = _default.assistants_create
    assistants_modify = _default.assistants_modify
    assistants_delete = _default.assistants_delete
    assistant_files = _default.assistant_files
    assistant_file = _default.assistant_file
    assistant_file_create = _default.assistant_file_create
    assistant_file_delete = _default.assistant_file_delete
    threads = _default.threads
    threads_create = _default.threads_create
    threads_create_and_run = _default.threads_create_and_run
    threads_modify = _default.threads_modify
    threads_delete = _default.threads_delete
    thread_messages = _default.thread_messages
    thread_message = _default.thread_message
    thread_message_create = _default.thread_message_create
    thread_message_modify = _default.thread_message_modify
    thread_message_files = _default.thread_message_files
    thread_message_file = _default.thread_message_file
    thread_runs = _default.thread_runs
    thread_run = _default.thread_run
    thread_run_create = _default.thread_run_create
    thread_run_modify = _default.thread_run_modify
    thread_run_submit_tool_outputs = _default.thread_run_submit_tool_outputs
    thread_run_cancel = _default.thread_run_cancel
    thread_run_steps = _default.thread_run_steps
    thread_run_step = _default.thread_run_step
    engines = _default.engines
    responses_create = _default.responses_create
    responses = _default.responses
    responses_delete = _default.responses_delete
    responses_cancel = _default.responses_cancel
    response_input_items = _default.response_input_items
    responses_input_tokens = _default.responses_input_tokens
    responses_compact = _default.responses_compact
    responses_create_beta = _default.responses_create_beta
    responses_beta = _default.responses_beta
    responses_delete_beta = _default.responses_delete_beta
    responses_cancel_beta = _default.responses_cancel_beta
    responses_compact_beta = _default.responses_compact_beta
    response_input_items_beta = _default.response_input_items_beta
    responses_input_tokens_beta = _default.responses_input_tokens_beta
    conversation_items = _default.conversation_items
    conversation_item_create = _default.conversation_item_create
    conversation_item = _default.conversation_item
    conversation_item_delete = _default.conversation_item_delete
    conversations_create = _default.conversations_create
    conversations = _default.conversations
    conversations_update = _default.conversations_update
    conversations_delete = _default.conversations_delete
    models_delete = _default.models_delete
    chat_completions = _default.chat_completions
    chat_completions_update = _default.chat_completions_update
    chat_completions_delete = _default.chat_completions_delete
    chat_completion_messages = _default.chat_completion_messages
    audio_voice_consents = _default.audio_voice_consents
    audio_voice_consents_create = _default.audio_voice_consents_create
    audio_voice_consents_update = _default.audio_voice_consents_update
    audio_voice_consents_delete = _default.audio_voice_consents_delete
    audio_voices_create = _default.audio_voices_create
    uploads_create = _default.uploads_create
    uploads_cancel = _default.uploads_cancel
    uploads_complete = _default.uploads_complete
    upload_part_create = _default.upload_part_create
    batches = _default.batches
    batches_create = _default.batches_create
    batches_cancel = _default.batches_cancel
    vector_stores = _default.vector_stores
    vector_stores_create = _default.vector_stores_create
    vector_stores_modify = _default.vector_stores_modify
    vector_stores_delete = _default.vector_stores_delete
    vector_store_file_batch_create = _default.vector_store_file_batch_create
    vector_store_file_batch = _default.vector_store_file_batch
    vector_store_file_batch_cancel = _default.vector_store_file_batch_cancel
    vector_store_file_batch_files = _default.vector_store_file_batch_files
    vector_store_files = _default.vector_store_files
    vector_store_file_create = _default.vector_store_file_create
    vector_store_file = _default.vector_store_file
    vector_store_file_update = _default.vector_store_file_update
    vector_store_file_delete = _default.vector_store_file_delete
    vector_store_file_content = _default.vector_store_file_content
    vector_stores_search = _default.vector_stores_search
    fine_tuning_alpha_graders_run = _default.fine_tuning_alpha_graders_run
    fine_tuning_alpha_graders_validate = _default.fine_tuning_alpha_graders_validate
    fine_tuning_checkpoint_permissions = _default.fine_tuning_checkpoint_permissions
    fine_tuning_checkpoint_permission_create = _default.fine_tuning_checkpoint_permission_create
    fine_tuning_checkpoint_permission_delete = _default.fine_tuning_checkpoint_permission_delete
    fine_tuning_jobs = _default.fine_tuning_jobs
    fine_tuning_jobs_create = _default.fine_tuning_jobs_create
    fine_tuning_jobs_cancel = _default.fine_tuning_jobs_cancel
    fine_tuning_job_checkpoints = _default.fine_tuning_job_checkpoints
    fine_tuning_job_events = _default.fine_tuning_job_events
    fine_tuning_jobs_pause = _default.fine_tuning_jobs_pause
    fine_tuning_jobs_resume = _default.fine_tuning_jobs_resume
    evals = _default.evals
    evals_create = _default.evals_create
    evals_update = _default.evals_update
    evals_delete = _default.evals_delete
    eval_runs = _default.eval_runs
    eval_run_create = _default.eval_run_create
    eval_run = _default.eval_run
    eval_run_cancel = _default.eval_run_cancel
    eval_run_delete = _default.eval_run_delete
    eval_run_output_items = _default.eval_run_output_items
    eval_run_output_item = _default.eval_run_output_item
    containers = _default.containers
    containers_create = _default.containers_create
    containers_delete = _default.containers_delete
    container_files = _default.container_files
    container_file_create = _default.container_file_create
    container_file = _default.container_file
    container_file_delete = _default.container_file_delete
    container_file_content = _default.container_file_content
    videos = _default.videos
    videos_create = _default.videos_create
    videos_characters_create = _default.videos_characters_create
    videos_characters = _default.videos_characters
    videos_edits_create = _default.videos_edits_create
    videos_extensions_create = _default.videos_extensions_create
    videos_delete = _default.videos_delete
    videos_content = _default.videos_content
    videos_remix = _default.videos_remix
    skills = _default.skills
    skills_create = _default.skills_create
    skills_update = _default.skills_update
    skills_delete = _default.skills_delete
    skills_content = _default.skills_content
    skill_versions = _default.skill_versions
    skill_version_create = _default.skill_version_create
    skill_version = _default.skill_version
    skill_version_delete = _default.skill_version_delete
    skill_version_content = _default.skill_version_content
    realtime_calls_create = _default.realtime_calls_create
    realtime_calls_accept = _default.realtime_calls_accept
    realtime_calls_hangup = _default.realtime_calls_hangup
    realtime_calls_refer = _default.realtime_calls_refer
    realtime_calls_reject = _default.realtime_calls_reject
    realtime_client_secrets_create = _default.realtime_client_secrets_create
    realtime_sessions_create = _default.realtime_sessions_create
    realtime_transcription_sessions_create = _default.realtime_transcription_sessions_create
    realtime_translations_client_secrets_create = (
        _default.realtime_translations_client_secrets_create
    )
    chatkit_sessions_cancel = _default.chatkit_sessions_cancel
    chatkit_sessions_create = _default.chatkit_sessions_create
    chatkit_thread_items = _default.chatkit_thread_items
    chatkit_threads = _default.chatkit_threads
    chatkit_threads_delete = _default.chatkit_threads_delete
    content_provenance_checks_create = _default.content_provenance_checks_create
    thread_message_delete = _default.thread_message_delete

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "ChatAccumulator",
    "ResponseAccumulator",
    "Client",
    "Config",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "LengthFinishReasonError",
    "OutputValidationError",
    "ParsedStream",
    "ParsingChatAccumulator",
    "ParsingResponseAccumulator",
    "PartialJSON",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "Limiter",
    "LimiterUnavailable",
    "NotFoundError",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "RealtimeAccumulator",
    "RealtimeError",
    "RedirectError",
    "ResponseInfo",
    "Stream",
    "Timeout",
    "UNSET",
    "UnprocessableEntityError",
    "__version__",
    "admin",
    "accumulate",
    "configure",
    "output_text",
    "paginate",
    "response_of",
    "retry_after",
    "transports",
    "upload_large_file",
    "chat_completion_parse",
    "responses_parse",
    "run_tools",
    "strict_schema",
    "function_tool",
    "realtime_connect",
    "models",
    "finetunes_delete_model",
    "completions",
    "chat_completion",
    "edits",
    "images_generations",
    "images_edits",
    "images_variations",
    "image_generations",
    "image_edits",
    "image_variations",
    "embeddings",
    "audio_speech",
    "audio_transcription",
    "audio_translation",
    "files",
    "files_upload",
    "files_delete",
    "files_content",
    "finetunes",
    "finetunes_create",
    "finetunes_list_events",
    "finetunes_cancel",
    "moderations",
    "assistants",
    "assistants_create",
    "assistants_modify",
    "assistants_delete",
    "assistant_files",
    "assistant_file",
    "assistant_file_create",
    "assistant_file_delete",
    "threads",
    "threads_create",
    "threads_create_and_run",
    "threads_modify",
    "threads_delete",
    "thread_messages",
    "thread_message",
    "thread_message_create",
    "thread_message_modify",
    "thread_message_files",
    "thread_message_file",
    "thread_runs",
    "thread_run",
    "thread_run_create",
    "thread_run_modify",
    "thread_run_submit_tool_outputs",
    "thread_run_cancel",
    "thread_run_steps",
    "thread_run_step",
    "engines",
    "responses_create",
    "responses",
    "responses_delete",
    "responses_cancel",
    "response_input_items",
    "responses_input_tokens",
    "responses_compact",
    "responses_create_beta",
    "responses_beta",
    "responses_delete_beta",
    "responses_cancel_beta",
    "responses_compact_beta",
    "response_input_items_beta",
    "responses_input_tokens_beta",
    "conversation_items",
    "conversation_item_create",
    "conversation_item",
    "conversation_item_delete",
    "conversations_create",
    "conversations",
    "conversations_update",
    "conversations_delete",
    "models_delete",
    "chat_completions",
    "chat_completions_update",
    "chat_completions_delete",
    "chat_completion_messages",
    "audio_voice_consents",
    "audio_voice_consents_create",
    "audio_voice_consents_update",
    "audio_voice_consents_delete",
    "audio_voices_create",
    "uploads_create",
    "uploads_cancel",
    "uploads_complete",
    "upload_part_create",
    "batches",
    "batches_create",
    "batches_cancel",
    "vector_stores",
    "vector_stores_create",
    "vector_stores_modify",
    "vector_stores_delete",
    "vector_store_file_batch_create",
    "vector_store_file_batch",
    "vector_store_file_batch_cancel",
    "vector_store_file_batch_files",
    "vector_store_files",
    "vector_store_file_create",
    "vector_store_file",
    "vector_store_file_update",
    "vector_store_file_delete",
    "vector_store_file_content",
    "vector_stores_search",
    "fine_tuning_alpha_graders_run",
    "fine_tuning_alpha_graders_validate",
    "fine_tuning_checkpoint_permissions",
    "fine_tuning_checkpoint_permission_create",
    "fine_tuning_checkpoint_permission_delete",
    "fine_tuning_jobs",
    "fine_tuning_jobs_create",
    "fine_tuning_jobs_cancel",
    "fine_tuning_job_checkpoints",
    "fine_tuning_job_events",
    "fine_tuning_jobs_pause",
    "fine_tuning_jobs_resume",
    "evals",
    "evals_create",
    "evals_update",
    "evals_delete",
    "eval_runs",
    "eval_run_create",
    "eval_run",
    "eval_run_cancel",
    "eval_run_delete",
    "eval_run_output_items",
    "eval_run_output_item",
    "containers",
    "containers_create",
    "containers_delete",
    "container_files",
    "container_file_create",
    "container_file",
    "container_file_delete",
    "container_file_content",
    "videos",
    "videos_create",
    "videos_characters_create",
    "videos_characters",
    "videos_edits_create",
    "videos_extensions_create",
    "videos_delete",
    "videos_content",
    "videos_remix",
    "skills",
    "skills_create",
    "skills_update",
    "skills_delete",
    "skills_content",
    "skill_versions",
    "skill_version_create",
    "skill_version",
    "skill_version_delete",
    "skill_version_content",
    "realtime_calls_create",
    "realtime_calls_accept",
    "realtime_calls_hangup",
    "realtime_calls_refer",
    "realtime_calls_reject",
    "realtime_client_secrets_create",
    "realtime_sessions_create",
    "realtime_transcription_sessions_create",
    "realtime_translations_client_secrets_create",
    "chatkit_sessions_cancel",
    "chatkit_sessions_create",
    "chatkit_thread_items",
    "chatkit_threads",
    "chatkit_threads_delete",
    "content_provenance_checks_create",
    "thread_message_delete",
]

_LAZY_MODULES = frozenset({"webhooks", "otel", "ratelimit"})
_FACE = frozenset(__all__).difference(globals(), _LAZY_NAMES, _LAZY_MODULES)
"""The module face: names of ``__all__`` bound to the shared client on first use."""


def __getattr__(name: str) -> Any:
    """The module face binds each function to the shared client on first use (PEP 562), and
    ``openai_rest.webhooks`` and ``openai_rest.otel`` load on first use, not at import; so do
    the structured-outputs helpers (``PartialJSON``, the parsing accumulators) and
    the realtime names (``RealtimeAccumulator``, the connection classes)."""
    if name in _FACE:
        bound = getattr(_default, name)
        globals()[name] = bound
        return bound
    if name in _LAZY_MODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    if name in _LAZY_NAMES:
        import importlib

        return getattr(importlib.import_module(_LAZY_NAMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> List[str]:
    return sorted(set(globals()).union(__all__, _LAZY_MODULES))
