#!/usr/bin/env bash
# `make demo`: a short scenario in each language against the running sandbox.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${CHAINKIT_SANDBOX_URL:?run through scripts/with-sandbox.sh (make demo does)}"
echo "--- Rust"
cargo run -q -p chainkit-core --example demo
echo "--- JavaScript (Node, wasm)"
[ -f bindings-wasm/pkg/node.mjs ] || PROFILE=dev bindings-wasm/build.sh >/dev/null
node examples/demo.mjs
