#!/usr/bin/env bash
# Runs every signing benchmark against its named peer in one go and prints the tables that
# BENCHMARKS.md records. Not part of `make test` (speed is measured, not asserted).
#   benches/run.sh [SECONDS_PER_PEER_BENCH]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-5}
bash scripts/setup.sh >/dev/null
echo "## Rust (criterion): signing vs the bare hash/HMAC floor"
cargo bench -q -p chainkit-core --bench auth -- --warm-up-time 1 --measurement-time "$seconds" 2>&1 | grep -E "^[a-z_]+/|time:|interleaved"
echo "## Python (release wheel)"
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
(cd bindings-python && "$root/.venv/bin/maturin" build --release --quiet -i "$root/.venv/bin/python" -o "$wheels")
"$root/.venv/bin/pip" install -q --force-reinstall --no-deps "$wheels"/chainkit-*.whl
.venv/bin/python benches/auth_python.py --seconds "$seconds"
echo "## Node (release-wasm npm build)"
bindings-wasm/build.sh >/dev/null
node benches/pool_node.mjs "$seconds"
