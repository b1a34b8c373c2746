#!/usr/bin/env bash
# Runs every test: installs and starts what the tests need, runs the whole suite on the embedded
# defaults (SQLite), then the web suite again on PostgreSQL, then validates the challenge catalog.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -f scripts/setup-runtimes.sh ] && bash scripts/setup-runtimes.sh
bash scripts/services.sh

dotnet tool restore >/dev/null
dotnet build Compila.slnx -nologo -v quiet

# One test project at a time: they all drive the one sandbox pool of this machine.
echo "== tests on SQLite (embedded defaults)"
failed=()
for project in tests/*/*.csproj; do
  echo "-- $project"
  dotnet test "$project" --no-build -nologo || failed+=("$project")
done

echo "== web tests on PostgreSQL"
COMPILA_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres" \
  dotnet test tests/Compila.Web.Tests --no-build -nologo || failed+=("tests/Compila.Web.Tests on PostgreSQL")

echo "== challenge catalog: every (challenge, language) pair in the sandbox"
Compila__DataDir="$(mktemp -d)" dotnet run --project src/Compila.Web --no-build -- challenges validate \
  || failed+=("challenges validate")

echo "== reliability (short): worker killed twice mid-run, database queue, then RabbitMQ"
dotnet run --project bench/Compila.Submissions.Bench --no-build -- --short || failed+=("reliability, database queue")
dotnet run --project bench/Compila.Submissions.Bench --no-build -- --short --queue rabbitmq || failed+=("reliability, RabbitMQ")

echo "== web app: unit tests and end-to-end journeys in Debian's Chromium"
COMPILA_SKIP_DOTNET_BUILD=1 bash scripts/test-web.sh || failed+=("web")

if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "all tests passed"
