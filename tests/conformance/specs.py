"""Which spec version has which operation: read from the ``paths:`` of OpenAI's spec files.

The four files in ``../shared/openapi`` are YAML written by one generator: path keys at two
spaces of indentation under the top-level ``paths:``, operations at four. A line scan reads
them exactly (and reads the 3 MB current spec in a few milliseconds, without PyYAML).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Dict, FrozenSet, Tuple

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
OPENAPI = SHARED / "openapi"
PRISM_MOCK = OPENAPI / "prism-mock"
SPECS = ("openai-2022-03", "openai-2023-06", "openai-2023-12", "openai-current")

_PATH_KEY = re.compile(r"^  ['\"]?(/[^'\":]*)['\"]?:\s*$")
_METHOD_KEY = re.compile(r"^    (get|post|put|patch|delete):\s*$")
_TOP_KEY = re.compile(r"^\S")
_PARAM = re.compile(r"{[^}]*}")


def shape(path: str) -> str:
    """A path with its parameter names erased: the spec says ``{model}``, we say ``{model_id}``."""
    return _PARAM.sub("{}", path)


@cache
def operations(spec: str) -> FrozenSet[Tuple[str, str]]:
    """Every ``(METHOD, shape(path))`` that the spec file defines."""
    found = set()
    in_paths = False
    path = None
    with open(OPENAPI / f"{spec}.yaml", encoding="utf-8") as text:
        for line in text:
            if _TOP_KEY.match(line):
                if in_paths:
                    break
                in_paths = line.startswith("paths:")
                continue
            if not in_paths:
                continue
            match = _PATH_KEY.match(line)
            if match:
                path = shape(match.group(1))
                continue
            match = _METHOD_KEY.match(line)
            if match and path is not None:
                found.add((match.group(1).upper(), path))
    return frozenset(found)


def specs_with(method: str, path: str) -> Tuple[str, ...]:
    """The spec versions in which ``method path`` exists."""
    key = (method, shape(path))
    return tuple(spec for spec in SPECS if key in operations(spec))


def available() -> Dict[str, bool]:
    """Which spec files are present (the shared folder may be missing outside the workspace)."""
    return {spec: (OPENAPI / f"{spec}.yaml").is_file() for spec in SPECS}
