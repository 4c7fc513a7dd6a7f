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
    /// Which endpoints: sandbox, an endpoints file, private or public IBM Cloud.
    public var endpoints = EndpointOptions()
    /// Run against the built-in emulator on 127.0.0.1.
    public var sandbox: Bool {
        get { endpoints.sandbox }
        set { endpoints.sandbox = newValue }
    }
    /// An endpoints file (JSON: iam, accounts, resource_controller, key_protect) instead of IBM Cloud's.
    public var endpointsFile: String? {
        get { endpoints.endpointsFile }
        set { endpoints.endpointsFile = newValue }
    }
    /// Allow endpoints that are neither IBM Cloud's nor loopback.
    public var allowCustomEndpoints: Bool {
        get { endpoints.allowCustomEndpoints }
        set { endpoints.allowCustomEndpoints = newValue }
    }
    /// The folder where the key and token files are proposed; default: the working directory.
    public var directory: String?
    /// Append a trace of every HTTP exchange (method, URL, status; secrets redacted) to this file.
    public var traceFile: String?
    /// The language of the screens and the summary.
    public var language: Language = .english
    /// The process environment (`IBMCLOUD_TRACE`, `IBMCLOUD_HTTP_TIMEOUT`, proxies, display).
    public var environment: [String: String] = ProcessInfo.processInfo.environment
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
    /// Wraps a message that says what went wrong and what to do.
    public init(description: String) { self.description = description }
}

/// Sets up endpoints, the emulator (in sandbox mode), the HTTP transport and the terminal; runs the
/// wizard; tears everything down again. Returns the final state.
public enum WizardLauncher {
    public static func run(_ options: LaunchOptions) throws -> WizardState {
        let conventions = try CloudConventions(environment: options.environment)
        let connection = try blocking { try await CloudConnection.open(options.endpoints) }
        let endpoints = connection.endpoints
        let transport = LiveHTTPTransport(environment: options.environment)
        let traceBuffer = TraceBuffer()
        defer {
            try? blocking { try await transport.shutdown() }
            try? blocking { await connection.close() }
            traceBuffer.flush()
        }
        let directory = options.directory ?? FileManager.default.currentDirectoryPath
        let checkpoints = CheckpointStore(folder: directory, iam: endpoints.iam.absoluteString)
        var environment = WizardEnvironment(sandbox: connection.sandboxHint, workingDirectory: directory,
            endpointWarning: connection.warning, keyProtectTemplate: endpoints.keyProtect,
            browser: browserAccess(options.environment))
        environment.resume = checkpoints.load()
        environment = environment.applyingProcessEnvironment(options.environment)
        environment.descriptionTemplate = options.language.strings.descriptionTemplate
        environment.planComments = options.language.strings.planComments
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
        } catch {
            throw LaunchError(description: String(describing: error))
        }
        defer { terminal.restore() }
        let clientOptions = try conventions.clientOptions(traceFile: options.traceFile, holdStandardError: true, buffer: traceBuffer)
        let runtime = WizardRuntime(
            terminal: terminal,
            runner: EffectRunner(api: LiveCloudAPI(endpoints: endpoints, transport: transport, options: clientOptions)),
            environment: environment, checkpoints: checkpoints,
            // Hangul cannot be drawn where the locale is not UTF-8: the screens speak English there.
            strings: terminal.isUTF8 ? options.language.strings : English(), asciiOnly: !terminal.isUTF8)
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
        return LaunchOutcome(summary: summary(of: state, in: options.language), exitStatus: exitStatus(of: state))
    }

    /// The summary lines in `language` (see ``WizardState/exitSummary``).
    public static func summary(of state: WizardState, in language: Language = .english) -> [String] {
        state.exitSummary.map(language.strings.summary)
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
public func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
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
