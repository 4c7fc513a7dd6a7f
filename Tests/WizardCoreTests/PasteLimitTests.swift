import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// A paste longer than the field takes is refused whole, with its length.
@Suite("Pastes too long for a field")
struct PasteLimitTests {
    @Test func aTooLongPasteIsRefusedWithItsLength() {
        var t = WizardTester()
        t.type("abc")
        _ = t.send(.pasted(String(repeating: "k", count: 5000)))
        #expect(t.state.apiKeyField.text == "abc", "the field keeps what it had")
        #expect(t.state.notice?.message == .say(.pasteTooLong(pasted: 5000, existing: 3, limit: 512)))
        _ = t.send(.pasted(String(repeating: "k", count: 510)))
        #expect(t.state.apiKeyField.text == "abc", "510 more do not fit after the 3 already there")
        #expect(t.state.notice?.message?.phrase.map { if case .pasteTooLong(_, 3, _) = $0 { true } else { false } } == true)
        _ = t.send(.pasted("defg"))
        #expect(t.state.apiKeyField.text == "abcdefg")
        #expect(t.state.notice == nil, "a paste that fits clears the refusal")
    }

    @Test func aTooLongPathPasteIsRefusedToo() {
        var t = WizardTester.atAPIKey()
        t.state.apiKeyForm.focus = 2
        let before = t.state.apiKeyForm.fields[2].text
        _ = t.send(.pasted("/" + String(repeating: "d", count: 2000)))
        #expect(t.state.apiKeyForm.fields[2].text == before)
        #expect(t.state.notice?.message?.phrase.map { if case .pasteTooLong(2001, _, 1024) = $0 { true } else { false } } == true)
    }
}
