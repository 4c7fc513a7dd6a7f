import CloudCore
import Foundation
import Testing
@testable import WizardCore

/// A run carried on after its API key was saved uses that key and only makes a token.
@Suite("Resume after the key was saved")
struct ResumeWithSavedKeyTests {
    /// A run whose token exchange failed after the key was saved (connection dropped).
    static func checkpointAfterTheKeyWasSaved() throws -> Checkpoint {
        var t = WizardTester.creatingAPIKey()
        _ = t.answer(.apiKey(Fixtures.apiKey))
        _ = t.answer(.saved(path: "/home/u/k.json"))
        guard case .exchangeAPIKey = t.request?.call else { throw CheckpointError.notExchanging }
        _ = t.fail(.cloud(.transport(service: .iam, failure: .connectionReset)))
        #expect(t.state.step == .token)
        return try #require(Checkpoint(t.state, iam: "https://iam.cloud.ibm.com"))
    }

    enum CheckpointError: Error { case notExchanging }

    @Test func theCheckpointRecordsWhereTheKeyWasSavedButNotTheKey() throws {
        let checkpoint = try Self.checkpointAfterTheKeyWasSaved()
        #expect(checkpoint.savedKeyPath == "/home/u/k.json")
        #expect(checkpoint.step == Step.token.rawValue)
        #expect(checkpoint.serviceID?.iamID == Fixtures.serviceID.iamID)
        let json = String(decoding: try JSONEncoder().encode(checkpoint), as: UTF8.self)
        #expect(!json.contains(Fixtures.apiKey.apiKey.exposedValue), "never the key itself")
    }

    @Test func aResumedRunReadsTheSavedKeyAndOnlyMakesAToken() throws {
        let checkpoint = try Self.checkpointAfterTheKeyWasSaved()
        var t = WizardTester()
        t.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", resume: checkpoint))
        var calls: [Call] = []
        func record(_ t: WizardTester) { if let call = t.request?.call { calls.append(call) } }
        t.type("test-api-key-0123456789")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id))); record(t)
        _ = t.answer(.accounts([Fixtures.accountA])); record(t)
        _ = t.answer(.instances([Fixtures.instanceDallas])); record(t)
        _ = t.answer(.resourceGroups([Fixtures.groupDefault])); record(t)
        _ = t.answer(.roles(Fixtures.roles)); record(t)
        #expect(t.request?.call == .readSavedAPIKey(path: "/home/u/k.json", serviceIAMID: Fixtures.serviceID.iamID))
        #expect(Checkpoint(t.state, iam: "https://iam.cloud.ibm.com") == nil, "the file on disk is kept while the key is read")
        _ = t.answer(.apiKey(Fixtures.apiKey)); record(t)
        #expect(t.request?.call == .exchangeAPIKey(Fixtures.apiKey.apiKey))
        #expect(t.state.apiKeySavedPath == "/home/u/k.json")
        #expect(t.state.autoChoiceNote?.phrase.map { if case .carriedOnWithSavedKey = $0 { true } else { false } } == true)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id, iamID: "iam-ServiceId-9", refresh: nil))); record(t)
        _ = t.answer(.saved(path: "/home/u/token.json")); record(t)
        #expect(t.state.step == .done)
        #expect(!calls.contains { if case .createAPIKey = $0 { true } else { false } }, "no second key: \(calls)")
        #expect(!calls.contains { if case .checkSavePaths = $0 { true } else { false } })
        // `r` on the final screen makes a new token from that same key.
        t.press(.character("r"))
        #expect(t.request?.call == .exchangeAPIKey(Fixtures.apiKey.apiKey))
    }

    @Test func aSavedKeyThatCannotBeUsedLeavesTheUserOnTheForm() throws {
        let checkpoint = try Self.checkpointAfterTheKeyWasSaved()
        var t = WizardTester()
        t.state = WizardState(environment: WizardEnvironment(workingDirectory: "/home/u", resume: checkpoint))
        t.type("test-api-key-0123456789")
        t.press(.enter)
        _ = t.answer(.token(Fixtures.token(account: Fixtures.accountA.id)))
        _ = t.answer(.accounts([Fixtures.accountA]))
        _ = t.answer(.instances([Fixtures.instanceDallas]))
        _ = t.answer(.resourceGroups([Fixtures.groupDefault]))
        _ = t.answer(.roles(Fixtures.roles))
        _ = t.fail(.file(path: "/home/u/k.json", message: "the key is for iam-ServiceId-X, not for the service ID iam-ServiceId-9"))
        #expect(t.state.step == .apiKey)
        #expect(t.state.apiKey == nil)
        #expect(t.state.notice?.message?.phrase.map { if case .couldNotUseSavedKey = $0 { true } else { false } } == true)
        #expect(t.state.failedRequest == nil, "Enter goes on from the form, it does not read again")
    }
}
