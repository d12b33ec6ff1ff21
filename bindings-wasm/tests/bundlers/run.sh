#!/usr/bin/env bash
# Production bundles of the npm package, as a user's app would make them: installs the tarball
# into a fresh project outside the repository, bundles a page with `vite build` and with esbuild
# (tools/package.json pins both), and runs the DNA flow in headless Chromium against the sandbox.
#   bindings-wasm/tests/bundlers/run.sh path/to/chainkit-VERSION.tgz   (needs CHAINKIT_SANDBOX_URL)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
tarball=$(realpath "${1:?usage: run.sh path/to/chainkit-VERSION.tgz}")
: "${CHAINKIT_SANDBOX_URL:?run through scripts/with-sandbox.sh}"
bin="$root/tools/node_modules/.bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/flow.js "$here"/vite-main.js "$here"/esbuild-main.js "$work"/
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "$tarball"

# Vite: index.html is the entry; the .wasm is found by the default init().
sed 's#ENTRY#vite-main.js#' "$here/index.html" > index.html
"$bin/vite" build --logLevel warn --outDir out-vite
node "$here/serve.mjs" out-vite index.html "$CHAINKIT_SANDBOX_URL"

# esbuild: the .wasm is a file the bundle imports, its URL passed to init().
"$bin/esbuild" esbuild-main.js --bundle --minify --format=esm --loader:.wasm=file --log-level=warning \
  --outdir=out-esbuild
sed 's#ENTRY#esbuild-main.js#' "$here/index.html" > out-esbuild/index.html
node "$here/serve.mjs" out-esbuild index.html "$CHAINKIT_SANDBOX_URL"
