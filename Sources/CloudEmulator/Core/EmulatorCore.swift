import Foundation
import Logging

/// The shared innards of one emulator: configuration, clock, token authority and mutable state.
/// Every route group holds a reference to it.
final class EmulatorCore: Sendable {
    let configuration: EmulatorConfiguration
    let tokens: TokenAuthority
    let state: Locked<WorldState>
    let faults: FaultInjector
    /// How many requests each `METHOD /path` received (paths under `/_emulator/` are not counted),
    /// so tests can count the calls a client made (e.g. one IAM token call for ten callers).
    let requestCounts = Locked<[String: Int]>([:])
    private let base: Locked<String>

    var clock: EmulatorClock { configuration.clock }

    init(configuration: EmulatorConfiguration) async throws {
        self.configuration = configuration
        self.tokens = try await TokenAuthority(clock: configuration.clock)
        self.state = Locked(WorldState(world: configuration.world))
        self.faults = FaultInjector(clock: configuration.clock)
        self.base = Locked(configuration.baseURL ?? "http://127.0.0.1:\(configuration.port)")
        for fault in configuration.faults { faults.install(fault) }
    }

    /// This server's base URL, e.g. `http://127.0.0.1:8080` (no trailing slash).
    var baseURL: String {
        get { base.current }
    }

    func setBaseURL(_ url: String) { base.withLock { $0 = url } }

    /// Ends every login session so far: access tokens already issued verify as expired and refresh
    /// tokens already issued are refused as expired (BXNIM0408E). Tokens issued later are unaffected.
    func expireSessions() {
        tokens.expireIssuedTokens()
        let now = configuration.clock.now
        state.withLock { world in
            for (token, record) in world.refreshTokens where record.expiresAt > now {
                world.refreshTokens[token] = RefreshRecord(iamID: record.iamID, accountID: record.accountID,
                    clientID: record.clientID, sessionID: record.sessionID, expiresAt: now)
            }
        }
    }

    /// Authenticates the request's bearer token or throws `failure(reason)`.
    func authenticate(_ bearer: String?, failure: (TokenAuthority.Failure) -> EmulatorError) async throws -> AccessClaims {
        guard let bearer else { throw failure(.malformed) }
        switch await tokens.verify(bearer) {
        case .success(let claims): return claims
        case .failure(let reason): throw failure(reason)
        }
    }
}
