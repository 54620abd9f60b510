"""The conformance table: one row per form of every public function, with sample arguments.

The HTTP call of a row is not typed here: it is the route that the endpoint definition picks
for the row's arguments, and the spec versions come from the spec files (``specs.py``).
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, NamedTuple, Tuple

from openai_rest._endpoint import Endpoint, Route
from openai_rest._endpoints import API
from openai_rest._endpoints.admin import AdminAPI

from .specs import shape


class Sample(NamedTuple):
    """A placeholder for a small real file, made by the ``samples`` fixture."""

    name: str


PNG = Sample("image.png")
WAV = Sample("speech.wav")
JSONL = Sample("train.jsonl")


class Case(NamedTuple):
    function: str
    args: Tuple[Any, ...] = ()
    params: Mapping[str, Any] = {}
    label: str = ""
    known: Mapping[str, str] = {}
    """Spec version (or ``spec:face``) -> why the row cannot pass there: strict xfail."""
    only: Tuple[str, ...] = ()
    """The spec versions the row runs on (all that have its path when empty)."""

    @property
    def id(self) -> str:
        if self.label:
            return self.label
        shown = [repr(a) if not isinstance(a, Sample) else a.name for a in self.args]
        if self.params:
            shown.append("...")
        return f"{self.function}({', '.join(shown)})"

    @property
    def endpoint(self) -> Endpoint[Any, Any]:
        api, name = (AdminAPI, self.function[6:]) if self.admin else (API, self.function)
        found = next(c.__dict__[name] for c in api.__mro__ if name in c.__dict__)
        assert isinstance(found, Endpoint)
        return found

    @property
    def admin(self) -> bool:
        return self.function.startswith("admin.")

    def bound(self, face: Any) -> Any:
        """The row's function on a face: the module, a client, or their ``admin`` namespace."""
        if self.admin:
            return getattr(face.admin, self.function[6:])
        return getattr(face, self.function)

    @property
    def route(self) -> Route:
        return self.endpoint.route_for(self.args)[0]

    @property
    def stream(self) -> bool:
        return self.params.get("stream") is True

    def resolve(self, samples: Mapping[str, Any]) -> Tuple[Tuple[Any, ...], Dict[str, Any]]:
        """The arguments with every ``Sample`` replaced by its file."""

        def real(value: Any) -> Any:
            if isinstance(value, list):
                return [real(v) for v in value]
            return samples[value.name] if isinstance(value, Sample) else value

        return tuple(real(a) for a in self.args), {k: real(v) for k, v in self.params.items()}


CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hi"}]}
COMPLETION = {"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi", "max_tokens": 5}
IMAGE_PROMPT = {"prompt": "A small red square", "n": 1, "size": "256x256"}
IMAGE_EDIT = {"prompt": "Add a blue dot", "mask": PNG, "n": 1, "size": "256x256"}
TOOL_OUTPUTS = {"tool_outputs": [{"tool_call_id": "call_abc", "output": "42"}]}
META = {"metadata": {"purpose": "conformance"}}
A, T, M, R, S, F = "asst_abc", "thread_abc", "msg_abc", "run_abc", "step_abc", "file-abc"


NO_RUN_STREAMS = {
    "openai-2023-12": "streaming runs came in 2024-03: this spec's run requests forbid 'stream'"
}
NO_ENCODING_FORMAT = {
    "openai-2023-06": "this spec's embeddings request forbids 'encoding_format' "
    "(additionalProperties: false), which the API of the time accepted"
}


def _streamed(case: Case) -> Case:
    known = NO_RUN_STREAMS if case.route.stream == "events" else case.known
    return case._replace(
        params={**case.params, "stream": True}, label=case.id + "-stream", known=known
    )


def _cases() -> List[Case]:
    rows = [
        Case("models"),
        Case("models", ("gpt-4o-mini",)),
        Case("finetunes_delete_model", ("ft-model-abc",)),
        Case("completions", (), COMPLETION),
        Case("completions", ("davinci",), {"prompt": "Say hi", "max_tokens": 5}),
        Case("chat_completion", (), CHAT),
        Case("chat_completion", (CHAT,), {"temperature": 0.5}, "chat_completion(mapping, ...)"),
        Case(
            "edits", (), {"model": "text-davinci-edit-001", "input": "helo", "instruction": "Fix"}
        ),
        Case(
            "embeddings",
            (),
            {"model": "text-embedding-ada-002", "input": "hello"},
            known=NO_ENCODING_FORMAT,
        ),
        Case(
            "embeddings",
            (),
            {"model": "text-embedding-ada-002", "input": ["a", "b"], "encoding_format": "float"},
            "embeddings(..., encoding_format='float')",
            NO_ENCODING_FORMAT,
        ),
        Case("moderations", (), {"input": "hello"}),
        Case("audio_speech", (), {"model": "tts-1", "input": "Hello", "voice": "alloy"}),
        Case("audio_transcription", (WAV,), {"model": "whisper-1"}),
        Case(
            "audio_transcription",
            (WAV,),
            {"model": "whisper-1", "response_format": "verbose_json", "temperature": 0.0},
            "audio_transcription(speech.wav, verbose_json)",
        ),
        Case("audio_translation", (WAV,), {"model": "whisper-1"}),
        Case("files"),
        Case("files", (F,)),
        Case("files_upload", (JSONL,), {"purpose": "fine-tune"}),
        Case("files_delete", (F,)),
        Case("files_content", (F,)),
        Case("finetunes"),
        Case("finetunes", ("ft-abc",)),
        Case("finetunes_create", (), {"training_file": F}),
        Case("finetunes_list_events", ("ft-abc",)),
        Case("finetunes_cancel", ("ft-abc",)),
        Case("assistants", (), {"limit": 2, "order": "asc"}),
        Case("assistants", (A,)),
        Case("assistants_create", (), {"model": "gpt-4o", "name": "Helper"}),
        Case("assistants_modify", (A,), {"name": "Helper 2"}),
        Case("assistants_delete", (A,)),
        Case("assistant_files", (A,)),
        Case("assistant_file", (A, F)),
        Case("assistant_file_create", (A,), {"file_id": F}),
        Case("assistant_file_delete", (A, F)),
        Case("threads", (T,)),
        Case("threads_create", (), {"messages": [{"role": "user", "content": "Hi"}]}),
        Case("threads_create_and_run", (), {"assistant_id": A}),
        Case("threads_modify", (T,), META),
        Case("threads_delete", (T,)),
        Case("thread_messages", (T,), {"limit": 5}),
        Case("thread_message", (T, M)),
        Case("thread_message_create", (T,), {"role": "user", "content": "Hi"}),
        Case("thread_message_modify", (T, M), META),
        Case("thread_message_files", (T, M)),
        Case("thread_message_file", (T, M, F)),
        Case("thread_runs", (T,)),
        Case("thread_run", (T, R)),
        Case("thread_run_create", (T,), {"assistant_id": A}),
        Case("thread_run_modify", (T, R), META),
        Case("thread_run_submit_tool_outputs", (T, R), TOOL_OUTPUTS),
        Case("thread_run_cancel", (T, R)),
        Case("thread_run_steps", (T, R)),
        Case("thread_run_step", (T, R, S)),
        Case("engines"),
        Case("engines", ("davinci",)),
    ]
    for name in ("images_", "image_"):
        rows += [
            Case(name + "generations", (), IMAGE_PROMPT),
            Case(name + "edits", (PNG,), IMAGE_EDIT),
            Case(name + "variations", (PNG,), {"n": 1, "size": "256x256"}),
        ]
    rows += _current(rows)
    streams = [r for r in rows if r.route.stream and not r.label]
    return rows + [_streamed(r) for r in streams]


def _current(rows: List[Case]) -> List[Case]:
    """Generated rows for the current spec's operations that the table above leaves out."""
    from .current import current_cases, why_unavailable

    if why_unavailable():
        return []
    covered = {(case.function, shape(case.route.path)) for case in rows}
    return [case._replace(only=("openai-current",)) for case in current_cases(covered)]


CASES = _cases()
UNCOVERED = [Case("threads", (), {"limit": 2})]
"""Rows no spec has (``GET /threads`` is undocumented upstream): tested against the emulator."""
