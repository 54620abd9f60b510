"""``openai-rest realtime "Say hi"``: one turn over the Realtime API, streamed to the terminal."""

from __future__ import annotations

import argparse
import struct
import sys
from typing import Any, Dict

from ._common import add_command, make_client, print_json, read_text, write_output

DEFAULT_MODEL = "gpt-realtime"
PCM_RATE = 24000  # audio/pcm: 16-bit little-endian mono at 24 kHz


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "realtime",
        run,
        "one turn over the Realtime API (WebSocket); the text streams to standard output",
        epilog='examples:\n  openai-rest realtime "Say hi"\n'
        '  openai-rest realtime "Tell a joke" --audio-out joke.wav --voice marin',
    )
    parser.add_argument("prompt", nargs="*", help="what to say (default: standard input)")
    parser.add_argument("-m", "--model", default=DEFAULT_MODEL, help=f"({DEFAULT_MODEL})")
    parser.add_argument("-s", "--instructions", help="the session's instructions")
    parser.add_argument(
        "--audio-out",
        metavar="FILE",
        help="answer in audio and save it: a .wav file, else raw 16-bit 24 kHz PCM (- : "
        "standard output, the transcript then on standard error)",
    )
    parser.add_argument("--voice", help="the voice of the audio answer (alloy, marin, ...)")


def wav(pcm: bytes, rate: int = PCM_RATE) -> bytes:
    """16-bit mono PCM in a WAV file."""
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(pcm),
        b"WAVE",
        b"fmt ",
        16,
        1,
        1,
        rate,
        rate * 2,
        2,
        16,
        b"data",
        len(pcm),
    )
    return header + pcm


def session_of(args: argparse.Namespace) -> Dict[str, Any]:
    session: Dict[str, Any] = {"output_modalities": ["audio" if args.audio_out else "text"]}
    if args.instructions:
        session["instructions"] = args.instructions
    if args.voice:
        session["audio"] = {"output": {"voice": args.voice}}
    return session


def run(args: argparse.Namespace) -> int:
    from openai_rest import RealtimeAccumulator

    prompt = read_text(args.prompt, "prompt")
    client = make_client(args)
    text_out = sys.stderr if args.audio_out == "-" else sys.stdout  # audio on stdout: text aside
    with client.realtime_connect(model=args.model) as rt:
        rt.session_update(**session_of(args))
        rt.create_item(prompt)
        rt.create_response()
        answer = RealtimeAccumulator()
        for event in rt:
            piece = answer.add(event)
            if piece and not args.json:
                text_out.write(piece)
                text_out.flush()
            if answer.done:
                break
    if args.json:
        print_json(answer.response)
    else:
        text_out.write("\n")
    if args.audio_out:
        audio = answer.audio
        write_output(args.audio_out, wav(audio) if args.audio_out.endswith(".wav") else audio)
    return 0 if answer.status in ("completed", "incomplete") else 1
