#!/usr/bin/env bash
# Builds the Linux release artifacts from the shaded CLI jar (run by `mvn -Prelease package`, see
# docs/release.md; runnable by hand after `mvn -pl cli -am package`):
#   OUT/provisioner-VERSION-linux-x64.tar.gz  bin/provisioner, lib/, a jlink'd Java runtime, man pages,
#                                             bash completion, LICENSE, NOTICE, licenses/
#   OUT/provisioner_DEBVERSION_amd64.deb      the same tree under /usr/lib/provisioner, /usr/bin/provisioner,
#                                             /usr/share/man/man1, /usr/share/bash-completion
#   OUT/SHA256SUMS                            `sha256sum -c SHA256SUMS` checks both
# Usage: release/build.sh VERSION CLI_JAR OUT_DIR
# The man pages (man/man1/*.1) and the completion script (provisioner_completion) are taken from the
# CLI jar's folder, where the cli module's build writes them from the picocli model (CliArtifacts).
# Needs a JDK 17 (jdeps, jlink; JAVA_HOME or PATH) and dpkg-deb.
set -euo pipefail
version=$1 cli_jar=$(readlink -f "$2") out=$3
cli_target=$(dirname "$cli_jar")
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
say() { echo "[release] +${SECONDS}s $*" >&2; }

rm -rf "$out" && mkdir -p "$out"
work="$out/work"
name="provisioner-$version"
stage="$work/$name"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/man/man1" "$stage/share/bash-completion/completions" "$stage/licenses"

say "runtime: jdeps + jlink"
modules=$("${bin}jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$cli_jar")
# Not visible to jdeps: the EC provider (ECDH key exchange, EC host keys), sun.misc.Unsafe users.
modules="$modules,jdk.crypto.ec,jdk.unsupported"
# java.desktop comes in for java.beans (FreeMarker, SnakeYAML); its native graphics, font, sound and image
# libraries would need X11, freetype, ALSA, libjpeg and lcms on the target, and the CLI loads none of them.
desktop_natives='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libfontmanager.so,**/libjsound.so'
desktop_natives="$desktop_natives,**/liblcms.so,**/libjavajpeg.so,**/libmlib_image.so,**/psfont*.properties*"
"${bin}jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --exclude-files="$desktop_natives" --generate-cds-archive --output "$stage/runtime"

say "man pages and bash completion (written from the picocli model by the cli build)"
ls "$cli_target"/man/man1/provisioner.1 "$cli_target"/provisioner_completion >/dev/null \
  || { echo "release/build.sh: no man pages or completion in $cli_target: build the cli module first" >&2; exit 1; }
install -m 0644 "$cli_target"/man/man1/*.1 "$stage/share/man/man1/"
install -m 0644 "$cli_target/provisioner_completion" "$stage/share/bash-completion/completions/provisioner"

say "tree"
install -m 0755 "$here/provisioner" "$stage/bin/provisioner"
install -m 0644 "$cli_jar" "$stage/lib/provisioner-cli.jar"
install -m 0644 "$root/LICENSE" "$root/NOTICE" "$stage/"
install -m 0644 "$here"/licenses/* "$stage/licenses/"
# Every bundled jar's own licence and NOTICE files, as shipped by its authors (licenses/bundled/JAR/).
bundled="$(dirname "$cli_jar")/release-tools/bundled"
for dep in "$bundled"/*.jar; do
  [ -e "$dep" ] || continue
  dir="$stage/licenses/bundled/$(basename "$dep" .jar)"
  mkdir -p "$dir"
  unzip -qq -j -o "$dep" 'META-INF/LICENSE*' 'META-INF/NOTICE*' 'META-INF/*-LICENSE' -d "$dir" 2>/dev/null || true
  rmdir "$dir" 2>/dev/null || true
done
PROVISIONER_CDS=0 "$stage/bin/provisioner" --version >/dev/null

tarball="$out/$name-linux-x64.tar.gz"
say "$(basename "$tarball")"
tar -C "$work" --owner=0 --group=0 --numeric-owner --sort=name -czf "$tarball" "$name"

debversion=${version//-/\~}
deb="$out/provisioner_${debversion}_amd64.deb"
say "$(basename "$deb")"
"$here/deb.sh" "$stage" "$debversion" "$deb"

(cd "$out" && sha256sum "$(basename "$tarball")" "$(basename "$deb")" > SHA256SUMS)
rm -rf "$work"
say "done: $(cd "$out" && ls | tr '\n' ' ')"
