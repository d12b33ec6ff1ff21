#!/usr/bin/env bash
# What a user downloads and waits for at startup, from dist/ (run `make dist` first):
# the npm .wasm (bytes, gzip -9), Node import + instantiate, `import chainkit` in Python, and the
# Kotlin jar's stripped native library. Times are in-process medians, interleaved with the same
# process doing nothing, over N runs (default 21). Not part of `make test`: measured, not asserted.
#   benches/startup.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-21}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tar -xzf "dist/chainkit-$version.tgz" -C "$work"
wasm="$work/package/web/chainkit_wasm_bg.wasm"
echo "npm .wasm: $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzip -9; copies in the tarball: $(tar -tzf "dist/chainkit-$version.tgz" | grep -c '\.wasm$')"
unzip -p "dist/chainkit-kotlin-$version.jar" linux-x86-64/libchainkit_uniffi.so > "$work/lib.so"
echo "kotlin jar: linux-x86-64/libchainkit_uniffi.so $(stat -c %s "$work/lib.so") bytes (stripped)"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --no-index --find-links dist "chainkit==$version"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
node_one() { node --input-type=module -e "const t = performance.now(); $1; console.log(performance.now() - t)"; }
py_one() { "$work/venv/bin/python" -c "import time; t = time.perf_counter(); $1; print((time.perf_counter() - t) * 1000)"; }
: > "$work/node-ck"; : > "$work/node-0"; : > "$work/py-ck"; : > "$work/py-0"
for _ in $(seq "$n"); do
  node_one "await import('$work/package/node.mjs')" >> "$work/node-ck"
  node_one "0" >> "$work/node-0"
  py_one "import chainkit" >> "$work/py-ck"
  py_one "None" >> "$work/py-0"
done
echo "node import + instantiate (node.mjs): median $(median < "$work/node-ck") ms; timing nothing $(median < "$work/node-0") ms ($n runs, node $(node --version))"
echo "python import chainkit: median $(median < "$work/py-ck") ms; timing nothing $(median < "$work/py-0") ms ($n runs, $("$work/venv/bin/python" --version))"
