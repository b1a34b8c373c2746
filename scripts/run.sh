#!/usr/bin/env bash
# Runs compila.dev on the embedded defaults: SQLite in ./data, in-process queue and cache, offline AI.
# Makes sure the sandbox and language runtimes are there and the web app is built, then starts the host.
# Extra arguments go to the host (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/setup-runtimes.sh
bash scripts/build-web.sh
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
export Compila__DataDir="${Compila__DataDir:-$PWD/data}"
echo "compila.dev: $ASPNETCORE_URLS  (API docs at /docs, data in $Compila__DataDir)"
exec dotnet run --project src/Compila.Web -c Release -- "$@"
