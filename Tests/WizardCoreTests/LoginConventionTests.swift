import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// IBMCLOUD_API_KEY prefill and the `-c`/`-r`/`-g` of a pasted `ibmcloud login` line.
@Suite("IBMCLOUD_API_KEY and ibmcloud login -c -r -g")
struct LoginConventionTests {
    @Test func theKeyFromTheEnvironmentPrefillsTheFieldAndLogsIn() {
        var t = WizardTester()
        t.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", apiKeyFromEnvironment: Secret("env-key-0123456789abcdef")))
        #expect(t.state.apiKeyField.text == "env-key-0123456789abcdef")
        #expect(t.state.apiKeyField.isSecret)
        #expect(t.state.apiKeyFieldIsFromEnvironment)
        t.press(.enter)
        #expect(t.request?.call == .loginWithAPIKey(Secret("env-key-0123456789abcdef")))
        var pasted = WizardTester()
        pasted.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", apiKeyFromEnvironment: Secret("env-key-0123456789abcdef")))
        _ = pasted.send(.pasted("pasted-key-0123456789"))
        #expect(pasted.state.apiKeyField.text == "pasted-key-0123456789", "a paste replaces the prefilled key, not appended to it")
        _ = pasted.send(.pasted("more"))
        #expect(pasted.state.apiKeyField.text == "pasted-key-0123456789more", "after that, pastes insert as usual")
        var edited = WizardTester()
        edited.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", apiKeyFromEnvironment: Secret("env-key")))
        edited.press(.control("u"))
        #expect(!edited.state.apiKeyFieldIsFromEnvironment, "cleared: no longer said to come from the variable")
    }


    @Test func theLoginLineTargetsAreRead() {
        #expect(LoginInput.targets("ibmcloud login -u passcode -p ABCDEF1234 -c acc123 -r eu-de -g security")
            == LoginTargets(accountID: "acc123", region: "eu-de", resourceGroup: "security"))
        #expect(LoginInput.targets("ibmcloud login --apikey KEY -r=us-south") == LoginTargets(region: "us-south"))
        #expect(LoginInput.targets("ibmcloud login --apikey KEY") == nil)
        #expect(LoginInput.targets("plain-key-0123456789") == nil)
        #expect(LoginInput.targets("ibmcloud login --apikey KEY -g -r us-south")?.resourceGroup == nil, "a flag is not a value")
    }

    /// Passcode login with `-c B -r eu-de -g security`: account B, Frankfurt and the security group
    /// are chosen without asking, and the screen says why.
    @Test func accountRegionAndGroupFromTheLineAreChosen() {
        var t = WizardTester()
        _ = t.send(.pasted("ibmcloud login -u passcode -p ABCDEF1234 -c \(Fixtures.accountB.id) -r eu-de -g security"))
        t.press(.enter)
        #expect(t.request?.call == .loginWithPasscode(Secret("ABCDEF1234")))
        _ = t.answer(.token(Fixtures.token(account: "")))
        _ = t.answer(.accounts([Fixtures.accountA, Fixtures.accountB]))
        guard case .scopeToAccount(_, let accountID) = t.request?.call else { Issue.record("\(t.effects)"); return }
        #expect(accountID == Fixtures.accountB.id)
        #expect(t.state.autoChoiceNote?.phrase.map { if case .lineAccountChosen = $0 { true } else { false } } == true)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountB.id)))
        _ = t.answer(.instances([Fixtures.instanceDallas, Fixtures.instanceFrankfurt]))
        guard case .listResourceGroups = t.request?.call else { Issue.record("region chosen: \(t.effects)"); return }
        #expect(t.state.region?.id == "eu-de")
        _ = t.answer(.resourceGroups([Fixtures.groupDefault, Fixtures.groupSecurity]))
        #expect(t.state.resourceGroup == Fixtures.groupSecurity)
        #expect(t.state.instance == Fixtures.instanceFrankfurt, "its one instance there is chosen too")
        #expect(t.state.step == .serviceID)
        let note = t.state.autoChoiceNote ?? .verbatim("")
        #expect(note.contains(.lineRegionChosen(region: "eu-de")) && note.contains(.lineGroupChosen(group: Fixtures.groupSecurity.name)), "\(note)")
        #expect(note.contains(.onlyOneInstance(group: Fixtures.groupSecurity.name, instance: Fixtures.instanceFrankfurt.name)), "\(note)")
    }

    @Test func aGroupIsFoundByIDAndUnknownChoicesAreAskedForWithANote() {
        // -g by ID.
        var byID = WizardTester()
        byID.type("ibmcloud login --apikey key-0123456789abcdef -g rg-security -r eu-de")
        byID.press(.enter)
        #expect(byID.request?.call == .loginWithAPIKey(Secret("key-0123456789abcdef")))
        _ = byID.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = byID.answer(.accounts([Fixtures.accountA]))
        _ = byID.answer(.instances([Fixtures.instanceFrankfurt]))
        _ = byID.answer(.resourceGroups([Fixtures.groupDefault, Fixtures.groupSecurity]))
        #expect(byID.state.resourceGroup == Fixtures.groupSecurity)

        // Unknown account, region and group: asked, with a note each time.
        var t = WizardTester()
        t.type("ibmcloud login -u passcode -p ABCDEF1234 -c nosuchaccount -r mars-1 -g nosuchgroup")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: "")))
        _ = t.answer(.accounts([Fixtures.accountA, Fixtures.accountB]))
        #expect(t.state.step == .account)
        #expect(t.request == nil)
        #expect(t.state.autoChoiceNote?.contains(.lineAccountNotVisible(account: "nosuchaccount")) == true)
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = t.answer(.instances([Fixtures.instanceDallas]))
        #expect(t.state.step == .region)
        #expect(t.state.autoChoiceNote?.contains(.lineRegionUnknown(region: "mars-1")) == true)
        t.press(.enter)
        _ = t.answer(.resourceGroups([Fixtures.groupDefault, Fixtures.groupSecurity]))
        #expect(t.state.step == .resourceGroup)
        #expect(t.state.autoChoiceNote?.contains(.lineGroupUnknown(group: "nosuchgroup")) == true)
        // Once used, the line's choices are not applied again (going back and forth asks).
        #expect(t.state.loginTargets == LoginTargets())
    }

    @Test func anAPIKeyLineWithAnotherAccountSaysTheKeysAccountIsUsed() {
        var t = WizardTester()
        t.type("ibmcloud login --apikey key-0123456789abcdef -c \(Fixtures.accountB.id)")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = t.answer(.accounts([Fixtures.accountA, Fixtures.accountB]))
        #expect(t.state.account == Fixtures.accountA)
        #expect(t.state.autoChoiceNote?.contains(.lineAccountNotUsed(account: Fixtures.accountB.id)) == true)
    }
}
