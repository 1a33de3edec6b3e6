#!/usr/bin/env bash
# Start-up of the build, side by side in one run: warm `./build.sh --help` versus a NUKE-style
# `dotnet run --project build -- --help` versus a hello-world `dotnet app.dll` (the floor).
# Prints min/median per command and the ratios; appends the table to benchmarks/results/<date>.md.
# Usage: benchmarks/startup.sh [repetitions (default 10)]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd); cd "$ROOT"
N=${1:-10}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build benchmarks/HelloWorld/HelloWorld.csproj -nologo -v q -o benchmarks/HelloWorld/bin/out > /dev/null
./build.sh --help > /dev/null   # warm: compiled once, then measured
dotnet build build/_build.csproj -nologo -v q > /dev/null

measure() { # name command... -> "name min median" in ms
  local name=$1; shift; local times=() t0
  "$@" > /dev/null 2>&1 || true   # one warm-up run
  for ((i = 0; i < N; i++)); do t0=$(date +%s%N); "$@" > /dev/null 2>&1 || true; times+=($(( ($(date +%s%N) - t0) / 1000000 ))); done
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  echo "$name ${sorted[0]} ${sorted[$((N / 2))]}"
}
read -r _ build_min build_med < <(measure build.sh ./build.sh --help)
read -r _ run_min run_med < <(measure dotnet-run dotnet run --project build/_build.csproj --no-launch-profile -- --help)
read -r _ hello_min hello_med < <(measure hello dotnet benchmarks/HelloWorld/bin/out/HelloWorld.dll)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
out=benchmarks/results/$(date -u +%F).md
{
  echo "### Start-up ($N runs each, $(nproc) cores, $(dotnet --version) SDK, $(date -u +%FT%TZ))"
  echo
  echo "| command | min ms | median ms |"
  echo "|---|---:|---:|"
  echo "| \`./build.sh --help\` (warm) | $build_min | $build_med |"
  echo "| \`dotnet run --project build -- --help\` | $run_min | $run_med |"
  echo "| hello world \`dotnet app.dll\` (floor) | $hello_min | $hello_med |"
  echo
  echo "- build.sh ÷ dotnet run (median): **$(ratio "$build_med" "$run_med")** (goal ≤ 0.2)"
  echo "- build.sh ÷ hello world (median): **$(ratio "$build_med" "$hello_med")**"
  echo
} | tee -a "$out"
