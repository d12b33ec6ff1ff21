// Hand-written, next to the generated Chainkit.swift (copied here by the build, see README.md).
//
// uniffi 0.32 gives ChainkitError a `description` (the Rust Display: core's one-line text
// "[service] kind code: detail (HTTP status, request id …)") but does not declare the conformance,
// so "\(error)", print(error) and localizedDescription (String(reflecting:)) would list the enum
// case instead. Declaring it here makes them all print that text. check.sh fails if a future
// uniffi declares the conformance itself, which would make this file a duplicate.
extension ChainkitError: CustomStringConvertible {}
