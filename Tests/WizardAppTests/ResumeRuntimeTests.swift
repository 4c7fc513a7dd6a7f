import CloudCore
import CloudEmulator
import Foundation
import Synchronization
import Testing
import TerminalUI
import WizardCore
@testable import WizardApp

/// A CloudAPI that passes everything to another, except that exchanging any key other than
/// `allowedKey` fails as a dropped connection would.
struct DroppingExchangeAPI: CloudAPI {
    let base: any CloudAPI
    let allowedKey: String

    func token(apiKey: Secret) async throws -> IAMToken {
        if apiKey.exposedValue != allowedKey {
            throw CloudError.transport(service: .iam, failure: .connectionReset)
        }
        return try await base.token(apiKey: apiKey)
    }
    func discoverOIDC() async throws -> OIDCConfiguration { try await base.discoverOIDC() }
    func token(passcode: Secret) async throws -> IAMToken { try await base.token(passcode: passcode) }
    func token(username: String, password: Secret, securityCode: Secret?) async throws -> IAMToken {
        try await base.token(username: username, password: password, securityCode: securityCode)
    }
    func refresh(_ refreshToken: Secret, accountID: String?) async throws -> IAMToken { try await base.refresh(refreshToken, accountID: accountID) }
    func accounts(token: IAMToken) async throws -> [Account] { try await base.accounts(token: token) }
    func resourceGroups(accountID: String, token: IAMToken) async throws -> [ResourceGroup] { try await base.resourceGroups(accountID: accountID, token: token) }
    func keyProtectInstances(accountID: String, resourceGroupID: String?, token: IAMToken) async throws -> [KeyProtectInstance] {
        try await base.keyProtectInstances(accountID: accountID, resourceGroupID: resourceGroupID, token: token)
    }
    func serviceIDs(named name: String, accountID: String, token: IAMToken) async throws -> [ServiceID] {
        try await base.serviceIDs(named: name, accountID: accountID, token: token)
    }
    func createServiceID(name: String, description: String, accountID: String, token: IAMToken) async throws -> ServiceID {
        try await base.createServiceID(name: name, description: description, accountID: accountID, token: token)
    }
    func keyProtectRoles(accountID: String, token: IAMToken) async throws -> [ServiceRole] { try await base.keyProtectRoles(accountID: accountID, token: token) }
    func createAccessPolicy(subjectIAMID: String, roleCRN: String, accountID: String, scope: PolicyScope, token: IAMToken) async throws -> AccessPolicy {
        try await base.createAccessPolicy(subjectIAMID: subjectIAMID, roleCRN: roleCRN, accountID: accountID, scope: scope, token: token)
    }
    func createAPIKey(name: String, description: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> ServiceAPIKey {
        try await base.createAPIKey(name: name, description: description, serviceIAMID: serviceIAMID, accountID: accountID, token: token)
    }
    func apiKeys(named name: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> [APIKeyInfo] {
        try await base.apiKeys(named: name, serviceIAMID: serviceIAMID, accountID: accountID, token: token)
    }
    func deleteServiceID(id: String, token: IAMToken) async throws { try await base.deleteServiceID(id: id, token: token) }
    func deleteAccessPolicy(id: String, token: IAMToken) async throws { try await base.deleteAccessPolicy(id: id, token: token) }
    func deleteAPIKey(id: String, token: IAMToken) async throws { try await base.deleteAPIKey(id: id, token: token) }
    func listKeys(region: String, instanceGUID: String, token: IAMToken) async throws -> KeyList {
        try await base.listKeys(region: region, instanceGUID: instanceGUID, token: token)
    }
}

/// Carrying on after the key was saved, through the real runtime, checkpoint file and HTTP.
@Suite("Resume after the key was saved, in the runtime")
struct ResumeRuntimeTests {
    /// The token exchange fails after the key is saved; Ctrl-C; the next start carries on with the
    /// saved key and makes only a token: the emulator holds one key, the key file is the first one.
    @Test func aResumedRunUsesTheKeyItSavedInsteadOfMakingASecond() async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration())
        let transport = LiveHTTPTransport()
        let directory = NSTemporaryDirectory() + "tw-resume-key-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8))
        let store = CheckpointStore(folder: directory, iam: endpoints.iam.absoluteString)
        let live = LiveCloudAPI(endpoints: endpoints, transport: transport)
        let dropping = DroppingExchangeAPI(base: live, allowedKey: RuntimeHarness.userKey)

        let first = StepTerminal(script: RuntimeHarness.toThePlan + [("Could not reach IAM", [.key(.control("c"))], nil)])
        let stopped = await RuntimeHarness.run(first, EffectRunner(api: dropping), WizardEnvironment(workingDirectory: directory), checkpoints: store)
        let keyPath = try #require(stopped.apiKeySavedPath, "the first run saved its key; last screen:\n\(first.screen)")
        #expect(stopped.tokenSavedPath == nil)
        let firstFile = try Data(contentsOf: URL(fileURLWithPath: keyPath))
        let checkpoint = try #require(store.load(), "the checkpoint is kept for the next start")
        #expect(checkpoint.savedKeyPath == keyPath)
        #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: store.path)), as: UTF8.self)
            .contains(stopped.apiKey?.apiKey.exposedValue ?? "no key"), "never the key itself")

        let second = StepTerminal(script: [
            ("Log in to carry on from the last run", [.paste(RuntimeHarness.userKey), .key(.enter)], nil),
            ("Your Key Protect bearer token", [.key(.character("q"))], nil),
        ])
        let finished = await RuntimeHarness.run(second, EffectRunner(api: live),
            WizardEnvironment(workingDirectory: directory, resume: checkpoint), checkpoints: store)
        let world = server.world
        try? await transport.shutdown()
        await server.shutdown()

        #expect(finished.step == .done, "last screen:\n\(second.screen)")
        #expect(finished.tokenSavedPath != nil)
        #expect(finished.apiKeySavedPath == keyPath)
        let serviceIAMID = try #require(stopped.serviceID?.iamID)
        #expect(world.apiKeys.filter { $0.iamID == serviceIAMID }.count == 1, "one key, not two")
        #expect(try Data(contentsOf: URL(fileURLWithPath: keyPath)) == firstFile, "the key file is untouched")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!files.contains { $0.hasSuffix("-2.json") }, "no second key file: \(files)")
        #expect(!FileManager.default.fileExists(atPath: store.path), "the checkpoint is removed once the token is saved")
    }
}
