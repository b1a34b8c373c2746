#!/usr/bin/env bash
# Scale-out proven with real processes: PostgreSQL, Redis and RabbitMQ (scripts/services.sh), two Api and two
# Worker processes of the built host, haproxy in front of the Apis and Prometheus scraping all four (Debian
# packages, installed here when missing). The driver is bench/Compila.Submissions.Bench --scale (see ScaleOut.cs):
# over 300 submissions over /v1/solve with live progress, a worker and an api SIGKILLed mid-run and restarted, then
# every submission final once, XP once, one rate limit and one leaderboard for both Apis, and every process's
# counters in Prometheus. Prints the submissions/min with one worker and with two.
# --install-only: install haproxy and Prometheus, run nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
  echo "installing ${need[*]}" >&2
  apt-get update -qq >&2
  # Their init scripts must not start a system-wide haproxy or Prometheus (the run starts its own on free ports):
  # a policy-rc.d refusing service starts for the install, unless the machine already has one.
  own_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2 || status=$?
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ "$status" -eq 0 ] || exit "$status"
fi

# scripts/test.sh installs every package before its lanes start, so no two lanes run dpkg at once.
[ "${1:-}" = --install-only ] && exit 0

bash scripts/services.sh
if [ "${COMPILA_SKIP_DOTNET_BUILD:-}" != 1 ]; then
  dotnet build bench/Compila.Submissions.Bench -nologo -v quiet
fi
dotnet run --project bench/Compila.Submissions.Bench --no-build -- --scale "$@"
