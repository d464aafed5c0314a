#!/usr/bin/env bash
# Makes a Docker engine available for the lab: installs docker.io when missing (Debian/Ubuntu, as
# root or through passwordless sudo), starts dockerd when nothing answers, and waits for it. Whatever
# the engine's state (already running or not), it also installs debootstrap when missing, which
# build-image.sh needs where no image registry answers.
# Exit codes: 0 engine usable, 1 engine not usable (the reason and the fixing command on stderr).
set -euo pipefail
# shellcheck source=lab/common.sh
. "$(dirname "$0")/common.sh"

DOCKERD_LOG=${TMPDIR:-/tmp}/dockerd.log

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

raise_inotify() {
  # Each lab host runs systemd, which takes inotify instances; the default 128 runs out near 20 hosts.
  local current
  current=$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)
  if [ "$current" -lt 1024 ]; then
    as_root sysctl -q -w fs.inotify.max_user_instances=1024 || log "could not raise fs.inotify.max_user_instances (have $current)"
  fi
}

ensure_debootstrap() {
  # Not fatal here: build-image.sh needs it only when no image registry answers, and says so itself.
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap \
    || log "without debootstrap the lab image can only be built where an image registry answers"
}

if engine_answers; then
  raise_inotify
  ensure_debootstrap
  exit 0
fi

# A running engine this user may not talk to: installing or starting anything would not help.
denied=$(timeout 10 docker info 2>&1 | grep -i 'permission denied' || true)
if [ "$(id -u)" != 0 ] && [ -n "$denied" ]; then
  log "the Docker engine runs but $(id -un) may not use it (permission denied on /var/run/docker.sock):" \
      "run 'sudo usermod -aG docker $(id -un)', then log in again (or run this as root)"
  exit 1
fi

missing=()
{ command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1; } || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  if ! apt_install "${missing[@]}"; then
    log "no Docker engine answers and ${missing[*]} could not be installed"
    exit 1
  fi
fi

if ! engine_answers; then
  if [ -S /var/run/docker.sock ] && pgrep -x dockerd >/dev/null 2>&1; then
    log "dockerd runs but does not answer yet; waiting"
  elif command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    log "starting docker through systemd"
    as_root systemctl start docker || true
  else
    log "starting dockerd in the background (log: $DOCKERD_LOG)"
    as_root sh -c 'nohup dockerd --host unix:///var/run/docker.sock >"$1" 2>&1 &' sh "$DOCKERD_LOG"
  fi
  for _ in $(seq 1 60); do
    engine_answers && break
    sleep 1
  done
fi

if ! engine_answers; then
  log "the Docker engine does not answer 'docker info'; see $DOCKERD_LOG"
  exit 1
fi
raise_inotify
log "Docker engine ready: $(docker version --format '{{.Server.Version}}' 2>/dev/null)"
