import Foundation

/// ``CloudAPI`` over HTTP: composes ``IAMTokenClient``, ``AccountsClient``,
/// ``ResourceControllerClient``, ``IAMIdentityClient``, ``IAMPolicyClient`` and ``KeyProtectClient``
/// on one transport and one set of endpoints. The caller owns the transport (shut a
/// ``LiveHTTPTransport`` down when done).
public struct LiveCloudAPI: CloudAPI {
    public let endpoints: Endpoints
    public let tokens: IAMTokenClient
    public let accountsClient: AccountsClient
    public let resourceController: ResourceControllerClient
    public let identity: IAMIdentityClient
    public let policy: IAMPolicyClient
    public let keyProtect: KeyProtectClient

    public init(endpoints: Endpoints, transport: any HTTPTransport, options: CloudClientOptions = CloudClientOptions()) {
        self.endpoints = endpoints
        tokens = IAMTokenClient(transport: transport, endpoints: endpoints, options: options)
        accountsClient = AccountsClient(transport: transport, endpoints: endpoints, options: options)
        resourceController = ResourceControllerClient(transport: transport, endpoints: endpoints, options: options)
        identity = IAMIdentityClient(transport: transport, endpoints: endpoints, options: options)
        policy = IAMPolicyClient(transport: transport, endpoints: endpoints, options: options)
        keyProtect = KeyProtectClient(transport: transport, endpoints: endpoints, options: options)
    }

    public func discoverOIDC() async throws -> OIDCConfiguration { try await tokens.discoverOIDC() }
    public func token(apiKey: Secret) async throws -> IAMToken { try await tokens.token(apiKey: apiKey) }
    public func token(passcode: Secret) async throws -> IAMToken { try await tokens.token(passcode: passcode) }
    public func token(username: String, password: Secret, securityCode: Secret?) async throws -> IAMToken {
        try await tokens.token(username: username, password: password, securityCode: securityCode)
    }
    public func refresh(_ refreshToken: Secret, accountID: String?) async throws -> IAMToken {
        try await tokens.refresh(refreshToken, accountID: accountID)
    }
    public func accounts(token: IAMToken) async throws -> [Account] { try await accountsClient.accounts(token: token) }
    public func resourceGroups(accountID: String, token: IAMToken) async throws -> [ResourceGroup] {
        try await resourceController.resourceGroups(accountID: accountID, token: token)
    }
    public func keyProtectInstances(accountID: String, resourceGroupID: String?, token: IAMToken) async throws -> [KeyProtectInstance] {
        try await resourceController.keyProtectInstances(accountID: accountID, resourceGroupID: resourceGroupID, token: token)
    }
    public func serviceIDs(named name: String, accountID: String, token: IAMToken) async throws -> [ServiceID] {
        try await identity.serviceIDs(named: name, accountID: accountID, token: token)
    }
    public func createServiceID(name: String, description: String, accountID: String, token: IAMToken) async throws -> ServiceID {
        try await identity.createServiceID(name: name, description: description, accountID: accountID, token: token)
    }
    public func keyProtectRoles(accountID: String, token: IAMToken) async throws -> [ServiceRole] {
        try await policy.keyProtectRoles(accountID: accountID, token: token)
    }
    public func createAccessPolicy(subjectIAMID: String, roleCRN: String, accountID: String, scope: PolicyScope, token: IAMToken) async throws -> AccessPolicy {
        try await policy.createAccessPolicy(subjectIAMID: subjectIAMID, roleCRN: roleCRN, accountID: accountID, scope: scope, token: token)
    }
    public func createAPIKey(name: String, description: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> ServiceAPIKey {
        try await identity.createAPIKey(name: name, description: description, serviceIAMID: serviceIAMID, accountID: accountID, token: token)
    }
    public func apiKeys(named name: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> [APIKeyInfo] {
        try await identity.apiKeys(named: name, serviceIAMID: serviceIAMID, accountID: accountID, token: token)
    }
    public func deleteServiceID(id: String, token: IAMToken) async throws {
        try await identity.deleteServiceID(id: id, token: token)
    }
    public func deleteAccessPolicy(id: String, token: IAMToken) async throws {
        try await policy.deleteAccessPolicy(id: id, token: token)
    }
    public func deleteAPIKey(id: String, token: IAMToken) async throws {
        try await identity.deleteAPIKey(id: id, token: token)
    }
    public func listKeys(region: String, instanceGUID: String, token: IAMToken) async throws -> KeyList {
        try await keyProtect.listKeys(region: region, instanceGUID: instanceGUID, token: token)
    }
}
