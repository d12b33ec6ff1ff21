#!/usr/bin/env bash
# Runs every vector file under DIR (default tests/vectors) through the Kotlin bindings on the JVM:
# generates the bindings, then `mvn -B -q test -Dtest=VectorsTest -Dvectors.dir=DIR`.
#   tests/vectors/run_kotlin.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(realpath "${1:-$root/tests/vectors}")
[ -d "$dir" ] || { echo "run_kotlin.sh: $dir is not a directory" >&2; exit 2; }
"$root/bindings-uniffi/kotlin/test.sh" -Dtest=VectorsTest -Dvectors.dir="$dir"
