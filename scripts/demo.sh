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
echo "--- Python"
if ! .venv/bin/python -c "import chainkit" 2>/dev/null; then
  (cd bindings-python && ../.venv/bin/maturin build --quiet -i ../.venv/bin/python -o ../target/wheels)
  .venv/bin/pip install -q --force-reinstall --no-deps target/wheels/chainkit-*.whl
fi
.venv/bin/python examples/demo.py
echo "--- Kotlin (JVM)"
bindings-uniffi/kotlin/test.sh -q -DskipTests >/dev/null 2>&1 \
  || { echo "demo: building the Kotlin bindings failed; run bindings-uniffi/kotlin/test.sh to see why" >&2; exit 1; }
# Debian's Maven 3.8 prints stray ANSI resets under -q even with colour off; drop them.
(cd bindings-uniffi/kotlin && mvn -B -q --no-transfer-progress -Dstyle.color=never exec:java) 2>&1 | sed $'s/\x1b\\[0m//g'
