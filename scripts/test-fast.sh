#!/usr/bin/env bash
# The fast lane: rules, parsers, planners and the architecture rules; no host, no sandbox, no servers.
# Runs in seconds once built; the full lane (scripts/test.sh) stays what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Compila.slnx -nologo -v quiet
dotnet test Compila.slnx --no-build -nologo --filter "Lane=Fast" "$@"
