#!/usr/bin/env bash
# Runs every test: installs and starts what the tests need, then three lanes side by side:
#   dotnet   every test project on the embedded defaults (SQLite), the challenge catalog validated in every
#            language, and the judging pipeline with a worker killed mid-run;
#   postgres the web suite again on PostgreSQL, then the scale-out (two apis and two workers behind haproxy,
#            RabbitMQ, Prometheus, kills mid-run);
#   browser  the SPA's unit tests and the Playwright journeys in Debian's Chromium.
# On two cores no lane keeps both busy (the browser lane waits on the app and the browser, the PostgreSQL lane on
# the database), so together they finish in about the time of the longest. Each lane writes its own log, printed
# whole when it ends, and every stage reports its wall time and the CPU its processes used.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
logs="$(mktemp -d)"
# Each project writes a .trx report, so the end of the log can list the failed tests.
results="$logs/trx"
mkdir -p "$results"
trx() { echo "trx;LogFilePrefix=$1"; }

# --- stage bookkeeping, per lane (a lane is a subshell: $BASHPID is its own process) -------------------------
# Read from the lane's own process: inside $(...) $BASHPID would be the substitution's subshell, which reaps nothing.
children_cpu() { awk '{ print $16 + $17 }' "/proc/$lane_pid/stat"; }
ticks=$(getconf CLK_TCK)
lane_begin() {
  lane="$1"
  lane_pid=$BASHPID
  stage_name=""
}
stage() {
  stage_end
  stage_name="$1"
  stage_started=$SECONDS
  stage_cpu=$(children_cpu)
  echo "== [$lane] $1"
}
stage_end() {
  [ -n "$stage_name" ] || return 0
  local wall=$((SECONDS - stage_started)) cpu=$(( ($(children_cpu) - stage_cpu) / ticks ))
  printf '%5ds wall %5ds cpu  [%s] %s\n' "$wall" "$cpu" "$lane" "$stage_name" >> "$logs/timings"
  stage_name=""
}
fail() { echo "$1" >> "$logs/failed"; }

# --- setup: Debian packages in sequence (one dpkg at a time), the builds beside them ----------------------------
lane_begin setup
stage "build the host and the SPA (beside the package installs)"
# Neither build needs the packages below; both would otherwise wait for them.
( dotnet tool restore >/dev/null && dotnet build Compila.slnx -nologo -v quiet ) > "$logs/build.log" 2>&1 &
dotnet_build=$!
bash scripts/build-web.sh > "$logs/build-web.log" 2>&1 &
web_build=$!

[ -f scripts/setup-runtimes.sh ] && bash scripts/setup-runtimes.sh
bash scripts/services.sh
# Renders and lints deploy/ and installs kubectl for tests/Compila.Deploy.Tests.
bash scripts/validate-deploy.sh || fail "deploy validation"
bash scripts/test-scale.sh --install-only
bash scripts/test-web.sh --install-only

build_ok=1
wait "$dotnet_build" || { build_ok=0; fail "dotnet build"; }
cat "$logs/build.log"
wait "$web_build" || { build_ok=0; fail "SPA build"; }
cat "$logs/build-web.log"
stage_end
if [ "$build_ok" -ne 1 ]; then
  cat "$logs/timings"
  printf 'FAILED: %s\n' "$(cat "$logs/failed")" >&2
  exit 1
fi

# --- the lanes ------------------------------------------------------------------------------------------------
dotnet_lane() {
  lane_begin dotnet
  # One test project at a time in this lane: each drives the machine's sandbox pool.
  for project in tests/*/*.csproj; do
    local name
    name="$(basename "$project" .csproj)"
    stage "$name (SQLite)"
    dotnet test "$project" --no-build -nologo --logger "$(trx "$name")" --results-directory "$results" || fail "$project"
  done

  stage "challenge catalog: every (challenge, language) pair in the sandbox"
  Compila__DataDir="$(mktemp -d)" dotnet run --project src/Compila.Web --no-build -- challenges validate \
    || fail "challenges validate"

  # The database queue here; RabbitMQ's redelivery after a SIGKILL is the scale-out's kill phase (postgres lane).
  stage "reliability (short): worker killed twice mid-run, database queue"
  dotnet run --project bench/Compila.Submissions.Bench --no-build -- --short || fail "reliability, database queue"
  stage_end
}

postgres_lane() {
  lane_begin postgres
  stage "web tests on PostgreSQL"
  # Tests that never reach the database provider (pure rules, HTTP plumbing, protocol doubles) run in the dotnet lane.
  COMPILA_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres" \
    dotnet test tests/Compila.Web.Tests --no-build -nologo --filter "Lane!=Fast&Database!=None" --logger "$(trx Compila.Web.Tests-postgres)" --results-directory "$results" \
    || fail "tests/Compila.Web.Tests on PostgreSQL"

  stage "scale-out: two api and two worker processes behind haproxy, Prometheus scraping them, kills mid-run"
  # --short: smaller throughput phases, the same kills and checks (the published figures come from full runs).
  COMPILA_SKIP_DOTNET_BUILD=1 bash scripts/test-scale.sh --short || fail "scale-out"
  stage_end
}

browser_lane() {
  lane_begin browser
  stage "web app: unit tests and end-to-end journeys in Debian's Chromium"
  COMPILA_SKIP_DOTNET_BUILD=1 bash scripts/test-web.sh || fail "web"
  stage_end
}

pids=()
for lane_fn in dotnet_lane postgres_lane browser_lane; do
  ( "$lane_fn" > "$logs/$lane_fn.log" 2>&1 ) &
  pids+=($!)
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || true
done
for lane_fn in dotnet_lane postgres_lane browser_lane; do
  echo "================ $lane_fn"
  cat "$logs/$lane_fn.log"
done

echo "== stage timings (wall, CPU used by the stage's processes, lane)"
cat "$logs/timings"
echo "total: ${SECONDS}s"

if [ -s "$logs/failed" ]; then
  echo "== failed tests"
  python3 scripts/test-failures.py "$results" >&2 || true
  while read -r what; do echo "FAILED: $what" >&2; done < "$logs/failed"
  exit 1
fi
echo "all tests passed"
