#!/usr/bin/env bash
# Generates the Swift bindings into target/swift/Chainkit and checks what can be checked without a
# Swift toolchain (there is none on this machine): the three files exist and declare the API.
# Compiling, the XCFramework and `swift test` need macOS (see README.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/target/swift/Chainkit"
"$root/bindings-uniffi/generate.sh" swift "$out"
fail() { echo "swift: $*" >&2; exit 1; }
for f in Chainkit.swift ChainkitFFI.h ChainkitFFI.modulemap; do
  [ -s "$out/$f" ] || fail "$f was not generated"
done
swift="$out/Chainkit.swift"
for decl in 'open class Client:' 'public convenience init(baseUrl: String, options: ClientOptions, credentials: Credentials? = nil, transport: HttpTransport? = nil)' \
  'public enum Credentials' 'public func signHuawei(' 'public func signPool(' 'public func credentialsFromEnv(' \
  'open func request(request: RawRequest)async throws' 'public func evaluateVector(' 'public func vectorKinds(' \
  'enum ChainkitError: Swift.Error' 'case Api(' 'case RateLimited(' 'public protocol HttpTransport' \
  'open class Secret:' 'open class RawRequest:' 'public struct HttpHeader:' 'public struct RawResponse:'; do
  grep -qF "$decl" "$swift" || fail "Chainkit.swift lacks '$decl'"
done
grep -q 'module ChainkitFFI' "$out/ChainkitFFI.modulemap" || fail "the modulemap does not declare ChainkitFFI"
grep -q 'uniffi_chainkit_uniffi_fn_func_evaluate_vector' "$out/ChainkitFFI.h" || fail "ChainkitFFI.h lacks the FFI functions"
# swift/Sources/Chainkit/ChainkitError+Description.swift adds this conformance; a duplicate would not compile.
if grep -q 'enum ChainkitError: .*CustomStringConvertible' "$swift"; then
  fail "uniffi now declares ChainkitError: CustomStringConvertible; delete swift/Sources/Chainkit/ChainkitError+Description.swift"
fi
echo "swift: generated $(wc -l < "$swift") lines in $out (not compiled: no Swift toolchain here)"
