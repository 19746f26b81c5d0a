#!/usr/bin/env bash
# Install the project in .venv and serve the handbook at http://127.0.0.1:8000 (rebuilds on save).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements.txt
exec .venv/bin/mkdocs serve "$@"
