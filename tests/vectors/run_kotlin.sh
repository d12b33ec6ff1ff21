#!/usr/bin/env bash
# Runs every vector file under DIR through the Kotlin bindings on the JVM.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(realpath "${1:-$root/tests/vectors}")
"$root/bindings-uniffi/kotlin/test.sh" -Dtest=VectorsTest -Dvectors.dir="$dir" -Dsurefire.failIfNoSpecifiedTests=false
