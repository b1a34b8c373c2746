#!/usr/bin/env bash
# Checks what can be checked of deploy/ without a container runtime or a cluster, and installs the tools the
# deploy tests need (kubectl, from Debian's kubernetes-client):
#   - deploy/k8s and deploy/k8s-shared-files render with `kubectl kustomize` (tests/Compila.Deploy.Tests then loads
#     every object, typed);
#   - deploy/compose.yaml passes `docker compose config` (or Debian's docker-compose when the plugin is missing);
#   - deploy/Dockerfile passes dockerfile-utils' linter (npm), and every YAML file passes yamllint.
# Nothing is built or run: see docs/deploy.md for what this does not cover.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v yamllint >/dev/null 2>&1 || need+=(yamllint)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "validate-deploy: missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
  echo "validate-deploy: installing ${need[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

echo "validate-deploy: kubectl kustomize deploy/k8s deploy/k8s-shared-files"
kubectl kustomize deploy/k8s >/dev/null
kubectl kustomize deploy/k8s-shared-files >/dev/null

echo "validate-deploy: compose config"
export COMPILA_SIGNING_KEY_PEM="placeholder: compose config only interpolates it"
if docker compose version >/dev/null 2>&1; then
  docker compose -f deploy/compose.yaml config --quiet
else
  docker-compose -f deploy/compose.yaml config --quiet
fi

echo "validate-deploy: yamllint"
yamllint -d '{extends: relaxed, rules: {line-length: {max: 160}}}' deploy/compose.yaml deploy/k8s deploy/k8s-shared-files

echo "validate-deploy: dockerfile-utils lint deploy/Dockerfile"
lint=.artifacts/dockerfile-utils
if [ ! -x "$lint/node_modules/.bin/dockerfile-utils" ]; then
  mkdir -p "$lint"
  npm install --prefix "$lint" --no-audit --no-fund --loglevel=error dockerfile-utils@0.16.3 >/dev/null
fi
out="$("$lint/node_modules/.bin/dockerfile-utils" lint deploy/Dockerfile 2>&1)" || true
if [ -n "$out" ]; then
  echo "$out" >&2
  exit 1
fi
echo "validate-deploy: ok"
