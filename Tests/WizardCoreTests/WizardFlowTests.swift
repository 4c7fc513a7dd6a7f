import CloudCore
import Testing
@testable import WizardCore

@Suite("The whole flow through the state machine")
struct WizardFlowTests {
    /// Logs in with an API key and walks to the final screen; checks every effect on the way.
    @Test func apiKeyLoginReachesTheFinalScreen() throws {
        var t = WizardTester()
        t.type("  \"my-api-key\"  ")
        t.press(.enter)
        #expect(t.request?.call == .loginWithAPIKey(Secret("my-api-key")))
        #expect(t.state.isBusy)

        let userToken = Fixtures.token(account: Fixtures.accountA.id)
        _ = t.answer(.token(userToken))
        #expect(t.request?.call == .listAccounts(token: userToken))
        #expect(t.state.apiKeyField.text.isEmpty, "the typed key is dropped once used")

        // The API key's own account is chosen without asking.
        _ = t.answer(.accounts([Fixtures.accountA, Fixtures.accountB]))
        #expect(t.state.account == Fixtures.accountA)
        #expect(t.request?.call == .listInstances(accountID: Fixtures.accountA.id, token: userToken))
        #expect(t.state.autoChoiceNote?.phrase.map { if case .accountOfAPIKey = $0 { true } else if case .onlyOneAccount = $0 { true } else { false } } == true)

        _ = t.answer(.instances([Fixtures.instanceFrankfurt, Fixtures.instanceDallas, Fixtures.instanceDallas2]))
        #expect(t.state.step == .region)
        // Regions holding instances first, most first.
        #expect(t.state.regionPicker.selection?.id == "us-south")
        #expect(t.state.regionPicker.rows[1].id == "eu-de")

        t.press(.enter)
        #expect(t.request?.call == .listResourceGroups(accountID: Fixtures.accountA.id, token: userToken))
        _ = t.answer(.resourceGroups([Fixtures.groupSecurity, Fixtures.groupDefault]))
        #expect(t.state.step == .resourceGroup)
        #expect(t.state.resourceGroupPicker.selection?.id == "rg-default", "the default group is preselected")

        t.press(.enter)
        #expect(t.state.step == .instance)
        #expect(t.state.instancePicker.rows.map(\.id) == ["1111-dallas", "3333-dallas"])
        t.press(.enter)
        #expect(t.state.step == .serviceID)
        #expect(t.state.serviceIDForm[0] == "token-wizard-kp-dallas")

        t.press(.enter)  // to the description field
        #expect(t.state.serviceIDForm.focus == 1)
        t.press(.enter)
        #expect(t.request?.call == .findServiceIDs(name: "token-wizard-kp-dallas", accountID: Fixtures.accountA.id, token: userToken))
        _ = t.answer(.serviceIDs([]))
        // Nothing is created yet: the service ID is planned, and the roles are next.
        #expect(t.state.createsServiceID)
        #expect(t.state.step == .role)
        #expect(t.request?.call == .listRoles(accountID: Fixtures.accountA.id, token: userToken))
        _ = t.answer(.roles(Fixtures.roles))
        #expect(t.state.rolePicker.rows.map(\.searchText) == ["Manager", "Writer", "Reader", "ReaderPlus"])
        #expect(t.state.rolePicker.selection?.searchText == "Reader", "least privilege is preselected")

        t.press(.up)  // Writer
        t.press(.enter)
        #expect(t.effects.isEmpty, "choosing a role creates nothing")
        #expect(t.state.step == .apiKey)
        #expect(t.state.apiKeyForm[2] == "/home/u/token-wizard-kp-dallas-apikey.json")
        #expect(t.state.apiKeyForm[3] == "/home/u/token.json")

        t.press(.enter, .enter, .enter, .enter)
        // The paths are checked before anything exists; then the plan is shown.
        #expect(t.request?.call == .checkSavePaths(keyPath: "/home/u/token-wizard-kp-dallas-apikey.json", tokenPath: "/home/u/token.json"))
        _ = t.answer(.pathsChecked(problem: nil))
        #expect(t.effects.isEmpty)
        #expect(t.state.reviewingPlan)
        #expect(!t.state.hasCreatedResources)

        // Enter on the plan creates, in order: service ID, policy, API key.
        t.press(.enter)
        guard case .createServiceID(let name, _, let account, _) = t.request?.call else {
            Issue.record("expected a create, got \(t.effects)"); return
        }
        #expect(name == "token-wizard-kp-dallas" && account == Fixtures.accountA.id)
        _ = t.answer(.serviceID(Fixtures.serviceID))
        #expect(t.request?.call == .createPolicy(subjectIAMID: "iam-ServiceId-9", roleCRN: "crn:v1:bluemix:public:iam::::serviceRole:Writer",
            accountID: Fixtures.accountA.id, scope: .instance(guid: "1111-dallas"), token: userToken))
        _ = t.answer(.policy(AccessPolicy(id: "p1", roleIDs: ["x"], subjectIAMID: "iam-ServiceId-9")))
        guard case .createAPIKey(_, _, let serviceIAMID, _, _) = t.request?.call else {
            Issue.record("expected an API key create, got \(t.effects)"); return
        }
        #expect(serviceIAMID == "iam-ServiceId-9")

        // The key is saved before anything else happens.
        _ = t.answer(.apiKey(Fixtures.apiKey))
        #expect(t.request?.call == .saveAPIKey(Fixtures.apiKey, path: "/home/u/token-wizard-kp-dallas-apikey.json"))
        _ = t.answer(.saved(path: "/home/u/token-wizard-kp-dallas-apikey.json"))
        #expect(t.request?.call == .exchangeAPIKey(Secret("new-service-key-value")))
        #expect(t.state.step == .token)

        let serviceToken = Fixtures.token(account: Fixtures.accountA.id, iamID: "iam-ServiceId-9", refresh: nil, subType: "ServiceId")
        _ = t.answer(.token(serviceToken))
        #expect(t.request?.call == .saveToken(serviceToken, path: "/home/u/token.json"))
        _ = t.answer(.saved(path: "/home/u/token.json"))
        #expect(t.state.step == .done)
        #expect(t.state.token == serviceToken)

        // Copy the Authorization value; quit.
        t.press(.character("c"))
        #expect(t.effects == [.copyToClipboard(Secret("Bearer access-\(Fixtures.accountA.id)-iam-ServiceId-9"))])
        _ = t.send(.copied(method: "OSC 52"))
        #expect(t.state.clipboardStatus?.phrase.map { if case .copied(_, "OSC 52") = $0 { true } else { false } } == true)
        t.press(.character("q"))
        #expect(t.effects == [.quit])
        #expect(t.state.isFinished)
    }

    @Test func passcodeLoginScopesTheTokenToTheChosenAccount() {
        var t = WizardTester()
        t.press(.tab)
        #expect(t.state.loginMethod == .passcode)
        #expect(t.request?.call == .discoverOIDC)
        _ = t.answer(.oidc(OIDCConfiguration(passcodeEndpoint: URLFixture.passcode)))
        #expect(t.state.passcodePage == URLFixture.passcode.absoluteString)

        t.type("Ab12Cd34Ef")
        t.press(.enter)
        #expect(t.request?.call == .loginWithPasscode(Secret("Ab12Cd34Ef")))
        let unscoped = Fixtures.token(account: Fixtures.accountA.id)
        _ = t.answer(.token(unscoped))
        _ = t.answer(.accounts([Fixtures.accountA, Fixtures.accountB]))
        #expect(t.state.step == .account)
        #expect(t.effects.isEmpty, "the user chooses among two accounts")
        #expect(t.state.accountPicker.selection?.id == Fixtures.accountA.id)

        t.press(.down, .enter)
        #expect(t.request?.call == .scopeToAccount(refreshToken: Secret("refresh-1"), accountID: Fixtures.accountB.id))
        let scoped = Fixtures.token(account: Fixtures.accountB.id)
        _ = t.answer(.token(scoped))
        #expect(t.state.userToken == scoped)
        #expect(t.request?.call == .listInstances(accountID: Fixtures.accountB.id, token: scoped))
    }

    @Test func aTokenForTheWrongAccountIsRefused() {
        var t = WizardTester()
        t.state.loginMethod = .passcode
        t.state.passcodeField.insert("code")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = t.answer(.accounts([Fixtures.accountA, Fixtures.accountB]))
        t.press(.down, .enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        #expect(t.state.notice?.kind == .error)
        #expect(t.state.notice?.message?.phrase.map { if case .loginForOtherAccount(Fixtures.accountA.id, _) = $0 { true } else if case .tokenForOtherAccount = $0 { true } else { false } } == true)
        #expect(t.effects.isEmpty)
    }
}

enum URLFixture {
    static let passcode = URL(string: "http://127.0.0.1:9/identity/passcode")!
}
import Foundation
