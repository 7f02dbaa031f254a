#!/usr/bin/env bash
# Runs Optim's JMH benchmark suite and writes its results into docs/benchmarks.md, one section
# per JDK (about 20–25 minutes per JDK on 2 cores).
#
#   optim-bench/run-benchmarks.sh [--quick] [--jdk DIR]...
#
#   --jdk DIR  run the suite on the JDK installed in DIR; repeat it to compare JDKs in one go.
#              Default: $JDK25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64 if present, else the
#              JDK of $JAVA_HOME or the `java` on the PATH.
#   --quick    every benchmark once, briefly, in one JVM: checks that the suite runs, measures
#              nothing (its section is marked as such).
#
# The build runs on JDK 25 when one is found, so that optim-core's multi-release JAR carries the
# SIMD tier; on JDK 25 or later the suite runs with --add-modules jdk.incubator.vector (the JMH
# forks inherit it). Extra Maven arguments can be passed in MVN_ARGS (for example MVN_ARGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=()
jdks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick); shift ;;
    --jdk) jdks+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--quick] [--jdk DIR]..." >&2; exit 2 ;;
  esac
done

jdk25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$jdk25/bin/java" ] || jdk25=""
default_jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
if [ ${#jdks[@]} -eq 0 ]; then
  jdks=("${jdk25:-$default_jdk}")
fi

build_jdk="${jdk25:-$default_jdk}"
echo "Building optim-core and optim-bench with $build_jdk"
JAVA_HOME="$build_jdk" ./mvnw -q ${MVN_ARGS:-} -pl optim-core,optim-bench -am package -DskipTests

for jdk in "${jdks[@]}"; do
  java="$jdk/bin/java"
  feature=$("$java" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.specification.version/ {print $2}')
  args=()
  if [ "${feature%%.*}" -ge 25 ]; then
    args+=(--add-modules jdk.incubator.vector)
  fi
  echo "Running the suite on $("$java" -version 2>&1 | head -1) (${args[*]:-no extra flags})"
  "$java" "${args[@]}" -cp optim-bench/target/benchmarks.jar dev.optim.bench.BenchmarkSuite \
    --out docs/benchmarks.md --json "optim-bench/target/results-jdk${feature}.json" "${quick[@]}"
done
