#!/usr/bin/env bash
# Installs the packed npm tarball into a fresh Node project and runs the API tests from its
# ESM and CommonJS entry points, and chainkit/testing with the sandbox executable that
# CHAINKIT_SANDBOX_BIN names (dist/'s). Needs CHAINKIT_SANDBOX_URL.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tarball=${1:?usage: run.sh path/to/chainkit-VERSION.tgz}
tarball=$(realpath "$tarball")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/*.mjs "$here"/*.cjs \
  "$here"/../../../docs/coverage.md "$work"/
cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "$tarball"
: "${CHAINKIT_SANDBOX_BIN:?the sandbox executable for chainkit/testing}"
node --test esm.test.mjs cjs.test.cjs testing.test.mjs
