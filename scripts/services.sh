#!/usr/bin/env bash
# Installs (Debian packages) and starts the servers the test suite talks to: PostgreSQL, Redis, RabbitMQ.
# Idempotent: safe to run again while they are already up. Prints the environment the tests need.
set -euo pipefail

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ] || need+=(rabbitmq-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
  echo "installing ${need[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

# PostgreSQL: Debian's default cluster, password auth for the postgres role on localhost.
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  pg_lsclusters -h 2>/dev/null | grep -q . || pg_createcluster "$pg_version" main >&2
  pg_ctlcluster "$pg_version" main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null

# Redis: Debian's server on its default port.
if ! redis-cli -p 6379 ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --daemonize yes --save "" --appendonly no >&2
fi
for _ in $(seq 1 30); do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done

# RabbitMQ: Debian's server (guest/guest is allowed from localhost only); starts in about 15 s.
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  (service rabbitmq-server start || rabbitmq-server -detached) >&2 2>&1 || true
fi
timeout 90 rabbitmqctl -q await_startup >&2
