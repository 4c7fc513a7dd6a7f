import CloudCore
import CloudEmulator
import Foundation
import Synchronization
import Testing
import TerminalUI
import WizardCore
@testable import WizardApp

/// A terminal that follows a script ("when the screen shows X, send Y"), each step once, in order,
/// and records every screen. Gives up (Ctrl-C) after `maxReads` polls.
final class StepTerminal: TerminalDevice, @unchecked Sendable {
    let size = Size(columns: 80, rows: 24)
    private(set) var screen = ""
    private(set) var screensSeen: [String] = []
    private var pending: [TerminalInput] = []
    private var script: [(text: String, input: [TerminalInput], action: (@Sendable () -> Void)?)]
    private var reads = 0
    private let maxReads: Int

    init(script: [(String, [TerminalInput], (@Sendable () -> Void)?)], maxReads: Int = 2500) {
        self.script = script.map { (text: $0.0, input: $0.1, action: $0.2) }
        self.maxReads = maxReads
    }

    var scriptDone: Bool { script.isEmpty }

    func draw(_ frame: Frame) {
        screen = frame.plainText
        if screensSeen.last != screen { screensSeen.append(screen) }
    }

    func readInput(timeout: Int) -> TerminalInput? {
        reads += 1
        if reads > maxReads { return .key(.control("c")) }
        if !pending.isEmpty { return pending.removeFirst() }
        Thread.sleep(forTimeInterval: 0.004)
        if let step = script.first, screen.contains(step.text) {
            script.removeFirst()
            step.action?()
            pending = step.input
            return pending.isEmpty ? nil : pending.removeFirst()
        }
        return nil
    }

    func copyToClipboard(_ text: String) -> String? { nil }
    func restore() {}
}

/// Runs the real runtime, effect runner and HTTP against an in-process emulator, for the tests
/// that need the whole wizard without tmux.
enum RuntimeHarness {
    static let userKey = EmulatorWorld.sandboxUserAPIKey

    /// Runs the runtime on a thread of its own (it blocks) and returns its final state.
    static func run(_ terminal: StepTerminal, _ runner: EffectRunner, _ environment: WizardEnvironment,
                    checkpoints: CheckpointStore? = nil, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) async -> WizardState {
        await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: WizardRuntime(terminal: terminal, runner: runner, environment: environment,
                    checkpoints: checkpoints, clock: clock).run())
            }.start()
        }
    }

    static let toThePlan: [(String, [TerminalInput], (@Sendable () -> Void)?)] = [
        ("Log in to IBM Cloud", [.paste(userKey), .key(.enter)], nil),
        ("Choose the region", [.key(.enter)], nil),
        ("Choose the resource group", [.key(.enter)], nil),
        ("A service ID is the identity", [.key(.enter), .key(.enter)], nil),
        ("› Reader", [.key(.enter)], nil),
        ("Save key to", [.key(.enter), .key(.enter), .key(.enter), .key(.enter)], nil),
        ("Nothing is created until you press Enter", [.key(.enter)], nil),
    ]
}
