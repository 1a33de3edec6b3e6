#!/usr/bin/env bash
# Bootstrap for this repository's build (build/_build.csproj), NUKE style: finds the .NET SDK,
# compiles the build project only when its sources changed, then runs it with all arguments.
#   ./build.sh            the default pipeline over examples/
#   ./build.sh Test       build the solution and run every test
#   ./build.sh --help     targets and parameters
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$ROOT/build/_build.csproj
OUT=$ROOT/build/bin
STAMP=$OUT/.inputs-stamp
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=0

if ! command -v dotnet > /dev/null 2>&1; then
  for candidate in "${DOTNET_ROOT:-}" "$HOME/.dotnet" /usr/share/dotnet /usr/lib/dotnet; do
    [ -n "$candidate" ] && [ -x "$candidate/dotnet" ] && { export PATH="$candidate:$PATH"; break; }
  done
fi
if ! command -v dotnet > /dev/null 2>&1; then
  echo "build.sh: the .NET SDK was not found (looked on PATH, \$DOTNET_ROOT, ~/.dotnet, /usr/share/dotnet)." >&2
  echo "  Install the .NET 10 SDK: https://dot.net/install (script: ./dotnet-install.sh --channel 10.0), then rerun." >&2
  exit 1
fi

# Rebuild only when something the build project compiles from is newer than the last build:
# sources, project files and props under build/ and src/ (bin/obj excluded; directory mtimes catch deletions).
needs_build() {
  [ -f "$STAMP" ] && [ -f "$OUT/_build.dll" ] || return 0
  [ -n "$(find "$ROOT/build" "$ROOT/src" "$ROOT"/Directory.*.props "$ROOT/global.json" \
           \( -name bin -o -name obj \) -prune -o -newer "$STAMP" -print -quit 2>/dev/null)" ]
}
if needs_build; then
  touch "$STAMP.next" 2> /dev/null || { mkdir -p "$OUT"; touch "$STAMP.next"; }
  dotnet build "$PROJECT" --nologo --verbosity quiet -clp:ErrorsOnly > "$OUT/.build.log" 2>&1 \
    || { cat "$OUT/.build.log" >&2; echo "build.sh: compiling build/_build.csproj failed (log: build/bin/.build.log)" >&2; rm -f "$STAMP.next"; exit 1; }
  mv "$STAMP.next" "$STAMP"
fi
cd "$ROOT"
exec dotnet "$OUT/_build.dll" "$@"
