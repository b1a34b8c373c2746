#!/usr/bin/env bash
# Front-end tests: Vitest unit tests, then the Playwright end-to-end suite in Debian's Chromium against
# the real app (built host, fresh data folder). Nothing downloads a browser. --install-only: install Chromium only.
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test-web: /usr/bin/chromium is missing (apt-get install chromium)" >&2
    exit 1
  fi
fi

# scripts/test.sh installs every package before its lanes start, so no two lanes run dpkg at once.
[ "${1:-}" = --install-only ] && exit 0

bash scripts/build-web.sh

# The e2e suite starts the host with --no-build: build it unless the caller (scripts/test.sh) just did.
if [ ! -f src/Compila.Web/bin/Debug/net10.0/Compila.Web.dll ] || [ "${COMPILA_SKIP_DOTNET_BUILD:-}" != 1 ]; then
  dotnet build src/Compila.Web -nologo -v quiet
fi

cd web
echo "== web unit tests (vitest)"
npx vitest run
echo "== web end-to-end tests (playwright, $(/usr/bin/chromium --version 2>/dev/null | head -1))"
npx playwright test -c e2e/playwright.config.ts
