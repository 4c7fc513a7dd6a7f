import CloudCore
import CloudEmulator
import Foundation
import Synchronization
import Testing
import TerminalUI
import WizardCore
@testable import WizardApp

/// A terminal that reads the screen and answers like a patient user: follows a script of
/// "when the screen shows X, press Y", presses Enter on an error (retry, bounded), and on the final
/// screen tests the token with `k` until Key Protect accepts it, then quits.
final class ScriptedTerminal: TerminalDevice, @unchecked Sendable {
    let size = Size(columns: 80, rows: 24)
    private(set) var screen = ""
    private(set) var screensSeen: [String] = []
    private var pending: [TerminalInput] = []
    private var script: [(text: String, input: [TerminalInput])]
    private var reads = 0
    private let maxReads: Int
    private(set) var retries = 0
    private(set) var relogins = 0
    private var lastAction = ""

    init(script: [(String, [TerminalInput])], maxReads: Int = 3000) {
        self.script = script.map { (text: $0.0, input: $0.1) }
        self.maxReads = maxReads
    }

    func draw(_ frame: Frame) {
        screen = frame.plainText
        if screensSeen.last != screen { screensSeen.append(screen) }
    }

    func readInput(timeout: Int) -> TerminalInput? {
        reads += 1
        if reads > maxReads { return .key(.control("c")) }  // give up: the test then fails on the state
        if !pending.isEmpty { return pending.removeFirst() }
        Thread.sleep(forTimeInterval: 0.004)
        let busy = screen.contains("Working…")
        if busy { return nil }
        if screen.contains("Your Key Protect bearer token") {
            if screen.contains("Key Protect accepted the token") { return .key(.character("q")) }
            if screen.contains("Testing") || screen.contains("Trying again") { return nil }
            guard retries < 12 else { return .key(.character("q")) }
            retries += 1
            return .key(.character("k"))
        }
        if screen.contains("Your IBM Cloud login has expired"), relogins < 3 {
            relogins += 1
            pending = [.key(.enter)]
            return .paste(FaultMatrix.apiKey)
        }
        if screen.contains("✗ "), retries < 12 {
            retries += 1
            return .key(.enter)
        }
        if let step = script.first, screen.contains(step.text) {
            script.removeFirst()
            pending = step.input
            return pending.isEmpty ? nil : pending.removeFirst()
        }
        return nil
    }

    func copyToClipboard(_ text: String) -> String? { nil }
    func restore() {}
}

/// The matrix: every route the wizard calls × every fault kind, each fault hitting once.
enum FaultMatrix {
    static let apiKey = "sandbox-user-apikey-0000000000000000000000000001"
    static let script: [(String, [TerminalInput])] = [
        ("Log in to IBM Cloud", [.paste(apiKey), .key(.enter)]),
        ("Choose the region", [.key(.enter)]),
        ("Choose the resource group", [.key(.enter)]),
        ("A service ID is the identity", [.key(.enter), .key(.enter)]),
        ("› Reader", [.key(.enter)]),
        ("Save key to", [.key(.enter), .key(.enter), .key(.enter), .key(.enter)]),
        ("Nothing is created until you press Enter", [.key(.enter)]),
    ]

    static let routes = ["/identity/token", "/coe/v2/accounts", "/v2/resource_instances", "/v2/resource_groups",
                         "/v1/serviceids", "/v2/roles", "/v1/policies", "/v1/apikeys", "/kms"]
    static let kinds: [EmulatorFault.Kind] = [
        .tooManyRequests(retryAfter: 1), .internalServerError, .serviceUnavailable(retryAfter: 1), .dropConnection, .malformedJSON,
    ]

    struct Cell: CustomStringConvertible {
        var route: String
        var kind: EmulatorFault.Kind
        var description: String { "\(route) \(kind)" }
    }

    static let cells: [Cell] = routes.flatMap { route in kinds.map { Cell(route: route, kind: $0) } }
        + [Cell(route: "policy", kind: .policyPropagationDelay(seconds: 2)), Cell(route: "/v1/apikeys", kind: .slow(seconds: 1))]
        // The login session ends while the user is on a step: log in again, carry on there.
        // (Not /kms: that token is the service ID's, renewed on the final screen with `r`.)
        + ["/identity/token", "/v2/resource_instances", "/v2/resource_groups", "/v1/serviceids", "/v2/roles", "/v1/policies", "/v1/apikeys"]
            .map { Cell(route: $0, kind: .sessionExpired) }
        // A create happens but its answer is lost: a retry must not make a second one.
        + ["/v1/serviceids", "/v1/policies", "/v1/apikeys", "/identity/token"].map { Cell(route: $0, kind: .lostResponse) }

    /// Runs the whole wizard (runtime, real effect runner and HTTP) against an in-process emulator
    /// with one fault, and checks the end state.
    static func run(_ cell: Cell) async throws -> (ok: Bool, why: String) {
        let server = try await EmulatorServer.start(EmulatorConfiguration(faults: [EmulatorFault(route: cell.route, kind: cell.kind, count: 1)]))
        let transport = LiveHTTPTransport()
        let directory = NSTemporaryDirectory() + "tw-fault-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8))
        let terminal = ScriptedTerminal(script: script)
        let runner = EffectRunner(api: LiveCloudAPI(endpoints: endpoints, transport: transport))
        // The runtime loop blocks; give it a thread of its own so it never holds one of the few
        // cooperative threads the in-process emulator needs to answer.
        let state: WizardState = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: WizardRuntime(terminal: terminal, runner: runner,
                    environment: WizardEnvironment(workingDirectory: directory)).run())
            }
            thread.start()
        }
        let world = server.world
        try? await transport.shutdown()
        await server.shutdown()

        guard state.step == .done, let keyPath = state.apiKeySavedPath, state.tokenSavedPath != nil else {
            return (false, "ended on \(state.step), notice \(String(describing: state.notice)); last screen:\n\(terminal.screen)")
        }
        let serviceIDs = world.serviceIDs.filter { $0.name == "token-wizard-key-protect-dev" }
        guard serviceIDs.count == 1 else { return (false, "\(serviceIDs.count) service IDs made") }
        let keys = world.apiKeys.filter { $0.iamID == state.serviceID?.iamID }
        guard keys.count == 1 else { return (false, "\(keys.count) API keys made") }
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        guard attributes[.posixPermissions] as? Int == 0o600 else { return (false, "key file mode") }
        let saved = try APIKeyFileReader.read(keyPath)
        guard saved.exposedValue == keys[0].value else { return (false, "saved key differs") }
        // No secret ever reached the screen unasked (the token is shown only after `v`).
        if terminal.screensSeen.contains(where: { $0.contains(saved.exposedValue) || $0.contains(apiKey) }) {
            return (false, "a secret was drawn")
        }
        return (true, "")
    }

}

@Suite("Every step against every emulator fault")
struct FaultMatrixTests {
    @Test func everyCellEndsWithAWorkingTokenAndNoDuplicates() async throws {
        var held = 0
        var failures: [String] = []
        for cell in FaultMatrix.cells {
            let started = Date()
            let (ok, why) = try await FaultMatrix.run(cell)
            print("fault cell \(cell): \(ok ? "held" : "FAILED") in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            if ok { held += 1 } else { failures.append("\(cell): \(why)") }
        }
        print("fault matrix: \(held) of \(FaultMatrix.cells.count) cells held")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}
