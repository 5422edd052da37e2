#!/usr/bin/env bash
# Installs what the tests need, then runs every test: JUnit on the JVM, then Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
mvn -B -q install
node scripts/build-site.mjs
npx playwright test -c playwright-tests/playwright.config.mjs
