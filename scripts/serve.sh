#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/@ruby/3.4-wasm-wasi ]; then
  npm ci --no-audit --no-fund
fi
mvn -B -q install -DskipTests
node scripts/build-site.mjs
exec node scripts/serve.mjs
