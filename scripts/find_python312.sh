#!/usr/bin/env bash
# Prints the path of a Python 3.12 interpreter for the second-interpreter run
# (`make test-py312`), or fails saying how to get one. $PYTHON312 wins when set.
set -euo pipefail

candidates=()
[ -n "${PYTHON312:-}" ] && candidates+=("$PYTHON312")
candidates+=("$HOME/.pyenv/versions/3.12.1/bin/python")
for found in "$HOME"/.pyenv/versions/3.12*/bin/python; do
  candidates+=("$found")
done
for candidate in "${candidates[@]}"; do
  if [ -x "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
    echo "$candidate"
    exit 0
  fi
done
# A pyenv shim (or a system python3.12) on PATH.
if resolved=$(PYENV_VERSION=3.12.1 python3.12 -c 'import sys; assert sys.version_info[:2] == (3, 12); print(sys.executable)' 2>/dev/null); then
  echo "$resolved"
  exit 0
fi
echo "error: no Python 3.12 found for the second-interpreter run; install it (e.g. 'pyenv install 3.12') or set PYTHON312=/path/to/python3.12" >&2
exit 1
