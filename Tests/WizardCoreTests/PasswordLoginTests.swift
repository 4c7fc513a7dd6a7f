import CloudCore
import Testing
@testable import WizardCore

/// IBMid password login: the third login tab.
@Suite("IBMid password login")
struct PasswordLoginTests {
    static let mfa = CallFailure.cloud(.server(service: .iam, status: 400, code: "BXNIM0601E",
        message: "The account requires multi-factor authentication: send security_code and vendor.", requestID: ""))
    static let federated = CallFailure.cloud(.server(service: .iam, status: 400, code: "BXNIM0602E",
        message: "The user 'x@corp.example' is federated: log in with a one-time passcode (SSO) or an API key.", requestID: ""))

    func onPasswordTab() -> WizardTester {
        var t = WizardTester()
        t.press(.tab)  // passcode (looks up the page)
        _ = t.fail(.cloud(.transport(service: .iam, failure: .networkUnreachable)))
        t.press(.tab)
        return t
    }

    @Test func tabReachesThePasswordTabAndEnterMovesThroughTheFields() {
        var t = onPasswordTab()
        #expect(t.state.loginMethod == .password)
        t.type("mfa.user@example.com")
        t.press(.enter)
        #expect(t.state.passwordForm.focus == 1)
        t.type("mfa-password")
        t.press(.enter)
        #expect(t.request?.call == .loginWithPassword(username: "mfa.user@example.com", password: Secret("mfa-password"), securityCode: nil))
    }

    @Test func aSecondFactorIsAskedForThenSent() {
        var t = onPasswordTab()
        t.type("mfa.user@example.com"); t.press(.enter); t.type("mfa-password"); t.press(.enter)
        _ = t.fail(Self.mfa)
        #expect(t.state.needsSecurityCode)
        #expect(t.state.passwordForm.focus == 2)
        #expect(t.state.notice?.message == .say(.secondFactorNeeded))
        t.press(.enter)
        #expect(t.request == nil, "an empty code is not sent")
        t.type("123456")
        t.press(.enter)
        #expect(t.request?.call == .loginWithPassword(username: "mfa.user@example.com", password: Secret("mfa-password"), securityCode: Secret("123456")))
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        #expect(t.state.passwordForm.fields[1].text.isEmpty && t.state.passwordForm.fields[2].text.isEmpty, "secrets dropped once used")
        guard case .listAccounts = t.request?.call else { Issue.record("goes on to the accounts"); return }
    }

    @Test func aFederatedIDIsPointedToSSO() {
        var t = onPasswordTab()
        t.type("x@corp.example"); t.press(.enter); t.type("secret"); t.press(.enter)
        _ = t.fail(Self.federated)
        #expect(t.state.notice?.message == .say(.federatedIBMid))
        #expect(t.state.notice?.hint == .say(.federatedIBMidHint))
        #expect(!t.state.needsSecurityCode)
    }

    @Test func thePlanScriptLogsInWithTheIBMid() {
        var t = onPasswordTab()
        t.type("me@example.com")
        #expect(PlanScript.commands(for: t.state).first?.hasPrefix("ibmcloud login -u me@example.com") == true)
    }
}
