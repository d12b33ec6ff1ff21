#!/usr/bin/env bash
# Builds the native library, generates the Kotlin bindings from it, and runs the JUnit tests on
# the JVM. Extra arguments go to Maven (e.g. -Dtest=VectorsTest -Dvectors.dir=DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bindings-uniffi/kotlin"
cd "$root"
cargo build -q -p chainkit-uniffi
# The generator is built in debug on purpose: its release LTO build costs minutes for identical output.
cargo build -q -p chainkit-uniffi --features cli --bin uniffi-bindgen
rm -rf "$here/target/generated-sources/uniffi"
target/debug/uniffi-bindgen generate --no-format --library target/debug/libchainkit_uniffi.so \
  --language kotlin --out-dir "$here/target/generated-sources/uniffi" >/dev/null
cd "$here"
mvn -B --no-transfer-progress -Dstyle.color=never test "$@"
