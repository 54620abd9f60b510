"""The openai.ex migration table names real functions and covers the whole seed surface."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Set, Tuple

import pytest

import openai_rest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "migration-from-openai-ex.md"
SURFACE = ROOT.parent / "shared" / "SURFACE.md"
PYTHON_CALL = re.compile(r"openai_rest\.([a-z_]+)\(")
ELIXIR_CALL = re.compile(r"OpenAI\.([a-z_]+)\(")


def table_rows() -> List[Tuple[str, str]]:
    """(Elixir cell, Python cell) of every row of the "Every function" table."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## Every function", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and "OpenAI." in cells[0]:
            rows.append((cells[0], cells[1]))
    return rows


def surface_functions() -> Set[str]:
    """The function names in the first column of SURFACE.md's function table."""
    names = set()
    for line in SURFACE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        first = line.split("|")[1]
        if "(" not in first and "`image_" not in first:
            continue  # the configuration table's rows
        names.update(re.findall(r"`([a-z_]+)[`(]", first))
    return names


def test_the_table_has_rows() -> None:
    assert len(table_rows()) >= 50


@pytest.mark.parametrize(("elixir", "python"), table_rows(), ids=lambda cell: cell[:40])
def test_each_row_names_the_same_existing_functions(elixir: str, python: str) -> None:
    python_names = PYTHON_CALL.findall(python)
    assert python_names, f"no openai_rest.name( call in {python!r}"
    for name in python_names:
        assert callable(getattr(openai_rest, name, None)), f"openai_rest has no {name}"
    assert set(ELIXIR_CALL.findall(elixir)) == set(python_names)


def test_every_seed_function_is_in_the_table() -> None:
    if not SURFACE.exists():
        pytest.skip(f"{SURFACE} is not beside this checkout")
    in_table = {name for _, python in table_rows() for name in PYTHON_CALL.findall(python)}
    surface = surface_functions()
    assert len(surface) >= 50
    assert surface - in_table == set()
