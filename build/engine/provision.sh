#!/usr/bin/env bash
# Brings up what Pipelines' builds and integration tests need on a Debian machine without Docker:
# dockerd with the containerd image store, the buildx plugin, QEMU binfmt handlers, a registry on
# 127.0.0.1:5000 and local multi-platform base images (busybox, debian:bookworm-slim).
# Idempotent: every piece is checked and only what is missing is repaired (seconds when all is up).
# An engine that this script did not start is used as it is, never stopped or reconfigured.
#
# Usage: build/engine/provision.sh [--check] [--no-arm64-bases] [--no-bases] [--rebuild-bases]
#   --check   only report what is missing (exit 0 when everything is up, 1 otherwise)
# Environment: PIPELINES_REGISTRY (default 127.0.0.1:5000), PIPELINES_DEB_MIRROR (default: from apt sources)
set -Eeuo pipefail

STATE=/var/lib/pipelines-engine RUN_DIR=/run/pipelines-engine LOGS=/var/log/pipelines-engine CACHE=/var/cache/pipelines-engine
REGISTRY=${PIPELINES_REGISTRY:-127.0.0.1:5000}
BINFMT_ARCHES="aarch64 arm"
HOST_PACKAGES=(runc iptables docker-registry busybox-static qemu-user-static binfmt-support debootstrap curl ca-certificates)
ENGINE_SUITES="forky trixie"   # Debian suites with a dockerd new enough for buildx (bookworm's 20.10 is not)
CHECK_ONLY=0 ARM64_BASES=1 BASES=1 REBUILD_BASES=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK_ONLY=1 ;;
    --no-arm64-bases) ARM64_BASES=0 ;;
    --no-bases) BASES=0 ;;
    --rebuild-bases) REBUILD_BASES=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "provision.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

STEP=start STEP_START=$(date +%s%N) START=$STEP_START
say()  { printf '[engine] %s\n' "$*"; }
fail() { printf '[engine] FAILED in step "%s": %s\n' "$STEP" "$1" >&2; [ -n "${2:-}" ] && [ -f "$2" ] && { printf '[engine] log: %s (last lines below)\n' "$2" >&2; tail -n 25 "$2" | sed 's/^/[engine]   | /' >&2; }; exit 1; }
trap 'rc=$?; printf "[engine] FAILED in step \"%s\": command exited %s at line %s: %s\n" "$STEP" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR
step() { STEP=$1; STEP_START=$(date +%s%N); }
done_step() { printf '[engine] %-10s %6sms  %s\n' "$STEP" $(( ($(date +%s%N) - STEP_START) / 1000000 )) "$1"; }

docker_up()   { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
buildx_up()   { timeout 10 docker buildx version >/dev/null 2>&1; }
registry_up() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://$REGISTRY/v2/" 2>/dev/null)" = 200 ]; }
image_up()    { docker image inspect "$1" >/dev/null 2>&1; }
multi_arch()  { [ "$(docker image inspect --format '{{.Id}}' "$1" 2>/dev/null)" != "" ] && docker buildx imagetools inspect --raw "$REGISTRY/library/$1" 2>/dev/null | grep -q '"arm64"'; }

# ------------------------------------------------------------------ what is there -----------------
report_missing() {
  local missing=()
  command -v docker >/dev/null 2>&1 || missing+=("docker CLI (install docker-ce-cli or Debian's docker-cli)")
  docker_up || missing+=("a running Docker engine answering 'docker version' (dockerd)")
  buildx_up || missing+=("the buildx plugin ('docker buildx version'; Debian package docker-buildx)")
  registry_up || missing+=("a registry on http://$REGISTRY (e.g. 'docker run -d -p $REGISTRY:5000 registry:2')")
  image_up busybox:latest || missing+=("base image busybox:latest")
  image_up debian:bookworm-slim || missing+=("base image debian:bookworm-slim")
  [ ${#missing[@]} -eq 0 ] || printf '%s\n' "${missing[@]}"
}

if [ "$CHECK_ONLY" = 1 ]; then
  mapfile -t missing < <(report_missing)
  if [ ${#missing[@]} -eq 0 ]; then say "engine, buildx, registry and base images are up"; exit 0; fi
  say "missing:"; printf '[engine]   - %s\n' "${missing[@]}"; exit 1
fi

# Everything up (e.g. a developer's Docker Desktop plus a registry): nothing to do, nothing touched.
if docker_up && buildx_up && registry_up && image_up busybox:latest && image_up debian:bookworm-slim; then
  say "engine, buildx, registry and base images are already up ($(( ($(date +%s%N) - START) / 1000000 ))ms)"
  exit 0
fi

# Provisioning needs root on Debian; elsewhere say exactly what is missing and how to get it.
if [ "$(id -u)" != 0 ] || [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then
  why="this machine is not Debian with apt"; [ "$(id -u)" != 0 ] && why="provisioning needs root (run: sudo $0)"
  printf '[engine] cannot provision automatically: %s. Missing:\n' "$why" >&2
  report_missing | sed 's/^/[engine]   - /' >&2
  printf '[engine] Install Docker with buildx (https://docs.docker.com/engine/install/), enable the containerd image store, start a registry on %s, then rerun.\n' "$REGISTRY" >&2
  exit 1
fi
[ "$(uname -m)" = x86_64 ] || fail "written for x86_64 hosts (found $(uname -m))"
mkdir -p "$STATE" "$RUN_DIR" "$LOGS" "$CACHE"
exec 9> "$RUN_DIR/provision.lock"
flock -w 900 9 || fail "another provision.sh holds $RUN_DIR/provision.lock"

# The Debian mirror this machine already uses (never a hard-coded host).
mirror() {
  [ -n "${PIPELINES_DEB_MIRROR:-}" ] && { echo "${PIPELINES_DEB_MIRROR%/}"; return; }
  local uri
  uri=$( { for f in /etc/apt/sources.list.d/*.sources; do [ -f "$f" ] && awk 'tolower($1)=="uris:" {for(i=2;i<=NF;i++) print $i}' "$f"; done
           cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | sed -E 's/\[[^]]*\]//' | awk '$1=="deb" {print $2}'; } \
         | grep -E '^https?://.*/debian/?$' | head -n1 || true)
  [ -n "$uri" ] || fail "no Debian mirror in the apt sources; set PIPELINES_DEB_MIRROR"
  echo "${uri%/}"
}
MIRROR=$(mirror)
APT=(apt-get -q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
# package scripts must not start daemons behind our back (there is no init system)
no_daemons() { [ -e /usr/sbin/policy-rc.d ] && return; printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; trap 'rm -f /usr/sbin/policy-rc.d' EXIT; }

# ------------------------------------------------------------------ 1. host packages -------------
step packages
need=(); for p in "${HOST_PACKAGES[@]}"; do installed "$p" || need+=("$p"); done
APT_UPDATED=0
apt_update() { [ "$APT_UPDATED" = 1 ] && return; "${APT[@]}" update >> "$LOGS/apt.log" 2>&1 || fail "apt-get update failed" "$LOGS/apt.log"; APT_UPDATED=1; }
if [ ${#need[@]} -gt 0 ]; then
  apt_update
  no_daemons
  DEBIAN_FRONTEND=noninteractive "${APT[@]}" install --no-install-recommends "${need[@]}" >> "$LOGS/apt.log" 2>&1 \
    || fail "apt-get install ${need[*]} failed" "$LOGS/apt.log"
  done_step "installed ${need[*]}"
else
  done_step "present"
fi

# ------------------------------------------------------------------ 2. engine packages -----------
# dockerd/containerd/buildx come from a newer Debian suite through a side apt configuration, so the
# machine's own apt sources are never changed.
side_apt() { local d="$CACHE/apt-$1"; shift; "${APT[@]}" -o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=/dev/null \
  -o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache" -o Dir::State::status=/dev/null "$@"; }
step engine
dockerd_version=$(dpkg-query -W -f='${Version}' docker.io 2>/dev/null || echo 0)
if installed docker.io && dpkg --compare-versions "$dockerd_version" ge 26 && installed containerd && installed docker-buildx; then
  done_step "dockerd $dockerd_version present"
else
  from=""
  apt_update   # the engine packages' dependencies come from the machine's own suite
  for suite in $ENGINE_SUITES; do
    d="$CACHE/apt-$suite"; mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $suite main" > "$d/sources.list"
    side_apt "$suite" update >> "$LOGS/apt.log" 2>&1 || { echo "apt update for $suite failed" >> "$LOGS/apt.log"; continue; }
    debs="$CACHE/debs-$suite"; rm -rf "$debs"; mkdir -p "$debs"; chown _apt "$debs" 2>/dev/null || true
    pkgs=(docker.io containerd docker-buildx)
    # newer docker.io packages need tini-static as their init helper (bookworm has none)
    d="$CACHE/apt-$suite"; apt-cache -o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$d/lists" \
      -o Dir::Cache="$d/cache" -o Dir::State::status=/dev/null show docker.io 2>/dev/null | grep -q tini-static && pkgs+=(tini-static)
    ( cd "$debs" && side_apt "$suite" download "${pkgs[@]}" ) >> "$LOGS/apt.log" 2>&1 || continue
    no_daemons
    if DEBIAN_FRONTEND=noninteractive "${APT[@]}" install --no-install-recommends "$debs"/*.deb >> "$LOGS/apt.log" 2>&1; then from=$suite; break; fi
    echo "packages from $suite do not install here; trying the next suite" >> "$LOGS/apt.log"
  done
  [ -n "$from" ] || fail "no Debian suite of [$ENGINE_SUITES] gave installable dockerd/containerd/buildx packages" "$LOGS/apt.log"
  done_step "installed dockerd $(dpkg-query -W -f='${Version}' docker.io) and buildx from $from"
fi
if ! buildx_up; then   # the CLI in /usr/local/bin looks for plugins in /usr/local/lib/docker/cli-plugins too
  mkdir -p /usr/local/lib/docker/cli-plugins
  ln -sf /usr/libexec/docker/cli-plugins/docker-buildx /usr/local/lib/docker/cli-plugins/docker-buildx
  buildx_up || fail "docker buildx is installed but '$(command -v docker) buildx' does not find it"
fi

# ------------------------------------------------------------------ 3. binfmt (QEMU) -------------
step binfmt
BM=/proc/sys/fs/binfmt_misc
[ -e "$BM/register" ] || mount -t binfmt_misc binfmt_misc "$BM" || fail "cannot mount binfmt_misc on $BM"
registered=()
for a in $BINFMT_ARCHES; do
  conf=/usr/lib/binfmt.d/qemu-$a.conf; entry=$BM/qemu-$a
  [ -f "$conf" ] || fail "qemu-user-static has no $conf"
  # the F flag opens the interpreter at registration time, so it works inside containers
  if [ -f "$entry" ] && grep -q '^flags:.*F' "$entry" && grep -qx enabled "$entry"; then registered+=("$a"); continue; fi
  [ -f "$entry" ] && echo -1 > "$entry"
  grep -v '^#' "$conf" | head -n1 > "$BM/register" || fail "registering $conf failed"
  registered+=("$a")
done
done_step "qemu ${registered[*]}"

# ------------------------------------------------------------------ 4. dockerd -------------------
step dockerd
DPID=$RUN_DIR/dockerd.pid
ours() { local p; p=$(cat "$DPID" 2>/dev/null || true); [[ "$p" =~ ^[0-9]+$ ]] && [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = /usr/sbin/dockerd ]; }
if docker_up; then
  ours && detail="running (started by us, pid $(cat "$DPID"))" || detail="running (not ours: used as is)"
else
  mtu=""; dev=$(ip route show default 2>/dev/null | awk '{for(i=1;i<NF;i++) if($i=="dev") {print $(i+1); exit}}' || true)
  [ -n "$dev" ] && [ -r "/sys/class/net/$dev/mtu" ] && [ "$(cat "/sys/class/net/$dev/mtu")" -lt 1500 ] && mtu=$(cat "/sys/class/net/$dev/mtu")
  mkdir -p /etc/docker
  config='{ "features": { "containerd-snapshotter": true }, "registry-mirrors": ["http://'"$REGISTRY"'"]'"${mtu:+, \"mtu\": $mtu}"' }'
  if [ -f /etc/docker/daemon.json ] && [ "$(cat /etc/docker/daemon.json)" != "$config" ]; then cp /etc/docker/daemon.json "/etc/docker/daemon.json.bak.$(date +%s)"; fi
  echo "$config" > /etc/docker/daemon.json
  for stale in /run/docker.pid /run/docker/containerd/containerd.pid; do
    p=$(cat "$stale" 2>/dev/null || true); [ -n "$p" ] && [ ! -d "/proc/$p" ] && rm -f "$stale"
  done
  echo "===== dockerd start $(date -u +%FT%TZ) =====" >> "$LOGS/dockerd.log"
  ( exec 9>&-; ulimit -n 1048576 2>/dev/null || true; exec setsid dockerd >> "$LOGS/dockerd.log" 2>&1 < /dev/null ) &
  echo $! > "$DPID"
  for ((i = 0; i < 360; i++)); do
    docker_up && break
    [ $i -gt 8 ] && ! ours && fail "dockerd exited while starting" "$LOGS/dockerd.log"
    sleep 0.25
  done
  docker_up || fail "dockerd did not answer within 90 s" "$LOGS/dockerd.log"
  detail="started pid $(cat "$DPID")"
fi
docker info --format '{{.Driver}} {{range .DriverStatus}}{{index . 1}} {{end}}' 2>/dev/null | grep -q snapshotter \
  || say "warning: the engine does not use the containerd image store: multi-platform --load and OCI exports need it"
done_step "$detail, server $(docker version --format '{{.Server.Version}}'), buildx $(docker buildx version | awk '{print $2}')"

# ------------------------------------------------------------------ 5. registry ------------------
step registry
if registry_up; then
  done_step "answering on http://$REGISTRY"
else
  port=${REGISTRY##*:}
  if ss -ltnH "sport = :$port" 2>/dev/null | grep -q .; then
    fail "port $port is taken by something that is not a registry: $(ss -ltnpH "sport = :$port" | head -n1). Free it or set PIPELINES_REGISTRY=127.0.0.1:<port>"
  fi
  mkdir -p "$STATE/registry"
  cat > "$STATE/registry/config.yml" <<YAML
version: 0.1
log: { level: warn, accesslog: { disabled: true } }
storage: { filesystem: { rootdirectory: $STATE/registry/data }, delete: { enabled: true }, cache: { blobdescriptor: inmemory } }
http: { addr: $REGISTRY }
YAML
  echo "===== registry start $(date -u +%FT%TZ) =====" >> "$LOGS/registry.log"
  ( exec 9>&-; exec setsid docker-registry serve "$STATE/registry/config.yml" >> "$LOGS/registry.log" 2>&1 < /dev/null ) &
  echo $! > "$RUN_DIR/registry.pid"
  for ((i = 0; i < 80; i++)); do registry_up && break; sleep 0.25; done
  registry_up || fail "the registry did not answer on http://$REGISTRY/v2/" "$LOGS/registry.log"
  done_step "started pid $(cat "$RUN_DIR/registry.pid") on http://$REGISTRY"
fi

# ------------------------------------------------------------------ 6. base images ---------------
# busybox and debian:bookworm-slim as amd64+arm64 indexes built from Debian packages: no image can be
# pulled here. A single-arch base would silently be used for every --platform, so both are indexes.
BASEDIR=$CACHE/bases; mkdir -p "$BASEDIR"
RECIPE_LABEL=dev.pipelines.base-recipe
fresh_tar() { [ -s "$1" ] && [ "$(cat "$1.recipe" 2>/dev/null)" = "$2" ]; }
recipe_of() { docker image inspect --format "{{index .Config.Labels \"$RECIPE_LABEL\"}}" "$1" 2>/dev/null || true; }
busybox_tar() { # arch
  local arch=$1 out=$BASEDIR/busybox-$1.tar work=$CACHE/work/busybox-$1 bin=/bin/busybox
  fresh_tar "$out" "$BUSYBOX_RECIPE" && return 0
  rm -rf "$work"; mkdir -p "$work/root"
  if [ "$arch" != amd64 ]; then
    local d=$CACHE/apt-bookworm-$arch; mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$work/deb"; chown _apt "$work/deb" 2>/dev/null || true
    echo "deb [arch=$arch signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR bookworm main" > "$d/sources.list"
    side_apt "bookworm-$arch" -o APT::Architecture="$arch" -o APT::Architectures::="$arch" update >> "$LOGS/apt.log" 2>&1 || fail "apt update for bookworm $arch failed" "$LOGS/apt.log"
    ( cd "$work/deb" && side_apt "bookworm-$arch" -o APT::Architecture="$arch" -o APT::Architectures::="$arch" download busybox-static ) >> "$LOGS/apt.log" 2>&1 \
      || fail "downloading busybox-static for $arch failed" "$LOGS/apt.log"
    dpkg-deb -x "$work"/deb/busybox-static_*.deb "$work/x"; bin=$work/x/bin/busybox
  fi
  ( cd "$work/root"
    mkdir -p bin sbin usr/bin usr/sbin etc root tmp var/tmp home proc sys dev; chmod 1777 tmp var/tmp; chmod 700 root
    cp "$bin" bin/busybox; chmod 755 bin/busybox
    for applet in $(/bin/busybox --list-full); do [ -e "$applet" ] || ln -s /bin/busybox "$applet"; done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > etc/passwd
    printf 'root:x:0:\nnobody:x:65534:\n' > etc/group )
  tar --numeric-owner -C "$work/root" -cf "$out.tmp" . && mv "$out.tmp" "$out" && echo "$BUSYBOX_RECIPE" > "$out.recipe"
  rm -rf "$work"
}
debian_tar() { # arch (a foreign arch runs debootstrap's second stage under QEMU)
  local arch=$1 out=$BASEDIR/debian-$1.tar work=$CACHE/work/debian-$1 log=$LOGS/debootstrap-$1.log
  fresh_tar "$out" "$DEBIAN_RECIPE" && return 0
  rm -rf --one-file-system "$work"; mkdir -p "$CACHE/work"
  debootstrap --arch="$arch" --variant=minbase bookworm "$work" "$MIRROR" > "$log" 2>&1 || { echo "debootstrap $arch failed, log $log" >&2; return 1; }
  # slim it the way the official -slim images are: no docs, man pages, locales, apt lists or caches
  rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/cache/apt/*.bin "$work"/var/lib/apt/lists/* "$work"/debootstrap \
         "$work"/usr/share/man/* "$work"/usr/share/info/* "$work"/usr/share/groff/* "$work"/usr/share/lintian/*
  find "$work/dev" -mindepth 1 -delete; find "$work"/var/log -type f -delete
  find "$work"/usr/share/doc -mindepth 1 -not -type d -not -name copyright -delete 2>/dev/null || true
  find "$work"/usr/share/locale -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} + 2>/dev/null || true
  mkdir -p "$work"/var/lib/apt/lists/partial; : > "$work"/etc/resolv.conf; : > "$work"/etc/hostname
  rm -f "$work"/etc/apt/sources.list
  printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$MIRROR" > "$work"/etc/apt/sources.list.d/debian.sources
  printf 'path-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\npath-exclude /usr/share/info/*\n' > "$work"/etc/dpkg/dpkg.cfg.d/docker
  printf 'Acquire::Languages "none";\n' > "$work"/etc/apt/apt.conf.d/docker-no-languages
  printf 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };\n' > "$work"/etc/apt/apt.conf.d/docker-clean
  printf '#!/bin/sh\nexit 101\n' > "$work"/usr/sbin/policy-rc.d; chmod 755 "$work"/usr/sbin/policy-rc.d
  tar --numeric-owner -C "$work" -cf "$out.tmp" . && mv "$out.tmp" "$out" && echo "$DEBIAN_RECIPE" > "$out.recipe"
  rm -rf --one-file-system "$work"
}
base_image() { # name platforms recipe cmd tar-prefix tags...
  local name=$1 platforms=$2 recipe=$3 cmd=$4 prefix=$5; shift 5
  local tags=() tag log=$LOGS/base-$name.log prov=--provenance=false
  [[ "$platforms" == *,* ]] || prov=--provenance=mode=min   # keep an index even with one platform
  for tag in "$@"; do tags+=(-t "$name:$tag"); done
  printf 'FROM scratch\nARG TARGETARCH\nADD %s-${TARGETARCH}.tar /\nLABEL org.opencontainers.image.description="local stand-in built from Debian packages by Pipelines build/engine/provision.sh" %s="%s"\nCMD ["%s"]\n' \
    "$prefix" "$RECIPE_LABEL" "$recipe" "$cmd" > "$BASEDIR/$name.Dockerfile"
  docker buildx build --progress=plain "$prov" --platform "$platforms" -f "$BASEDIR/$name.Dockerfile" "${tags[@]}" "$BASEDIR" > "$log" 2>&1 \
    || fail "building base image $name failed" "$log"
  for tag in "$@"; do   # the registry doubles as the docker.io mirror, so FROM name:tag also resolves with --pull
    docker tag "$name:$tag" "$REGISTRY/library/$name:$tag"
    docker push -q "$REGISTRY/library/$name:$tag" >> "$log" 2>&1 || fail "pushing $name:$tag to $REGISTRY failed" "$log"
    docker rmi "$REGISTRY/library/$name:$tag" > /dev/null 2>&1 || true
  done
}
if [ "$BASES" = 1 ]; then
  step bases
  [ "$REBUILD_BASES" = 1 ] && rm -f "$BASEDIR"/*.tar "$BASEDIR"/*.recipe
  bb_version=$(dpkg-query -W -f='${Version}' busybox-static); bb_version=${bb_version#*:}
  BUSYBOX_RECIPE="busybox-1 $bb_version" DEBIAN_RECIPE="debian-1 bookworm minbase slim $MIRROR"
  notes=()
  if [ "$(recipe_of busybox:latest)" = "$BUSYBOX_RECIPE" ] && multi_arch busybox:latest; then
    notes+=("busybox present")
  else
    busybox_tar amd64; busybox_tar arm64
    base_image busybox linux/amd64,linux/arm64 "$BUSYBOX_RECIPE" sh busybox latest 1 "$(echo "$bb_version" | cut -d. -f1,2)"
    notes+=("busybox built")
  fi
  platforms=linux/amd64; { [ "$ARM64_BASES" = 1 ] || fresh_tar "$BASEDIR/debian-arm64.tar" "$DEBIAN_RECIPE"; } && platforms=linux/amd64,linux/arm64
  if [ "$(recipe_of debian:bookworm-slim)" = "$DEBIAN_RECIPE" ] && { [ "$platforms" = linux/amd64 ] || multi_arch debian:bookworm-slim; }; then
    notes+=("debian present")
  else
    arm_job=""
    if [[ "$platforms" == *arm64* ]]; then debian_tar arm64 & arm_job=$!; fi   # emulated: overlap it with amd64
    debian_tar amd64 || fail "debootstrap amd64 failed" "$LOGS/debootstrap-amd64.log"
    if [ -n "$arm_job" ]; then wait "$arm_job" || fail "debootstrap arm64 failed (rerun with --no-arm64-bases to skip it)" "$LOGS/debootstrap-arm64.log"; fi
    base_image debian "$platforms" "$DEBIAN_RECIPE" bash debian bookworm-slim 12-slim
    notes+=("debian built ($platforms)")
  fi
  done_step "${notes[*]}"
fi

say "ready in $(( ($(date +%s%N) - START) / 1000000 ))ms: dockerd $(docker version --format '{{.Server.Version}}'), buildx $(docker buildx version | awk '{print $2}'), registry http://$REGISTRY; logs in $LOGS"
