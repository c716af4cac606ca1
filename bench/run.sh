#!/usr/bin/env bash
# Runs one benchmark class from bench/java on a JDK 25 (the build's toolchain), with the test
# class path. Usage: bench/run.sh ClassName [-Dname=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."
main="org.socius.bench.$1"; shift
java_home="${JAVA25_HOME:-}"
if [ -z "$java_home" ]; then
  for candidate in /usr/lib/jvm/*; do
    if [ -f "$candidate/release" ] && grep -qE 'JAVA_VERSION="2[5-9]' "$candidate/release"; then
      java_home="$candidate"; break
    fi
  done
fi
[ -n "$java_home" ] || { echo "No JDK 25 found; set JAVA25_HOME" >&2; exit 1; }
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$java_home/bin/java" -Xmx4g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main"
