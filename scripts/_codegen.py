"""What the scripts that generate files from the spec share: reading it, formatting the output
with ruff, and writing the file or checking (``--check``) that it is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent / "shared" / "openapi" / "openai-current.yaml"


def load_spec(path: Path) -> Dict[str, Any]:
    """The spec as plain data, with PyYAML's C loader when it has one."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        spec: Dict[str, Any] = yaml.load(handle, Loader=loader)
    return spec


def ruff_format(source: str, output: Path, tool: str) -> str:
    """``source`` as ``ruff format`` writes it, so the file stays ``ruff format --check`` clean."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    done = subprocess.run(
        [ruff, "format", "--stdin-filename", str(output), "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{tool}: ruff format failed:\n{done.stderr}")
    return done.stdout


def is_current(output: Path, text: str, command: str) -> bool:
    """Whether ``output`` holds ``text``; says on stderr what to run when it does not."""
    current = output.read_text(encoding="utf-8") if output.exists() else ""
    if current != text:
        print(f"{output.relative_to(ROOT)} is stale: run {command}", file=sys.stderr)
        return False
    return True
