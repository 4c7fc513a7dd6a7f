import CloudCore
import Foundation
import TerminalUI
import Testing
import WizardCore
@testable import WizardApp

/// A terminal of the minimum size that keeps what it is asked to draw; Ctrl-C after the first frame.
final class RecordingTerminal: TerminalDevice, @unchecked Sendable {
    let size = Size.minimum
    var frames: [Frame] = []
    func draw(_ frame: Frame) { frames.append(frame) }
    func readInput(timeout: Int) -> TerminalInput? { .key(.control("c")) }
    func copyToClipboard(_ text: String) -> String? { nil }
    func restore() {}
}

/// The runtime draws in the language and the character set it was given (`--lang`, and ASCII when
/// the terminal's locale is not UTF-8).
@Suite struct RuntimeDisplayTests {
    @Test func aNonUTF8TerminalGetsASCIIFramesInTheChosenLanguage() throws {
        let terminal = RecordingTerminal()
        WizardRuntime(terminal: terminal, runner: EffectRunner(api: UnusedCloudAPI()),
            environment: WizardEnvironment(workingDirectory: "/tmp"), strings: English(), asciiOnly: true).run()
        let frame = try #require(terminal.frames.first)
        #expect(frame.asciiOnly)
        #expect(frame.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(frame.plainText.contains("TokenWizard - IBM Cloud Key Protect bearer token"), "· drawn as -")

        let korean = RecordingTerminal()
        WizardRuntime(terminal: korean, runner: EffectRunner(api: UnusedCloudAPI()),
            environment: WizardEnvironment(workingDirectory: "/tmp"), strings: Korean()).run()
        let text = try #require(korean.frames.first).plainText
        #expect(text.contains(Korean().screen(.titleBar)) && text.contains("─"), "Korean, in Unicode")
    }
}
