#!/usr/bin/env bash
# Builds the native library, generates the Kotlin bindings from it, and runs the JUnit tests on
# the JVM. Extra arguments go to Maven (e.g. -Dtest=VectorsTest -Dvectors.dir=DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bindings-uniffi/kotlin"
"$root/bindings-uniffi/generate.sh" kotlin "$here/target/generated-sources/uniffi"
cd "$here"
mvn -B --no-transfer-progress -Dstyle.color=never test "$@"
