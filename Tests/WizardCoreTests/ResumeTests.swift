import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// Carrying on from the checkpoint of an earlier run.
@Suite("Resume from a checkpoint")
struct ResumeTests {
    /// A run that stopped on the API key form, with a service ID created and Reader in place.
    static func checkpoint() throws -> Checkpoint {
        var t = WizardTester.atAPIKey()
        t.state.serviceID = Fixtures.serviceID
        t.state.serviceIDWasCreated = true
        t.state.policyInPlace = true
        t.state.apiKeyForm.fields[2].text = "/data/kp-key.json"
        return try #require(Checkpoint(t.state, iam: "https://iam.cloud.ibm.com"))
    }

    @Test func theCheckpointHoldsChoicesButNoSecret() throws {
        let checkpoint = try Self.checkpoint()
        let json = String(decoding: try JSONEncoder().encode(checkpoint), as: UTF8.self)
        #expect(json.contains(Fixtures.serviceID.id) && json.contains("kp-key.json"))
        #expect(!json.contains("test-api-key-0123456789"), "the login key is not in it")
        #expect(!json.contains("access-"), "no token")
        #expect(Checkpoint(WizardTester().state, iam: "x") == nil, "nothing before an account is chosen")
        #expect(Checkpoint(WizardTester.atDone().state, iam: "x") == nil, "nothing once the token is saved")
    }

    @Test func afterLoginTheWizardCarriesOnToTheAPIKeyForm() throws {
        let checkpoint = try Self.checkpoint()
        var t = WizardTester()
        t.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", resume: checkpoint))
        #expect(t.state.pendingResume == checkpoint)
        t.type("test-api-key-0123456789")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = t.answer(.accounts([Fixtures.accountA]))
        _ = t.answer(.instances([Fixtures.instanceDallas, Fixtures.instanceDallas2, Fixtures.instanceFrankfurt]))
        guard case .listResourceGroups = t.request?.call else { Issue.record("the region is chosen: \(t.effects)"); return }
        #expect(t.state.region?.id == "us-south")
        _ = t.answer(.resourceGroups([Fixtures.groupDefault, Fixtures.groupSecurity]))
        guard case .listRoles = t.request?.call else { Issue.record("group, instance and service ID: \(t.effects)"); return }
        #expect(t.state.instance == Fixtures.instanceDallas)
        #expect(t.state.serviceID?.id == Fixtures.serviceID.id)
        #expect(!t.state.serviceIDWasCreated, "the service ID from the last run is reused, not created again")
        _ = t.answer(.roles(Fixtures.roles))
        #expect(t.state.step == .apiKey)
        #expect(t.state.role?.displayName == "Reader")
        #expect(t.state.policyInPlace)
        #expect(t.state.apiKeyForm[2] == "/data/kp-key.json")
        #expect(t.state.pendingResume == nil)
        #expect(t.state.autoChoiceNote?.phrase.map { if case .carriedOnCheckForm = $0 { true } else if case .carriedOn = $0 { true } else { false } } == true)
    }

    @Test func aCheckpointForAnotherAccountIsDropped() throws {
        var t = WizardTester()
        t.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", resume: try Self.checkpoint()))
        t.type("other-account-key-0123456789")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountB.id)))
        _ = t.answer(.accounts([Fixtures.accountB]))
        #expect(t.state.pendingResume == nil)
        #expect(t.state.autoChoiceNote?.phrase.map { if case .resumeAbandoned = $0 { true } else { false } } == true)
        _ = t.answer(.instances([]))
        #expect(t.state.step == .region, "the user chooses")
    }

    @Test func ctrlNStartsAfresh() throws {
        var t = WizardTester()
        t.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", resume: try Self.checkpoint()))
        t.press(.control("n"))
        #expect(t.state.pendingResume == nil)
        #expect(t.state.notice?.message == .say(.startingAfresh))
    }
}
