#!/bin/sh
# Managed by provisioner (cluster ${line(cluster)}): a scheduled etcd snapshot of member ${line(name)} into
# ${line(dir)}, the newest ${keep} kept. Run by ${line(service)} (started by ${line(timer)}).
# etcd authorizes a snapshot only for a user with its root role, so the member's root client
# certificate is used; it never leaves this host (0600 root). Each snapshot is checked with etcd's own
# "snapshot status" and its SHA-256 is written next to it before the snapshot gets its final name.
set -eu
umask 077
dir=${sh(dir)}
keep=${keep}
if [ -L "$dir" ] || [ ! -d "$dir" ]; then echo "$dir is not a plain directory" >&2; exit 1; fi
stamp=$(date -u +%Y%m%dT%H%M%SZ)
name=${sh(prefix)}"$stamp.db"
part="$dir/.$name.part"
trap 'rm -f -- "$part" "$dir/.$name.sha256.part"' EXIT
ETCDCTL_API=3 ${sh(etcdctl)} --endpoints=${sh(endpoint)} --cacert=${sh(ca)} --cert=${sh(cert)} --key=${sh(key)} \
  --dial-timeout=5s --command-timeout=600s snapshot save "$part" >&2
if [ -x ${sh(etcdutl)} ]; then
  ${sh(etcdutl)} snapshot status "$part" >&2
else
  ETCDCTL_API=3 ${sh(etcdctl)} snapshot status "$part" >&2
fi
sum=$(sha256sum "$part" | cut -d ' ' -f 1)
printf '%s  %s\n' "$sum" "$name" > "$dir/.$name.sha256.part"
mv -f -- "$dir/.$name.sha256.part" "$dir/$name.sha256"
mv -f -- "$part" "$dir/$name"
# Retention: the newest $keep snapshots (names sort by their UTC time) and their checksums.
ls -1 "$dir" | grep -E ${sh(pattern)} | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
  rm -f -- "$dir/$old" "$dir/$old.sha256"
  echo "removed $dir/$old (keep $keep)"
done
echo "etcd snapshot $dir/$name sha256 $sum"
