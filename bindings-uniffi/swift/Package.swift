// swift-tools-version:5.9
// SwiftPM package for the Chainkit module. Build the XCFramework first (see README.md); the
// generated Chainkit.swift is copied into Sources/Chainkit by that step.
import PackageDescription

let package = Package(
    name: "Chainkit",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [.library(name: "Chainkit", targets: ["Chainkit"])],
    targets: [
        .binaryTarget(name: "ChainkitFFI", path: "ChainkitFFI.xcframework"),
        .target(name: "Chainkit", dependencies: ["ChainkitFFI"], path: "Sources/Chainkit"),
    ]
)
