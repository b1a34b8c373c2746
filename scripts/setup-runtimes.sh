#!/usr/bin/env bash
# Makes sure the judge's sandbox and language runtimes are present. Idempotent: does nothing when all is there.
# As root, installs what is missing with apt-get (apt-get update only then); otherwise names what is missing.
# Then installs the TypeScript compiler pinned in tools/judge (npm ci, once per lock file).
# C# needs nothing more: the judge runs the .NET SDK's own Roslyn (sdk/*/Roslyn/bincore/csc.dll) in the sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."

# command that must exist -> Debian package providing it
declare -A needed=(
  [/usr/bin/bwrap]=bubblewrap
  [/usr/bin/prlimit]=util-linux
  [/usr/bin/setpriv]=util-linux
  [/usr/bin/python3]=python3
  [/usr/bin/go]=golang-go
  [/usr/bin/javac]=openjdk-17-jdk-headless
  [/usr/share/java/junit-platform-console-standalone.jar]=junit5
)
missing=()
for path in "${!needed[@]}"; do
  [ -e "$path" ] || missing+=("${needed[$path]}")
done
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs)
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup-runtimes: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup-runtimes: missing Debian packages: ${missing[*]}"
    echo "setup-runtimes: install them as root (sudo apt-get install ${missing[*]}); until then the judge reports those languages (or, without bubblewrap, itself) unavailable."
  fi
fi

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
  echo "setup-runtimes: Node.js 20 or later is required for javascript/typescript (found: $(node --version 2>/dev/null || echo none))."
fi

# TypeScript compiler and Node type definitions, pinned by tools/judge/package-lock.json.
stamp=tools/judge/node_modules/.compila-lock
if command -v npm >/dev/null 2>&1; then
  if ! cmp -s tools/judge/package-lock.json "$stamp" 2>/dev/null; then
    echo "setup-runtimes: npm ci in tools/judge"
    (cd tools/judge && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp tools/judge/package-lock.json "$stamp"
  fi
  # A V8 snapshot of the compiler with its libraries pre-parsed (compiles in ~0.3 s instead of ~1.5 s);
  # rebuilt when the lock file, the snapshot script or the Node.js version changes. Without it the judge runs a cold tsc.
  blob=tools/judge/node_modules/.compila/tsc.blob
  want="$(cat tools/judge/package-lock.json tools/judge/tsc-snapshot.js | sha256sum | cut -d' ' -f1) $(node --version)"
  if [ ! -f "$blob" ] || [ "$(cat "$blob.stamp" 2>/dev/null)" != "$want" ]; then
    echo "setup-runtimes: building the TypeScript compiler snapshot"
    mkdir -p "$(dirname "$blob")"
    COMPILA_TS_MODULES=tools/judge/node_modules node --snapshot-blob "$blob" --build-snapshot tools/judge/tsc-snapshot.js 2>/dev/null \
      && echo "$want" > "$blob.stamp" \
      || { rm -f "$blob"; echo "setup-runtimes: snapshot build failed; typescript will use a cold tsc."; }
  fi
else
  echo "setup-runtimes: npm not found; typescript will be unavailable."
fi

# The sandbox user must be able to read the compiler packages (the judge copies them if a parent folder is private).
chmod -R a+rX tools/judge/node_modules 2>/dev/null || true
echo "setup-runtimes: ok"
