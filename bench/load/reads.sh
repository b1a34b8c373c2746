#!/usr/bin/env bash
# Read-path load driver: a Release build of the host on PostgreSQL (or --sqlite) with rate limits off, one learner
# with a judged, passed submission (so the portfolio has a verified skill, a heatmap day and a leaderboard entry),
# then `wrk -t2 -c32` against each read endpoint, /health/live first as the framework's ceiling in the same run.
# Prints rps, p50/p95/p99 and each endpoint's rps as a fraction of the ceiling.
#   bash bench/load/reads.sh [--sqlite] [--duration 8] [--url http://host:port --token T --username U]
# With --url it drives an already running host instead (give a learner's token and username for the personalised rows).
set -euo pipefail
cd "$(dirname "$0")/../.."

provider=postgres duration=8 url= token= username=
while [ $# -gt 0 ]; do
  case "$1" in
    --sqlite) provider=sqlite ;;
    --duration) duration=$2; shift ;;
    --url) url=$2; shift ;;
    --token) token=$2; shift ;;
    --username) username=$2; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "wrk is missing (sudo apt-get install wrk)" >&2; exit 1; }
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >&2
fi

work=$(mktemp -d /tmp/compila-reads-XXXXXX)
host_pid= database=
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true
  if [ -n "$database" ]; then
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qtAc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

if [ -z "$url" ]; then
  echo "publishing a Release build" >&2
  dotnet publish src/Compila.Web -c Release -o "$work/app" -nologo -v quiet > "$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url="http://127.0.0.1:$port"
  export ASPNETCORE_URLS=$url Compila__DataDir=$work/data Compila__Content__Root=$PWD/content \
    Compila__Knowledge__VectorBackend=None Compila__RateLimits__Enabled=false Logging__LogLevel__Default=Warning
  if [ "$provider" = postgres ]; then
    bash scripts/services.sh >/dev/null
    database=compila_reads_$RANDOM$RANDOM
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qtAc "CREATE DATABASE $database" >/dev/null
    export Compila__Postgres="Host=127.0.0.1;Username=postgres;Password=postgres;Database=$database"
  fi
  (cd "$work/app" && exec ./Compila.Web > "$work/host.log" 2>&1) &
  host_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$url/health/ready" >/dev/null 2>&1 && break
    kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log" >&2; exit 1; }
    sleep 1
  done

  username=reads$RANDOM
  token=$(curl -fsS "$url/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"username\":\"$username\",\"email\":\"$username@example.com\",\"password\":\"Carambola-Azul-1987\"}" | json "['accessToken']")
  slug=agenda-mesclar-horarios
  challenge=$(curl -fsS "$url/v1/challenges/$slug" | json "['id']")
  code=$(python3 -c "import json; print(json.dumps(open('content/challenges/$slug/solution/solution.py').read()))")
  submission=$(curl -fsS "$url/v1/challenges/$challenge/submit" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"language\":\"python\",\"code\":$code}" | json "['submissionId']")
  status=pending
  for _ in $(seq 1 120); do
    status=$(curl -fsS "$url/v1/submissions/$submission" -H "authorization: Bearer $token" | json "['status']")
    [ "$status" != pending ] && break
    sleep 1
  done
  [ "$status" = passed ] || { echo "the seeding submission ended $status" >&2; exit 1; }
  sleep 2 # the read models follow the verdict through the outbox

  # Jobs: an approved company (an admin granted by the operator command) with 60 open postings.
  company=readsco$RANDOM
  company_token=$(curl -fsS "$url/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"username\":\"$company\",\"email\":\"$company@example.com\",\"password\":\"Carambola-Azul-1987\",\"accountType\":\"company\"}" | json "['accessToken']")
  company_id=$(curl -fsS "$url/v1/companies/me" -X PUT -H "authorization: Bearer $company_token" -H 'content-type: application/json' \
    -d '{"name":"Empresa de Carga","location":"São Paulo, SP"}' | json "['id']")
  (cd "$work/app" && ./Compila.Web admin grant "$username" >/dev/null)
  admin_token=$(curl -fsS "$url/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"login\":\"$username\",\"password\":\"Carambola-Azul-1987\"}" | json "['accessToken']")
  curl -fsS -o /dev/null -X POST "$url/v1/admin/companies/$company_id/approve" -H "authorization: Bearer $admin_token"
  for i in $(seq 1 60); do
    case $((i % 3)) in 0) tech=python model=remote;; 1) tech=go model=hybrid;; *) tech=java model=onsite;; esac
    curl -fsS -o /dev/null "$url/v1/jobs" -H "authorization: Bearer $company_token" -H 'content-type: application/json' \
      -d "{\"title\":\"Pessoa desenvolvedora backend $tech $i\",\"description\":\"Vaga de carga número $i.\",\"stack\":\"backend\",\"level\":\"junior\",\"technologies\":[\"$tech\",\"sql\"],\"type\":\"clt\",\"workModel\":\"$model\",\"salaryMin\":5000,\"salaryMax\":9000,\"status\":\"active\"}"
  done
fi

rows=(
  "health/live|/health/live|"
  "challenges, first page|/v1/challenges|"
  "challenges?stack=backend&q=cpf|/v1/challenges?stack=backend&q=cpf|"
  "challenges/{slug}|/v1/challenges/agenda-mesclar-horarios|"
  "portfolio/{username}|/v1/portfolio/$username|"
  "portfolio/{username}/card.svg|/v1/portfolio/$username/card.svg|"
  "jobs, first page|/v1/jobs|"
  "jobs?q=backend&workModel=remote|/v1/jobs?q=backend&workModel=remote|"
)
[ -n "$token" ] && rows+=("leaderboard, all time (signed in)|/v1/leaderboard?period=all_time|$token"
  "me/submissions (personalised)|/v1/me/submissions|$token"
  "jobs/for-me (personalised)|/v1/jobs/for-me|$token")

echo "read load: wrk -t2 -c32 -d${duration}s, $provider, $(nproc) cores, $url"
printf '%-34s %9s %8s %8s %8s %7s %9s\n' endpoint rps p50_ms p95_ms p99_ms errors x_ceiling
ceiling=
for row in "${rows[@]}"; do
  IFS='|' read -r name path bearer <<<"$row"
  args=(-t2 -c32 "-d${duration}s" -s bench/load/report.lua)
  [ -n "$bearer" ] && args+=(-H "Authorization: Bearer $bearer")
  read -r _ rps p50 p95 p99 errors < <(wrk "${args[@]}" "$url$path" | grep '^RESULT')
  [ -z "$ceiling" ] && ceiling=$rps
  printf '%-34s %9s %8s %8s %8s %7s %9s\n' "$name" "$rps" "$p50" "$p95" "$p99" "$errors" \
    "$(python3 -c "print(f'{$rps / $ceiling:.3f}')")"
done
