#!/usr/bin/env bash
# Builds the native library (debug) and generates the bindings for one language from it.
#   bindings-uniffi/generate.sh kotlin|swift OUT_DIR
# Equivalent by hand:
#   cargo build -p chainkit-uniffi
#   cargo run -p chainkit-uniffi --features cli --bin uniffi-bindgen -- generate \
#     --library target/debug/libchainkit_uniffi.so --language kotlin --out-dir OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
language=${1:?usage: generate.sh kotlin|swift OUT_DIR}
out=${2:?usage: generate.sh kotlin|swift OUT_DIR}
cd "$root"
cargo build -q -p chainkit-uniffi
# The generator is built in debug on purpose: its release LTO build costs minutes for identical output.
cargo build -q -p chainkit-uniffi --features cli --bin uniffi-bindgen
case "$(uname -s)" in Darwin) lib=target/debug/libchainkit_uniffi.dylib ;; *) lib=target/debug/libchainkit_uniffi.so ;; esac
rm -rf "$out"
target/debug/uniffi-bindgen generate --no-format --library "$lib" --language "$language" --out-dir "$out" >/dev/null

if [ "$language" = kotlin ]; then
  # uniffi 0.32 makes Kotlin's Throwable.message of an error with fields a `field=value` listing
  # (a field named `message` does not compile: mozilla/uniffi-rs#1434, #2065, #2938). Point it at
  # toString() instead, which is the error's exported Rust Display: core's one-line text
  # `[service] kind code: detail (HTTP status, request id …)`. The fields stay as they are.
  kt="$out/chainkit/chainkit_uniffi.kt"
  listing='get() = "service=${ `service` }, status=${ `status` }, code=${ `code` }, detail=${ `detail` }, requestId=${ `requestId` }, retryAfterMs=${ `retryAfterMs` }"'
  variants=$(grep -c ') : ChainkitException() {' "$kt")
  found=$(grep -cF "$listing" "$kt" || true)
  if [ "$variants" -eq 0 ] || [ "$found" -ne "$variants" ]; then
    echo "generate.sh: expected $variants ChainkitException message getters to patch, found $found;" \
      "uniffi's Kotlin error template changed: revisit this step" >&2
    exit 1
  fi
  LISTING=$listing perl -pi -e 's/\Q$ENV{LISTING}\E/get() = toString()/' "$kt"
  if grep -qF "$listing" "$kt"; then
    echo "generate.sh: patching ChainkitException.message failed" >&2
    exit 1
  fi
fi
