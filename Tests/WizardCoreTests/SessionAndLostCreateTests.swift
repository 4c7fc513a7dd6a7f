import CloudCore
import Testing
@testable import WizardCore

/// The login session expiring mid-way, and creates whose answers never arrived.
@Suite("Session expiry and lost answers")
struct SessionAndLostCreateTests {
    static let expired = CallFailure.cloud(.server(service: .iamIdentity, status: 401, code: "invalid_access_token",
        message: "The provided access token is expired.", requestID: ""))
    static let refreshExpired = CallFailure.cloud(.server(service: .iam, status: 400, code: "BXNIM0408E",
        message: "Provided refresh token is expired.", requestID: ""))
    static let lost = CallFailure.cloud(.transport(service: .iamIdentity, failure: .connectionReset))

    @Test func anExpiredTokenIsRenewedSilentlyAndTheCallSentAgain() throws {
        var t = WizardTester.atServiceID()
        t.press(.enter, .enter)
        _ = t.fail(Self.expired)
        guard case .scopeToAccount(let refresh, let account) = t.request?.call else {
            Issue.record("expected a silent renewal, got \(String(describing: t.request))"); return
        }
        #expect(refresh.exposedValue == "refresh-1")
        #expect(account == Fixtures.accountA.id)
        #expect(t.state.step == .serviceID)
        let renewed = Fixtures.token(account: Fixtures.accountA.id, iamID: "IBMid-100", refresh: "refresh-2")
        _ = t.answer(.token(renewed))
        guard case .findServiceIDs(let name, _, let token) = t.request?.call else {
            Issue.record("the refused call is sent again"); return
        }
        #expect(name == t.state.serviceIDForm[0])
        #expect(token == renewed, "with the new token")
        #expect(t.state.step == .serviceID)
    }

    @Test func whenRenewalFailsTheUserLogsInAgainAndReturnsToTheSameStep() throws {
        var t = WizardTester.atPlan()
        let chosenRole = t.state.role?.crn
        t.press(.enter)
        _ = t.answer(.serviceID(Fixtures.serviceID))
        guard case .createPolicy = t.request?.call else { Issue.record("expected createPolicy"); return }
        _ = t.fail(Self.expired)
        _ = t.fail(Self.refreshExpired)
        #expect(t.state.step == .login)
        #expect(t.state.notice?.message == .say(.sessionExpired))
        #expect(t.state.notice?.hint == .say(.sessionExpiredHint(step: .apiKey)))
        #expect(t.state.serviceID == Fixtures.serviceID, "choices are kept")
        #expect(t.state.instance == Fixtures.instanceDallas)

        t.type("test-api-key-0123456789")
        t.press(.enter)
        let fresh = Fixtures.token(account: Fixtures.accountA.id, iamID: "IBMid-100", refresh: "refresh-3")
        _ = t.answer(.token(fresh))
        #expect(t.state.step == .apiKey && t.state.reviewingPlan, "back on the plan")
        guard case .createPolicy(let subject, let role, _, _, let token) = t.request?.call else {
            Issue.record("the policy create is sent again"); return
        }
        #expect(subject == Fixtures.serviceID.iamID)
        #expect(role == chosenRole)
        #expect(token == fresh)
        #expect(t.state.resumeAfterLogin == nil)
    }

    @Test func loggingInAgainToAnotherAccountIsRefused() throws {
        var t = WizardTester.atServiceID()
        t.press(.enter, .enter)
        _ = t.fail(Self.expired)
        _ = t.fail(Self.refreshExpired)
        t.type("other-account-key-0123456789")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountB.id, refresh: nil)))
        #expect(t.state.step == .login)
        #expect(t.state.notice?.message?.phrase.map { if case .loginForOtherAccount(_, Fixtures.accountA.name) = $0 { true } else { false } } == true)
        #expect(t.state.userToken == nil)
        #expect(t.request == nil, "nothing is sent with the wrong account's token")
    }

    @Test func aServiceIDCreatedWithoutAnAnswerIsAdoptedNotDuplicated() throws {
        var t = WizardTester.atPlan()
        t.press(.enter)
        guard case .createServiceID = t.request?.call else { Issue.record("expected create"); return }
        _ = t.fail(Self.lost)
        t.press(.enter)
        guard case .findServiceIDs = t.request?.call else { Issue.record("looks before creating again"); return }
        _ = t.answer(.serviceIDs([Fixtures.serviceID]))
        #expect(t.state.serviceID == Fixtures.serviceID)
        #expect(t.state.serviceIDWasCreated)
        guard case .createPolicy = t.request?.call else { Issue.record("goes on to the policy"); return }
    }

    @Test func anAPIKeyCreatedWithoutAnAnswerIsDeletedAndMadeAgain() throws {
        var t = WizardTester.creatingAPIKey()
        guard case .createAPIKey = t.request?.call else { Issue.record("expected create"); return }
        _ = t.fail(Self.lost)
        t.press(.enter)
        guard case .findAPIKeys(let name, let iamID, _, _) = t.request?.call else { Issue.record("looks before creating again"); return }
        #expect(name == t.state.apiKeyForm[0])
        #expect(iamID == Fixtures.serviceID.iamID)
        let orphan = APIKeyInfo(id: "ApiKey-lost", name: name, iamID: iamID)
        _ = t.answer(.apiKeyInfos([orphan]))
        guard case .deleteAPIKeys(let ids, _) = t.request?.call else { Issue.record("deletes the key whose value is lost"); return }
        #expect(ids == ["ApiKey-lost"])
        _ = t.answer(.deleted)
        guard case .createAPIKey = t.request?.call else { Issue.record("then makes a new one"); return }
        #expect(t.state.autoChoiceNote == .say(.lostAPIKeyReplaced))
    }

    @Test func keysAReusedServiceIDAlreadyHadAreNeverDeleted() throws {
        var t = WizardTester.atServiceID()
        t.press(.enter, .enter)
        _ = t.answer(.serviceIDs([Fixtures.serviceID]))
        t.press(.enter)  // reuse
        _ = t.answer(.roles(Fixtures.roles))
        t.press(.enter)
        t.press(.enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        t.press(.enter)
        _ = t.answer(.policy(AccessPolicy(id: "p", roleIDs: [], subjectIAMID: Fixtures.serviceID.iamID)))
        guard case .findAPIKeys(let name, let iamID, _, _) = t.request?.call else { Issue.record("notes the keys already there"); return }
        let older = APIKeyInfo(id: "ApiKey-older", name: name, iamID: iamID)
        _ = t.answer(.apiKeyInfos([older]))
        guard case .createAPIKey = t.request?.call else { Issue.record("then creates"); return }
        _ = t.fail(Self.lost)
        t.press(.enter)
        _ = t.answer(.apiKeyInfos([older]))
        guard case .createAPIKey = t.request?.call else {
            Issue.record("only the older key is there: nothing is deleted, the key is made again"); return
        }
    }
}
