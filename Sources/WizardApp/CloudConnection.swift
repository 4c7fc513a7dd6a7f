import CloudCore
import TerminalUI
import CloudEmulator
import Foundation
import WizardCore

/// Which IBM Cloud endpoints a command talks to; the same flags on every `token-wizard` command.
public struct EndpointOptions: Sendable, Hashable {
    /// `--sandbox`: the built-in emulator on 127.0.0.1 (nothing real is touched).
    public var sandbox = false
    /// `--endpoints FILE`: JSON with `iam`, `accounts`, `resource_controller`, `key_protect`.
    public var endpointsFile: String?
    /// `--allow-custom-endpoints`: accept an endpoints file outside IBM Cloud and loopback.
    public var allowCustomEndpoints = false
    /// `--private`: IBM Cloud's private endpoints (``Endpoints/ibmCloudPrivate``).
    public var usePrivateEndpoints = false
    public init() {}
}

/// The endpoints a command uses, and the built-in emulator while it runs (`--sandbox`).
/// Call ``close()`` when done.
public final class CloudConnection: Sendable {
    /// The base URLs to call.
    public let endpoints: Endpoints
    /// Set when the endpoints are not IBM Cloud's: the login screen warns where credentials go.
    public let warning: EndpointWarning?
    /// The sandbox's API key and passcode page, in `--sandbox` mode.
    public let sandboxHint: SandboxHint?
    private let emulator: EmulatorServer?

    private init(endpoints: Endpoints, warning: EndpointWarning?, sandboxHint: SandboxHint?, emulator: EmulatorServer?) {
        self.endpoints = endpoints; self.warning = warning; self.sandboxHint = sandboxHint; self.emulator = emulator
    }

    /// True in `--sandbox` mode.
    public var isSandbox: Bool { emulator != nil }

    /// Chooses the endpoints: the sandbox emulator (started here), an endpoints file, IBM's private
    /// endpoints, or IBM Cloud's public ones.
    /// - Throws: ``LaunchError`` saying what to do: conflicting flags, an unreadable or invalid
    ///   endpoints file, or one outside IBM Cloud and loopback without `--allow-custom-endpoints`.
    public static func open(_ options: EndpointOptions) async throws -> CloudConnection {
        if options.usePrivateEndpoints && (options.sandbox || options.endpointsFile != nil) {
            throw LaunchError(description: "--private chooses IBM Cloud's private endpoints; it cannot be combined with --sandbox or --endpoints.")
        }
        if options.sandbox && options.endpointsFile != nil {
            throw LaunchError(description: "--sandbox and --endpoints exclude each other.")
        }
        if options.sandbox {
            let server = try await EmulatorServer.start(EmulatorConfiguration())
            do {
                let endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8), source: "sandbox")
                let hint = SandboxHint(apiKey: EmulatorWorld.sandboxUserAPIKey, passcodePage: server.baseURL + "/identity/passcode")
                return CloudConnection(endpoints: endpoints, warning: nil, sandboxHint: hint, emulator: server)
            } catch {
                await server.shutdown()
                throw error
            }
        }
        guard let file = options.endpointsFile else {
            return CloudConnection(endpoints: options.usePrivateEndpoints ? .ibmCloudPrivate : .ibmCloud,
                warning: nil, sandboxHint: nil, emulator: nil)
        }
        let endpoints: Endpoints
        do {
            endpoints = try Endpoints.load(from: file)
        } catch let error as CloudError {
            throw LaunchError(description: "Could not use the endpoints file: \(English().problem(error))")
        }
        var warning: EndpointWarning?
        if !endpoints.isIBMCloud {
            var hosts: [String] = []
            for host in [endpoints.iam, endpoints.accounts, endpoints.resourceController].compactMap(\.host) where !hosts.contains(host) {
                hosts.append(host)
            }
            if !hosts.allSatisfy(Endpoints.isLoopbackHost) && !options.allowCustomEndpoints {
                throw LaunchError(description: "The endpoints in \(file) are not IBM Cloud's (\(hosts.joined(separator: ", "))). Your credentials would go there. If you mean it, add --allow-custom-endpoints.")
            }
            warning = EndpointWarning(iam: endpoints.iam.absoluteString, file: file)
        }
        return CloudConnection(endpoints: endpoints, warning: warning, sandboxHint: nil, emulator: nil)
    }

    /// Stops the sandbox emulator, if one runs.
    public func close() async {
        if let emulator { await emulator.shutdown() }
    }
}
