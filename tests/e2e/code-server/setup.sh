#!/usr/bin/env bash
# Installs what the code-server end-to-end test needs, and only what is missing: Debian's packages
# (chromium, ripgrep, and the headers code-server's native modules build against), then
# code-server 4.100.3 and playwright-core from package-lock.json. A second run with nothing changed
# does nothing. Needs root (or the packages already installed) and Node.js 20.
set -euo pipefail
cd "$(dirname "$0")"

packages=(chromium ripgrep libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config g++ make python3)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup.sh: the code-server end-to-end test needs: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "setup.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  echo "setup.sh: code-server 4.100.3 runs on Node.js 20 only; this is Node.js $(node --version)" >&2
  exit 1
fi

# node_modules is reused while package-lock.json and Node.js are the ones it was installed for.
stamp=node_modules/.paperlens-setup
wanted="$(sha256sum package-lock.json | cut -d' ' -f1) node $(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && [ -x node_modules/.bin/code-server ]; then
  exit 0
fi

# code-server's @vscode/ripgrep 1.15.11 downloads ripgrep from GitHub at install time, which this
# network does not reach, unless it finds a cached download in $TMPDIR: Debian's rg, packed the way
# its release archive is (the binary at the archive's top level), is that download.
download_cache=$(mktemp -d)
trap 'rm -rf "$download_cache"' EXIT
mkdir -p "$download_cache/vscode-ripgrep-cache-1.15.11" "$download_cache/rg"
cp "$(command -v rg)" "$download_cache/rg/rg"
tar -czf "$download_cache/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$download_cache/rg" rg

echo "setup.sh: installing code-server and playwright-core (npm ci)"
# --unsafe-perm: code-server's postinstall refuses to run as root without it; npm_config_yes: node-pty's
# install runs `npx node-gyp`, which would otherwise wait for a confirmation nobody can give.
TMPDIR="$download_cache" npm_config_yes=true npm ci --unsafe-perm --no-audit --no-fund
echo "$wanted" > "$stamp"
