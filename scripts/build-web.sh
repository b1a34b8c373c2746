#!/usr/bin/env bash
# Builds the SPA (web/ → src/Compila.Web/wwwroot) when the built index.html is missing or older than
# anything in web/. Idempotent: a second run with nothing changed does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

index=src/Compila.Web/wwwroot/index.html
if [ -f "$index" ] && [ -z "$(find web -path web/node_modules -prune -o -path web/test-results -prune -o -path web/playwright-report -prune -o -type f -newer "$index" -print -quit)" ]; then
  echo "web: $index is up to date"
  exit 0
fi

cd web
# npm ci only when the installed tree does not match the lock.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
