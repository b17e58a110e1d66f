#!/usr/bin/env bash
# Runs every test: unit, fixture and property tests of the core, the CLI tests that run the built
# `paperlens` executable (the native one, published first; the CI recipes too: the GitHub Action's
# script, pre-commit, pandoc), and the language-server tests (in-process, over the real process's stdio,
# and from headless Neovim); then the VS Code extension's unit tests, and the extension built into its
# linux-x64 .vsix (the native server inside) and driven end to end in a real VS Code (code-server in
# headless Chromium, with no dotnet on its PATH). Ends with one summary line; exits non-zero when
# anything failed.
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

# The native (NativeAOT) paperlens links with clang; a fresh machine has none.
if ! command -v clang >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang >/dev/null
  else
    echo "test.sh: the native paperlens needs clang to link: sudo apt-get install clang" >&2
  fi
fi

# The BibTeX toolchain tests read what `paperlens bib` writes with Debian's bibtex (texlive-binaries,
# about 12 MB) and biber (about 11 MB with its Perl modules); without them those tests are skipped.
if ! command -v bibtex >/dev/null || ! command -v biber >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends texlive-binaries biber >/dev/null
  else
    echo "test.sh: the BibTeX toolchain tests need bibtex and biber: sudo apt-get install --no-install-recommends texlive-binaries biber" >&2
  fi
fi

# The CI recipes' tests run the real pre-commit framework on a temporary repository and Debian's pandoc
# on a document with the filter; without them those tests are skipped.
if ! command -v pre-commit >/dev/null || ! command -v pandoc >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pre-commit pandoc >/dev/null
  else
    echo "test.sh: the pre-commit and pandoc tests need them: sudo apt-get install --no-install-recommends pre-commit pandoc" >&2
  fi
fi

passed=0 failed=0 skipped=0
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Adds one runner's counts: passed failed skipped.
tally() {
  passed=$((passed + $1)) failed=$((failed + $2)) skipped=$((skipped + $3))
}

# A step that failed without reporting a failed test (an install, a build) counts as one failure.
step_failed() {
  echo "test.sh: $1" >&2
  tally 0 1 0
  status=1
}

# action-validator (npm), which the CLI tests run on action.yml and the README's workflow.
if ! (cd tests/e2e/github-action && npm ci --no-audit --no-fund); then
  step_failed "action-validator did not install (cd tests/e2e/github-action && npm ci)"
fi

# What ships is what is tested: the native paperlens, named in PAPERLENS_EXECUTABLE, is what the CLI,
# stdio and Neovim tests start (tests/PaperLens.Cli.Tests/PaperLensExecutable.cs); the in-process tests
# run the JIT build. Warnings of the trimming and AOT analysis are errors (TreatWarningsAsErrors).
native="${PAPERLENS_ARTIFACTS:-$PWD/artifacts}/native/linux-x64"
if dotnet publish server/PaperLens.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$native" --nologo; then
  export PAPERLENS_EXECUTABLE="$native/paperlens"
else
  step_failed "the native paperlens did not build (dotnet publish server/PaperLens.Cli -r linux-x64 -p:PublishAot=true); the tests run the JIT build"
fi

dotnet test PaperLens.sln -c Release --nologo "$@" 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
# dotnet test prints one "Passed!/Failed!" line per test project.
tally $(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d %d %d", p, f, s}')

# The code style of .editorconfig, on the projects the tests just built (no restore, no rebuild).
if ! dotnet format PaperLens.sln --verify-no-changes --no-restore; then
  step_failed "the C# code is not formatted as .editorconfig says: run dotnet format PaperLens.sln"
fi

# The extension's unit tests (mocha: "N passing", "N failing", "N pending").
(cd vscode-extension && npm ci --no-audit --no-fund && npm test) 2>&1 | tee "$log"
extension_status=${PIPESTATUS[0]}
mocha_count() { grep -oE "^ *[0-9]+ $1" "$log" | awk '{n+=$1} END {print n+0}'; }
tally "$(mocha_count passing)" "$(mocha_count failing)" "$(mocha_count pending)"
if [ "$extension_status" != 0 ]; then
  status=1
  [ "$(mocha_count failing)" = 0 ] && step_failed "the extension's unit tests did not run (npm ci or the build failed)"
fi

# The extension end to end: the linux-x64 .vsix (the native server inside) installed into code-server,
# driven by Playwright. The universal .vsix (framework-dependent server) is built too, for the
# platforms without a native build.
version=$(node -p 'require("./vscode-extension/package.json").version')
universal="$PWD/vscode-extension/paperlens-$version.vsix"
vsix="$PWD/vscode-extension/paperlens-linux-x64-$version.vsix"
rm -f "$universal" "$vsix"
if ! (cd vscode-extension && npm run package); then
  step_failed "the universal .vsix did not build (cd vscode-extension && npm run package)"
fi
if ! (cd vscode-extension && npm run package:native -- linux-x64); then
  step_failed "the linux-x64 .vsix did not build (cd vscode-extension && npm run package:native -- linux-x64)"
elif ! tests/e2e/code-server/setup.sh; then
  step_failed "the code-server end-to-end test could not be set up (tests/e2e/code-server/setup.sh)"
else
  (cd tests/e2e/code-server && PAPERLENS_VSIX="$vsix" node --test \
    --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination="$log" test/)
  e2e_status=$?
  # Node's TAP summary: "# pass N", "# fail N", "# cancelled N" (a test cut short), "# skipped N", "# todo N".
  node_count() { grep -E "^# ($1) [0-9]+$" "$log" | awk '{n+=$3} END {print n+0}'; }
  tally "$(node_count pass)" "$(node_count 'fail|cancelled')" "$(node_count 'skipped|todo')"
  if [ "$e2e_status" != 0 ]; then
    status=1
    [ "$(node_count 'fail|cancelled')" = 0 ] && step_failed "the code-server end-to-end test failed without reporting a test"
  fi
fi

echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
