#!/usr/bin/env bash
# Runs every test: unit, fixture and property tests of the core, the CLI tests that run the built
# `paperlens` executable, and the language-server tests (in-process, over the real process's stdio,
# and from headless Neovim). Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")"

# The Neovim end-to-end tests need Debian's neovim (0.7); a fresh machine has none.
if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    echo "test.sh: the Neovim end-to-end tests need nvim: sudo apt-get install neovim" >&2
  fi
fi

log=$(mktemp)
dotnet test PaperLens.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# dotnet test prints one "Passed!/Failed!" line per test project; add them up for the summary.
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
rm -f "$log"
echo "tests: $summary"
exit "$status"
