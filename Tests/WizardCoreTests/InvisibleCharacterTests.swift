import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// Invisible characters in a pasted key are removed before sending, and said.
@Suite("Invisible characters in keys")
struct InvisibleCharacterTests {
    @Test func aZeroWidthSpaceInAKeyIsRemovedAndSaid() {
        let raw = "abcDEF0123456789\u{200B}abcdefABCDEF0123456789xyzXYZ"
        #expect(LoginInput.recognize(raw) == .apiKey("abcDEF0123456789abcdefABCDEF0123456789xyzXYZ"))
        #expect(LoginInput.invisibleNote(raw) == .invisibleRemoved(count: 1, codes: ["U+200B"]))
        #expect(LoginInput.invisibleNote("abc\u{200E}def\u{FEFF}ghi\u{00AD}jkl\u{0085}mno") == .invisibleRemoved(count: 4, codes: ["U+200E", "U+FEFF", "U+00AD", "U+0085"]))
        #expect(LoginInput.invisibleNote("plain-key-0123456789") == nil)
        var t = WizardTester()
        _ = t.send(.pasted(raw))
        t.press(.enter)
        #expect(t.request?.call == .loginWithAPIKey(Secret("abcDEF0123456789abcdefABCDEF0123456789xyzXYZ")))
    }

    @Test func anIbmcloudLineWithInvisibleCharactersStillSplitsIntoWords() {
        #expect(LoginInput.recognize("ibmcloud login --apikey\u{2060} key\u{200D}-0123456789abcdef") == .apiKey("key-0123456789abcdef"))
    }
}
