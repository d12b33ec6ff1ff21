#!/usr/bin/env bash
# Generates the Swift bindings and checks what can be checked without a Swift toolchain (there is
# none on this machine): the files exist and declare the API. Compiling and `swift test` need macOS.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/target/swift/Chainkit"
"$root/bindings-uniffi/generate.sh" swift "$out"
for f in Chainkit.swift ChainkitFFI.h ChainkitFFI.modulemap; do
  [ -s "$out/$f" ] || { echo "swift: $f was not generated" >&2; exit 1; }
done
for decl in 'class Client' 'func evaluateVector(' 'enum ChainkitError' 'protocol HttpTransport' 'class Secret'; do
  grep -q "$decl" "$out/Chainkit.swift" || { echo "swift: Chainkit.swift lacks '$decl'" >&2; exit 1; }
done
echo "swift: generated $(wc -l < "$out/Chainkit.swift") lines in $out (not compiled: no Swift toolchain here)"
