import CloudCore
import Foundation
import TerminalUI
import Testing
import WizardCore
@testable import WizardApp

/// A terminal smaller than the minimum: input is scripted, nothing is shown.
final class TinyTerminal: TerminalDevice, @unchecked Sendable {
    let size = Size(columns: 60, rows: 20)
    var inputs: [TerminalInput]
    init(_ inputs: [TerminalInput]) { self.inputs = inputs }
    func draw(_ frame: Frame) {}
    func readInput(timeout: Int) -> TerminalInput? { inputs.isEmpty ? .key(.control("c")) : inputs.removeFirst() }
    func copyToClipboard(_ text: String) -> String? { nil }
    func restore() {}
}

@Suite struct TooSmallWindowTests {
    @Test func nothingButCtrlCCountsWhileTheWindowIsTooSmall() {
        let terminal = TinyTerminal([.paste("sandbox-user-apikey-x"), .key(.character("a")), .key(.enter), .key(.control("c"))])
        let runtime = WizardRuntime(terminal: terminal, runner: EffectRunner(api: UnusedCloudAPI()),
            environment: WizardEnvironment(workingDirectory: "/tmp"))
        let state = runtime.run()
        #expect(state.isFinished)
        #expect(state.apiKeyField.text.isEmpty, "nothing typed blind")
        #expect(state.inFlight == nil && state.notice == nil, "Enter did nothing")
    }
}
