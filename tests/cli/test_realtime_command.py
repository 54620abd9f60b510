"""``openai-rest realtime``: one turn over the Realtime API against the emulator."""

from __future__ import annotations

import json
import wave
from pathlib import Path

from .conftest import Cli


def test_realtime_prints_the_streamed_text(cli: Cli) -> None:
    done = cli("realtime", "echo: Hi from the command line")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Hi from the command line\n"


def test_realtime_reads_standard_input_and_prints_json(cli: Cli) -> None:
    done = cli("realtime", "--json", input="echo: piped\n")
    assert done.returncode == 0, done.stderr
    response = json.loads(done.stdout)
    assert response["status"] == "completed"
    assert response["output"][0]["content"][0]["text"] == "piped"


def test_realtime_audio_out_saves_a_wav(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "hi.wav"
    done = cli("realtime", "echo: say this out loud", "--audio-out", str(out), "--voice", "marin")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "say this out loud\n"  # the transcript
    with wave.open(str(out)) as audio:
        assert (audio.getframerate(), audio.getsampwidth(), audio.getnchannels()) == (24000, 2, 1)
        assert audio.getnframes() == 24000 * 4 * 60 // 1000  # 4 words, 60 ms each
    raw = tmp_path / "hi.pcm"
    assert cli("realtime", "echo: a b", "--audio-out", str(raw)).returncode == 0
    assert raw.stat().st_size == 24000 * 2 * 2 * 60 // 1000


def test_realtime_reports_a_refused_connection(cli: Cli) -> None:
    env = dict(cli.env, OPENAI_BASE_URL="http://127.0.0.1:9/v1")
    done = cli("realtime", "Hi", "--max-retries", "0", env=env)
    assert done.returncode == 1 and "cannot reach" in done.stderr


def test_realtime_audio_to_standard_output(cli: Cli) -> None:
    import subprocess

    from .conftest import command

    done = subprocess.run(
        [*command(), "realtime", "echo: a b c", "--audio-out", "-"],
        capture_output=True,
        env=cli.env,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) == 24000 * 2 * 3 * 60 // 1000  # raw PCM only
    assert done.stderr.decode().startswith("a b c")
