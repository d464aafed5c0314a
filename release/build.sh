#!/usr/bin/env bash
# Builds the Linux release artifacts from the shaded CLI jar (run by `mvn -Prelease package`, see
# docs/release.md; runnable by hand after `mvn -pl cli -am package`):
#   OUT/provisioner-VERSION-linux-x64.tar.gz  bin/provisioner, lib/, a jlink'd Java runtime, man pages,
#                                             bash completion, LICENSE, NOTICE, licenses/
#   OUT/provisioner_DEBVERSION_amd64.deb      the same tree under /usr/lib/provisioner, /usr/bin/provisioner,
#                                             /usr/share/man/man1, /usr/share/bash-completion
#   OUT/SHA256SUMS                            `sha256sum -c SHA256SUMS` checks both
# Usage: release/build.sh VERSION CLI_JAR PICOCLI_CODEGEN_JAR OUT_DIR
# Needs a JDK 17 (jdeps, jlink; JAVA_HOME or PATH), dpkg-deb and asciidoctor (installed with apt-get
# when missing and running as root).
set -euo pipefail
version=$1 cli_jar=$(readlink -f "$2") codegen_jar=$(readlink -f "$3") out=$4
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
say() { echo "[release] $*" >&2; }

need_asciidoctor() {
  command -v asciidoctor >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing asciidoctor (man pages) with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends asciidoctor >&2 \
      || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends asciidoctor >&2; }
  else
    echo "release/build.sh: asciidoctor is needed for the man pages: apt-get install asciidoctor" >&2
    exit 1
  fi
}

rm -rf "$out" && mkdir -p "$out"
work="$out/work"
name="provisioner-$version"
stage="$work/$name"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/man/man1" "$stage/share/bash-completion/completions" "$stage/licenses"

say "runtime: jdeps + jlink"
modules=$("${bin}jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$cli_jar")
# Not visible to jdeps: the EC provider (ECDH key exchange, EC host keys), sun.misc.Unsafe users.
modules="$modules,jdk.crypto.ec,jdk.unsupported"
"${bin}jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --output "$stage/runtime"

say "man pages and bash completion from the picocli model"
docs="$work/docs"
mkdir -p "$docs"
"${bin}java" -cp "$cli_jar:$codegen_jar" "$here/GenerateDocs.java" "$docs" 2>&1 | grep -v '^\[.*\] ' >&2 || true
[ -s "$docs/provisioner.bash" ] || { echo "release/build.sh: no completion script generated" >&2; exit 1; }
need_asciidoctor
asciidoctor -b manpage -D "$stage/share/man/man1" "$docs"/adoc/*.adoc
[ -s "$stage/share/man/man1/provisioner.1" ] || { echo "release/build.sh: no man page generated" >&2; exit 1; }
cp "$docs/provisioner.bash" "$stage/share/bash-completion/completions/provisioner"

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
