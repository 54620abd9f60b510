"""Every ``openai-rest`` command line shown in docs/cli.md is valid for the current parser."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import List

import pytest

from openai_rest.cli import build_parser

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
COMMAND = re.compile(r"^\$ (?:.*\| )?openai-rest (.*)$", re.M)


def documented() -> List[str]:
    lines = []
    for match in COMMAND.finditer(DOC.read_text(encoding="utf-8")):
        line = re.split(r"\s+#\s|\s>\s", match.group(1))[0]  # drop comments and redirections
        lines.append(line.strip())
    return lines


@pytest.mark.parametrize("line", documented())
def test_documented_command_parses(line: str) -> None:
    args, extra = build_parser().parse_known_args(shlex.split(line))
    assert getattr(args, "handler", None) is not None
    assert not extra or getattr(args, "passthrough", False)


def test_the_doc_shows_every_command() -> None:
    shown = {line.split()[0] for line in documented() if line.split()}
    shown |= {line.split()[1] for line in documented() if line.split()[0].startswith("-")}
    expected = {"demo", "emulate", "chat", "models", "files", "embeddings", "speech"}
    expected |= {"transcribe", "images", "moderate", "api"}
    assert expected <= shown
