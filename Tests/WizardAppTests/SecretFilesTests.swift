import CloudCore
import Foundation
import Testing
import WizardCore
@testable import WizardApp

@Suite("Secret files: 0600, never clobbered, read back")
struct SecretFilesTests {
    let directory = NSTemporaryDirectory() + "tw-files-\(UUID().uuidString.prefix(8))"

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func keyFileIsPrivateInAPrivateNewFolderAndHasTheCLIFields() throws {
        let key = ServiceAPIKey(id: "ApiKey-1", name: "n", description: "d", apiKey: Secret("VALUE-123"), iamID: "iam-ServiceId-1",
            accountID: "acc", createdAt: "2026-11-29T10:00+0000")
        let path = directory + "/new/sub/key.json"
        let written = try SecretFileWriter().write(SecretFileWriter.apiKeyFileContents(key), to: path, overwrite: false)
        #expect(written == path)
        #expect(try mode(path) == 0o600)
        #expect(try mode(directory + "/new/sub") == 0o700)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        #expect(object?["apikey"] as? String == "VALUE-123")
        for field in ["name", "description", "createdAt", "locked", "uuid"] { #expect(object?[field] != nil, "\(field)") }
        // Reading it back as a login works (the same file `ibmcloud login --apikey @file` takes).
        #expect(try APIKeyFileReader.read(path) == Secret("VALUE-123"))
        // No temporary files are left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/new/sub") == ["key.json"])
    }

    @Test func anExistingKeyFileIsNeverOverwritten() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/key.json"
        try Data("{\"apikey\":\"OLD\"}".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SecretFileWriter.WriteError.self) {
            try SecretFileWriter().write(Data("new".utf8), to: path, overwrite: false)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"apikey\":\"OLD\"}")
    }

    @Test func aReadOnlyFolderIsReportedNotCrashed() throws {
        guard getuid() != 0 else {
            // root ignores permissions; a file system path that cannot be created stands in.
            #expect(throws: SecretFileWriter.WriteError.self) {
                try SecretFileWriter().write(Data("x".utf8), to: "/proc/self/nope/key.json", overwrite: false)
            }
            return
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        #expect(throws: SecretFileWriter.WriteError.self) {
            try SecretFileWriter().write(Data("x".utf8), to: directory + "/key.json", overwrite: false)
        }
    }

    @Test func pathCheckerProposesAFreeNameAndProtectsNonTokenFiles() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = directory + "/key.json", token = directory + "/token.json"
        #expect(SavePathChecker.check(keyPath: key, tokenPath: token) == nil)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: key))
        let taken = try #require(SavePathChecker.check(keyPath: key, tokenPath: token))
        #expect(taken.field == 2)
        #expect(taken.suggestion == directory + "/key-2.json")
        // An earlier token file may be replaced; a key file in the token's place may not.
        let other = directory + "/other.json"
        try Data("{\"access_token\":\"old\"}".utf8).write(to: URL(fileURLWithPath: token))
        #expect(SavePathChecker.check(keyPath: other, tokenPath: token) == nil)
        try Data("{\"apikey\":\"precious\"}".utf8).write(to: URL(fileURLWithPath: token))
        #expect(SavePathChecker.check(keyPath: other, tokenPath: token)?.field == 3)
        #expect(SavePathChecker.check(keyPath: other, tokenPath: other)?.reason == .sameFile)
        #expect(SavePathChecker.check(keyPath: "/proc/self/x/key.json", tokenPath: token)?.field == 2)
    }

    @Test func theRunnerRefusesToReplaceANonTokenFileWithTheToken() async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/precious.json"
        try Data("{\"apikey\":\"precious\"}".utf8).write(to: URL(fileURLWithPath: path))
        let token = IAMToken(accessToken: Secret("a"), refreshToken: nil, tokenType: "Bearer", expiresIn: 1, expiration: 1,
            claims: TokenClaims(iamID: "", subject: "", subjectType: "", accountID: "", issuedAt: 0, expiresAt: 1),
            rawResponse: Secret("{\"access_token\":\"a\"}"))
        let runner = EffectRunner(api: UnusedCloudAPI())
        let result = await runner.perform(.saveToken(token, path: path))
        guard case .failure(.file) = result else { Issue.record("expected a file failure, got \(result)"); return }
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("precious"))
    }
}

/// A CloudAPI for tests that must not touch the network: every call fails.
struct UnusedCloudAPI: CloudAPI {
    func fail<T>() throws -> T { throw CloudError.invalidRequest(.emptyAPIKey) }
    func discoverOIDC() async throws -> OIDCConfiguration { try fail() }
    func token(apiKey: Secret) async throws -> IAMToken { try fail() }
    func token(passcode: Secret) async throws -> IAMToken { try fail() }
    func token(username: String, password: Secret, securityCode: Secret?) async throws -> IAMToken { try fail() }
    func refresh(_ refreshToken: Secret, accountID: String?) async throws -> IAMToken { try fail() }
    func accounts(token: IAMToken) async throws -> [Account] { try fail() }
    func resourceGroups(accountID: String, token: IAMToken) async throws -> [ResourceGroup] { try fail() }
    func keyProtectInstances(accountID: String, resourceGroupID: String?, token: IAMToken) async throws -> [KeyProtectInstance] { try fail() }
    func serviceIDs(named name: String, accountID: String, token: IAMToken) async throws -> [ServiceID] { try fail() }
    func createServiceID(name: String, description: String, accountID: String, token: IAMToken) async throws -> ServiceID { try fail() }
    func keyProtectRoles(accountID: String, token: IAMToken) async throws -> [ServiceRole] { try fail() }
    func createAccessPolicy(subjectIAMID: String, roleCRN: String, accountID: String, scope: PolicyScope, token: IAMToken) async throws -> AccessPolicy { try fail() }
    func createAPIKey(name: String, description: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> ServiceAPIKey { try fail() }
    func apiKeys(named name: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> [APIKeyInfo] { try fail() }
    func deleteAPIKey(id: String, token: IAMToken) async throws { let _: Void = try fail() }
    func deleteServiceID(id: String, token: IAMToken) async throws { let _: Void = try fail() }
    func deleteAccessPolicy(id: String, token: IAMToken) async throws { let _: Void = try fail() }
    func listKeys(region: String, instanceGUID: String, token: IAMToken) async throws -> KeyList { try fail() }
}

@Suite struct BrowserAccessTests {
    @Test func sshIsRemoteADisplayWithXdgOpenIsLocalElseNone() {
        #expect(browserAccess(["SSH_CONNECTION": "10.0.0.1 5000 10.0.0.2 22", "DISPLAY": ":0"]) == .remote)
        #expect(browserAccess(["SSH_TTY": "/dev/pts/1"]) == .remote)
        #expect(browserAccess([:]) == .none)
        let local = browserAccess(["DISPLAY": ":0"])
        #expect(local == (ExternalTool.find("xdg-open") != nil ? .local : .none))
    }
}

@Suite struct CheckpointStoreTests {
    @Test func writtenPrivateReadBackAndRemovedOnceTheTokenIsSaved() throws {
        let folder = NSTemporaryDirectory() + "tw-cp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = CheckpointStore(folder: folder, iam: "http://127.0.0.1:1")
        var state = WizardState(environment: WizardEnvironment(workingDirectory: folder))
        state.account = Account(id: "acc-1", name: "Dev")
        state.step = .region
        var last: Checkpoint?
        store.update(from: state, last: &last)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(store.load()?.accountID == "acc-1")
        #expect(CheckpointStore(folder: folder, iam: "https://iam.cloud.ibm.com").load() == nil, "not offered against other endpoints")
        state.tokenSavedPath = folder + "/token.json"
        state.step = .done
        store.update(from: state, last: &last)
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }
}

