#!/usr/bin/env bash
# `make dist`: every release artifact into dist/ (README.md, "Release artifacts"):
#   chainkit-VERSION.tgz                                   npm (one .wasm for browsers and Node)
#   chainkit-VERSION-cp310-abi3-manylinux2014_x86_64….whl  pip, any CPython >= 3.10, glibc >= 2.17
#   chainkit-VERSION.tar.gz                                pip sdist (builds with Rust >= 1.85)
#   chainkit_sandbox-VERSION-py3-none-manylinux2014….whl  pip: the sandbox executable, for tests
#   chainkit-sandbox-VERSION-x86_64-linux.tar.gz           the same executable, for any test suite
#   chainkit-kotlin-VERSION.jar + .pom                     Maven: JVM classes + linux-x86-64 library
#   chainkit-swift-VERSION.tar.gz                          SwiftPM sources (generated, not compiled)
# Each cargo build is incremental, so `make test` after `make dist` (or the reverse) reuses it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dist="$root/dist"
venv="$root/.venv"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
# maturin --zig runs the zig from PyPI's ziglang (tools/requirements-dev.txt) in this venv.
export PATH="$venv/bin:$PATH"
step() { echo "dist: $*"; }
rm -rf "$dist"
mkdir -p "$dist"

step "npm package (release wasm)"
OUT="$root/target/dist/npm" PACK_DIR="$dist" bindings-wasm/build.sh

# glibc 2.17 (manylinux2014) through zig's linker, so the wheels install on nearly any Linux.
wheel() { (cd "$1" && maturin build --quiet --release --zig --compatibility manylinux2014 -i "$venv/bin/python" -o "$dist"); }
step "python wheel and sdist"
wheel bindings-python
(cd bindings-python && maturin sdist -o "$dist")
step "sandbox wheel and executable"
wheel tests/sandbox
tag=manylinux2014_x86_64.manylinux_2_17_x86_64
for f in "chainkit-$version-cp310-abi3-$tag.whl" "chainkit_sandbox-$version-py3-none-$tag.whl" "chainkit-$version.tar.gz"; do
  [ -f "$dist/$f" ] || { echo "dist: expected $f; got: $(ls "$dist")" >&2; exit 1; }
done
# The executable users of other languages run (chainkit/testing in Node, a Maven test, CI): the
# wheel's own copy, so it is the manylinux2014 build.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$venv/bin/python" - "$dist/chainkit_sandbox-$version-py3-none-$tag.whl" "$staging" <<'EOF'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    name = next(n for n in z.namelist() if n.endswith("/scripts/chainkit-sandbox"))
    path = os.path.join(sys.argv[2], "chainkit-sandbox")
    with open(path, "wb") as out:
        out.write(z.read(name))
    os.chmod(path, 0o755)
EOF
cp tests/sandbox/README.md "$staging/README.md"
tar -czf "$dist/chainkit-sandbox-$version-x86_64-linux.tar.gz" -C "$staging" chainkit-sandbox README.md

step "kotlin jar (release library) and pom"
cargo build -q --release -p chainkit-uniffi
native="$root/bindings-uniffi/kotlin/target/native"
rm -rf "$native"
mkdir -p "$native/linux-x86-64"
# JNA extracts linux-x86-64/libchainkit_uniffi.so from the jar when it is not on jna.library.path.
strip -o "$native/linux-x86-64/libchainkit_uniffi.so" target/release/libchainkit_uniffi.so
# The sources come from the debug library (generate.sh): uniffi reads only its metadata, the same
# in every profile; the checksums the generated code checks at load time are therefore the same.
bindings-uniffi/generate.sh kotlin bindings-uniffi/kotlin/target/generated-sources/uniffi
(cd bindings-uniffi/kotlin && mvn -B -q --no-transfer-progress -Dstyle.color=never -DskipTests package)
cp "bindings-uniffi/kotlin/target/chainkit-kotlin-$version.jar" "$dist/"
cp bindings-uniffi/kotlin/pom.xml "$dist/chainkit-kotlin-$version.pom"
# (grep without -q: an early exit would SIGPIPE unzip and fail the pipeline.)
unzip -l "$dist/chainkit-kotlin-$version.jar" | grep ' linux-x86-64/libchainkit_uniffi.so$' >/dev/null \
  || { echo "dist: the jar lacks linux-x86-64/libchainkit_uniffi.so" >&2; exit 1; }

step "swift package sources (generated; no Swift toolchain here to compile them)"
bindings-uniffi/swift/check.sh >/dev/null
swift="$staging/Chainkit"
mkdir -p "$swift/Sources/Chainkit" "$swift/headers"
cp bindings-uniffi/swift/Package.swift bindings-uniffi/swift/README.md "$swift/"
cp bindings-uniffi/swift/Sources/Chainkit/*.swift target/swift/Chainkit/Chainkit.swift "$swift/Sources/Chainkit/"
cp target/swift/Chainkit/ChainkitFFI.h "$swift/headers/"
cp target/swift/Chainkit/ChainkitFFI.modulemap "$swift/headers/module.modulemap"
tar -czf "$dist/chainkit-swift-$version.tar.gz" -C "$staging" Chainkit

(cd "$dist" && ls -l | awk 'NR > 1 {printf "dist: %10d  %s\n", $5, $NF}')
