"""The bulk runner's pacer and token estimate: ``openai_rest.ratelimit``'s, one definition for
the runner and for applications (``Client(rate_limit=Limiter(...))``)."""

from __future__ import annotations

from openai_rest.ratelimit import Limiter, LimiterUnavailable, estimate_tokens

__all__ = ["Limiter", "LimiterUnavailable", "estimate_tokens"]
