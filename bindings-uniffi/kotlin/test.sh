#!/usr/bin/env bash
# Builds the native library (debug), generates the Kotlin bindings from it into
# target/generated-sources/uniffi, and runs the JUnit tests on the JVM (JNA loads
# ../../target/debug/libchainkit_uniffi.so). Needs CHAINKIT_SANDBOX_URL: run it as
#   scripts/with-sandbox.sh bindings-uniffi/kotlin/test.sh
# Extra arguments go to Maven, e.g. -Dtest=VectorsTest -Dvectors.dir=DIR. Maven downloads its
# plugins and dependencies on the first run only (add -o to stay offline afterwards).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bindings-uniffi/kotlin"
"$root/bindings-uniffi/generate.sh" kotlin "$here/target/generated-sources/uniffi"
cd "$here"
mvn -B --no-transfer-progress -Dstyle.color=never test "$@"
