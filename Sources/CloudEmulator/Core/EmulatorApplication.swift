import Foundation
import Hummingbird
import Logging

/// Builds the Hummingbird application serving every emulated route on one router.
/// Used by `EmulatorServer` (live) and by tests (`app.test(.router)`).
enum EmulatorApplication {
    /// A logger that prints nothing unless `level` is given.
    static func logger(level: Logger.Level?) -> Logger {
        guard let level else {
            return Logger(label: "ibmcloud-emulator") { _ in SwiftLogNoOpLogHandler() }
        }
        var logger = Logger(label: "ibmcloud-emulator")
        logger.logLevel = level
        return logger
    }

    static func router(core: EmulatorCore) -> Router<EmulatorRequestContext> {
        let router = Router(context: EmulatorRequestContext.self)
        router.add(middleware: FaultMiddleware(faults: core.faults, expireSessions: { [core] in core.expireSessions() },
            countRequest: { [core] key in core.requestCounts.withLock { $0[key, default: 0] += 1 } }))
        IAMTokenRoutes(core: core).register(on: router)
        IAMDiscoveryRoutes(core: core).register(on: router)
        AccountRoutes(core: core).register(on: router)
        ResourceGroupRoutes(core: core).register(on: router)
        ResourceInstanceRoutes(core: core).register(on: router)
        ServiceIDRoutes(core: core).register(on: router)
        APIKeyRoutes(core: core).register(on: router)
        PolicyRoutes(core: core).register(on: router)
        KeyProtectRoutes(core: core).register(on: router)
        AdminRoutes(core: core).register(on: router)
        return router
    }

    static func make(
        core: EmulatorCore, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(core: core),
            configuration: .init(address: .hostname("127.0.0.1", port: core.configuration.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger(level: core.configuration.logLevel))
    }
}
