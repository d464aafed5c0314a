# Shared by the lab scripts (sourced, not run): logging, root commands, and installing the host
# tools the lab needs from the host's own package manager.

# Root's tools (debootstrap, chroot, sysctl) live in the sbin directories, which a sudo user's PATH
# often lacks.
PATH=$PATH:${LAB_SBIN:-/usr/sbin:/sbin}

log() { printf '[lab] %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through passwordless sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

# The command a user runs to install package $1 on this machine, for messages.
install_hint() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo "
  if command -v apt-get >/dev/null 2>&1; then echo "${sudo}apt-get install -y $1"
  elif command -v dnf >/dev/null 2>&1; then echo "${sudo}dnf install -y $1"
  elif command -v yum >/dev/null 2>&1; then echo "${sudo}yum install -y $1"
  else echo "the package manager of this machine (package: $1)"; fi
}

# Installs Debian packages with apt (as root or via sudo -n). Returns 1 with a message naming the
# exact command when that is not possible (no apt-get, no root and no passwordless sudo, apt failed).
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "no apt-get on this machine: install the package(s) $* yourself, e.g. $(install_hint "$*")"
    return 1
  fi
  if [ "$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then
    log "installing $* needs root: run 'sudo apt-get install -y $*' (or re-run this as root / with passwordless sudo)"
    return 1
  fi
  log "installing $* with apt-get"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update >${TMPDIR:-/tmp}/provisioner-apt.log 2>&1 \
     || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 install -y "$@" >>${TMPDIR:-/tmp}/provisioner-apt.log 2>&1; then
    log "apt-get could not install $* (see ${TMPDIR:-/tmp}/provisioner-apt.log); fix that, then run: $(install_hint "$*")"
    return 1
  fi
}
