"""The commands that talk to a server, run as a user runs them, against the emulator."""

from __future__ import annotations

import json
from pathlib import Path

from openai_rest.emulator.pytest_plugin import EmulatorHandle

from .conftest import SECRET, Cli


def test_chat_from_arguments_streams_an_answer(cli: Cli) -> None:
    done = cli("chat", "Hello", "there", "--model", "gpt-4o", "--max-tokens", "30")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert done.stderr == ""


def test_chat_from_stdin_answers_the_same_prompt(cli: Cli) -> None:
    from_args = cli("chat", "What is HTTP?", "--system", "Be brief", "-t", "0.2")
    from_stdin = cli("chat", "--system", "Be brief", "-t", "0.2", input="What is HTTP?\n")
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_args.stdout != ""


def test_chat_json_prints_the_completion(cli: Cli) -> None:
    done = cli("--json", "chat", "Hi")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["object"] == "chat.completion"


def test_chat_interactive_keeps_the_conversation(cli: Cli) -> None:
    done = cli("chat", "--interactive", input="first\nsecond\n/exit\n")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 2


def test_chat_without_a_prompt_is_a_usage_error(cli: Cli) -> None:
    done = cli("chat", input="")
    assert done.returncode == 2
    assert "no prompt" in done.stderr


def test_files_upload_of_a_real_file(
    cli: Cli, tmp_path: Path, openai_emulator: EmulatorHandle
) -> None:
    path = tmp_path / "train.jsonl"
    data = b"".join(json.dumps({"n": n}).encode() + b"\n" for n in range(2000))
    path.write_bytes(data)
    done = cli("files", "upload", str(path), "--purpose", "fine-tune", "--json")
    assert done.returncode == 0, done.stderr
    uploaded = json.loads(done.stdout)
    assert (uploaded["filename"], uploaded["bytes"]) == ("train.jsonl", len(data))
    assert "\r" not in done.stderr  # no progress bar when not on a terminal
    assert bytes(openai_emulator.client.files_content(uploaded["id"])) == data

    listed = cli("files", "list")
    assert uploaded["id"] in listed.stdout
    out = tmp_path / "back.jsonl"
    downloaded = cli("files", "download", uploaded["id"], "-o", str(out))
    assert downloaded.returncode == 0, downloaded.stderr
    assert out.read_bytes() == data
    to_stdout = cli("files", "download", uploaded["id"])
    assert to_stdout.stdout.encode() == data
    assert cli("files", "delete", uploaded["id"]).returncode == 0
    assert cli("files", "retrieve", uploaded["id"]).returncode == 1


def test_api_get_prints_json(cli: Cli) -> None:
    done = cli("api", "GET", "/models")
    assert done.returncode == 0, done.stderr
    assert any(m["id"] == "gpt-4o" for m in json.loads(done.stdout)["data"])
    assert json.loads(cli("api", "get", "v1/models/gpt-4o").stdout)["id"] == "gpt-4o"


def test_api_post_json_and_multipart(cli: Cli, tmp_path: Path) -> None:
    body = json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]})
    chat = cli("api", "POST", "/chat/completions", "-d", body)
    assert chat.returncode == 0, chat.stderr
    assert json.loads(chat.stdout)["choices"][0]["message"]["role"] == "assistant"
    path = tmp_path / "notes.txt"
    path.write_text("some notes\n")
    upload = cli("api", "POST", "/files", "-F", "purpose=assistants", "-F", f"file=@{path}", "-i")
    assert upload.returncode == 0, upload.stderr
    head, _, rest = upload.stdout.partition("\n\n")
    assert head.startswith("HTTP 200")
    assert json.loads(rest)["filename"] == "notes.txt"


def test_other_commands(cli: Cli, tmp_path: Path) -> None:
    assert "gpt-4o" in cli("models").stdout
    assert "1536 dimensions" in cli("embeddings", "cat", "dog").stdout
    assert cli("moderate", "what a nice day").stdout.strip() == "not flagged"
    audio = tmp_path / "hello.mp3"
    assert cli("speech", "Hello", "-o", str(audio)).returncode == 0
    assert audio.stat().st_size > 0
    heard = cli("transcribe", str(audio))
    assert heard.returncode == 0 and heard.stdout.strip(), heard.stderr
    image = tmp_path / "cat.png"
    assert cli("images", "generate", "a cat", "-o", str(image)).returncode == 0
    assert image.read_bytes().startswith(b"\x89PNG")


def test_api_error_is_one_line_with_status_and_request_id(cli: Cli) -> None:
    done = cli("files", "retrieve", "file-missing")
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "404" in done.stderr and "request id req_" in done.stderr


def test_the_key_never_appears_even_with_verbose(cli: Cli) -> None:
    ok = cli("-v", "models", "gpt-4o")
    assert ok.returncode == 0
    assert "GET " in ok.stderr and "-> 200" in ok.stderr
    failed = cli("models", "no-such-model", "-vv")
    assert failed.returncode == 1
    for done in (ok, failed):
        assert SECRET not in done.stdout + done.stderr
        assert SECRET[-8:] not in done.stdout + done.stderr
