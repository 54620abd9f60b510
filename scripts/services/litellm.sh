#!/usr/bin/env bash
# LiteLLM's proxy (PyPI litellm[proxy]) in its own virtual environment, so that its many pins
# never touch the test environment. Idempotent: does nothing when the proxy already runs.
# The tests find the binary at $OPENAI_REST_LITELLM or ~/.cache/openai-rest/litellm-venv/bin/litellm.
set -euo pipefail
venv=${OPENAI_REST_LITELLM_VENV:-"$HOME/.cache/openai-rest/litellm-venv"}
if "$venv/bin/litellm" --help >/dev/null 2>&1; then
  echo "litellm proxy present: $venv/bin/litellm"
  exit 0
fi
python=python3
for candidate in python3.12 python3.11 "$HOME"/.pyenv/versions/3.1[12]*/bin/python3 python3; do
  if "$candidate" -c 'import sys; assert sys.version_info >= (3, 10)' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
mkdir -p "$(dirname "$venv")"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$venv/bin/python" -m pip install -q 'litellm[proxy]'
"$venv/bin/litellm" --help >/dev/null
echo "litellm proxy installed: $venv/bin/litellm"
