"""openai-rest: a light, fast client for the OpenAI REST API, the Python heir of openai.ex.

    import openai_rest
    openai_rest.configure(api_key="sk-...")            # or set OPENAI_API_KEY
    reply = openai_rest.chat_completion(model="gpt-4o-mini", messages=[...])

Module functions use the global configuration; ``Client(config)`` and ``AsyncClient(config)``
have the same functions with the same signatures. ``config=Config(...)`` on any call overrides
the configuration field by field for that call. Nothing heavy is imported until first used.
"""

from __future__ import annotations

from ._accumulate import ChatAccumulator, accumulate
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
    InternalServerError,
    NotFoundError,
    OpenAIError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._pagination import paginate
from ._results import ResponseInfo, response_of
from ._streams import AsyncStream, Stream
from ._version import __version__

_default = Client()
"""The shared client behind the module functions: global configuration, lazy connection pool."""

admin = _default.admin
"""The administration API on the shared client: ``openai_rest.admin.projects()``."""

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
    "Client",
    "Config",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseInfo",
    "Stream",
    "Timeout",
    "UNSET",
    "UnprocessableEntityError",
    "__version__",
    "admin",
    "accumulate",
    "configure",
    "paginate",
    "response_of",
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
]
