#!/usr/bin/env bash
# Installs the judge's own tools into tools/judge: the TypeScript compiler pinned by its lock file (npm ci, once
# per lock file) and a V8 snapshot of it. Needs npm and Node.js; the snapshot must be built by the Node.js that
# will run it. Used by setup-runtimes.sh, by `dotnet publish` (which bundles tools/judge) and by deploy/Dockerfile.
set -euo pipefail
cd "$(dirname "$0")/.."

# TypeScript compiler and Node type definitions, pinned by tools/judge/package-lock.json.
stamp=tools/judge/node_modules/.compila-lock
if command -v npm >/dev/null 2>&1; then
  if ! cmp -s tools/judge/package-lock.json "$stamp" 2>/dev/null; then
    echo "setup-judge-tools: npm ci in tools/judge"
    (cd tools/judge && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp tools/judge/package-lock.json "$stamp"
  fi
  # A V8 snapshot of the compiler with its libraries pre-parsed (compiles in ~0.3 s instead of ~1.5 s);
  # rebuilt when the lock file, the snapshot script or the Node.js version changes. Without it the judge runs a cold tsc.
  blob=tools/judge/node_modules/.compila/tsc.blob
  want="$(cat tools/judge/package-lock.json tools/judge/tsc-snapshot.js | sha256sum | cut -d' ' -f1) $(node --version)"
  if [ ! -f "$blob" ] || [ "$(cat "$blob.stamp" 2>/dev/null)" != "$want" ]; then
    echo "setup-judge-tools: building the TypeScript compiler snapshot"
    mkdir -p "$(dirname "$blob")"
    COMPILA_TS_MODULES=tools/judge/node_modules node --snapshot-blob "$blob" --build-snapshot tools/judge/tsc-snapshot.js 2>/dev/null \
      && echo "$want" > "$blob.stamp" \
      || { rm -f "$blob"; echo "setup-judge-tools: snapshot build failed; typescript will use a cold tsc."; }
  fi
else
  echo "setup-judge-tools: npm not found; typescript will be unavailable."
fi

# The sandbox user must be able to read the compiler packages (the judge copies them if a parent folder is private).
chmod -R a+rX tools/judge/node_modules 2>/dev/null || true
