#!/usr/bin/env bash
# Where a lab host's CPU goes in the first exchange of an apply, one suspect at a time
# (docs/performance.md, "Where a converged host's time goes"):
#
#   bench/suspects.sh INVENTORY HOST [SAMPLES]      e.g. bench/suspects.sh inventories/lab.yaml node01
#
# INVENTORY is a lab's inventory (provisioner lab up writes it; its hosts converged), HOST one of its hosts.
# 1. Captures the first exchange's script (run lock, leftovers cleanup, facts) while `bin/provisioner apply -i
#    INVENTORY --limit HOST` runs: root's login shell on HOST is, for that apply only, a wrapper that saves the
#    command it is given (the container is found by the lab's labels; /etc/passwd is restored at once).
# 2. Writes variants, each with one more suspect taken out, to /root on the host (docker cp).
# 3. Runs each over one fresh OpenSSH connection (`ssh HOST bash FILE`, the lab's key and pinned host keys)
#    SAMPLES times (default 9), reading the container's cgroup CPU counter before and after; prints the medians.
# A variant whose pattern is no longer in the script (the facts script changed) says so instead of measuring.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
inv=${1:?usage: bench/suspects.sh INVENTORY HOST [SAMPLES]}; host=${2:?usage: bench/suspects.sh INVENTORY HOST [SAMPLES]}
samples=${3:-9}
key=$(awk '/keyFile:/ { print $2; exit }' "$inv")
known=$(awk '/knownHosts:/ { print $2; exit }' "$inv")
address=$(awk -v h="$host" '$0 ~ "name: *"h"$" { getline; print $2; exit }' "$inv")
container=$(docker ps --filter "label=dev.provisioner.lab.host=$host" --format '{{.Names}}' | while read -r c; do
  [ "$(docker inspect -f '{{.NetworkSettings.IPAddress}}' "$c")" = "$address" ] && echo "$c"; done | head -1)
[ -n "$key" ] && [ -n "$known" ] && [ -n "$address" ] && [ -n "$container" ] \
  || { echo "bench/suspects.sh: cannot find key, known_hosts, address or container of $host in $inv" >&2; exit 1; }
id=$(docker inspect -f '{{.Id}}' "$container")
stat=
for f in "/sys/fs/cgroup/unified/docker/$id/cpu.stat" "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat" \
         "/sys/fs/cgroup/docker/$id/cpu.stat"; do [ -f "$f" ] && stat=$f && break; done
[ -n "$stat" ] || { echo "bench/suspects.sh: no cgroup v2 cpu.stat for $container" >&2; exit 1; }
ssh_host=(ssh -F /dev/null -i "$key" -o IdentitiesOnly=yes -o UserKnownHostsFile="$known" -o StrictHostKeyChecking=yes
          -o BatchMode=yes -o ControlMaster=no -o ControlPath=none "root@$address")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

echo "capturing the first exchange on $host ($container) during an apply --limit $host ..." >&2
# root's login shell becomes, for this one apply, a wrapper that saves the command sshd hands it (-c COMMAND),
# then runs bash as before; /etc/passwd is restored right after (also when this script is interrupted).
docker exec "$container" bash -c 'set -e; rm -f /root/.suspect.*; cp -p /etc/passwd /root/.suspect-passwd
  printf "%s\n" "#!/bin/bash" "printf %s \"\$2\" > /root/.suspect.\$\$" "exec /bin/bash \"\$@\"" > /root/.suspect-shell
  chmod 0755 /root/.suspect-shell
  sed -i "s#^\(root:[^:]*:0:0:[^:]*:[^:]*:\).*#\1/root/.suspect-shell#" /etc/passwd'
restore() { docker exec "$container" bash -c 'if [ -f /root/.suspect-passwd ]; then cp -p /root/.suspect-passwd /etc/passwd; rm -f /root/.suspect-passwd /root/.suspect-shell; fi' || true; }
trap 'restore; rm -rf "$work"' EXIT
"$root/bin/provisioner" apply -i "$inv" --limit "$host" -q >/dev/null 2>&1 || true
restore
captured=$(docker exec "$container" bash -c 'grep -l "flock -w" /root/.suspect.* 2>/dev/null | head -1')
[ -n "$captured" ] || { echo "bench/suspects.sh: did not see the first exchange on $host" >&2; exit 1; }
docker exec "$container" cat "$captured" >"$work/full.sh"
docker exec "$container" bash -c 'rm -f /root/.suspect.*'

variant() {  # variant NAME FROM SED-EXPRESSION: NAME is FROM with the expression applied
  sed -e "$3" "$work/$2.sh" >"$work/$1.sh"
  if cmp -s "$work/$1.sh" "$work/$2.sh"; then echo "  $1: pattern not found (the script changed); not measured" >&2; cp "$work/$2.sh" "$work/$1.sh"; fi
}
printf 'true\n' >"$work/empty.sh"
awk 'skip == 0 && /^fi$/ { skip = 1; next } skip { print }' "$work/full.sh" >"$work/no-lock.sh"
variant no-cands no-lock 's/^cands .*/true/'
variant no-content no-cands 's/\[ -n "\$X" \] || return 0/return 0/; s/base64 -w0 < "$1"/: < "$1"/'
variant no-hashing no-content 's/\[ -z "$H" \] || sums=$(sha256sum -- $H 2>\/dev\/null);/:;/; s/\*) sum=$(sha256sum < "$p" | cut -d. . -f1) ;;/*) sum=x ;;/'
variant no-systemctl no-hashing 's/^us .*/true/'
variant no-packages no-systemctl 's/^pkgs .*/true/'
variant no-sockets no-packages 's/^for t in tcp tcp6 udp udp6; do/for t in; do/'
for v in empty full no-lock no-cands no-content no-hashing no-systemctl no-packages no-sockets; do
  docker cp "$work/$v.sh" "$container:/root/.suspect-$v.sh" >/dev/null
done
usage() { awk '/^usage_usec/ { print $2 }' "$stat"; }
printf '%-16s %s\n' variant "lab-host CPU ms, median of $samples [min-max]"
for v in empty full no-lock no-cands no-content no-hashing no-systemctl no-packages no-sockets; do
  for i in $(seq 1 "$samples"); do
    a=$(usage); "${ssh_host[@]}" bash "/root/.suspect-$v.sh" >/dev/null 2>&1 || true; b=$(usage)
    echo $(( (b - a) / 1000 ))
  done | sort -n | awk -v v="$v" '{ x[NR] = $1 } END { printf "%-16s %d [%d-%d]\n", v, x[int((NR + 1) / 2)], x[1], x[NR] }'
done
docker exec "$container" bash -c 'rm -f /root/.suspect-*.sh'
