#!/usr/bin/env bash
# Packs a staged release tree (see build.sh) into a .deb with dpkg-deb:
#   /usr/lib/provisioner/{bin,lib,runtime}       the release (launcher, jar, bundled Java runtime)
#   /usr/bin/provisioner                          -> ../lib/provisioner/bin/provisioner
#   /usr/share/man/man1/provisioner*.1.gz         man pages
#   /usr/share/bash-completion/completions/provisioner
#   /usr/share/doc/provisioner/{copyright,NOTICE,licenses/}
# postinst runs it once so the launcher writes the class-data sharing archive (faster start-up); prerm removes it.
# Usage: release/deb.sh STAGE_DIR DEB_VERSION OUT_FILE
set -euo pipefail
stage=$1 version=$2 deb=$3
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
pkg=$(mktemp -d)
trap 'rm -rf "$pkg"' EXIT

lib="$pkg/usr/lib/provisioner"
mkdir -p "$lib" "$pkg/usr/bin" "$pkg/usr/share/man/man1" "$pkg/usr/share/bash-completion/completions" \
  "$pkg/usr/share/doc/provisioner" "$pkg/DEBIAN"
cp -a "$stage/bin" "$stage/lib" "$stage/runtime" "$lib/"
ln -s ../lib/provisioner/bin/provisioner "$pkg/usr/bin/provisioner"
for page in "$stage"/share/man/man1/*.1; do
  gzip -9n < "$page" > "$pkg/usr/share/man/man1/$(basename "$page").gz"
done
cp "$stage/share/bash-completion/completions/provisioner" "$pkg/usr/share/bash-completion/completions/"
cp -a "$stage/LICENSE" "$pkg/usr/share/doc/provisioner/copyright"
cp -a "$stage/NOTICE" "$stage/licenses" "$pkg/usr/share/doc/provisioner/"

size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/debian/control" > "$pkg/DEBIAN/control"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$pkg/DEBIAN/"
(cd "$pkg" && find usr -type f -exec md5sum {} + > DEBIAN/md5sums)
find "$pkg" -type d -exec chmod 0755 {} +
dpkg-deb --root-owner-group -Zgzip -z6 --build "$pkg" "$deb" >/dev/null
