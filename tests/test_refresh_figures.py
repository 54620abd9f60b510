"""scripts/refresh_figures.py rewrites marked figures to their results' values, as shown."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from refresh_figures import refreshed, shown_like

from test_figures import matches


@pytest.mark.parametrize(
    ("quoted", "value", "shown"),
    [
        ("0.039", 0.01449, "0.014"),
        ("1.24", 1.0649, "1.06"),
        ("117", 99.4, "99"),
        ("11,600", 16819.2, "16,800"),
        ("9,917", 16819.2, "16,819"),
        ("2.1", 2.0, "2.0"),
    ],
)
def test_a_value_is_shown_with_the_digits_the_page_shows(
    quoted: str, value: float, shown: str
) -> None:
    assert shown_like(quoted, value) == shown
    assert matches(shown, value)


def test_exact_figures_are_rewritten_and_bounds_and_code_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = tmp_path / "r.json"
    results.write_text(json.dumps({"a": {"b": 0.0512}, "c": 40.0}))
    monkeypatch.setattr("test_figures.ROOT", tmp_path)
    page = (
        "ratio 0.070<!-- figure: r.json a/b --> and under 32 MB<!-- figure: r.json c <= -->,\n"
        "`0.070<!-- figure: r.json a/b -->` stays code.\n"
    )
    assert refreshed(page, {}) == page.replace("ratio 0.070", "ratio 0.051", 1)
