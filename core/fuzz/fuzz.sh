#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer on the stable toolchain and runs one of them.
#   core/fuzz/fuzz.sh TARGET [libFuzzer flags…]     e.g. fuzz.sh base58 -runs=10000000
#   core/fuzz/fuzz.sh --build                       only build every target
# The instrumentation flags are the ones cargo-fuzz passes (with its address sanitizer off, which
# needs nightly): SanitizerCoverage through the stable `-Cpasses`/`-Cllvm-args` switches,
# `--cfg fuzzing`, and debug assertions and overflow checks kept on in the release build so an
# overflow is a crash, not a wrap. The corpus grows in corpus/TARGET (not committed), seeded from
# seeds/TARGET; crashes land in artifacts/TARGET.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
triple=$(rustc -vV | sed -n 's/^host: //p')
# An explicit --target keeps RUSTFLAGS off the build scripts and proc macros.
cargo build -q --release --target "$triple" --target-dir target/stable --bins
[ "${1:-}" = "--build" ] && exit 0
target=${1:?usage: fuzz.sh TARGET [libFuzzer flags…] | --build}
shift
[ -d "seeds/$target" ] || { echo "fuzz.sh: no seeds/$target" >&2; exit 2; }
mkdir -p "corpus/$target" "artifacts/$target"
exec "target/stable/$triple/release/$target" -artifact_prefix="artifacts/$target/" "$@" \
  "corpus/$target" "seeds/$target"
