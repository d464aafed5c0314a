#!/usr/bin/env bash
# Builds examples/ the way an installer's own project would: outside this reactor, against the
# library artifact installed in a Maven repository, never in ~/.m2 (other builds use it).
#   1. installs provisioner-parent, the library (dev.provisioner:provisioner, with its sources and
#      javadoc jars) and its CIS checker dependency (dev.provisioner:provisioner-cis) from the built
#      provisioner/target and cis/target into a TEMPORARY local repository OUT/repo;
#   2. copies examples/ (pom and sources) to OUT/examples and builds it there with that repository;
#   3. writes OUT/classpath.txt: the example's jar and its runtime dependencies, for `java -cp`.
# Third-party artifacts come from ~/.m2 read as a file:// mirror (no network); when that lacks one,
# the build is retried against Maven Central. The library must be built first
# (`mvn -pl provisioner -am package`): the script builds it when its jar is missing.
# Usage: examples/standalone.sh OUT_DIR
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
repo="$out/repo"
say() { echo "[examples] $*" >&2; }
mvn_q() { mvn -B -ntp -q -Dstyle.color=never -Dmaven.repo.local="$repo" "$@"; }

version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)
jar="$root/provisioner/target/provisioner-$version.jar"
cis_jar="$root/cis/target/provisioner-cis-$version.jar"
if [ ! -f "$jar" ] || [ ! -f "$cis_jar" ] || [ ! -f "${jar%.jar}-sources.jar" ] || [ ! -f "${jar%.jar}-javadoc.jar" ]; then
  say "building the library (its jar is missing)"
  (cd "$root" && mvn -B -ntp -q -o -pl provisioner -am package -DskipTests) >&2
fi

mirror="$out/settings-mirror.xml"
cat > "$mirror" <<XML
<settings>
  <mirrors>
    <mirror><id>user-repository</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror>
  </mirrors>
</settings>
XML

with_fallback() {
  if ! mvn_q -s "$mirror" "$@" >"$out/mvn.log" 2>&1; then
    say "not everything was in ~/.m2; retrying against Maven Central"
    mvn_q "$@" >"$out/mvn.log" 2>&1 || { cat "$out/mvn.log" >&2; return 1; }
  fi
}

say "installing provisioner-parent, provisioner-cis and provisioner $version into $repo"
with_fallback org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
  -Dfile="$root/pom.xml" -DpomFile="$root/pom.xml" -Dpackaging=pom
with_fallback org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
  -Dfile="$cis_jar" -DpomFile="$root/cis/pom.xml"
with_fallback org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
  -Dfile="$jar" -DpomFile="$root/provisioner/pom.xml" \
  -Dsources="${jar%.jar}-sources.jar" -Djavadoc="${jar%.jar}-javadoc.jar"

say "building examples/ standalone in $out/examples"
rm -rf "$out/examples"
mkdir -p "$out/examples"
cp -r "$root/examples/pom.xml" "$root/examples/src" "$out/examples/"
with_fallback -f "$out/examples/pom.xml" package dependency:build-classpath \
  -Dmdep.outputFile="$out/deps.txt" -Dmdep.includeScope=runtime
echo "$out/examples/target/provisioner-examples-$version.jar:$(cat "$out/deps.txt")" > "$out/classpath.txt"
say "done: java -cp \"\$(cat $out/classpath.txt)\" dev.provisioner.examples.EmbeddingExample ..."
