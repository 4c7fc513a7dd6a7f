import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// Ctrl-O on the passcode tab: a browser where one can open, else a QR code.
@Suite("Opening the passcode page")
struct PasscodePageTests {
    static let page = "https://identity-1.us-south.iam.cloud.ibm.com/identity/passcode"

    func onPasscodeTab(_ browser: BrowserAccess) -> WizardTester {
        var t = WizardTester()
        t.state.environment.browser = browser
        t.press(.tab)
        _ = t.answer(.oidc(OIDCConfiguration(passcodeEndpoint: URL(string: Self.page)!)))
        return t
    }

    @Test func aLocalDisplayOpensTheBrowser() {
        var t = onPasscodeTab(.local)
        t.press(.control("o"))
        #expect(t.request?.call == .openInBrowser(url: Self.page))
        _ = t.answer(.opened)
        #expect(t.state.notice?.message == .say(.passcodePageOpening))
    }

    @Test func overSSHTheQRCodeIsShownAndAnyKeyReturns() {
        var t = onPasscodeTab(.remote)
        t.press(.control("o"))
        #expect(t.request?.call == .makeQRCode(text: Self.page))
        t.type("AB")  // typing goes on while it is drawn
        _ = t.answer(.qrCode(lines: ["█▀▀█", "█▄▄█"]))
        #expect(t.state.showingQRCode)
        #expect(t.state.passcodeField.text == "AB")
        t.press(.character("x"))
        #expect(!t.state.showingQRCode)
        #expect(t.state.passcodeField.text == "AB", "the key that closes the QR code is not typed")
        t.press(.control("o"))
        #expect(t.effects.isEmpty && t.state.showingQRCode, "drawn once, shown again")
    }

    @Test func withoutQRCodeToolTheUserIsToldWhatToDo() {
        var t = onPasscodeTab(.none)
        t.press(.control("o"))
        _ = t.fail(.file(path: Self.page, message: "qrencode is not installed"))
        #expect(t.state.notice?.message == .say(.couldNotDrawQRCode(detail: "qrencode is not installed")))
        #expect(t.state.notice?.hint == .say(.openPageAnywhereHint))
        #expect(!t.state.showingQRCode)
    }

    @Test func ctrlOOnTheAPIKeyTabDoesNothing() {
        var t = WizardTester()
        t.state.environment.browser = .local
        t.press(.control("o"))
        #expect(t.effects.isEmpty)
    }
}
