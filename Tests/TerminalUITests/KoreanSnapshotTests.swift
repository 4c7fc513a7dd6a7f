import CloudCore
import TestSupport
import Testing
@testable import TerminalUI
@testable import WizardCore

/// The screens in Korean at 80×24, recorded as `ko-…` snapshots (the states of ``ScreenFitTests``,
/// with ordinary names), so a change of wording or layout in Korean shows in review.
@Suite("Korean screens")
struct KoreanSnapshotTests {
    static let shown = [
        "login api key": "ko-login-sandbox", "login line": "ko-login-line", "login passcode ssh": "ko-login-passcode-error",
        "login passcode local": "ko-login-passcode-local", "login password mfa": "ko-login-password-mfa",
        "login endpoint warning": "ko-login-endpoint-warning", "login env key": "ko-login-env-key",
        "login resume": "ko-login-resume", "accounts filtered": "ko-account-filtered", "regions": "ko-region",
        "groups": "ko-resource-group", "instances": "ko-instance", "service ID choice": "ko-service-id-choice",
        "service ID form": "ko-service-id-form", "roles manager": "ko-role-manager", "api key form": "ko-api-key-form",
        "plan": "ko-plan", "plan creating": "ko-plan-creating", "plan 429": "ko-plan-rate-limited", "token": "ko-token",
        "done": "ko-done-masked", "done own token": "ko-done-own-token", "done test failed": "ko-done-test-failed",
        "done clipboard": "ko-done-clipboard-countdown", "done revealed, tested, copied": "ko-done-revealed",
        "help login": "ko-help-login", "help role": "ko-help-role", "help plan": "ko-help-plan", "qr": "ko-login-passcode-qr",
    ]

    @Test func koreanScreens() throws {
        var seen = 0
        for (title, state) in try ScreenFitTests.screens("Dev account") {
            guard let name = Self.shown[title] else { continue }
            seen += 1
            let frame = ScreenRenderer.render(state, size: Size(columns: 80, rows: 24), strings: Korean())
            assertFits(frame)
            assertSnapshot(frame.plainText, named: name)
        }
        #expect(seen == Self.shown.count, "every named screen was drawn")
        let small = ScreenRenderer.render(ScreenSnapshotTests.state(), size: Size(columns: 60, rows: 20), strings: Korean())
        assertSnapshot(small.plainText, named: "ko-too-small")
    }
}
