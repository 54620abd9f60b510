"""Counts what the emulator's rate limit let through (and when) and what it refused (429s)."""

from __future__ import annotations

import time
from typing import Any, Dict, List, Tuple


class Counting:
    """Wraps ``limits.check``: ``passed``, ``times`` (when each got through), ``refused``."""

    def __init__(self, limits: Any) -> None:
        self.refused = 0
        self.passed = 0
        self.times: List[float] = []
        self.refused_times: List[float] = []
        check = limits.check

        def counted(tokens: int) -> Dict[str, str]:
            try:
                headers: Dict[str, str] = check(tokens)
            except Exception:
                self.refused += 1
                self.refused_times.append(time.monotonic())
                raise
            self.passed += 1
            self.times.append(time.monotonic())
            return headers

        limits.check = counted

    def rate(self, skip: float = 1.0) -> Tuple[float, float]:
        """Requests let through per minute after the first ``skip`` seconds (a limit's burst)
        until the last one, and that span in seconds."""
        start = self.times[0] + skip
        later = [at for at in self.times if at >= start]
        span = later[-1] - start
        return len(later) / span * 60.0, span
