#!/usr/bin/env bash
# Builds the lab host image: Debian 12 with systemd as PID 1 and OpenSSH. Does nothing when the
# image already exists. Uses `FROM debian:bookworm` when an image registry answers, otherwise
# debootstrap from the host's own Debian mirror (as on machines without Docker Hub).
set -euo pipefail

IMAGE=${PROVISIONER_LAB_IMAGE:-provisioner-lab:bookworm}
# Bump when the image's content changes: an existing image with another revision is rebuilt.
REVISION=4
PACKAGES=systemd,systemd-sysv,openssh-server,dbus,iproute2,ca-certificates,curl,sudo,procps,gnupg,kmod,iptables
# Packages the components install, downloaded into apt's cache inside the image (NOT installed):
# every test still runs a real `apt-get install`, but without fetching ~100 MB per lab host.
PRESEED="etcd-server etcd-client docker-registry containerd runc containernetworking-plugins socat conntrack ipset kubernetes-client apache2-utils"
log() { printf '[lab] %s\n' "$*" >&2; }

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

if timeout 60 docker pull -q debian:bookworm >/dev/null 2>&1; then
  log "building $IMAGE from debian:bookworm"
  ctx=$(mktemp -d)
  trap 'rm -rf "$ctx"' EXIT
  cat >"$ctx/Dockerfile" <<DOCKER
FROM debian:bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(echo $PACKAGES | tr , ' ') && rm -rf /var/lib/apt/lists/*
CMD ["/sbin/init"]
DOCKER
  docker build -q -t "$IMAGE-base" "$ctx" >/dev/null
  cid=$(docker create "$IMAGE-base")
  rootfs=$(mktemp -d)
  docker export "$cid" | tar -C "$rootfs" -x
  docker rm "$cid" >/dev/null
else
  command -v debootstrap >/dev/null || { log "no image registry and no debootstrap: run lab/ensure-docker.sh"; exit 1; }
  mirror=${DEBIAN_MIRROR:-}
  if [ -z "$mirror" ]; then
    mirror=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
    [ -n "$mirror" ] || mirror=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -n1 || true)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  fi
  log "no image registry answers: building $IMAGE with debootstrap from $mirror (about a minute)"
  rootfs=$(mktemp -d /var/tmp/provisioner-lab-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase --include="$PACKAGES" bookworm "$rootfs" "$mirror" >/tmp/provisioner-debootstrap.log 2>&1 \
    || { log "debootstrap failed; see /tmp/provisioner-debootstrap.log"; rm -rf "$rootfs"; exit 1; }
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
fi

finish_rootfs "$rootfs"
log "pre-seeding apt's cache with: $PRESEED"
mount -t proc proc "$rootfs/proc" 2>/dev/null || true
cp /etc/resolv.conf "$rootfs/etc/resolv.conf" 2>/dev/null || true
if ! chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only $PRESEED" >/tmp/provisioner-preseed.log 2>&1; then
  log "pre-seeding failed (see /tmp/provisioner-preseed.log); lab hosts will download packages instead"
fi
umount "$rootfs/proc" 2>/dev/null || true
tar -C "$rootfs" -c . | docker import -c 'CMD ["/sbin/init"]' -c "LABEL dev.provisioner.lab.revision=$REVISION" - "$IMAGE" >/dev/null
rm -rf "$rootfs"
log "image $IMAGE built"
