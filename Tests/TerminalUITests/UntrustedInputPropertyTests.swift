import Testing
@testable import TerminalUI
@testable import WizardCore

/// Property tests over random input (fixed seeds, so a failure repeats): pastes and server text of
/// any shape never crash, never leave control characters on screen, never submit, and keep layout.
@Suite struct UntrustedInputPropertyTests {
    /// A small deterministic generator (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [Unicode.Scalar] = ["a", "Z", "0", " ", "\n", "\r", "\t", "\u{1B}", "[", "]", "\u{07}", "\u{9B}",
        "\u{7F}", "\u{0}", "키", "😀", "\u{301}", "\u{202E}", "\u{FE0F}", ";", "2", "J", "m"]

    static func randomText(_ rng: inout Seeded, length: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length { scalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        return String(scalars)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func pastesNeverSubmitOrCarryControlCharacters(seed: UInt64) {
        var rng = Seeded(state: seed)
        var state = WizardState(environment: WizardEnvironment(workingDirectory: "/tmp"))
        for _ in 0..<200 {
            let text = Self.randomText(&rng, length: Int(rng.next() % 300))
            let effects = Wizard.handle(.pasted(text), in: &state)
            #expect(effects.isEmpty, "a paste never sends anything")
            #expect(!state.apiKeyField.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) })
            #expect(state.apiKeyField.text.count <= state.apiKeyField.maxLength)
        }
        // A megabyte in one paste is refused whole (never cut at the field's limit), not typed.
        let before = state.apiKeyField.text
        _ = Wizard.handle(.pasted(String(repeating: "x", count: 1 << 20)), in: &state)
        #expect(state.apiKeyField.text == before)
        #expect(state.notice?.message?.phrase.map { if case .pasteTooLong(1 << 20, _, _) = $0 { true } else { false } } == true)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func serverTextIsDrawnSafelyWithinTheGrid(seed: UInt64) {
        var rng = Seeded(state: seed)
        for _ in 0..<300 {
            let text = Self.randomText(&rng, length: Int(rng.next() % 120))
            var frame = Frame(size: Size(columns: 30, rows: 2))
            let end = frame.put(text, column: Int(rng.next() % 10), row: 0)
            #expect(end <= 30)
            let line = frame.line(0)
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x1B || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
            #expect(DisplayWidth.of(line) <= 30)
        }
    }

    @Test(arguments: [21, 22] as [UInt64])
    func randomKeysNeverCrashTheLists(seed: UInt64) {
        var rng = Seeded(state: seed)
        var picker = Picker(rows: (0..<500).map { PickerRow(id: "id-\($0)", title: .verbatim("row \($0) 키"), detail: .verbatim("d"), searchText: "row \($0) 키") })
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .backspace, .character("1"), .character("키"), .control("u")]
        for _ in 0..<2000 {
            _ = picker.apply(keys[Int(rng.next() % UInt64(keys.count))])
            if let selection = picker.selection { #expect(picker.visible.contains { picker.rows[$0].id == selection.id }) }
            else { #expect(picker.visible.isEmpty) }
        }
    }
}
