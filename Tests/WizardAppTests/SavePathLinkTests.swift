import CloudCore
import Foundation
import Testing
import WizardCore
@testable import WizardApp

/// A dangling symbolic link at a save path is found before the API key is created.
@Suite("Dangling links at the save paths")
struct SavePathLinkTests {
    let directory = NSTemporaryDirectory() + "tw-issue9-\(UUID().uuidString.prefix(8))"

    func makeDirectory() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func aDanglingLinkAtTheKeyPathIsRefusedBeforeAnythingIsCreated() throws {
        try makeDirectory()
        let key = directory + "/kp-apikey.json", token = directory + "/token.json"
        try FileManager.default.createSymbolicLink(atPath: key, withDestinationPath: directory + "/gone/elsewhere.json")
        let problem = try #require(SavePathChecker.check(keyPath: key, tokenPath: token))
        #expect(problem.field == 2)
        #expect(problem.reason == .danglingLink(target: directory + "/gone/elsewhere.json"))
        #expect(problem.suggestion == directory + "/kp-apikey-2.json")
        // And the writer would indeed have failed there: this is what the check saves the user from.
        #expect(throws: SecretFileWriter.WriteError.self) {
            _ = try SecretFileWriter().write(Data("x".utf8), to: key, overwrite: false)
        }
    }

    @Test func aDanglingLinkIsNotProposedAsAFreeNameNorTakenForTheToken() throws {
        try makeDirectory()
        let key = directory + "/k.json", token = directory + "/token.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: key))
        try FileManager.default.createSymbolicLink(atPath: directory + "/k-2.json", withDestinationPath: "/nonexistent/x")
        #expect(SavePathChecker.check(keyPath: key, tokenPath: token)?.suggestion == directory + "/k-3.json")
        try FileManager.default.createSymbolicLink(atPath: token, withDestinationPath: "/nonexistent/t")
        let problem = try #require(SavePathChecker.check(keyPath: directory + "/new.json", tokenPath: token))
        #expect(problem.field == 3)
        #expect(problem.suggestion == directory + "/token-2.json")
    }
}
