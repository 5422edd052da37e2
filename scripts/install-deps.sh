#!/usr/bin/env bash
# Installs what the build and tests need from Debian and npm, skipping what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v mvn >/dev/null || missing+=(maven)
# The WASI conformance programs (conformance/c) are built at test time with Debian's clang and wasi-libc.
for pkg in clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# npm ci installs exactly what package-lock.json pins.
npm ci --no-audit --no-fund
