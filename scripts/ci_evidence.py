"""After the test run in `.ci/run`: did the tiers CI must have actually run?

Reads the run's JUnit XML (``pytest --junitxml``) and says how many Prism conformance tests
passed and which tests skipped because a service was absent (``service absent:``, see
tests/services.py). Under ``CI=true`` it exits 1 when Prism conformance did not run or any
test skipped for an absent service; elsewhere it only reports.

    python scripts/ci_evidence.py REPORT.xml
"""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from typing import List, Optional

SERVICE_ABSENT = "service absent:"
CONFORMANCE = "tests.conformance.test_prism"


def problems(report: str) -> List[str]:
    cases = list(ET.parse(report).getroot().iter("testcase"))
    outcomes: Counter[str] = Counter()
    found = []
    for case in cases:
        skipped = case.find("skipped")
        failed = case.find("failure") is not None or case.find("error") is not None
        if skipped is not None and skipped.get("type") == "pytest.xfail":
            outcome, skipped = "xfailed", None  # an expected failure ran: not a skip
        else:
            outcome = "skipped" if skipped is not None else "failed" if failed else "passed"
        if case.get("classname", "").startswith(CONFORMANCE):
            outcomes[outcome] += 1
        # A test's skip says why in its message; a module skipped at collection, in its text.
        text = "" if skipped is None else skipped.get("message", "") + " " + (skipped.text or "")
        message = text.split("Skipped: ", 1)[-1] if "Skipped: " in text else text.strip()
        message = message.rstrip("\")'")  # the end of the (path, line, reason) tuple's repr
        if message.startswith(SERVICE_ABSENT):
            found.append(f"{case.get('classname')}::{case.get('name')}: {message}")
    print(
        f"ci evidence: {len(cases)} tests; Prism conformance {outcomes['passed']} passed, "
        f"{outcomes['failed']} failed, {outcomes['xfailed']} xfailed, {outcomes['skipped']} "
        "skipped; "
        f"{len(found)} skipped for an absent service"
    )
    if not outcomes["passed"] or outcomes["skipped"]:
        found.append(f"Prism conformance did not run in full ({dict(outcomes)})")
    return found


def main(argv: Optional[List[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    found = problems(args[0])
    for line in found:
        print(f"  {line}")
    required = os.environ.get("CI", "").lower() == "true"
    if found and required:
        print("CI=true: these tiers must run in CI (scripts/services/*.sh installs them)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
