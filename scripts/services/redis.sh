#!/usr/bin/env bash
# redis-server for the shared rate-limit tests (tests/test_ratelimit.py, tests/bulk/test_shared.py),
# from Debian's packages (the Python client is in the `test` extra). Idempotent: does nothing
# when redis-server is already on PATH.
set -euo pipefail

if ! command -v redis-server >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || true
    apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    # The tests start their own server on a loopback port; the packaged one is not needed.
    if command -v systemctl >/dev/null 2>&1; then
      systemctl disable --now redis-server >/dev/null 2>&1 || true
    fi
  else
    echo "redis.sh: no apt-get here; install redis-server by hand" >&2
    exit 0
  fi
fi
redis-server --version

