import CloudCore
import CloudEmulator
import CursesTerminal
import Foundation
import Logging
import Synchronization
import TerminalUI
import WizardCore

/// What `token-wizard` was asked to do.
public struct LaunchOptions: Sendable {
    /// Run against the built-in emulator on 127.0.0.1.
    public var sandbox = false
    /// An endpoints file (JSON: iam, accounts, resource_controller, key_protect) instead of IBM Cloud's.
    public var endpointsFile: String?
    /// Allow endpoints that are neither IBM Cloud's nor loopback.
    public var allowCustomEndpoints = false
    /// The folder where the key and token files are proposed; default: the working directory.
    public var directory: String?
    /// Append a trace of every HTTP exchange (method, URL, status; secrets redacted) to this file.
    public var traceFile: String?
    public init() {}
}

/// What a finished run leaves for the command line: the lines to print and the exit status.
///
/// The executable gets this small, stable value rather than the whole `WizardState`: a client
/// compiled against an older layout of the state (an incremental build that did not rebuild
/// `main.swift`) would reserve too little room for it and crash at exit.
public struct LaunchOutcome: Sendable {
    /// The summary, one line each (paths and what was created; never a secret).
    public var summary: [String]
    /// 0 token saved, 1 left early, 3 a created API key could not be saved (see `exitStatus(of:)`).
    public var exitStatus: Int32
}

/// Why the wizard could not start; the message says what to do.
public struct LaunchError: Error, CustomStringConvertible {
    public var description: String
}

/// Sets up endpoints, the emulator (in sandbox mode), the HTTP transport and the terminal; runs the
/// wizard; tears everything down again. Returns the final state.
public enum WizardLauncher {
    public static func run(_ options: LaunchOptions) throws -> WizardState {
        var emulator: EmulatorServer?
        var endpoints = Endpoints.ibmCloud
        var sandboxHint: SandboxHint?
        var warning: String?
        if options.sandbox {
            let server = try blocking { try await EmulatorServer.start(EmulatorConfiguration()) }
            emulator = server
            endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8), source: "sandbox")
            sandboxHint = SandboxHint(apiKey: EmulatorWorld.sandboxUserAPIKey, passcodePage: server.baseURL + "/identity/passcode")
        } else if let file = options.endpointsFile {
            do {
                endpoints = try Endpoints.load(from: file)
            } catch {
                throw LaunchError(description: "Could not use the endpoints file \(file): \(error)")
            }
            if !endpoints.isIBMCloud {
                let hosts = [endpoints.iam, endpoints.accounts, endpoints.resourceController].compactMap(\.host)
                let allLoopback = hosts.allSatisfy(Endpoints.isLoopbackHost)
                if !allLoopback && !options.allowCustomEndpoints {
                    throw LaunchError(description: "The endpoints in \(file) are not IBM Cloud's (\(hosts.joined(separator: ", "))). Your credentials would go there. If you mean it, add --allow-custom-endpoints.")
                }
                warning = "! Not IBM Cloud: credentials go to \(endpoints.iam.absoluteString) (from \(file))."
            }
        }
        let transport = LiveHTTPTransport()
        defer {
            try? blocking { try await transport.shutdown() }
            if let emulator { try? blocking { await emulator.shutdown() } }
        }
        let directory = options.directory ?? FileManager.default.currentDirectoryPath
        let checkpoints = CheckpointStore(folder: directory, iam: endpoints.iam.absoluteString)
        var environment = WizardEnvironment(sandbox: sandboxHint, workingDirectory: directory, endpointWarning: warning,
            keyProtectTemplate: endpoints.keyProtect, browser: browserAccess(ProcessInfo.processInfo.environment))
        environment.resume = checkpoints.load()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            throw LaunchError(description: String(describing: error))
        }
        defer { terminal.restore() }
        var clientOptions = CloudClientOptions()
        if let traceFile = options.traceFile {
            do {
                let handler = try TraceFileLogHandler(path: traceFile)
                var logger = Logger(label: "token-wizard.http") { _ in handler }
                logger.logLevel = .trace
                clientOptions.logger = logger
            } catch {
                throw LaunchError(description: String(describing: error))
            }
        }
        let runtime = WizardRuntime(
            terminal: terminal,
            runner: EffectRunner(api: LiveCloudAPI(endpoints: endpoints, transport: transport, options: clientOptions)),
            environment: environment, checkpoints: checkpoints)
        let state = runtime.run()
        terminal.restore()
        return state
    }

    /// The lines printed after the terminal is restored: what exists now and where things were
    /// saved; never a secret.
    /// Runs the wizard (see `run(_:)`) and returns what the command line prints and exits with.
    /// - Throws: `LaunchError` when the wizard cannot start.
    public static func launch(_ options: LaunchOptions) throws -> LaunchOutcome {
        let state = try run(options)
        return LaunchOutcome(summary: summary(of: state), exitStatus: exitStatus(of: state))
    }

    public static func summary(of state: WizardState) -> [String] {
        var lines: [String] = []
        if state.serviceIDWasCreated, let id = state.serviceID { lines.append("Created service ID \(id.name) (\(id.id)).") }
        if state.policy != nil, let role = state.role {
            lines.append("Gave it the \(role.displayName) role on \(state.instance?.name ?? "the instance").")
        }
        if let path = state.apiKeySavedPath { lines.append("Service ID API key saved to \(path) (mode 0600). Keep it safe.") }
        if let path = state.tokenSavedPath, let token = state.token {
            let formatter = ISO8601DateFormatter()
            let expiry = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(token.expiration)))
            lines.append("IAM access token saved to \(path) (mode 0600); it expires at \(expiry).")
            lines.append("Use it as: Authorization: Bearer $(jq -r .access_token \(path))")
        }
        if state.apiKey != nil && state.apiKeySavedPath == nil {
            lines.append("Warning: the API key was created but not saved. Delete it in the console (API keys of service ID \(state.serviceID?.name ?? "?")) and run again.")
        }
        if let request = state.inFlight {
            switch request.call {
            case .createServiceID, .createPolicy, .createAPIKey:
                lines.append("A create request was still running when you quit; it may have completed. Check the account before running again.")
            default: break
            }
        }
        if let uncertain = state.uncertainCreate {
            lines.append("The \(uncertain) may have been created (its answer was lost). Check the account before running again (ibmcloud iam service-ids).")
        }
        if state.clipboardClearAt != nil {
            lines.append("The token is still on the clipboard (valid for an hour); copy something else over it when done.")
        }
        if lines.isEmpty { lines.append("Nothing was created.") }
        return lines
    }

    /// The exit status for scripts: 0 with a token saved, 3 when a created API key could not be
    /// saved, 1 when the wizard was left before the end.
    public static func exitStatus(of state: WizardState) -> Int32 {
        if state.apiKey != nil && state.apiKeySavedPath == nil { return 3 }
        return state.tokenSavedPath != nil ? 0 : 1
    }
}

/// Whether a browser can open here: a display (X11 or Wayland) with `xdg-open`, and not an SSH
/// session (where a browser would open on the remote machine, if at all).
func browserAccess(_ environment: [String: String]) -> BrowserAccess {
    if environment["SSH_CONNECTION"] != nil || environment["SSH_TTY"] != nil || environment["SSH_CLIENT"] != nil { return .remote }
    let display = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
    return display && ExternalTool.find("xdg-open") != nil ? .local : .none
}

/// Runs async work from synchronous code and waits for it (used outside the UI loop only).
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { let value = try await body(); box.withLock { $0 = .success(value) } }
        catch { box.withLock { $0 = .failure(error) } }
        done.signal()
    }
    done.wait()
    return try box.withLock { $0! }.get()
}
