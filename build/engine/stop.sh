#!/usr/bin/env bash
# Stops what build/engine/provision.sh started (its registry and its dockerd, by recorded PIDs).
# An engine it did not start is never touched. Packages, images and caches are kept, so the next
# provision.sh brings everything back in seconds.
set -uo pipefail
RUN_DIR=/run/pipelines-engine
stop() { # name pidfile exe
  local pid; pid=$(cat "$2" 2>/dev/null || true)
  if ! [[ "$pid" =~ ^[0-9]+$ ]] || [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" != "$3" ]; then echo "[engine] $1: not running (not started by provision.sh)"; rm -f "$2"; return 0; fi
  kill -TERM "$pid"; for ((i = 0; i < 120; i++)); do [ -d "/proc/$pid" ] || break; sleep 0.25; done
  [ -d "/proc/$pid" ] && kill -KILL "$pid"
  rm -f "$2"; echo "[engine] $1: stopped (pid $pid)"
}
stop registry "$RUN_DIR/registry.pid" /usr/bin/docker-registry
stop dockerd "$RUN_DIR/dockerd.pid" /usr/sbin/dockerd
