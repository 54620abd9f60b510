"""The deterministic fake model: the same input always gives the same answer.

Every answer is derived from a hash of the request's meaningful parts (messages, prompt,
input text), so tests can compare two calls, while ids and timestamps stay fresh. Pure
functions returning API-shaped dicts; the HTTP layer lives in ``_app``.
"""

from __future__ import annotations

import array
import base64
import hashlib
import json
import math
import random
import re
import struct
import sys
import zlib
from typing import Any, Dict, Iterator, List, Optional, Tuple

from . import _tools
from ._schema import sample_value, schema_in_text
from ._state import JSON, ApiError, new_id, now

FINGERPRINT = "fp_emulator"
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE = (
    "the emulator answers every question with calm and certain words drawn from a small "
    "fixed list so that the same prompt always gives the same reply while different prompts "
    "give different replies which is all a test needs to check that a client sends what it "
    "means and reads what comes back stream by stream chunk by chunk token by token"
)
_VOCABULARY = tuple(_SENTENCE.split())


def count_tokens(text: str) -> int:
    """A rough token count: words and punctuation marks (close enough for ``usage``)."""
    return len(_TOKEN.findall(text))


def seeded_rng(*parts: Any) -> random.Random:
    """A random generator seeded by a hash of ``parts`` (the same parts, the same draws)."""
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).digest()
    return random.Random(digest)


def text_of(content: Any) -> str:
    """The text of a message ``content``: a string, or a list of parts with ``text``."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if isinstance(part, dict):
                text = part.get("text")
                if isinstance(text, dict):
                    text = text.get("value")
                if isinstance(text, str):
                    texts.append(text)
        return " ".join(texts)
    return ""


def reply_text(*seed: Any, words: Optional[int] = None) -> str:
    """A readable made-up answer of a few sentences, chosen by a hash of ``seed``.

    A last user text starting with ``echo:`` is answered with the rest verbatim, so tests can
    make the model say exactly what they need.
    """
    rng = seeded_rng(*seed)
    count = words if words is not None else rng.randint(12, 30)
    out: List[str] = []
    sentence: List[str] = []
    for _ in range(count):
        sentence.append(rng.choice(_VOCABULARY))
        if len(sentence) >= rng.randint(5, 9):
            out.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        out.append(" ".join(sentence).capitalize() + ".")
    return " ".join(out)


def truncate(text: str, max_tokens: Optional[int]) -> Tuple[str, bool]:
    """``text`` cut to ``max_tokens`` tokens, and whether it was cut."""
    if max_tokens is None or count_tokens(text) <= max_tokens:
        return text, False
    pieces = list(_TOKEN.finditer(text))
    return text[: pieces[max_tokens - 1].end()] if max_tokens > 0 else "", True


def split_words(text: str, per_piece: int = 3) -> List[str]:
    """``text`` in pieces of a few words each (stream deltas); joined they give ``text``."""
    words = re.findall(r"\s*\S+\s*", text)
    return ["".join(words[i : i + per_piece]) for i in range(0, len(words), per_piece)] or [text]


def split_fragments(text: str, size: int = 8) -> List[str]:
    """``text`` in fixed-size fragments, as tool-call arguments arrive in a stream."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


# --- answers in text -----------------------------------------------------------------------


def answer_text(fmt: Any, schema: Any, turn: _tools.Turn, prompts: List[str], *seed: Any) -> str:
    """The text of a reply that calls no tool: ``fmt`` is the requested format's type
    (``json_schema``, ``json_object``, text) and ``schema`` its schema, if any. A schema
    written in the ``prompts`` (system and user texts) shapes the answer in JSON mode, and in
    text mode when the prompts ask for JSON (output parsers, instructor's MD_JSON mode)."""
    rng = seeded_rng(*seed)
    asks_json = fmt == "json_object" or (
        fmt in (None, "text") and not turn.answered and "json" in " ".join(prompts).lower()
    )
    if asks_json and not turn.user_text.startswith("echo:"):
        schema = schema_in_text(prompts)
        if schema is not None:
            fmt = "json_schema"
    if fmt == "json_schema":
        return json.dumps(sample_value(schema if schema is not None else {}, "answer", rng))
    if turn.answered:
        return _tools.results_text(turn) + " " + reply_text(*seed, words=8)
    if turn.user_text.startswith("echo:"):
        return turn.user_text[5:].strip()
    if fmt == "json_object":
        return json.dumps({"answer": reply_text(*seed)})
    return reply_text(*seed)


def special_answer(turn: _tools.Turn) -> Optional[Tuple[str, str]]:
    """Test triggers: a last user text ``refuse: why`` is refused (``("refusal", why)``), and
    ``filter: text`` is stopped by the content filter after half its text."""
    text = turn.user_text
    if turn.answered or not text.startswith(("refuse:", "filter:")):
        return None
    rest = text[7:].strip()
    if text.startswith("refuse:"):
        return "refusal", rest or "I'm sorry, I can't help with that."
    words = rest.split(" ")
    return "content_filter", " ".join(words[: len(words) // 2])


# --- chat -----------------------------------------------------------------------------------


def _last_user_text(messages: List[Any]) -> str:
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            return text_of(message.get("content"))
    return ""


def prompt_tokens(messages: List[Any]) -> int:
    """Prompt tokens of chat messages: their text plus a few tokens per message."""
    return (
        sum(
            3 + count_tokens(text_of(m.get("content")) if isinstance(m, dict) else str(m))
            for m in messages
        )
        + 3
    )


def _usage(prompt: int, completion: int) -> JSON:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _max_tokens(body: JSON) -> Optional[int]:
    value = body.get("max_completion_tokens", body.get("max_tokens"))
    return value if isinstance(value, int) else None


def chat_answers(body: JSON) -> List[JSON]:
    """One answer per choice (``n``): ``{"content"|"tool_calls", "finish_reason"}``."""
    messages = body["messages"]
    n = body.get("n") or 1
    turn = _tools.chat_turn(messages, body.get("parallel_tool_calls"))
    legacy = not body.get("tools") and bool(body.get("functions"))
    tools = _tools.chat_tools(body.get("tools"), body.get("functions"))
    choice = body.get("function_call") if legacy else body.get("tool_choice")
    chosen = _tools.choose(tools, choice, turn)
    fmt: JSON = body["response_format"] if isinstance(body.get("response_format"), dict) else {}
    spec = fmt.get("json_schema")
    schema = spec.get("schema") if isinstance(spec, dict) else None
    prompts = [
        text_of(m.get("content"))
        for m in messages
        if isinstance(m, dict) and m.get("role") in ("system", "developer", "user")
    ]
    answers: List[JSON] = []
    for index in range(n):
        if chosen:
            rng = seeded_rng("tool", messages, index)
            calls = [_tools.chat_call(tool, rng) for tool in chosen]
            answers.append(
                {"tool_calls": calls, "finish_reason": "function_call" if legacy else "tool_calls"}
            )
            continue
        special = special_answer(turn)
        if special is not None:
            kind, said = special
            refused = kind == "refusal"
            answer: JSON = {"content": None if refused else said, "refusal": None}
            answer["refusal"] = said if refused else None
            answer["finish_reason"] = "stop" if refused else kind
            answers.append(answer)
            continue
        text = answer_text(fmt.get("type"), schema, turn, prompts, messages, index)
        text, cut = truncate(text, _max_tokens(body))
        answers.append({"content": text, "finish_reason": "length" if cut else "stop"})
    return answers


def _call_text(call: JSON) -> str:
    if call["type"] == "custom":
        return str(call["custom"]["name"]) + str(call["custom"]["input"])
    return str(call["function"]["name"]) + str(call["function"]["arguments"])


def _answer_tokens(answer: JSON) -> int:
    if "tool_calls" in answer:
        return sum(count_tokens(_call_text(c)) + 3 for c in answer["tool_calls"])
    return count_tokens(answer["content"] or answer.get("refusal") or "")


def _chat_head(body: JSON, obj: str, cid: str) -> JSON:
    return {
        "id": cid,
        "object": obj,
        "created": now(),
        "model": body["model"],
        "system_fingerprint": FINGERPRINT,
    }


_PIECE = re.compile(r"\s*\w+|\s*[^\w\s]|\s+$")


def chat_logprobs(body: JSON, text: Any) -> Optional[JSON]:
    """A choice's ``logprobs`` when the request asks (``logprobs: true``, ``top_logprobs``):
    one entry per token of ``text`` (the tokens join to it), made-up but stable numbers."""
    if body.get("logprobs") is not True or not isinstance(text, str):
        return None
    asked = body.get("top_logprobs")
    top = asked if isinstance(asked, int) else 0
    entries = []
    for token in _PIECE.findall(text):
        rng = seeded_rng("logprob", token)
        logprob = -round(rng.random() * 0.5, 6)
        alternatives = [(token, logprob)] + [
            (f"{token}{n}", round(logprob - n - rng.random(), 6)) for n in range(1, top)
        ]
        entries.append(
            {
                "token": token,
                "logprob": logprob,
                "bytes": list(token.encode()),
                "top_logprobs": [
                    {"token": t, "logprob": p, "bytes": list(t.encode())}
                    for t, p in alternatives[:top]
                ],
            }
        )
    return {"content": entries, "refusal": None}


def chat_completion(
    body: JSON, answers: Optional[List[JSON]] = None, cid: Optional[str] = None
) -> JSON:
    """A whole ``chat.completion`` object (of given ``answers`` and id, for a stored stream)."""
    answers = chat_answers(body) if answers is None else answers
    choices = []
    for index, answer in enumerate(answers):
        message: JSON = {
            "role": "assistant",
            "content": answer.get("content"),
            "refusal": answer.get("refusal"),
        }
        if "tool_calls" in answer:
            message["tool_calls"] = answer["tool_calls"]
            if body.get("functions") and not body.get("tools"):
                message["function_call"] = answer["tool_calls"][0]["function"]
                del message["tool_calls"]
        choices.append(
            {
                "index": index,
                "message": message,
                "logprobs": chat_logprobs(body, answer.get("content")),
                "finish_reason": answer["finish_reason"],
            }
        )
    completion = sum(_answer_tokens(a) for a in answers)
    return {
        **_chat_head(body, "chat.completion", cid or new_id("chatcmpl-")),
        "choices": choices,
        "usage": _usage(prompt_tokens(body["messages"]), completion),
    }


def _call_deltas(pos: int, call: JSON, legacy: bool) -> Iterator[JSON]:
    """The stream deltas of one tool call: its head, then its arguments in fragments."""
    if call["type"] == "custom":  # custom tool input arrives whole
        yield {"tool_calls": [{"index": pos, **call}]}
        return
    name, arguments = call["function"]["name"], call["function"]["arguments"]
    if legacy:
        yield {"function_call": {"name": name, "arguments": ""}}
        for piece in split_fragments(arguments):
            yield {"function_call": {"arguments": piece}}
        return
    head = {"name": name, "arguments": ""}
    yield {"tool_calls": [{"index": pos, "id": call["id"], "type": "function", "function": head}]}
    for piece in split_fragments(arguments):
        yield {"tool_calls": [{"index": pos, "function": {"arguments": piece}}]}


def chat_chunks(
    body: JSON, answers: Optional[List[JSON]] = None, cid: Optional[str] = None
) -> Iterator[JSON]:
    """The ``chat.completion.chunk`` objects of a streamed answer, usage chunk included."""
    answers = chat_answers(body) if answers is None else answers
    head = _chat_head(body, "chat.completion.chunk", cid or new_id("chatcmpl-"))
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    extra: JSON = {"usage": None} if include_usage else {}

    legacy = bool(body.get("functions")) and not body.get("tools")

    def chunk(index: int, delta: JSON, finish: Optional[str] = None) -> JSON:
        choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {**head, "choices": [choice], **extra}

    for index, answer in enumerate(answers):
        if "tool_calls" in answer:
            yield chunk(index, {"role": "assistant", "content": None, "refusal": None})
            for pos, call in enumerate(answer["tool_calls"]):
                yield from (chunk(index, delta) for delta in _call_deltas(pos, call, legacy))
        else:
            key = "content" if answer.get("refusal") is None else "refusal"
            start = {"content": "", "refusal": None} if key == "content" else {"refusal": ""}
            yield chunk(index, {"role": "assistant", "content": None, **start})
            for piece in split_words(answer[key]):
                piece_chunk = chunk(index, {key: piece})
                if key == "content" and body.get("logprobs") is True:
                    piece_chunk["choices"][0]["logprobs"] = chat_logprobs(body, piece)
                yield piece_chunk
        yield chunk(index, {}, answer["finish_reason"])
    if include_usage:
        completion = sum(_answer_tokens(a) for a in answers)
        yield {**head, "choices": [], "usage": _usage(prompt_tokens(body["messages"]), completion)}


# --- completions and edits ------------------------------------------------------------------


def _prompts(prompt: Any) -> List[str]:
    if prompt is None:
        return ["<|endoftext|>"]
    if isinstance(prompt, str):
        return [prompt]
    if isinstance(prompt, list) and prompt and all(isinstance(p, str) for p in prompt):
        return list(prompt)
    return [json.dumps(prompt)]  # token arrays: hashed as they are


def _completion_texts(body: JSON) -> List[Tuple[str, str]]:
    out = []
    n = body.get("n") or 1
    for prompt in _prompts(body.get("prompt")):
        for index in range(n):
            if prompt.startswith("echo:"):
                text = prompt[5:].strip()
            else:
                text = " " + reply_text(prompt, body.get("suffix"), index)
            text, cut = truncate(text, body.get("max_tokens", 16))
            if body.get("echo"):
                text = prompt + text
            out.append((text, "length" if cut else "stop"))
    return out


def completion(body: JSON) -> JSON:
    """A whole ``text_completion`` object (one choice per prompt and ``n``)."""
    texts = _completion_texts(body)
    choices = [
        {"text": t, "index": i, "logprobs": None, "finish_reason": f}
        for i, (t, f) in enumerate(texts)
    ]
    prompt = sum(count_tokens(p) for p in _prompts(body.get("prompt")))
    return {
        "id": new_id("cmpl-"),
        "object": "text_completion",
        "created": now(),
        "model": body["model"],
        "system_fingerprint": FINGERPRINT,
        "choices": choices,
        "usage": _usage(prompt, sum(count_tokens(t) for t, _ in texts)),
    }


def completion_chunks(body: JSON) -> Iterator[JSON]:
    """The ``text_completion`` chunks of a streamed completion."""
    texts = _completion_texts(body)
    head = {
        "id": new_id("cmpl-"),
        "object": "text_completion",
        "created": now(),
        "model": body["model"],
        "system_fingerprint": FINGERPRINT,
    }
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    for index, (text, finish) in enumerate(texts):
        pieces = split_words(text)
        for pos, piece in enumerate(pieces):
            last = pos == len(pieces) - 1
            choice = {
                "text": piece,
                "index": index,
                "logprobs": None,
                "finish_reason": finish if last else None,
            }
            yield {**head, "choices": [choice]}
    if include_usage:
        prompt = sum(count_tokens(p) for p in _prompts(body.get("prompt")))
        yield {
            **head,
            "choices": [],
            "usage": _usage(prompt, sum(count_tokens(t) for t, _ in texts)),
        }


def edit(body: JSON) -> JSON:
    """A legacy ``edit`` object: the input with a deterministic sentence added."""
    source = body.get("input") or ""
    n = body.get("n") or 1
    texts = [
        (source + " " + reply_text(source, body["instruction"], i, words=6)).strip() + "\n"
        for i in range(n)
    ]
    prompt = count_tokens(source) + count_tokens(body["instruction"])
    return {
        "object": "edit",
        "created": now(),
        "choices": [{"text": t, "index": i} for i, t in enumerate(texts)],
        "usage": _usage(prompt, sum(count_tokens(t) for t in texts)),
    }


# --- embeddings -----------------------------------------------------------------------------


def embedding_vector(text: str, dimensions: int) -> List[float]:
    """A deterministic unit vector derived from ``text`` (SHAKE-256 of it, normalised)."""
    raw = hashlib.shake_256(text.encode()).digest(2 * dimensions)
    values = [v / 32768.0 - 1.0 for v in struct.unpack(f"<{dimensions}H", raw)]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [v / norm for v in values]


def _embedding_inputs(value: Any) -> List[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value:
        if all(isinstance(v, str) for v in value):
            return list(value)
        if all(isinstance(v, int) for v in value):
            return [json.dumps(value)]
        if all(isinstance(v, list) for v in value):
            return [json.dumps(v) for v in value]
    raise ApiError(
        400, "'input' must be a string, a list of strings or of token arrays.", param="input"
    )


def embeddings(body: JSON) -> JSON:
    """An embeddings ``list``: float lists, or base64 little-endian float32 arrays."""
    model = body["model"]
    dims = body.get("dimensions") or (3072 if model.endswith("3-large") else 1536)
    if not isinstance(dims, int) or dims < 1:
        raise ApiError(400, "'dimensions' must be a positive integer.", param="dimensions")
    encoding = body.get("encoding_format") or "float"
    if encoding not in ("float", "base64"):
        raise ApiError(400, f"Invalid 'encoding_format': '{encoding}'.", param="encoding_format")
    data = []
    texts = _embedding_inputs(body["input"])
    for index, text in enumerate(texts):
        vector: Any = embedding_vector(text, dims)
        if encoding == "base64":
            packed = array.array("f", vector)
            if sys.byteorder == "big":
                packed.byteswap()
            vector = base64.b64encode(packed.tobytes()).decode()
        data.append({"object": "embedding", "index": index, "embedding": vector})
    tokens = sum(count_tokens(t) for t in texts)
    return {
        "object": "list",
        "data": data,
        "model": model,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


# --- moderations ----------------------------------------------------------------------------

MODERATION_CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)
_FLAG_WORDS = {
    "kill": ("violence", "harassment/threatening"),
    "murder": ("violence",),
    "gore": ("violence/graphic",),
    "hate": ("hate",),
    "idiot": ("harassment",),
    "stupid": ("harassment",),
    "suicide": ("self-harm", "self-harm/intent"),
    "porn": ("sexual",),
    "bomb": ("illicit", "illicit/violent"),
}


def moderation(body: JSON) -> JSON:
    """A moderation object: a few obvious words (kill, hate, suicide...) are flagged."""
    value = body["input"]
    inputs = value if isinstance(value, list) else [value]
    results = []
    for item in inputs:
        text = text_of([item]) if isinstance(item, dict) else str(item)
        words = set(re.findall(r"[a-z]+", text.lower()))
        hits = {c for w, cats in _FLAG_WORDS.items() if w in words for c in cats}
        rng = seeded_rng("moderation", text)
        scores = {
            c: (0.9 + rng.random() / 20) if c in hits else rng.random() / 1000
            for c in MODERATION_CATEGORIES
        }
        results.append(
            {
                "flagged": bool(hits),
                "categories": {c: c in hits for c in MODERATION_CATEGORIES},
                "category_scores": scores,
            }
        )
    return {
        "id": new_id("modr-"),
        "model": body.get("model") or "omni-moderation-latest",
        "results": results,
    }


# --- images and audio -----------------------------------------------------------------------


def png(seed: str, size: int = 64) -> bytes:
    """A valid ``size`` by ``size`` PNG of one colour chosen by ``seed``."""
    colour = hashlib.sha256(seed.encode()).digest()[:3]
    raw = (b"\x00" + colour * size) * size

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _pcm(seed: str, rate: int = 8000, seconds: float = 0.25) -> bytes:
    pitch = 220 + hashlib.sha256(seed.encode()).digest()[0] * 2
    samples = array.array(
        "h",
        (int(8000 * math.sin(2 * math.pi * pitch * i / rate)) for i in range(int(rate * seconds))),
    )
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def wav(seed: str, rate: int = 8000) -> bytes:
    """A valid mono 16-bit WAV file: a quarter-second tone whose pitch depends on ``seed``."""
    data = _pcm(seed, rate)
    return (
        b"RIFF"
        + struct.pack("<I", 36 + len(data))
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
        + b"data"
        + struct.pack("<I", len(data))
        + data
    )


def mp3(frames: int = 10) -> bytes:
    """A valid MP3 stream of silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz)."""
    frame = b"\xff\xfb\x90\x64" + bytes(417 - 4)
    return frame * frames


SPEECH_FORMATS = {
    "mp3": "audio/mpeg",
    "wav": "audio/wav",
    "pcm": "audio/pcm",
}


def speech(body: JSON) -> Tuple[bytes, str]:
    """Audio bytes and content type for ``/audio/speech`` (mp3, wav or raw pcm)."""
    fmt = body.get("response_format") or "mp3"
    seed = f"{body['voice']}:{body['input']}"
    if fmt == "mp3":
        return mp3(), SPEECH_FORMATS[fmt]
    if fmt == "wav":
        return wav(seed, 24000), SPEECH_FORMATS[fmt]
    if fmt == "pcm":
        return _pcm(seed, 24000), SPEECH_FORMATS[fmt]
    raise ApiError(
        400, f"The emulator produces mp3, wav and pcm speech, not '{fmt}'.", param="response_format"
    )


AUDIO_EXTENSIONS = ("flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm")


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    hours, minutes, secs = ms // 3_600_000, ms // 60_000 % 60, ms // 1000 % 60
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{sep}{ms % 1000:03d}"


def transcription(
    filename: str, data: bytes, fmt: str, task: str, language: Optional[str]
) -> Tuple[Any, str]:
    """The transcript of an upload in ``fmt``: (a JSON dict or text, content type).

    The words depend on the file's content; the upload needs an audio file name, as the API.
    """
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext not in AUDIO_EXTENSIONS:
        raise ApiError(
            400, f"Invalid file format. Supported formats: {list(AUDIO_EXTENSIONS)}", param="file"
        )
    digest = hashlib.sha256(data).hexdigest()
    text = reply_text("audio", task, digest, words=12)
    duration = round(max(1.0, len(data) / 16000), 2)
    if fmt == "json":
        return {"text": text}, "application/json"
    if fmt == "text":
        return text + "\n", "text/plain"
    if fmt == "srt":
        return f"1\n{_stamp(0, ',')} --> {_stamp(duration, ',')}\n{text}\n\n", "text/plain"
    if fmt == "vtt":
        return f"WEBVTT\n\n{_stamp(0, '.')} --> {_stamp(duration, '.')}\n{text}\n\n", "text/plain"
    if fmt == "verbose_json":
        segment: Dict[str, Any] = {
            "id": 0,
            "seek": 0,
            "start": 0.0,
            "end": duration,
            "text": " " + text,
            "tokens": list(range(50364, 50364 + count_tokens(text))),
            "temperature": 0.0,
            "avg_logprob": -0.25,
            "compression_ratio": 1.2,
            "no_speech_prob": 0.01,
        }
        return {
            "task": task,
            "language": "english" if task == "translate" else (language or "english"),
            "duration": duration,
            "text": text,
            "segments": [segment],
        }, "application/json"
    raise ApiError(400, f"Invalid 'response_format': '{fmt}'.", param="response_format")


def transcript_events(text: str) -> Iterator[JSON]:
    """The events of a streamed transcription: ``transcript.text.delta`` pieces, then
    ``transcript.text.done`` with the whole text and its usage."""
    for piece in split_words(text):
        yield {"type": "transcript.text.delta", "delta": piece, "logprobs": None}
    tokens = count_tokens(text)
    usage = {
        "type": "tokens",
        "input_tokens": tokens,
        "input_token_details": {"text_tokens": 0, "audio_tokens": tokens},
        "output_tokens": tokens,
        "total_tokens": 2 * tokens,
    }
    yield {"type": "transcript.text.done", "text": text, "logprobs": None, "usage": usage}
