#!/usr/bin/env bash
# Builds the native library and generates the bindings for one language from it.
#   bindings-uniffi/generate.sh kotlin|swift OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
language=${1:?usage: generate.sh kotlin|swift OUT_DIR}
out=${2:?usage: generate.sh kotlin|swift OUT_DIR}
cd "$root"
cargo build -q -p chainkit-uniffi
# The generator is built in debug on purpose: its release LTO build costs minutes for identical output.
cargo build -q -p chainkit-uniffi --features cli --bin uniffi-bindgen
rm -rf "$out"
target/debug/uniffi-bindgen generate --no-format --library target/debug/libchainkit_uniffi.so \
  --language "$language" --out-dir "$out" >/dev/null
