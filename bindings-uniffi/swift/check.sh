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
# Every service in docs/coverage.md (generated from the definitions): `client.<service>()` returns
# its client class, and each endpoint's Kotlin/Swift name is an async method of that class.
coverage="$root/docs/coverage.md"
services=$(sed -n 's/^## \([a-z_]*\) .*/\1/p' "$coverage")
[ -n "$services" ] || fail "no service sections in $coverage"
for svc in $services; do
  class=$(sed -n "s/^open func $svc() -> \([A-Za-z]*\) .*/\1/p" "$swift")
  [ -n "$class" ] || fail "Client lacks '$svc()'"
  methods=$(awk -v c="open class $class:" 'index($0, c) == 1 { p = 1; next } p && /^open class / { exit } p && /^open func /' "$swift")
  names=$(awk -v s="## $svc " 'index($0, s) == 1 { p = 1; next } p && /^## / { exit } p && /^\| `[A-Z]+ / { split($0, f, "`"); print f[10] }' "$coverage")
  [ -n "$names" ] || fail "no endpoints listed for $svc in $coverage"
  for name in $names; do
    grep -q "^open func $name(.*async throws" <<<"$methods" || fail "$class lacks 'open func $name(…) async throws'"
  done
done
grep -q 'module ChainkitFFI' "$out/ChainkitFFI.modulemap" || fail "the modulemap does not declare ChainkitFFI"
grep -q 'uniffi_chainkit_uniffi_fn_func_evaluate_vector' "$out/ChainkitFFI.h" || fail "ChainkitFFI.h lacks the FFI functions"
# swift/Sources/Chainkit/ChainkitError+Description.swift adds this conformance; a duplicate would not compile.
if grep -q 'enum ChainkitError: .*CustomStringConvertible' "$swift"; then
  fail "uniffi now declares ChainkitError: CustomStringConvertible; delete swift/Sources/Chainkit/ChainkitError+Description.swift"
fi
echo "swift: generated $(wc -l < "$swift") lines in $out (not compiled: no Swift toolchain here)"
