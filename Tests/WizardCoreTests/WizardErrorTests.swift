import CloudCore
import Foundation
import Testing
@testable import WizardCore

@Suite("Bad input, failures, back and quit")
struct WizardErrorTests {
    @Test func emptyAPIKeyIsNotSent() {
        var t = WizardTester()
        t.type("   ")
        t.press(.enter)
        #expect(t.effects.isEmpty)
        #expect(t.state.notice?.kind == .error)
        #expect(t.state.notice?.message == .say(.enterAPIKeyFirst))
    }

    @Test func wrongAPIKeyShowsIAMsErrorAndRetryResends() {
        var t = WizardTester()
        t.type("wrong-key")
        t.press(.enter)
        let first = t.request
        _ = t.fail(.cloud(.server(service: .iam, status: 400, code: "BXNIM0415E", message: "Provided API key could not be found.", requestID: "r1")))
        #expect(t.state.step == .login)
        #expect(t.state.notice?.problem?.code == "BXNIM0415E", "IAM's own answer goes with the notice")
        #expect(t.state.notice?.hint != nil)
        #expect(!t.state.isBusy)
        // Fix the key and press Enter: the new key is sent, not the old one.
        t.press(.control("u"))
        t.type("right-key")
        t.press(.enter)
        #expect(t.request?.call == .loginWithAPIKey(Secret("right-key")))
        #expect(t.request?.id != first?.id)
    }

    @Test func aLateAnswerAfterCancelIsDropped() {
        var t = WizardTester()
        t.type("k")
        t.press(.enter)
        let id = t.request!.id
        t.press(.escape)
        #expect(!t.state.isBusy)
        _ = t.send(.responded(id, .success(.token(Fixtures.token(account: "x")))))
        #expect(t.state.userToken == nil)
        #expect(t.state.step == .login)
    }

    @Test func escGoesBackUntilSomethingIsCreated() {
        var t = walkToServiceID()
        t.press(.escape)
        #expect(t.state.step == .instance)
        t.press(.escape)
        #expect(t.state.step == .resourceGroup)
        t.press(.enter)
        #expect(t.state.step == .serviceID, "the only instance is chosen again")
        t.press(.enter, .enter)
        _ = t.answer(.serviceIDs([]))
        _ = t.answer(.roles(Fixtures.roles))
        #expect(t.state.step == .role)
        // Nothing exists until the plan is confirmed: Esc goes back freely, the plan included.
        t.press(.enter, .enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        #expect(t.state.reviewingPlan)
        t.press(.escape)
        #expect(!t.state.reviewingPlan && t.state.step == .apiKey)
        t.press(.escape)
        #expect(t.state.step == .role)
        t.press(.enter, .enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        t.press(.enter)
        _ = t.answer(.serviceID(Fixtures.serviceID))
        _ = t.fail(.cloud(.server(service: .iamPolicy, status: 500, code: "internal_error", message: "boom", requestID: "")))
        #expect(t.state.hasCreatedResources)
        t.press(.escape)
        #expect(t.state.reviewingPlan, "a created service ID is not left behind silently")
        #expect(t.state.notice?.message?.phrase.map { if case .cannotGoBack([.serviceID(name: "token-wizard-kp-dallas")]) = $0 { true } else if case .createdSoFar([.serviceID(name: "token-wizard-kp-dallas")]) = $0 { true } else { false } } == true)
    }

    @Test func existingServiceIDsAreOfferedForReuse() {
        var t = walkToServiceID()
        t.press(.enter, .enter)
        let existing = ServiceID(id: "ServiceId-old", iamID: "iam-ServiceId-old", name: "token-wizard-kp-dallas", createdAt: "2026-01-01T00:00+0000")
        _ = t.answer(.serviceIDs([existing]))
        #expect(t.effects.isEmpty)
        #expect(t.state.serviceIDChoice.rows.count == 2)
        #expect(t.state.notice?.kind == .warning)
        t.press(.enter)  // reuse
        #expect(t.state.serviceID == existing)
        #expect(!t.state.serviceIDWasCreated)
        #expect(t.state.step == .role)
        #expect(t.request?.call == .listRoles(accountID: Fixtures.accountA.id, token: t.state.userToken!))
    }

    @Test func anExistingPolicyCountsAsDone() {
        var t = walkToServiceID()
        t.press(.enter, .enter)
        _ = t.answer(.serviceIDs([]))
        _ = t.answer(.roles(Fixtures.roles))
        t.press(.enter, .enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: nil))
        t.press(.enter)
        _ = t.answer(.serviceID(Fixtures.serviceID))
        _ = t.fail(.cloud(.server(service: .iamPolicy, status: 409, code: "policy_conflict_error", message: "exists", requestID: "")))
        #expect(t.state.policyInPlace)
        guard case .createAPIKey = t.request?.call else { Issue.record("goes on to the API key: \(t.effects)"); return }
    }

    @Test func aFailedKeySaveKeepsTheKeyAndRetriesWithTheEditedPath() {
        var t = WizardTester.creatingAPIKey()
        _ = t.answer(.apiKey(Fixtures.apiKey))
        _ = t.fail(.file(path: "/home/u/token-wizard-kp-dallas-apikey.json", message: "permission denied"))
        #expect(t.state.apiKey == Fixtures.apiKey)
        #expect(t.state.notice?.message?.phrase.map { if case .couldNotSave(_, "permission denied") = $0 { true } else { false } } == true)
        #expect(t.state.apiKeyForm.focus == 2)
        // Ctrl-C once warns instead of quitting.
        t.press(.control("c"))
        #expect(!t.state.isFinished)
        #expect(t.state.notice?.message == .say(.unsavedKey))
        t.press(.control("u"))
        t.type("/tmp/k.json")
        t.press(.enter)
        #expect(t.request?.call == .saveAPIKey(Fixtures.apiKey, path: "/tmp/k.json"))
    }

    @Test func ctrlCTwiceQuitsEvenWithAnUnsavedKey() {
        var t = WizardTester.creatingAPIKey()
        _ = t.answer(.apiKey(Fixtures.apiKey))
        _ = t.fail(.file(path: "/x", message: "permission denied"))
        t.press(.control("c"))
        t.press(.control("c"))
        #expect(t.state.isFinished)
        #expect(t.effects == [.quit])
    }

    @Test func badNamesAreRefusedBeforeSending() {
        var t = walkToServiceID()
        t.press(.control("u"))
        t.press(.enter, .enter)
        #expect(t.effects.isEmpty)
        #expect(t.state.notice?.message == .say(.nameMissing(.serviceID)))
        #expect(t.state.serviceIDForm.focus == 0)
    }

    @Test func pastedTextGoesIntoTheFieldWithoutNewlines() {
        var t = WizardTester()
        _ = t.send(.pasted("abc\ndef\u{1B}[31m\r\n"))
        #expect(t.state.apiKeyField.text == "abcdef[31m")
        #expect(t.effects.isEmpty, "a paste never submits")
    }

    // MARK: Helpers

    func walkToServiceID() -> WizardTester { .atServiceID() }
    func walkToAPIKey() -> WizardTester { .atAPIKey() }
}

@Suite("Keeping the one-time API key safe")
struct APIKeySafetyTests {
    func walkToAPIKey() -> WizardTester { WizardErrorTests().walkToAPIKey() }

    @Test func aBadPathIsFoundBeforeTheKeyExists() {
        var t = walkToAPIKey()
        t.press(.enter, .enter, .enter, .enter)
        _ = t.answer(.pathsChecked(problem: PathProblem(field: 2, path: "/home/u/k.json", reason: .exists, suggestion: "/home/u/k-2.json")))
        #expect(t.effects.isEmpty, "no key is created")
        #expect(t.state.apiKey == nil)
        #expect(t.state.apiKeyForm[2] == "/home/u/k-2.json")
        #expect(t.state.apiKeyForm.focus == 2)
        t.press(.enter)  // on a path field, not the last: moves on
        t.press(.enter)
        #expect(t.request?.call == .checkSavePaths(keyPath: "/home/u/k-2.json", tokenPath: "/home/u/token.json"))
    }

    @Test func theTokenCanNeverBeSavedOverTheKey() {
        var t = WizardTester.creatingAPIKey()
        _ = t.answer(.apiKey(Fixtures.apiKey))
        _ = t.fail(.file(path: "/home/u/token-wizard-kp-dallas-apikey.json", message: "a file is already there"))
        // The user edits the key path to the token path: refused, nothing is saved.
        t.press(.control("u"))
        t.type("/home/u/token.json")
        t.press(.enter)
        #expect(t.effects.isEmpty)
        #expect(t.state.notice?.message == .say(.sameFileForKeyAndToken))
        #expect(t.state.apiKeySavedPath == nil)
    }

    @Test func ctrlCWhileTheKeyIsBeingCreatedSavesItThenQuits() {
        var t = WizardTester.creatingAPIKey()
        t.press(.control("c"))
        #expect(!t.state.isFinished, "the key on its way is not dropped")
        #expect(t.state.busyMessage == .say(.busy(.finishingKeySave)))
        _ = t.answer(.apiKey(Fixtures.apiKey))
        #expect(t.request?.call == .saveAPIKey(Fixtures.apiKey, path: "/home/u/token-wizard-kp-dallas-apikey.json"))
        _ = t.answer(.saved(path: "/home/u/token-wizard-kp-dallas-apikey.json"))
        #expect(t.effects == [.quit])
        #expect(t.state.isFinished)
        #expect(t.state.apiKeySavedPath != nil)
    }

    @Test func aFailedTokenSaveReturnsToTheEditablePath() {
        var t = WizardTester.creatingAPIKey()
        _ = t.answer(.apiKey(Fixtures.apiKey))
        _ = t.answer(.saved(path: "/home/u/k.json"))
        let token = Fixtures.token(account: Fixtures.accountA.id, iamID: "iam-ServiceId-9", refresh: nil)
        _ = t.answer(.token(token))
        _ = t.fail(.file(path: "/proc/self/tok.json", message: "no such folder"))
        #expect(t.state.step == .apiKey)
        #expect(t.state.apiKeyForm.focus == 3)
        t.press(.tab)
        #expect(t.state.apiKeyForm.focus == 2, "only the two paths can be edited once the key exists")
        t.press(.tab, .control("u"))
        t.type("/tmp/tok.json")
        t.press(.enter)
        #expect(t.request?.call == .saveToken(token, path: "/tmp/tok.json"))
    }

    @Test func typingRightAfterTabIsKept() {
        var t = WizardTester()
        t.press(.tab)
        #expect(t.state.isBusy, "the passcode page is being looked up")
        t.type("ABCDEFGHIJ")
        #expect(t.state.passcodeField.text == "ABCDEFGHIJ")
    }

    @Test func staleMessagesGoAwayWhenTheUserTypes() {
        var t = WizardErrorTests().walkToServiceID()
        t.press(.control("u"))
        t.press(.enter, .enter)
        #expect(t.state.notice != nil)
        t.type("n")
        #expect(t.state.notice == nil)
    }
}

@Suite struct LookupRetryOnLoginScreenTests {
    @Test func aFailedAccountListIsRetriedNotTheEmptyLoginField() {
        var t = WizardTester()
        t.type("test-api-key-0123456789")
        t.press(.enter)
        let token = Fixtures.token(account: Fixtures.accountA.id)
        _ = t.answer(.token(token))
        _ = t.fail(.cloud(.decoding(service: .accounts, failure: .notJSON)))
        #expect(t.state.step == .account, "still logged in, on the screen that failed to load, not an empty login screen")
        #expect(t.state.userToken == token)
        t.press(.enter)
        #expect(t.request?.call == .listAccounts(token: token))
    }
}

@Suite struct PasswordTabTests {
    @Test func tabMovesThroughTheFieldsThenToTheNextTab() {
        var t = PasswordLoginTests().onPasswordTab()
        #expect(t.state.loginMethod == .password && t.state.passwordForm.focus == 0)
        t.press(.tab)
        #expect(t.state.loginMethod == .password && t.state.passwordForm.focus == 1, "Tab goes to the password field")
        t.press(.backTab)
        #expect(t.state.passwordForm.focus == 0)
        t.press(.tab, .tab)
        #expect(t.state.loginMethod == .apiKey, "past the last field Tab goes on to the next login tab")
    }

    @Test func aFederatedUserAfterAnMFAUserIsNotAskedForACode() {
        var t = PasswordLoginTests().onPasswordTab()
        t.type("mfa.user@example.com")
        t.press(.tab)
        t.type("secret")
        t.press(.enter)
        _ = t.fail(.cloud(.server(service: .iam, status: 400, code: "BXNIM0601E", message: "security_code required (MFA)", requestID: "")))
        #expect(t.state.needsSecurityCode)
        t.press(.backTab, .backTab)
        #expect(t.state.passwordForm.focus == 0)
        t.type("x")
        #expect(!t.state.needsSecurityCode, "another IBMid: its second factor is not known yet")
        t.press(.enter)
        t.press(.enter)
        _ = t.fail(.cloud(.server(service: .iam, status: 400, code: "BXNIM0602E", message: "federated user: use SSO", requestID: "")))
        #expect(!t.state.needsSecurityCode)
        #expect(t.state.notice?.message == .say(.federatedIBMid))
    }
}

@Suite struct TerminalClosedTests {
    @Test func aClosedTerminalQuitsButAKeyOnItsWayIsSavedFirst() {
        var idle = WizardTester.atServiceID()
        #expect(idle.send(.terminalClosed) == [.quit])
        var t = WizardTester.creatingAPIKey()
        #expect(t.send(.terminalClosed).isEmpty, "the key being created is waited for")
        _ = t.answer(.apiKey(Fixtures.apiKey))
        _ = t.answer(.saved(path: "/home/u/k.json"))
        #expect(t.effects == [.quit])
        #expect(t.state.apiKeySavedPath == "/home/u/k.json")
    }
}
