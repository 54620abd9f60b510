"""``openai-rest speech TEXT -o FILE`` and ``openai-rest transcribe FILE``."""

from __future__ import annotations

import argparse
import os
from typing import Any

from ._common import add_command, emit, make_client, read_text, write_output
from ._progress import reading

SPEECH_FORMATS = ("mp3", "opus", "aac", "flac", "wav", "pcm")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    speech = add_command(
        commands,
        "speech",
        speak,
        "turn text into speech",
        epilog='example:\n  openai-rest speech "Hello there" -o hello.mp3 --voice nova',
    )
    speech.add_argument("text", nargs="*", help="the text to say (default: standard input)")
    speech.add_argument("-o", "--output", required=True, help="audio file to write (- : stdout)")
    speech.add_argument("-m", "--model", default="tts-1", help="(tts-1)")
    speech.add_argument("--voice", default="alloy", help="alloy, echo, fable, nova... (alloy)")
    speech.add_argument(
        "--format", choices=SPEECH_FORMATS, help="audio format (default: from the file name, mp3)"
    )
    transcribe = add_command(commands, "transcribe", transcribe_file, "turn speech into text")
    transcribe.add_argument("file", help="an audio file (mp3, wav, m4a, webm, ...)")
    transcribe.add_argument("-m", "--model", default="whisper-1", help="(whisper-1)")
    transcribe.add_argument("--language", help="the spoken language, ISO-639-1 (e.g. en)")
    transcribe.add_argument("--prompt", help="text to guide the style or spelling")


def speech_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    extension = os.path.splitext(args.output)[1].lstrip(".").lower()
    return extension if extension in SPEECH_FORMATS else "mp3"


def speak(args: argparse.Namespace) -> int:
    text = read_text(args.text, "text")
    client = make_client(args)
    audio = client.audio_speech(
        model=args.model, voice=args.voice, input=text, response_format=speech_format(args)
    )
    write_output(args.output, audio)
    return 0


def transcribe_file(args: argparse.Namespace) -> int:
    client = make_client(args)
    chosen = {"language": args.language, "prompt": args.prompt}
    params = {k: v for k, v in chosen.items() if v is not None}
    with reading(args.file) as handle:
        result = client.audio_transcription(handle, model=args.model, **params)
    return emit(args, result, _show)


def _show(result: Any) -> None:
    print(result["text"] if isinstance(result, dict) else result)
