import CloudEmulator
import Foundation
import Testing

@testable import CloudCore

/// The whole wizard flow with `LiveCloudAPI` and `LiveHTTPTransport` against the in-repo emulator
/// on 127.0.0.1 (random port).
@Suite(.serialized) struct EmulatorIntegrationTests {
    typealias IDs = EmulatorWorld.StandardIDs

    /// Starts an emulator, runs `body` with a live API on it, shuts everything down.
    func withEmulator(
        _ configuration: EmulatorConfiguration = EmulatorConfiguration(),
        retry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05, maxTotalTime: 10),
        _ body: (LiveCloudAPI, EmulatorServer) async throws -> Void
    ) async throws {
        let server = try await EmulatorServer.start(configuration)
        let transport = LiveHTTPTransport(environment: [:])
        do {
            let endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8), source: "emulator")
            #expect(!endpoints.isIBMCloud)
            let api = LiveCloudAPI(endpoints: endpoints, transport: transport, options: CloudClientOptions(retryPolicy: retry, timeout: 10))
            try await body(api, server)
        } catch {
            try? await transport.shutdown()
            await server.shutdown()
            throw error
        }
        try await transport.shutdown()
        await server.shutdown()
    }

    @Test func wholeFlow() async throws {
        try await withEmulator { api, _ in
            let oidc = try await api.discoverOIDC()
            #expect(oidc.passcodeEndpoint.path.hasSuffix("/identity/passcode"))

            // 1. Log in with the user's API key.
            let login = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            #expect(login.claims.iamID == EmulatorWorld.sandboxUserIAMID)
            #expect(login.rawResponse.exposedValue.contains("access_token"))

            // 2. Accounts, then scope the token to the development account.
            let accounts = try await api.accounts(token: login)
            #expect(Set(accounts.map(\.id)).isSuperset(of: [IDs.developmentAccount, IDs.productionAccount]))
            #expect(accounts.first { $0.id == IDs.developmentAccount }?.name == "Sandbox Development")
            let account = IDs.developmentAccount
            var token = login
            if let refresh = login.refreshToken, refresh.exposedValue != "not_supported" {
                token = try await api.refresh(refresh, accountID: account)
            }
            #expect(token.claims.accountID == account)

            // 3. Resource groups and Key Protect instances.
            let groups = try await api.resourceGroups(accountID: account, token: token)
            #expect(groups.contains { $0.id == IDs.devDefaultGroup && $0.isDefault && $0.name == "Default" })
            let instances = try await api.keyProtectInstances(accountID: account, resourceGroupID: nil, token: token)
            #expect(Set(instances.map(\.guid)) == [IDs.devKeyProtectUSSouth, IDs.devKeyProtectEUDE, IDs.devKeyProtectEmpty])
            let inDefault = try await api.keyProtectInstances(accountID: account, resourceGroupID: IDs.devDefaultGroup, token: token)
            #expect(inDefault.map(\.guid) == [IDs.devKeyProtectUSSouth])
            let instance = try #require(inDefault.first)
            #expect(instance.regionID == "us-south")
            #expect(instance.crn.contains(":kms:us-south:a/\(account):\(instance.guid)"))

            // 4. Service ID: search, create, search again.
            let name = "kp-wizard-it-\(UUID().uuidString.prefix(8))"
            #expect(try await api.serviceIDs(named: name, accountID: account, token: token).isEmpty)
            let serviceID = try await api.createServiceID(name: name, description: "integration test", accountID: account, token: token)
            #expect(serviceID.iamID.hasPrefix("iam-ServiceId-"))
            #expect(try await api.serviceIDs(named: name, accountID: account, token: token).map(\.id) == [serviceID.id])
            #expect(try await api.serviceIDs(named: "legacy-kp-reader", accountID: account, token: token).count == 1)

            // 5. Roles and policy.
            let roles = try await api.keyProtectRoles(accountID: account, token: token)
            let reader = try #require(roles.first { $0.displayName == "Reader" })
            #expect(reader.crn.hasSuffix("serviceRole:Reader"))
            let policy = try await api.createAccessPolicy(subjectIAMID: serviceID.iamID, roleCRN: reader.crn, accountID: account, scope: .instance(guid: instance.guid), token: token)
            #expect(policy.subjectIAMID == serviceID.iamID)
            #expect(policy.roleIDs == [reader.crn])
            let conflict = await cloudError {
                _ = try await api.createAccessPolicy(subjectIAMID: serviceID.iamID, roleCRN: reader.crn, accountID: account, scope: .instance(guid: instance.guid), token: token)
            }
            #expect(conflict?.code == "policy_conflict_error")

            // 6. API key for the service ID.
            let key = try await api.createAPIKey(name: "\(name)-key", description: "integration test", serviceIAMID: serviceID.iamID, accountID: account, token: token)
            #expect(!key.apiKey.isEmpty)
            #expect(key.iamID == serviceID.iamID)

            // The key is listed by name for its service ID (no value), and can be deleted; a second
            // delete of a gone key counts as done.
            let listed = try await api.apiKeys(named: "\(name)-key", serviceIAMID: serviceID.iamID, accountID: account, token: token)
            #expect(listed.map(\.id) == [key.id])
            #expect(try await api.apiKeys(named: "other", serviceIAMID: serviceID.iamID, accountID: account, token: token).isEmpty)
            let spare = try await api.createAPIKey(name: "\(name)-key", description: "", serviceIAMID: serviceID.iamID, accountID: account, token: token)
            try await api.deleteAPIKey(id: spare.id, token: token)
            try await api.deleteAPIKey(id: spare.id, token: token)
            #expect(try await api.apiKeys(named: "\(name)-key", serviceIAMID: serviceID.iamID, accountID: account, token: token).map(\.id) == [key.id])

            // Deleting: a policy, then a service ID (twice: a second delete of a gone one is done).
            let spareID = try await api.createServiceID(name: "\(name)-spare", description: "", accountID: account, token: token)
            let sparePolicy = try await api.createAccessPolicy(subjectIAMID: spareID.iamID, roleCRN: reader.crn, accountID: account,
                scope: .instance(guid: instance.guid), token: token)
            try await api.deleteAccessPolicy(id: sparePolicy.id, token: token)
            try await api.deleteServiceID(id: spareID.id, token: token)
            try await api.deleteServiceID(id: spareID.id, token: token)
            #expect(try await api.serviceIDs(named: "\(name)-spare", accountID: account, token: token).isEmpty)

            // 7. Exchange the new key.
            let serviceToken = try await api.token(apiKey: key.apiKey)
            #expect(serviceToken.claims.iamID == serviceID.iamID)
            #expect(serviceToken.claims.subjectType == "ServiceId")
            #expect(serviceToken.claims.accountID == account)

            // 8. List keys with the service-ID token.
            let list = try await api.listKeys(region: instance.regionID, instanceGUID: instance.guid, token: serviceToken)
            #expect(Set(list.keys.map(\.name)) == ["root-key-app", "root-key-db", "standard-secret"])
            #expect(list.collectionTotal == 3)
            #expect(list.keys.first { $0.name == "standard-secret" }?.extractable == true)

            // No role on another instance: Key Protect says 401.
            let denied = await cloudError { _ = try await api.listKeys(region: "eu-de", instanceGUID: IDs.devKeyProtectEUDE, token: serviceToken) }
            guard case .server(.keyProtect, 401, let code, _, let requestID) = denied else { Issue.record("\(String(describing: denied))"); return }
            #expect(code == "UNAUTHORIZED_ERR")
            #expect(!requestID.isEmpty)

            // The user (Manager on kms) sees the empty instance: no `resources` field.
            let empty = try await api.listKeys(region: "us-east", instanceGUID: IDs.devKeyProtectEmpty, token: token)
            #expect(empty == KeyList(collectionTotal: 0, keys: []))
        }
    }

    @Test func passwordLoginWithASecondFactorAndAFederatedUser() async throws {
        try await withEmulator { api, _ in
            let password = Secret(EmulatorWorld.mfaUserPassword)
            let asked = await #expect(throws: CloudError.self) {
                _ = try await api.token(username: EmulatorWorld.mfaUserEmail, password: password, securityCode: nil)
            }
            #expect(asked?.needsSecondFactor == true)
            let token = try await api.token(username: EmulatorWorld.mfaUserEmail, password: password, securityCode: Secret(EmulatorWorld.mfaUserCode))
            #expect(token.claims.accountID == IDs.developmentAccount)
            let federated = await #expect(throws: CloudError.self) {
                _ = try await api.token(username: EmulatorWorld.federatedUserEmail, password: Secret("x"), securityCode: nil)
            }
            #expect(federated?.isFederatedUser == true)
            #expect(federated?.needsSecondFactor == false)
        }
    }

    @Test func passcodeLoginAndAccountScoping() async throws {
        try await withEmulator { api, _ in
            let oidc = try await api.discoverOIDC()
            // Fetch a passcode the way a browser would (JSON form of the emulator's page).
            let transport = LiveHTTPTransport(environment: [:])
            let page = try await transport.send(HTTPRequest(method: "GET", url: oidc.passcodeEndpoint, headers: ["Accept": "application/json"]))
            try await transport.shutdown()
            let passcode = try #require((try JSONSerialization.jsonObject(with: page.body) as? [String: Any])?["passcode"] as? String)

            let login = try await api.token(passcode: Secret(passcode))
            #expect(login.claims.iamID == EmulatorWorld.sandboxUserIAMID)
            let refresh = try #require(login.refreshToken)
            #expect(refresh.exposedValue != "not_supported")

            // A passcode is single use.
            let reuse = await cloudError { _ = try await api.token(passcode: Secret(passcode)) }
            #expect(reuse?.status == 400)

            let accounts = try await api.accounts(token: login)
            #expect(accounts.count == 3)
            let scoped = try await api.refresh(refresh, accountID: IDs.productionAccount)
            #expect(scoped.claims.accountID == IDs.productionAccount)
            let instances = try await api.keyProtectInstances(accountID: IDs.productionAccount, resourceGroupID: nil, token: scoped)
            #expect(instances.map(\.guid).contains(IDs.prodKeyProtectEUDE))

            // A token scoped to another account: Resource Controller refuses (403), mapped from its envelope.
            let forbidden = await cloudError { _ = try await api.resourceGroups(accountID: IDs.developmentAccount, token: scoped) }
            guard case .server(.resourceController, 403, let code, let message, _) = forbidden else { Issue.record("\(String(describing: forbidden))"); return }
            #expect(!code.isEmpty)
            #expect(!message.isEmpty)
        }
    }

    @Test func resourceGroupPolicyScope() async throws {
        try await withEmulator { api, _ in
            let token = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            let account = token.claims.accountID
            let serviceID = try await api.createServiceID(name: "rg-scope", description: "", accountID: account, token: token)
            let writer = try #require(try await api.keyProtectRoles(accountID: account, token: token).first { $0.displayName == "Writer" })
            _ = try await api.createAccessPolicy(subjectIAMID: serviceID.iamID, roleCRN: writer.crn, accountID: account, scope: .resourceGroup(id: IDs.devSecurityGroup), token: token)
            let key = try await api.createAPIKey(name: "rg-scope-key", description: "", serviceIAMID: serviceID.iamID, accountID: account, token: token)
            let serviceToken = try await api.token(apiKey: key.apiKey)
            let list = try await api.listKeys(region: "eu-de", instanceGUID: IDs.devKeyProtectEUDE, token: serviceToken)
            #expect(list.keys.count == 2)
        }
    }

    @Test func wrongAPIKeyGivesIAMError() async throws {
        try await withEmulator { api, _ in
            let error = await cloudError { _ = try await api.token(apiKey: Secret("definitely-not-a-key-0000000000000000")) }
            guard case .server(.iam, 400, "BXNIM0415E", let message, let requestID) = error else { Issue.record("\(String(describing: error))"); return }
            #expect(!message.isEmpty)
            #expect(!requestID.isEmpty)
        }
    }

    @Test func paginationOverGeneratedWorld() async throws {
        let world = EmulatorWorld.generated(accounts: 230, resourceGroups: 230, instances: 230 * 3)
        try await withEmulator(EmulatorConfiguration(world: world)) { api, _ in
            let token = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            let accounts = try await api.accounts(token: token)
            #expect(accounts.count == 230)
            #expect(Set(accounts.map(\.id)).count == 230)
        }
        // One account with 250 instances (every fourth is COS): several Resource Controller pages.
        let big = EmulatorWorld.generated(accounts: 1, resourceGroups: 3, instances: 250)
        try await withEmulator(EmulatorConfiguration(world: big)) { api, _ in
            let token = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            let instances = try await api.keyProtectInstances(accountID: token.claims.accountID, resourceGroupID: nil, token: token)
            #expect(instances.count == 250 - 250 / 4)
            #expect(Set(instances.map(\.guid)).count == instances.count)
            #expect(instances.allSatisfy { $0.crn.contains(":kms:") })
        }
    }

    @Test func faultsRetriedOrNot() async throws {
        try await withEmulator { api, server in
            // 429 with Retry-After on a GET: retried, succeeds.
            let token = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            server.install(EmulatorFault(route: "/coe/v2/accounts", kind: .tooManyRequests(retryAfter: 1), count: 1))
            #expect(try await api.accounts(token: token).count >= 1)

            // 503 on the token endpoint: retried.
            server.install(EmulatorFault(route: "/identity/token", kind: .serviceUnavailable(retryAfter: 0), count: 2))
            _ = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))

            // Dropped connection on a GET: retried.
            server.install(EmulatorFault(route: "/v2/resource_groups", kind: .dropConnection, count: 1))
            #expect(try await api.resourceGroups(accountID: token.claims.accountID, token: token).count >= 1)

            // 500 on create: not retried, surfaces as a server error; the next create works.
            server.install(EmulatorFault(route: "/v1/serviceids", kind: .internalServerError, count: 1))
            let error = await cloudError { _ = try await api.createServiceID(name: "faulty", description: "", accountID: token.claims.accountID, token: token) }
            #expect(error?.status == 500)
            _ = try await api.createServiceID(name: "faulty", description: "", accountID: token.claims.accountID, token: token)
            #expect(server.world.serviceIDs.filter { $0.name == "faulty" }.count == 1)

            // Malformed JSON: a decoding error.
            server.install(EmulatorFault(route: "/v2/roles", kind: .malformedJSON, count: 1))
            let decoding = await cloudError { _ = try await api.keyProtectRoles(accountID: token.claims.accountID, token: token) }
            guard case .decoding(.iamPolicy, _) = decoding else { Issue.record("\(String(describing: decoding))"); return }
        }
    }

    @Test func timeoutIsReported() async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration(faults: [EmulatorFault(route: "/identity/.well-known", kind: .slow(seconds: 3))]))
        let transport = LiveHTTPTransport(environment: [:])
        let endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8))
        let api = LiveCloudAPI(endpoints: endpoints, transport: transport, options: CloudClientOptions(retryPolicy: .none, timeout: 0.5))
        let error = await cloudError { _ = try await api.discoverOIDC() }
        try await transport.shutdown()
        await server.shutdown()
        guard case .transport(.iam, let failure) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(failure == .timedOut(seconds: 0.5))
    }
}
