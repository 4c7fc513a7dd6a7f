import CloudCore
import Testing
@testable import WizardCore

@Suite("Final screen: test now, refresh, and no duplicate creates")
struct FinalScreenTests {
    func walkToDone() -> WizardTester { .atDone() }

    @Test func testNowRetriesWhileANewPolicyPropagatesThenSucceeds() {
        var t = walkToDone()
        #expect(t.state.step == .done)
        t.state.now = 1000
        t.press(.character("k"))
        #expect(t.request?.call == .listKeys(region: "us-south", instanceGUID: "1111-dallas", token: t.state.token!))
        let unauthorized = CloudError.server(service: .keyProtect, status: 401, code: "UNAUTHORIZED_ERR", message: "no", requestID: "")
        _ = t.fail(.cloud(unauthorized))
        guard case .failed(_, let waiting, _) = t.state.keyProtectTest?.outcome else { Issue.record("no outcome"); return }
        #expect(waiting)
        #expect(t.state.keyProtectTest?.retryAt == 1000 + Wizard.policyRetryInterval)
        // Not yet due: nothing happens.
        #expect(t.send(.ticked(now: 1001)).isEmpty)
        // Due: the test runs again.
        _ = t.send(.ticked(now: 1003.5))
        #expect(t.state.keyProtectTest?.attempts == 2)
        _ = t.answer(.keys(KeyList(collectionTotal: 3, keys: [])))
        #expect(t.state.keyProtectTest?.outcome == .succeeded(keyCount: 3))
    }

    @Test func testNowGivesUpAfterTheLimit() {
        var t = walkToDone()
        t.press(.character("k"))
        let denied = CloudError.server(service: .keyProtect, status: 401, code: "UNAUTHORIZED_ERR", message: "no", requestID: "")
        var now = 0.0
        for _ in 1..<Wizard.policyRetryLimit {
            _ = t.fail(.cloud(denied))
            now += Wizard.policyRetryInterval
            _ = t.send(.ticked(now: now))
        }
        _ = t.fail(.cloud(denied))
        guard case .failed(let message, let waiting, _) = t.state.keyProtectTest?.outcome else { Issue.record("no outcome"); return }
        #expect(!waiting)
        #expect(message == .say(.noRoleOrOtherAccount))
        #expect(t.send(.ticked(now: now + 100)).isEmpty, "no more automatic tries")
        #expect(t.state.keyProtectTest?.attempts == Wizard.policyRetryLimit)
    }

    @Test func aCopiedTokenIsClearedFromTheClipboardAfterACountdown() {
        var t = walkToDone()
        _ = t.send(.ticked(now: 1000))
        t.press(.character("t"))
        _ = t.send(.copied(method: "OSC 52"))
        #expect(t.state.clipboardClearAt == 1000 + Wizard.clipboardClearDelay)
        #expect(t.send(.ticked(now: 1000 + Wizard.clipboardClearDelay - 1)).isEmpty)
        #expect(t.send(.ticked(now: 1000 + Wizard.clipboardClearDelay)) == [.copyToClipboard(Secret(""))])
        _ = t.send(.copied(method: "OSC 52"))
        #expect(t.state.clipboardStatus == .say(.clipboardCleared(method: "OSC 52")))
        #expect(t.state.clipboardClearAt == nil)
        #expect(t.send(.ticked(now: 2000)).isEmpty, "cleared once")
    }

    @Test func xClearsAtOnceZKeepsAndAFailedCopyStartsNoCountdown() {
        var t = walkToDone()
        t.press(.character("c"))
        _ = t.send(.copied(method: "OSC 52"))
        t.press(.character("x"))
        #expect(t.effects == [.copyToClipboard(Secret(""))])
        t.press(.character("c"))
        _ = t.send(.copied(method: "OSC 52 and xclip"))
        t.press(.character("z"))
        #expect(t.state.clipboardClearAt == nil)
        #expect(t.send(.ticked(now: 99_999)).isEmpty, "kept: nothing is cleared")
        t.press(.character("c"))
        _ = t.send(.copied(method: nil))
        #expect(t.state.clipboardClearAt == nil)
    }

    @Test func refreshExchangesTheSavedKeyAgainAndSavesTheNewToken() {
        var t = walkToDone()
        t.press(.character("r"))
        #expect(t.request?.call == .exchangeAPIKey(Fixtures.apiKey.apiKey))
        let newer = Fixtures.token(account: Fixtures.accountA.id, iamID: "iam-ServiceId-9", refresh: nil, subType: "ServiceId")
        _ = t.answer(.token(newer))
        #expect(t.request?.call == .saveToken(newer, path: "/home/u/token.json"))
        _ = t.answer(.saved(path: "/home/u/token.json"))
        #expect(t.state.token == newer)
        #expect(t.state.step == .done)
    }

    @Test func retryingAFailedServiceIDCreateLooksFirst() {
        var t = WizardTester.atPlan()
        t.press(.enter)
        guard case .createServiceID = t.request?.call else { Issue.record("expected create: \(t.effects)"); return }
        _ = t.fail(.cloud(.transport(service: .iamIdentity, failure: .timedOut(seconds: 30))))
        t.press(.enter)
        guard case .findServiceIDs(let name, _, _) = t.request?.call else {
            Issue.record("a retry must search before creating again: \(t.effects)"); return
        }
        #expect(name == "token-wizard-kp-dallas")
        // It was created after all (the search before the create found none): it is taken as the
        // wizard's own, nothing is created twice, and the wizard goes on to the policy.
        _ = t.answer(.serviceIDs([Fixtures.serviceID]))
        guard case .createPolicy = t.request?.call else { Issue.record("goes on: \(t.effects)"); return }
        #expect(t.state.serviceID == Fixtures.serviceID)
        #expect(t.state.serviceIDMatches == nil)
    }
}

@Suite("Role confirmation and help")
struct RoleAndHelpTests {
    func walkToRole() -> WizardTester { .atRole() }

    @Test func managerNeedsASecondEnter() {
        var t = walkToRole()
        t.press(.home)  // Manager is first
        t.press(.enter)
        #expect(t.effects.isEmpty)
        #expect(t.state.notice?.kind == .warning)
        t.press(.enter)
        #expect(t.state.role?.displayName == "Manager")
        #expect(t.state.step == .apiKey)
    }

    @Test func movingAwayCancelsTheManagerConfirmation() {
        var t = walkToRole()
        t.press(.home, .enter, .down, .up, .enter)
        #expect(t.effects.isEmpty, "moving resets the confirmation: Enter asks again")
    }

    @Test func questionMarkOpensHelpOnListsButIsTextInFields() {
        var t = walkToRole()
        t.press(.character("?"))
        #expect(t.state.showingHelp)
        t.press(.character("x"))
        #expect(!t.state.showingHelp)
        #expect(t.state.rolePicker.filter.isEmpty, "the key that closes help does nothing else")
        var login = WizardTester()
        login.press(.character("?"))
        #expect(login.state.showingHelp, "an empty field: ? opens the help")
        login.press(.character("x"))
        login.type("abc")
        login.press(.character("?"))
        #expect(!login.state.showingHelp)
        #expect(login.state.apiKeyField.text == "abc?", "with text in the field ? is typed")
        login.press(.f1)
        #expect(login.state.showingHelp, "F1 opens the help on every screen")
    }
}

@Suite struct CopyTargetTests {
    @Test func headerLineAndCurlUseTheRegionalEndpointAndInstance() {
        var t = FinalScreenTests().walkToDone()
        t.press(.character("h"))
        let bearer = t.state.token!.authorizationValue.exposedValue
        #expect(t.effects == [.copyToClipboard(Secret("Authorization: \(bearer)"))])
        t.press(.character("u"))
        guard case .copyToClipboard(let curl) = t.effects.first else { Issue.record("no copy"); return }
        #expect(curl.exposedValue.hasPrefix("curl -s https://us-south.kms.cloud.ibm.com/api/v2/keys "))
        #expect(curl.exposedValue.contains("-H 'bluemix-instance: 1111-dallas'"))
        #expect(curl.exposedValue.contains("-H 'authorization: \(bearer)'"))
        _ = t.send(.copied(method: "OSC 52"))
        #expect(t.state.clipboardStatus?.phrase == .copied(.curlLine, method: "OSC 52"))
    }
}

@Suite struct OwnTokenTests {
    @Test func ctrlOSavesTheUsersOwnTokenWithoutItsRefreshTokenAndCreatesNothing() throws {
        var t = WizardErrorTests().walkToServiceID()
        let user = IAMToken(accessToken: Secret("user-access"), refreshToken: Secret("user-refresh"), tokenType: "Bearer",
            expiresIn: 3600, expiration: 2_000_000_000,
            claims: TokenClaims(iamID: "IBMid-1", subject: "u@example.com", subjectType: "", accountID: Fixtures.accountA.id, issuedAt: 0, expiresAt: 2_000_000_000),
            rawResponse: Secret(#"{"access_token":"user-access","refresh_token":"user-refresh","expires_in":3600,"token_type":"Bearer"}"#))
        t.state.userToken = user
        t.press(.control("o"))
        guard case .saveToken(let saved, let path) = t.request?.call else { Issue.record("no save: \(t.effects)"); return }
        #expect(path == "/home/u/token.json")
        #expect(!saved.rawResponse.exposedValue.contains("user-refresh"), "the refresh token is not written")
        #expect(saved.rawResponse.exposedValue.contains("user-access"))
        _ = t.answer(.saved(path: path))
        #expect(t.state.step == .done)
        #expect(t.state.usingOwnToken)
        #expect(t.state.serviceID == nil && t.state.apiKey == nil && !t.state.hasCreatedResources)
        t.press(.character("k"))
        #expect(t.request?.call == .listKeys(region: "us-south", instanceGUID: "1111-dallas", token: user))
    }
}
