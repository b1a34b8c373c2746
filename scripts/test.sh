#!/usr/bin/env bash
# Runs every test: installs and starts what the tests need, runs the whole suite on the embedded
# defaults (SQLite), then the web suite again on PostgreSQL, then validates the challenge catalog, then the
# judging pipeline with real processes (a worker killed mid-run; two apis and two workers scaled out).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -f scripts/setup-runtimes.sh ] && bash scripts/setup-runtimes.sh
bash scripts/services.sh
failed=()
# Per-stage wall times, printed at the end so a slow stage is visible in every CI log.
# Each stage also reports the CPU its (waited-for) children used, so a stage that leaves the cores idle shows.
timings=()
children_cpu() { awk '{ print $16 + $17 }' /proc/$$/stat; }
ticks=$(getconf CLK_TCK)
stage_started=$SECONDS
stage_cpu=$(children_cpu)
stage_name="setup and build"
stage() {
  local wall=$((SECONDS - stage_started)) cpu=$(( ($(children_cpu) - stage_cpu) / ticks ))
  timings+=("$(printf '%5ds wall %5ds cpu  %s' "$wall" "$cpu" "$stage_name")")
  stage_name="$1"
  stage_started=$SECONDS
  stage_cpu=$(children_cpu)
  echo "== $1"
}
# Renders and lints deploy/ and installs kubectl for tests/Compila.Deploy.Tests.
bash scripts/validate-deploy.sh || failed+=("deploy validation")

dotnet tool restore >/dev/null
dotnet build Compila.slnx -nologo -v quiet

# Each project writes a .trx report, so the end of the log can list the failed tests.
results="$(mktemp -d)"
trx() { echo "trx;LogFilePrefix=$1"; }

echo "== tests on SQLite (embedded defaults)"
# One test project at a time: they all drive the one sandbox pool of this machine.
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  stage "$name (SQLite)"
  dotnet test "$project" --no-build -nologo --logger "$(trx "$name")" --results-directory "$results" || failed+=("$project")
done

stage "web tests on PostgreSQL"
# Tests that never reach the database provider (pure rules, HTTP plumbing, protocol doubles) ran above already.
COMPILA_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres" \
  dotnet test tests/Compila.Web.Tests --no-build -nologo --filter "Lane!=Fast&Database!=None" --logger "$(trx Compila.Web.Tests-postgres)" --results-directory "$results" \
  || failed+=("tests/Compila.Web.Tests on PostgreSQL")

stage "challenge catalog: every (challenge, language) pair in the sandbox"
Compila__DataDir="$(mktemp -d)" dotnet run --project src/Compila.Web --no-build -- challenges validate \
  || failed+=("challenges validate")

stage "reliability (short): worker killed twice mid-run, database queue, then RabbitMQ"
dotnet run --project bench/Compila.Submissions.Bench --no-build -- --short || failed+=("reliability, database queue")
dotnet run --project bench/Compila.Submissions.Bench --no-build -- --short --queue rabbitmq || failed+=("reliability, RabbitMQ")

stage "scale-out: two api and two worker processes behind haproxy, Prometheus scraping them, kills mid-run"
# --short: smaller throughput phases, the same kills and checks (the published figures come from full runs).
COMPILA_SKIP_DOTNET_BUILD=1 bash scripts/test-scale.sh --short || failed+=("scale-out")

stage "web app: unit tests and end-to-end journeys in Debian's Chromium"
COMPILA_SKIP_DOTNET_BUILD=1 bash scripts/test-web.sh || failed+=("web")

stage "done"
echo "== stage timings"
printf '%s\n' "${timings[@]}"

if [ ${#failed[@]} -gt 0 ]; then
  echo "== failed tests"
  python3 scripts/test-failures.py "$results" >&2 || true
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "all tests passed"
