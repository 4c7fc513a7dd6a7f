import CloudCore
import Testing
@testable import WizardCore

/// Behaviour a fresh user's test run asked for.
@Suite("Fresh-user findings")
struct FreshUserFindingsTests {
    @Test func aChangedPlanIsSavedAgainOverThisRunsOwnScript() {
        var t = WizardTester.atPlan()
        t.press(.character("s"))
        guard case .saveScript(let first, let path, let replacing) = t.request?.call else { Issue.record("\(t.effects)"); return }
        #expect(!replacing)
        _ = t.answer(.saved(path: path))
        t.press(.character("s"))
        #expect(t.effects.isEmpty, "unchanged: already saved")
        t.press(.escape, .escape)  // to the role
        t.press(.up)               // Writer
        t.press(.enter, .enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        t.press(.character("s"))
        guard case .saveScript(let second, let samePath, let replacingNow) = t.request?.call else { Issue.record("\(t.effects)"); return }
        #expect(samePath == path && replacingNow)
        #expect(first.contains("--roles Reader") && second.contains("--roles Writer"))
    }

    @Test func editedAPIKeyFieldsSurviveGoingBackToTheRole() {
        var t = WizardTester.atAPIKey()
        t.press(.control("u"))
        t.type("my-custom-key")
        t.press(.escape)
        #expect(t.state.step == .role)
        t.press(.enter)
        #expect(t.state.apiKeyForm[0] == "my-custom-key")
    }

    @Test func anExpiredTokenIsDiagnosedAsExpired() {
        var t = WizardTester.atDone()
        _ = t.send(.ticked(now: Double(t.state.token!.expiration) + 1))
        t.press(.character("k"))
        _ = t.fail(.cloud(.server(service: .keyProtect, status: 401, code: "UNAUTHORIZED_ERR", message: "expired", requestID: "")))
        guard case .failed(let message, let waiting, _) = t.state.keyProtectTest?.outcome else { Issue.record("no outcome"); return }
        #expect(message == .say(.tokenExpiredPressR))
        #expect(!waiting, "no policy-propagation retries for an expired token")
    }

    @Test func aCreateWithoutAnswerIsUncertainUntilTheRetryFindsOut() {
        var t = WizardTester.atPlan()
        t.press(.enter)
        _ = t.fail(.cloud(.transport(service: .iamIdentity, failure: .connectionReset)))
        #expect(t.state.uncertainCreate == .serviceID(name: "token-wizard-kp-dallas"))
        #expect(t.state.notice?.hint == .say(.mayHaveBeenCreatedHint))
        t.press(.enter)
        _ = t.answer(.serviceIDs([Fixtures.serviceID]))
        #expect(t.state.uncertainCreate == nil)
    }

    @Test func xClearsTheClipboardEvenAfterZ() {
        var t = WizardTester.atDone()
        t.press(.character("c"))
        _ = t.send(.copied(method: "OSC 52"))
        t.press(.character("z"), .character("x"))
        #expect(t.effects == [.copyToClipboard(Secret(""))])
    }
}
