#!/usr/bin/env bash
# Makes sure the judge's sandbox and language runtimes are present. Idempotent: does nothing when all is there.
# As root, installs what is missing with apt-get (apt-get update only then); otherwise names what is missing.
# Then installs the judge's own tools (scripts/setup-judge-tools.sh: the TypeScript compiler and its snapshot).
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

bash scripts/setup-judge-tools.sh
echo "setup-runtimes: ok"
