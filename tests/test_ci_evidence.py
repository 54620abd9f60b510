"""Under CI=true a test skipped for an absent service fails, and .ci/run's check says so.

Each case runs pytest on a small test file in a subprocess, as CI would, with and without
``CI=true``: the real hooks of tests/conftest.py, not a model of them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SAMPLE = """
import pytest
from services import require

def test_needs_nginx():
    require("nginx", "not on PATH (bash scripts/services/nginx.sh)")

def test_skips_for_another_reason():
    pytest.skip("needs fork")

def test_skips_by_hand():
    pytest.skip("service absent: redis-server: not on PATH")
"""


def run_pytest(tmp_path: Path, env: Dict[str, str]) -> subprocess.CompletedProcess[str]:
    tests = tmp_path / "tests"
    tests.mkdir(exist_ok=True)
    for helper in HERE.glob("*.py"):  # conftest.py and every helper module it imports
        if not helper.name.startswith("test_"):
            shutil.copy(helper, tests / helper.name)
    (tests / "test_sample.py").write_text(SAMPLE)
    report = tmp_path / "report.xml"
    clean = {
        k: v for k, v in os.environ.items() if k not in ("CI", "OPENAI_REST_ALLOW_ABSENT_SERVICES")
    }
    command = [sys.executable, "-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider"]
    command += [f"--junitxml={report}", "tests"]
    return subprocess.run(
        command, cwd=tmp_path, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def evidence(tmp_path: Path, env: Dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ci_evidence.py"), str(tmp_path / "report.xml")],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_outside_ci_an_absent_service_is_a_visible_skip(tmp_path: Path) -> None:
    run = run_pytest(tmp_path, {})
    assert run.returncode == 0, run.stdout
    assert "3 skipped" in run.stdout
    assert "service absent: nginx: not on PATH" in run.stdout
    check = evidence(tmp_path, {})
    assert check.returncode == 0
    assert "2 skipped for an absent service" in check.stdout


def test_under_ci_an_absent_service_fails(tmp_path: Path) -> None:
    run = run_pytest(tmp_path, {"CI": "true"})
    assert run.returncode == 1, run.stdout
    assert "2 failed, 1 skipped" in run.stdout
    assert "CI=true: every service must be present in CI" in run.stdout
    assert "FAILED tests/test_sample.py::test_needs_nginx" in run.stdout
    assert "FAILED tests/test_sample.py::test_skips_by_hand" in run.stdout


def test_under_ci_the_evidence_check_fails_without_conformance(tmp_path: Path) -> None:
    run_pytest(tmp_path, {"OPENAI_REST_ALLOW_ABSENT_SERVICES": "1", "CI": "true"})
    check = evidence(tmp_path, {"CI": "true"})
    assert check.returncode == 1, check.stdout
    assert "Prism conformance 0 passed" in check.stdout
    assert "Prism conformance did not run" in check.stdout
    assert "service absent: nginx" in check.stdout


def test_under_ci_a_module_skipped_for_a_service_fails_the_run_but_not_the_rest(
    tmp_path: Path,
) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_tier.py").write_text(
        "import pytest\n"
        "pytest.skip('service absent: nginx: not on PATH', allow_module_level=True)\n"
    )
    run = run_pytest(tmp_path, {"CI": "true"})
    assert run.returncode == 1, run.stdout
    assert "2 failed, 2 skipped" in run.stdout  # the sample module still ran
    assert "CI=true, FAILED (a service CI must have): tests/test_tier.py" in run.stdout
    check = evidence(tmp_path, {"CI": "true"})
    assert "tests.test_tier: service absent: nginx: not on PATH\n" in check.stdout, check.stdout


def test_a_ci_step_may_allow_absent_services(tmp_path: Path) -> None:
    run = run_pytest(tmp_path, {"CI": "true", "OPENAI_REST_ALLOW_ABSENT_SERVICES": "1"})
    assert run.returncode == 0, run.stdout
    assert "3 skipped" in run.stdout


@pytest.mark.parametrize("ci", ["", "true"])
def test_conformance_without_the_specs_is_counted_in_the_summary(tmp_path: Path, ci: str) -> None:
    """A checkout with no ../shared: each conformance module is one skip with its reason."""
    tests = tmp_path / "checkout" / "tests"
    shutil.copytree(HERE, tests, ignore=shutil.ignore_patterns("__pycache__"))
    clean = {
        k: v for k, v in os.environ.items() if k not in ("CI", "OPENAI_REST_ALLOW_ABSENT_SERVICES")
    }
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/conformance"],
        cwd=tests.parent,
        env={**clean, "CI": ci},
        capture_output=True,
        text=True,
        timeout=120,
    )
    modules = len(list((HERE / "conformance").glob("test_*.py")))
    if ci:
        assert run.returncode == 1 and f"{modules} failed" in run.stdout, run.stdout
        assert "service absent: OpenAI's specs: not at" in run.stdout
    else:
        assert run.returncode == 0 and f"{modules} skipped" in run.stdout, run.stdout


def test_an_expected_failure_is_not_a_skip(tmp_path: Path) -> None:
    """JUnit writes an xfail as <skipped type="pytest.xfail">: conformance still ran."""
    report = tmp_path / "report.xml"
    report.write_text(
        '<testsuites><testsuite name="pytest">'
        '<testcase classname="tests.conformance.test_prism" name="test_a"/>'
        '<testcase classname="tests.conformance.test_prism" name="test_b">'
        '<skipped type="pytest.xfail" message="known spec gap"/></testcase>'
        "</testsuite></testsuites>"
    )
    check = evidence(tmp_path, {"CI": "true"})
    assert check.returncode == 0, check.stdout
    assert "1 passed, 0 failed, 1 xfailed, 0 skipped" in check.stdout
