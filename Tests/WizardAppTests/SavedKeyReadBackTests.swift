import CloudCore
import Foundation
import Testing
import WizardCore
@testable import WizardApp

/// A run carried on after its key was saved reads that key file back, for its own service ID only.
@Suite("The saved key is read back on resume")
struct SavedKeyReadBackTests {
    let directory = NSTemporaryDirectory() + "tw-issue9-\(UUID().uuidString.prefix(8))"

    func makeDirectory() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    static let key = ServiceAPIKey(id: "ApiKey-1", name: "kp-key", description: "d", apiKey: Secret("VALUE-123"),
        iamID: "iam-ServiceId-1", accountID: "acc", crn: "crn:key", createdAt: "2026-11-29T10:00+0000")

    @Test func theSavedKeyIsReadBackForItsOwnServiceIDOnly() throws {
        let path = directory + "/kp-apikey.json"
        _ = try SecretFileWriter().write(SecretFileWriter.apiKeyFileContents(Self.key), to: path, overwrite: false)
        let back = try APIKeyFileReader.readSaved(path, serviceIAMID: "iam-ServiceId-1")
        #expect(back == Self.key)

        let other = #expect(throws: SecretFileWriter.WriteError.self) {
            _ = try APIKeyFileReader.readSaved(path, serviceIAMID: "iam-ServiceId-OTHER")
        }
        #expect(other?.description.contains("iam-ServiceId-OTHER") == true)
        #expect(other?.description.contains("VALUE-123") == false, "the key is never in a message")

        // A file without iam_id (e.g. a user's own key file) cannot be told apart: refused.
        let bare = directory + "/bare.json"
        try Data(#"{"apikey":"VALUE-123"}"#.utf8).write(to: URL(fileURLWithPath: bare))
        #expect(throws: SecretFileWriter.WriteError.self) { _ = try APIKeyFileReader.readSaved(bare, serviceIAMID: "iam-ServiceId-1") }
    }

    @Test func theRunnerAnswersReadSavedAPIKeyWithTheKey() async throws {
        let path = directory + "/kp-apikey.json"
        _ = try SecretFileWriter().write(SecretFileWriter.apiKeyFileContents(Self.key), to: path, overwrite: false)
        let runner = EffectRunner(api: UnusedCloudAPI())
        let result = await runner.perform(.readSavedAPIKey(path: path, serviceIAMID: "iam-ServiceId-1"))
        #expect(result == .success(.apiKey(Self.key)))
        let wrong = await runner.perform(.readSavedAPIKey(path: path, serviceIAMID: "iam-ServiceId-2"))
        guard case .failure(.file(let failedPath, _)) = wrong else { Issue.record("\(wrong)"); return }
        #expect(failedPath == path)
    }
}
