#!/usr/bin/env bash
# The PaperLens GitHub Action (action.yml at the repository's root): installs the release's paperlens for
# the runner's system and architecture, its checksum verified, then checks the lines the change brought
# and annotates them. It runs by hand too, with the variables the runner sets:
#   INPUT_PATH INPUT_OFFLINE INPUT_BASELINE INPUT_FAIL_ON INPUT_VERSION   the action's inputs
#   RUNNER_OS RUNNER_ARCH RUNNER_TEMP   which archive, and where it goes
#   GITHUB_SERVER_URL GITHUB_API_URL GITHUB_TOKEN GITHUB_ACTION_PATH GITHUB_REPOSITORY   where releases are
#   GITHUB_BASE_REF   a pull request's base branch, what --changed compares with
#   GITHUB_WORKSPACE GITHUB_STEP_SUMMARY   read by `paperlens check --format github`
# and PAPERLENS_BINARY, a paperlens to run instead of downloading one.
set -euo pipefail

# On stderr, which the runner reads for workflow commands too: this also runs inside $(…).
fail() {
  local message=${1//%/%25}
  echo "::error title=PaperLens::${message//$'\n'/%0A}" >&2
  exit 2
}

path=${INPUT_PATH:-.}
offline=${INPUT_OFFLINE:-false}
baseline=${INPUT_BASELINE:-}
fail_on=${INPUT_FAIL_ON:-error}
version=${INPUT_VERSION:-latest}

case "$fail_on" in error | warning | never) ;; *) fail "fail-on is '$fail_on'; it must be error, warning or never" ;; esac
case "$offline" in true | false) ;; *) fail "offline is '$offline'; it must be true or false" ;; esac

# The functions below set variables rather than print their results: a failure inside $(…) would not
# stop the script (bash clears errexit there).

# The repository whose releases hold the binary: the action's own. GitHub leaves github.action_repository
# empty in a composite action's steps, but the action is checked out at _actions/OWNER/REPO/REF; an
# action used from the checked-out repository itself (uses: ./) is that repository.
find_release_repository() {
  local action_path=${GITHUB_ACTION_PATH:-}
  action_path=${action_path//\\//}
  if [[ "$action_path" =~ /_actions/([^/]+)/([^/]+)/[^/]+/?$ ]]; then
    repository="${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
  else
    repository=${GITHUB_REPOSITORY:-}
    [ -n "$repository" ] || fail "GITHUB_REPOSITORY is not set: which repository's releases to install from?"
  fi
}

# The release's name for the runner's platform (a .NET runtime identifier).
find_runtime_identifier() {
  local system arch
  case "${RUNNER_OS:-}" in
    Linux) system=linux ;;
    macOS) system=osx ;;
    Windows) system=win ;;
    *) fail "no PaperLens release for RUNNER_OS '${RUNNER_OS:-}' (Linux, macOS or Windows)" ;;
  esac
  case "${RUNNER_ARCH:-}" in
    X64) arch=x64 ;;
    ARM64) arch=arm64 ;;
    *) fail "no PaperLens release for RUNNER_ARCH '${RUNNER_ARCH:-}' (X64 or ARM64)" ;;
  esac
  rid="$system-$arch"
}

download() {
  local url=$1 file=$2
  local auth=()
  # The token raises the API's rate limit; it goes only to this GitHub's own hosts.
  if [ -n "${GITHUB_TOKEN:-}" ] && [[ "$url" == "$GITHUB_API_URL"/* || "$url" == "$GITHUB_SERVER_URL"/* ]]; then
    auth=(-H "Authorization: Bearer $GITHUB_TOKEN")
  fi
  # ${auth[@]+…}: macOS's bash 3.2 takes an empty array for an unset variable.
  curl --fail --silent --show-error --location --retry 3 ${auth[@]+"${auth[@]}"} --output "$file" "$url" \
    || fail "could not download $url"
}

# Read from standard input: sha256sum marks a file name holding a backslash (Windows paths) with one.
sha256() {
  if command -v sha256sum >/dev/null; then sha256sum <"$1"; else shasum -a 256 <"$1"; fi | cut -d' ' -f1
}

install_release() {
  local tag archive directory expected actual
  find_release_repository
  find_runtime_identifier
  GITHUB_SERVER_URL=${GITHUB_SERVER_URL:-https://github.com}
  GITHUB_API_URL=${GITHUB_API_URL:-https://api.github.com}
  directory=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/paperlens.XXXXXX") || fail "cannot make a temporary folder"

  if [ "$version" = latest ]; then
    download "$GITHUB_API_URL/repos/$repository/releases/latest" "$directory/latest.json"
    tag=$({ grep -o '"tag_name": *"[^"]*"' "$directory/latest.json" || true; } | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/')
    [ -n "$tag" ] || fail "$repository has no release to install"
  else
    tag=v${version#v}
  fi

  archive="paperlens-${tag#v}-$rid.tar.gz"
  [ "$rid" = "${rid#win-}" ] || archive="paperlens-${tag#v}-$rid.zip"
  download "$GITHUB_SERVER_URL/$repository/releases/download/$tag/$archive" "$directory/$archive"
  download "$GITHUB_SERVER_URL/$repository/releases/download/$tag/$archive.sha256" "$directory/$archive.sha256"
  expected=$(cut -d' ' -f1 <"$directory/$archive.sha256" | tr -d '\r\n' | tr 'A-F' 'a-f')
  actual=$(sha256 "$directory/$archive")
  [ "$expected" = "$actual" ] || fail "$archive does not match its published SHA-256 checksum (expected $expected, got $actual); not running it"

  mkdir "$directory/unpacked"
  case "$archive" in
    *.zip) unzip -q "$directory/$archive" -d "$directory/unpacked" ;;
    *) tar -xzf "$directory/$archive" -C "$directory/unpacked" ;;
  esac
  paperlens=$(find "$directory/unpacked" -maxdepth 2 -type f \( -name paperlens -o -name paperlens.exe \) | head -n 1)
  [ -n "$paperlens" ] || fail "$archive holds no paperlens executable"
  chmod +x "$paperlens"
}

# What --changed compares with: in a pull request, where it left its base branch (the checkout needs the
# history: actions/checkout with fetch-depth: 0); elsewhere the check's own default.
find_changed_since() {
  base=
  [ -n "${GITHUB_BASE_REF:-}" ] || return 0
  base=$(git merge-base "origin/$GITHUB_BASE_REF" HEAD 2>/dev/null) \
    || fail "cannot find where this branch left origin/$GITHUB_BASE_REF: check out with fetch-depth: 0"
}

if [ -n "${PAPERLENS_BINARY:-}" ]; then
  paperlens=$PAPERLENS_BINARY
else
  install_release
fi
echo "PaperLens $("$paperlens" --version)"

arguments=(check "$path" --format github)
[ "$offline" = false ] || arguments+=(--offline)
[ -z "$baseline" ] || arguments+=(--baseline "$baseline")
[ "$fail_on" != warning ] || arguments+=(--strict)
# Last, since its REF is optional: nothing after it can be taken for one.
arguments+=(--changed)
find_changed_since
[ -z "$base" ] || arguments+=("$base")

status=0
"$paperlens" "${arguments[@]}" || status=$?
# 1 is findings at or above fail-on; 2 is a check that could not run, which fails whatever fail-on says.
if [ "$status" = 1 ] && [ "$fail_on" = never ]; then status=0; fi
exit "$status"
