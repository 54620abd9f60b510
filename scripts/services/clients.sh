#!/usr/bin/env bash
# The OpenAI clients the client tier drives against the emulator (tests/clients/): LangChain's
# ChatOpenAI and the OpenAI Agents SDK, pip-installed into the active virtual environment.
# Idempotent: pip does nothing when they are there. instructor is left out: it pins jiter
# below what the current openai SDK needs, which would hold the whole suite on an old SDK.
set -euo pipefail

python=${PYTHON:-python}
started=$(date +%s)
"$python" -m pip install -q "langchain-openai>=1.0" "openai-agents>=0.20"
echo "clients.sh: langchain-openai $("$python" -c 'import importlib.metadata as m; print(m.version("langchain-openai"))'), openai-agents $("$python" -c 'import importlib.metadata as m; print(m.version("openai-agents"))') in $(( $(date +%s) - started )) s"
