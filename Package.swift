// swift-tools-version:6.1
// TokenWizard: an ncurses wizard from "I have an IBM Cloud login" to "I hold a working Key Protect
// bearer token", with an in-repo emulator of the IBM Cloud APIs it uses.
import PackageDescription

let package = Package(
    name: "TokenWizard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "token-wizard", targets: ["token-wizard"]),
        .executable(name: "ibmcloud-emulator", targets: ["ibmcloud-emulator"]),
        .library(name: "CloudCore", targets: ["CloudCore"]),
        .library(name: "CloudEmulator", targets: ["CloudEmulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", "4.1.0"..<"6.0.0"),
    ],
    targets: [
        // IBM Cloud HTTP clients and models. Knows no UI.
        .target(
            name: "CloudCore",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The wizard's state machine: pure, synchronous, no I/O.
        .target(name: "WizardCore", dependencies: ["CloudCore"]),
        // Pure drawing: frames, widgets, one screen per step. Knows nothing of curses.
        .target(name: "TerminalUI", dependencies: ["WizardCore"]),
        // The ncursesw system library. Only CursesTerminal imports it.
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "CursesTerminal", dependencies: ["CNCurses", "TerminalUI"]),
        // The runtime loop and effect runner: the only place logic meets I/O.
        .target(
            name: "WizardApp",
            dependencies: [
                "CloudCore", "WizardCore", "TerminalUI", "CursesTerminal", "CloudEmulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `token-wizard token` and `status`: API key sources, the shared token cache, token reports.
        .target(
            name: "TokenService",
            dependencies: ["CloudCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The command line: the wizard (default), `token` and `status`, parsed by ArgumentParser.
        .target(
            name: "TokenWizardCLI",
            dependencies: [
                "WizardApp", "TokenService", "CloudCore", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "token-wizard", dependencies: ["TokenWizardCLI"]),
        // The IBM Cloud emulator. Must NOT import CloudCore: a wrong field name must fail a test.
        .target(
            name: "CloudEmulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "ibmcloud-emulator",
            dependencies: [
                "CloudEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test-only helpers (a child process with bounded waits); not part of any product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "WizardCoreTests", dependencies: ["WizardCore", "CloudCore"]),
        .testTarget(
            name: "TerminalUITests", dependencies: ["TerminalUI", "WizardCore", "CloudCore", "TestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "CloudCoreTests",
            dependencies: ["CloudCore", "CloudEmulator"]
        ),
        .testTarget(
            name: "CloudEmulatorTests",
            dependencies: [
                "CloudEmulator",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "TokenServiceTests", dependencies: ["TokenService", "CloudCore"]),
        .testTarget(
            name: "TokenWizardCLITests", dependencies: ["TokenWizardCLI", "TokenService", "CloudCore", "TerminalUI", "TestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "WizardAppTests", dependencies: ["WizardApp", "WizardCore", "CloudCore", "CloudEmulator"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["WizardApp", "CloudCore", "CloudEmulator", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
