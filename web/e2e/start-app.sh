#!/usr/bin/env bash
# Starts the real app for the end-to-end suite: the built host, a fresh data folder, loopback only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="$root/web/node_modules/.e2e-data"
rm -rf "$runs"
data="$runs/$$"
mkdir -p "$data"
export Compila__DataDir="$data"
export ASPNETCORE_URLS="http://127.0.0.1:${E2E_PORT:-5299}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root"
exec dotnet run --project src/Compila.Web --no-build
