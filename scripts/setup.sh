#!/usr/bin/env bash
# Installs everything the demo and the tests need, from the package registries only.
# Idempotent: each step checks first and does nothing when its tool is already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
step() { echo "setup: $*"; }

# Rust: the wasm target and the lint components.
rustup target list --installed | grep -qx wasm32-unknown-unknown || { step "wasm32 target"; rustup target add wasm32-unknown-unknown; }
for c in clippy rustfmt; do
  rustup component list --installed | grep -q "^$c" || { step "$c"; rustup component add "$c"; }
done

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly. No --locked: with it
# a yanked transitive dependency fails the install.
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
  step "wasm-bindgen-cli $wb"
  cargo install -q wasm-bindgen-cli --version "$wb"
fi

# wasm-opt, tsc (+ @types/node), vite and esbuild, pinned in tools/package-lock.json.
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/tsc ] \
   || [ ! -f tools/node_modules/jsonwebtoken/package.json ] || [ ! -x tools/node_modules/.bin/vite ] \
   || [ ! -x tools/node_modules/.bin/esbuild ] || [ ! -f tools/node_modules/@types/node/package.json ] \
   || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  step "npm tools (binaryen, typescript, @types/node, jsonwebtoken, vite, esbuild)"
  npm ci --prefix tools --silent --no-audit --no-fund
fi

# Debian packages: headless Chromium for the browser tests, Maven for the Kotlin tests.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v mvn >/dev/null || missing+=(maven)
if [ ${#missing[@]} -gt 0 ]; then
  step "${missing[*]} (Debian)"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Python: a venv with maturin (and PyPI's zig, its manylinux2014 linker), pytest and mypy.
if [ ! -x .venv/bin/python ]; then
  step "python venv"
  python3 -m venv .venv
fi
if ! .venv/bin/python -c "import maturin, ziglang, pytest, mypy, huaweicloudsdkcore, huaweicloudsdkbcs, jwt" 2>/dev/null \
   || [ tools/requirements-dev.txt -nt .venv/.requirements-stamp ]; then
  step "python tools"
  .venv/bin/pip install -q -r tools/requirements-dev.txt
  touch .venv/.requirements-stamp
fi

# Maven itself resolves the Kotlin plugin, JNA and JUnit from Maven Central on first use.
echo "setup: ready"
