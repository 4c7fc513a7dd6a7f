import ArgumentParser
import CloudEmulator
import Foundation
import Logging

/// `ibmcloud-emulator`: runs the in-memory IBM Cloud emulator, or writes a generated world.
@main
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ibmcloud-emulator",
        abstract: "An in-memory emulator of the IBM Cloud APIs TokenWizard uses (IAM, accounts, resource controller, Key Protect).",
        subcommands: [Serve.self, GenerateWorld.self],
        defaultSubcommand: Serve.self)
}

/// Writes one line to standard output immediately (no buffering).
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the emulator on 127.0.0.1 until SIGINT or SIGTERM.",
        discussion: "The first line on stdout is exactly 'listening on http://127.0.0.1:PORT'.")

    @Option(help: "TCP port on 127.0.0.1; 0 picks a free one.")
    var port: Int = 0

    @Option(name: .customLong("token-ttl"), help: "Access-token lifetime in seconds.")
    var tokenTTL: Int = 3600

    @Option(name: .customLong("write-endpoints"), help: "Write the endpoints JSON for the wizard to this file.")
    var writeEndpoints: String?

    @Option(help: "Load the world from this JSON file instead of the built-in one (format: docs/emulator.md).")
    var world: String?

    @Option(name: .customLong("fault"), help: "Inject a fault, ROUTE=KIND[:ARG][@COUNT] (repeatable; see docs/emulator.md).")
    var faults: [String] = []

    @Option(name: .customLong("log-level"), help: "Log requests at this level to stderr (trace, debug, info, …). Default: silent.")
    var logLevel: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard tokenTTL > 0 else { throw ValidationError("--token-ttl must be a positive number of seconds.") }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
    }

    func run() async throws {
        var configuration = EmulatorConfiguration(port: port, tokenTTL: tokenTTL)
        if let world {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: world))
            } catch {
                throw ValidationError("cannot read world file \(world): \(error.localizedDescription)")
            }
            do {
                configuration.world = try EmulatorWorld.load(json: data)
            } catch {
                throw ValidationError("world file \(world) is not a valid world (see docs/emulator.md): \(error)")
            }
        }
        configuration.faults = try faults.map { spec in
            do { return try EmulatorFault.parse(spec) } catch { throw ValidationError("\(error)") }
        }
        configuration.logLevel = logLevel.flatMap(Logger.Level.init(rawValue:))
        if configuration.logLevel != nil {
            LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        }

        let server = try await EmulatorServer.start(configuration)
        if let writeEndpoints {
            try server.endpointsFile().write(toFile: writeEndpoints, atomically: true, encoding: .utf8)
        }
        emit("listening on \(server.baseURL)")

        await waitForTerminationSignal()
        await server.shutdown()
    }
}

/// Suspends until SIGINT or SIGTERM arrives.
func waitForTerminationSignal() async {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    let (stream, continuation) = AsyncStream<Int32>.makeStream()
    let sources = [SIGINT, SIGTERM].map { number in
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { continuation.yield(number) }
        source.resume()
        return source
    }
    for await _ in stream { break }
    sources.forEach { $0.cancel() }
}

struct GenerateWorld: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-world",
        abstract: "Print a large generated world as JSON (load it with 'serve --world FILE').")

    @Option(help: "Number of accounts.")
    var accounts: Int = 2000

    @Option(name: .customLong("resource-groups"), help: "Total number of resource groups (at least one per account).")
    var resourceGroups: Int = 5000

    @Option(help: "Total number of service instances (every fourth is Cloud Object Storage).")
    var instances: Int = 10000

    @Option(name: .customLong("keys-per-instance"), help: "Keys in each Key Protect instance.")
    var keysPerInstance: Int = 2

    func validate() throws {
        guard accounts >= 1, resourceGroups >= 0, instances >= 0, keysPerInstance >= 0 else {
            throw ValidationError("counts must be non-negative, and --accounts at least 1.")
        }
    }

    func run() throws {
        let world = EmulatorWorld.generated(
            accounts: accounts, resourceGroups: resourceGroups, instances: instances, keysPerInstance: keysPerInstance)
        FileHandle.standardOutput.write(try world.jsonData())
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
