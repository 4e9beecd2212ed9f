#!/usr/bin/env bash
# Supportwijzer's two commands, from a fresh clone:
#   ./run.sh serve   set everything up, build, and serve the site at http://127.0.0.1:8000
#   ./run.sh test    set everything up (a browser included) and run every test
# Other verbs: setup, build, check, bench. Needs Python 3.11+ and Node 18+.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

setup_python() {
  local python="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    say "Creating the Python environment (.venv)"
    if ! "$python" -m venv .venv 2>/dev/null; then
      rm -rf .venv
      say "python3-venv is missing; installing it"
      as_root apt-get update -qq && as_root apt-get install -y -qq python3-venv >/dev/null \
        || { echo "Install python3-venv (Debian/Ubuntu: apt-get install python3-venv) and try again." >&2; exit 1; }
      "$python" -m venv .venv
    fi
  fi
  say "Installing the Python packages (pip install -e .[dev])"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
}

setup_node() {
  command -v npm >/dev/null || { echo "Node.js 18+ with npm is needed (Debian/Ubuntu: apt-get install nodejs npm)." >&2; exit 1; }
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing Pyodide and the test tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

find_browser() {
  for candidate in "${SUPPORTWIJZER_BROWSER:-}" chromium chromium-browser google-chrome-stable google-chrome; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null && { command -v "$candidate"; return 0; }
  done
  return 1
}

setup_browser() {
  local packages=()
  find_browser >/dev/null || packages+=(chromium)
  command -v zbarimg >/dev/null || packages+=(zbar-tools)   # reads the QR codes in the tests
  command -v java >/dev/null || packages+=(default-jre-headless)  # runs vnu.jar, the HTML validity check
  command -v pdftoppm >/dev/null || packages+=(poppler-utils)  # turns the printed A4 team report into pages
  [ ${#packages[@]} = 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing ${packages[*]} (apt-get)"
    apt-get update -qq && apt-get install -y -qq "${packages[@]}" >/dev/null || true
  fi
  if find_browser >/dev/null; then return 0; fi
  say "No Chromium found; asking Playwright for its own (playwright install chromium)"
  .venv/bin/python -m playwright install chromium
}

setup() { setup_python; setup_node; }

case "${1:-help}" in
  setup) setup ;;
  build) setup; .venv/bin/python build.py build ;;
  check) setup; .venv/bin/python build.py check ;;
  serve) setup; exec .venv/bin/python build.py serve --port "${PORT:-8000}" ;;
  test)
    setup; setup_browser
    # one worker per core; a file's tests stay on one worker, so a file's fixtures are built once
    SUPPORTWIJZER_BROWSER="$(find_browser || true)" exec .venv/bin/python -m pytest -n auto --dist loadfile "${@:2}" ;;
  bench) setup; setup_browser
    .venv/bin/python bench/engine.py
    SUPPORTWIJZER_BROWSER="$(find_browser || true)" .venv/bin/python bench/site.py
    .venv/bin/python bench/readability.py
    .venv/bin/python bench/yaml_limits.py
    .venv/bin/python bench/team.py
    .venv/bin/python bench/scans.py
    .venv/bin/python bench/organisation.py
    .venv/bin/python bench/stdlib.py
    SUPPORTWIJZER_BROWSER="$(find_browser || true)" .venv/bin/python bench/lighthouse.py ;;
  *) sed -n '2,5p' "$0" | sed 's/^# //'; exit 2 ;;
esac
