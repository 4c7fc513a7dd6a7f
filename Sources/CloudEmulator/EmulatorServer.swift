import Foundation
import Hummingbird

/// A running emulator: an HTTP server on 127.0.0.1 that speaks the IBM Cloud APIs the wizard uses.
///
/// ```swift
/// let server = try await EmulatorServer.start(EmulatorConfiguration())
/// print(server.baseURL)          // http://127.0.0.1:54321
/// try server.endpointsFile()     // JSON for the wizard
/// await server.shutdown()
/// ```
/// It prints nothing (unless `EmulatorConfiguration.logLevel` is set), so it can run inside the
/// ncurses wizard.
public final class EmulatorServer: Sendable {
    /// Errors from `start(_:)`.
    public enum StartError: Error, CustomStringConvertible {
        /// The server stopped before it was listening (e.g. the port is taken).
        case failedToStart(String)

        /// A one-line explanation.
        public var description: String {
            switch self {
            case .failedToStart(let reason): "emulator failed to start: \(reason)"
            }
        }
    }

    /// The TCP port the server listens on (127.0.0.1).
    public let port: Int
    /// `http://127.0.0.1:PORT` (no trailing slash).
    public let baseURL: String
    /// The clock the server uses (the configuration's), for tests that move time.
    public let clock: EmulatorClock

    private let task: Task<Void, Never>
    let core: EmulatorCore

    private init(port: Int, baseURL: String, clock: EmulatorClock, task: Task<Void, Never>, core: EmulatorCore) {
        self.port = port
        self.baseURL = baseURL
        self.clock = clock
        self.task = task
        self.core = core
    }

    /// Starts a server and returns once it is listening on 127.0.0.1.
    /// - Throws: `StartError.failedToStart` if it cannot bind (e.g. the port is in use).
    public static func start(_ configuration: EmulatorConfiguration) async throws -> EmulatorServer {
        let core = try await EmulatorCore(configuration: configuration)
        let (ports, continuation) = AsyncStream<Result<Int, Error>>.makeStream()
        let app = EmulatorApplication.make(core: core) { port in
            continuation.yield(.success(port))
        }
        let task = Task {
            do {
                try await app.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        switch await iterator.next() {
        case .success(let port):
            let base = configuration.baseURL ?? "http://127.0.0.1:\(port)"
            core.setBaseURL(base)
            return EmulatorServer(port: port, baseURL: base, clock: configuration.clock, task: task, core: core)
        case .failure(let error):
            throw StartError.failedToStart("\(error)")
        case nil:
            throw StartError.failedToStart("the server stopped before listening")
        }
    }

    /// The endpoints file for the wizard (JSON, keys `iam`, `accounts`, `resource_controller`,
    /// `key_protect`; `key_protect` holds a `{region}` placeholder):
    /// `{"iam":"http://127.0.0.1:PORT","accounts":"…","resource_controller":"…","key_protect":"http://127.0.0.1:PORT/kms/{region}"}`
    public func endpointsFile() -> String {
        Self.endpointsJSON(baseURL: baseURL)
    }

    static func endpointsJSON(baseURL: String) -> String {
        let value: JSONValue = [
            "iam": .string(baseURL),
            "accounts": .string(baseURL),
            "resource_controller": .string(baseURL),
            "key_protect": .string(baseURL + "/kms/{region}"),
        ]
        return value.serialized()
    }

    /// Installs a fault at run time (see `EmulatorFault`).
    public func install(_ fault: EmulatorFault) { core.faults.install(fault) }

    /// Removes every fault.
    public func clearFaults() { core.faults.clear() }

    /// A snapshot of the current world, including what clients created (service IDs, keys, policies).
    public var world: EmulatorWorld { core.state.current.world }

    /// Stops the server and waits until it has stopped.
    public func shutdown() async {
        task.cancel()
        await task.value
    }
}
