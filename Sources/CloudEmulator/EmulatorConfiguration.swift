import Foundation
import Logging

/// How to run an emulator: which world, token lifetime, port, clock, faults and logging.
///
/// The server always binds 127.0.0.1; there is no host setting on purpose.
public struct EmulatorConfiguration: Sendable {
    /// TCP port on 127.0.0.1; `0` picks a free port (read it back from `EmulatorServer.port`).
    public var port: Int = 0
    /// Access-token lifetime in seconds (`expires_in`; JWT `exp - iat`). Real IAM uses 3600.
    public var tokenTTL: Int = 3600
    /// The world to serve. The server works on its own copy.
    public var world: EmulatorWorld = .standard
    /// The emulator's clock. Tests pass `EmulatorClock(fixed:)` and `advance(by:)` it to expire tokens.
    public var clock: EmulatorClock = EmulatorClock()
    /// Lifetime of a one-time passcode from `GET /identity/passcode`, in seconds.
    public var passcodeTTL: Int = 300
    /// Lifetime of a refresh token, in seconds (30 days).
    public var refreshTokenTTL: Int = 30 * 86_400
    /// Faults active from the start (see `EmulatorFault`).
    public var faults: [EmulatorFault] = []
    /// Base URL to advertise instead of `http://127.0.0.1:<port>` (e.g. behind a proxy); `nil` derives it.
    public var baseURL: String? = nil
    /// Log level of the server's logger. `nil` (the default) logs nothing at all, which is what the
    /// wizard needs while it owns the terminal.
    public var logLevel: Logger.Level? = nil

    /// Creates a configuration; every argument has the default described on its property.
    public init(
        port: Int = 0, tokenTTL: Int = 3600, world: EmulatorWorld = .standard, clock: EmulatorClock = EmulatorClock(),
        passcodeTTL: Int = 300, refreshTokenTTL: Int = 30 * 86_400, faults: [EmulatorFault] = [],
        baseURL: String? = nil, logLevel: Logger.Level? = nil
    ) {
        self.port = port
        self.tokenTTL = tokenTTL
        self.world = world
        self.clock = clock
        self.passcodeTTL = passcodeTTL
        self.refreshTokenTTL = refreshTokenTTL
        self.faults = faults
        self.baseURL = baseURL
        self.logLevel = logLevel
    }
}
