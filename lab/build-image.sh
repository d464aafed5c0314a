#!/usr/bin/env bash
# Builds a lab host image: Debian with systemd as PID 1 and OpenSSH. Does nothing when the image
# already exists at the current revision.
#   lab/build-image.sh [SUITE]        SUITE: bookworm (Debian 12, the default) or trixie (Debian 13)
# The image is provisioner-lab:SUITE unless PROVISIONER_LAB_IMAGE names another tag. The base comes
# from, in this order: a local debian:SUITE image, `docker pull debian:SUITE` when an image registry
# answers, or debootstrap from the host's own Debian mirror (installed with apt when missing, as on
# machines without Docker Hub). Runs as root or as a user with passwordless sudo.
# Exit codes: 0 image ready, 1 it could not be built (reason and fixing command on stderr), 2 bad usage.
# Logs of the slow steps go to ${TMPDIR:-/tmp}/provisioner-*.log.
set -euo pipefail
# shellcheck source=lab/common.sh
. "$(dirname "$0")/common.sh"

SUITE=${1:-${PROVISIONER_LAB_SUITE:-bookworm}}
case $SUITE in
  bookworm|trixie) ;;
  *) log "unsupported suite '$SUITE': use bookworm (Debian 12) or trixie (Debian 13)"; exit 2 ;;
esac
IMAGE=${PROVISIONER_LAB_IMAGE:-provisioner-lab:$SUITE}
# Bump when the image's content changes: an existing image with another revision is rebuilt.
REVISION=4
PACKAGES=systemd,systemd-sysv,openssh-server,dbus,iproute2,ca-certificates,curl,sudo,procps,gnupg,kmod,iptables
# Packages the components install, downloaded into apt's cache inside the image (NOT installed):
# every test still runs a real `apt-get install`, but without fetching ~100 MB per lab host.
PRESEED="etcd-server etcd-client docker-registry containerd runc containernetworking-plugins socat conntrack ipset kubernetes-client apache2-utils"

have=$(docker image inspect -f '{{ index .Config.Labels "dev.provisioner.lab.revision" }}' "$IMAGE" 2>/dev/null || true)
if [ "$have" = "$REVISION" ]; then
  log "image $IMAGE exists (revision $REVISION)"
  exit 0
fi
[ -z "$have" ] || log "image $IMAGE has revision '$have', rebuilding as revision $REVISION"

# The image's sshd has no host keys baked in: every container generates its own at boot, so two
# lab hosts never share a key (host-key checking is real, not decorative).
finish_rootfs() {
  local root=$1
  rm -f "$root"/etc/ssh/ssh_host_*
  mkdir -p "$root/etc/systemd/system/ssh.service.d"
  # ed25519 and ecdsa only: an RSA host key takes seconds to make, tens of seconds on a loaded
  # machine starting many hosts at once, and every client here speaks ed25519.
  cat >"$root/etc/systemd/system/ssh.service.d/hostkeys.conf" <<'UNIT'
[Service]
ExecStartPre=
ExecStartPre=/bin/sh -c 'for t in ed25519 ecdsa; do [ -s /etc/ssh/ssh_host_$${t}_key ] || ssh-keygen -q -t $$t -N "" -f /etc/ssh/ssh_host_$${t}_key; done'
ExecStartPre=/usr/sbin/sshd -t
UNIT
  printf 'HostKey /etc/ssh/ssh_host_ed25519_key\nHostKey /etc/ssh/ssh_host_ecdsa_key\n' >"$root/etc/ssh/sshd_config.d/hostkeys.conf"
  # Units that cannot work in a container and only slow the boot.
  for unit in systemd-udevd.service systemd-udev-trigger.service getty@tty1.service \
              systemd-modules-load.service sys-kernel-config.mount sys-kernel-debug.mount; do
    ln -sf /dev/null "$root/etc/systemd/system/$unit"
  done
  ln -sf /lib/systemd/system/multi-user.target "$root/etc/systemd/system/default.target"
  ln -sf /lib/systemd/system/ssh.service "$root/etc/systemd/system/multi-user.target.wants/ssh.service"
  echo 'lab' >"$root/etc/hostname"
  : >"$root/etc/machine-id"
  # The debian image's docker-clean hook would delete the pre-seeded packages.
  rm -f "$root/etc/apt/apt.conf.d/docker-clean"
  # Keep apt lean and quiet inside lab hosts.
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$root/etc/apt/apt.conf.d/99lab"
}

# debootstrap's path, installing the package when it is missing; empty (with the fixing command
# printed) when that is not possible.
find_debootstrap() {
  local d
  d=$(command -v debootstrap 2>/dev/null || true)
  if [ -z "$d" ]; then
    log "no image registry answers and debootstrap is missing: installing it"
    apt_install debootstrap || return 1
    d=$(command -v debootstrap 2>/dev/null || echo debootstrap)
  fi
  if [ ! -e "${DEBOOTSTRAP_DIR:-/usr/share/debootstrap}/scripts/$SUITE" ]; then
    log "this debootstrap does not know the suite $SUITE: upgrade it ($(install_hint debootstrap))"
    return 1
  fi
  echo "$d"
}

debian_mirror() {
  local mirror=${DEBIAN_MIRROR:-}
  if [ -z "$mirror" ]; then
    mirror=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
    [ -n "$mirror" ] || mirror=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  fi
  echo "$mirror"
}

from_docker_image() {
  log "building $IMAGE from debian:$SUITE"
  ctx=$(mktemp -d)
  cat >"$ctx/Dockerfile" <<DOCKER
FROM debian:$SUITE
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(echo $PACKAGES | tr , ' ') && rm -rf /var/lib/apt/lists/*
CMD ["/sbin/init"]
DOCKER
  docker build -q -t "$IMAGE-base" "$ctx" >/dev/null
  rm -rf "$ctx"
  cid=$(docker create "$IMAGE-base")
  docker export "$cid" | as_root tar -C "$rootfs" -x
  docker rm "$cid" >/dev/null
}

rootfs=$(mktemp -d /var/tmp/provisioner-lab-rootfs.XXXXXX)
trap 'as_root rm -rf "$rootfs"' EXIT
if docker image inspect "debian:$SUITE" >/dev/null 2>&1 || timeout 60 docker pull -q "debian:$SUITE" >/dev/null 2>&1; then
  from_docker_image
else
  if ! debootstrap=$(find_debootstrap); then
    log "cannot build $IMAGE: no image registry answers (docker pull debian:$SUITE failed), no local debian:$SUITE image, and no usable debootstrap"
    exit 1
  fi
  mirror=$(debian_mirror)
  log "no image registry answers: building $IMAGE with debootstrap ($SUITE) from $mirror (about a minute)"
  as_root "$debootstrap" --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$mirror" >${TMPDIR:-/tmp}/provisioner-debootstrap-$SUITE.log 2>&1 \
    || { log "debootstrap failed; see ${TMPDIR:-/tmp}/provisioner-debootstrap-$SUITE.log"; exit 1; }
  as_root sh -c 'rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/archives/*.deb' sh "$rootfs"
fi

as_root bash -c "$(declare -f finish_rootfs); finish_rootfs \"\$1\"" sh "$rootfs"
log "pre-seeding apt's cache with: $PRESEED"
as_root mount -t proc proc "$rootfs/proc" 2>/dev/null || true
as_root cp /etc/resolv.conf "$rootfs/etc/resolv.conf" 2>/dev/null || true
if ! as_root chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only $PRESEED" >${TMPDIR:-/tmp}/provisioner-preseed-$SUITE.log 2>&1; then
  log "pre-seeding failed (see ${TMPDIR:-/tmp}/provisioner-preseed-$SUITE.log); lab hosts will download packages instead"
fi
as_root umount "$rootfs/proc" 2>/dev/null || true
as_root tar -C "$rootfs" -c . | docker import -c 'CMD ["/sbin/init"]' -c "LABEL dev.provisioner.lab.revision=$REVISION" \
  -c "LABEL dev.provisioner.lab.suite=$SUITE" - "$IMAGE" >/dev/null
log "image $IMAGE built ($SUITE)"
