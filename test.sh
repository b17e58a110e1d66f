#!/usr/bin/env bash
# Runs every test: unit, fixture and property tests of the core, and the CLI tests that run the
# built `paperlens` executable on temporary repositories. Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
dotnet test PaperLens.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# dotnet test prints one "Passed!/Failed!" line per test project; add them up for the summary.
summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
rm -f "$log"
echo "tests: $summary"
exit "$status"
