#!/usr/bin/env bash
# Makes a Docker engine available for the lab: installs docker.io and debootstrap when missing
# (Debian/Ubuntu, as root or through sudo), starts dockerd when nothing answers, and waits for it.
# Exit codes: 0 engine usable, 1 engine not usable (the reason is printed on stderr).
set -euo pipefail

log() { printf '[lab] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

raise_inotify() {
  # Each lab host runs systemd, which takes inotify instances; the default 128 runs out near 20 hosts.
  local current
  current=$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)
  if [ "$current" -lt 1024 ]; then
    as_root sysctl -q -w fs.inotify.max_user_instances=1024 || log "could not raise fs.inotify.max_user_instances (have $current)"
  fi
}

if engine_answers; then
  raise_inotify
  exit 0
fi

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing ${missing[*]} and no apt-get to install them: install a Docker engine by hand"
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! engine_answers; then
  if [ -S /var/run/docker.sock ] && pgrep -x dockerd >/dev/null 2>&1; then
    log "dockerd runs but does not answer yet; waiting"
  elif command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    log "starting docker through systemd"
    as_root systemctl start docker || true
  else
    log "starting dockerd in the background (log: /tmp/dockerd.log)"
    as_root sh -c 'nohup dockerd --host unix:///var/run/docker.sock >/tmp/dockerd.log 2>&1 &'
  fi
  for _ in $(seq 1 60); do
    engine_answers && break
    sleep 1
  done
fi

if ! engine_answers; then
  log "the Docker engine does not answer 'docker info'; see /tmp/dockerd.log"
  exit 1
fi
raise_inotify
log "Docker engine ready: $(docker version --format '{{.Server.Version}}' 2>/dev/null)"
