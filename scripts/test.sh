#!/usr/bin/env bash
# Every test of every platform. Run through `make test`, which sets up the machine and starts
# the sandbox (CHAINKIT_SANDBOX_URL) first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${CHAINKIT_SANDBOX_URL:?run through scripts/with-sandbox.sh (make test does)}"
export CARGO_TERM_COLOR=never
start=$(date +%s)
step() {
  local name=$1; shift
  local t0=$(date +%s)
  echo "=== $name"
  "$@"
  echo "=== $name: ok ($(( $(date +%s) - t0 ))s)"
}

step "rustfmt" cargo fmt --all --check
step "clippy (native)" cargo clippy -q --workspace --all-targets --all-features -- -D warnings
step "clippy (wasm32)" cargo clippy -q -p chainkit-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings
step "rust tests" cargo test -q --workspace --exclude chainkit-python --exclude chainkit-wasm
step "generated bindings, stubs and docs are up to date with the definitions" cargo run -q -p chainkit-core --example codegen -- --check
step "wasm32: core has no tokio/hyper/reqwest" scripts/check-wasm-deps.sh
step "wasm32: the check itself catches a native dependency" \
  bash -c 'scripts/check-wasm-deps.sh --features native 2>&1 | grep -q "^reqwest v" && echo "caught reqwest with --features native"'
step "wasm-bindgen tests (node)" cargo test -p chainkit-wasm --target wasm32-unknown-unknown
step "wasm-bindgen tests (headless chromium)" env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/bindings-wasm/webdriver.json" \
  cargo test -p chainkit-wasm --target wasm32-unknown-unknown --test web
# The test build: the vector runners and oracles below call its test-only evaluateVector.
step "npm test build (dev profile, feature vectors; pack, tsc)" env PROFILE=dev FEATURES=vectors bindings-wasm/build.sh
# One release build of everything, shared with `make dist`; the steps after it install dist/.
step "make dist: every release artifact" scripts/dist.sh
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
sandbox_bin=$(mktemp -d)
trap 'rm -rf "$sandbox_bin"' EXIT
tar -xzf "dist/chainkit-sandbox-$version-x86_64-linux.tar.gz" -C "$sandbox_bin"
step "npm package from dist/ in a fresh project (node ESM + CJS, chainkit/testing)" \
  env CHAINKIT_SANDBOX_BIN="$sandbox_bin/chainkit-sandbox" bindings-wasm/tests/package/run.sh "dist/chainkit-$version.tgz"
step "npm package in production bundles (vite build, esbuild) in headless chromium" \
  bindings-wasm/tests/bundlers/run.sh "dist/chainkit-$version.tgz"
step "pip wheels from dist/ in a fresh venv (pytest fixture, sandbox wheel); the sdist builds" tests/dist/python.sh
step "kotlin jar + pom from dist/ in a fresh Maven project" tests/dist/kotlin.sh
step "README snippets type-checked (mypy --strict, tsc --strict node16 + bundler, kotlin)" tests/snippets/run
step "oracle: seed 003 Node recipe (jsonwebtoken + crypto) vs chainkit's wasm build" node tests/oracles/pool_node.mjs
step "oracle: seed 003 recipe vs chainkit for all 45 typed pool actions" node tests/oracles/pool_actions.mjs
step "oracle: the committed pool vectors are what the recipe computes" bash -c '
  fresh=$(mktemp) && node tests/oracles/pool_node.mjs --write "$fresh" >/dev/null &&
  diff -u tests/vectors/pool/sign.json "$fresh" && rm -f "$fresh"'
step "oracle: seed 003 Node recipe accepted by the sandbox's pool, its replay rejected" node tests/oracles/pool_recipe_vs_sandbox.mjs
step "python wheel + pytest + stubtest" bindings-python/test.sh
step "oracle: PyJWT + hmac vs chainkit's Python binding" .venv/bin/python tests/oracles/pool_python.py
step "oracle: official huaweicloudsdkcore signer vs chainkit" .venv/bin/python tests/oracles/huawei_aksk.py
step "oracle: the committed Huawei vectors are what the official SDK computes" bash -c '
  fresh=$(mktemp) && .venv/bin/python tests/oracles/huawei_aksk.py --write "$fresh" &&
  diff -u tests/vectors/huawei/aksk-official-sdk.json "$fresh" && rm -f "$fresh"'
step "oracle: the official BCS SDK (huaweicloudsdkbcs) against the sandbox" .venv/bin/python tests/oracles/bcs_official_sdk.py
step "oracle: PyNaCl, gmssl and Google protobuf vs chainkit's BIF crypto" .venv/bin/python tests/oracles/bif_oracles.py
step "oracle: the committed BIF oracle vectors are what the oracles compute" bash -c '
  fresh=$(mktemp -d) && .venv/bin/python tests/oracles/bif_oracles.py --write "$fresh" &&
  for f in "$fresh"/*.json; do diff -u "tests/vectors/bif/$(basename "$f")" "$f"; done && rm -rf "$fresh"'
step "kotlin (JVM, JUnit)" bindings-uniffi/kotlin/test.sh
step "swift (generated only: no toolchain here)" bindings-uniffi/swift/check.sh
step "vectors through every binding" tests/vectors/run
# Every sandbox fault × (idempotent, non-idempotent) raw request, asserting the error kind and the
# requests the sandbox counted, in Rust, Node, Python and Kotlin (~1 min, most of it Maven).
step "fault matrix through every binding" tests/fault-matrix/run
echo "all tests passed in $(( $(date +%s) - start ))s"
