import Foundation

/// Every IBM Cloud call the wizard makes, as one protocol so the runtime can be given the live
/// clients or a test double. Each method throws ``CloudError``. Tokens passed in are bearer tokens
/// (``IAMToken``); account-scoped where the method says so.
public protocol CloudAPI: Sendable {
    /// OIDC discovery. IAM, `GET /identity/.well-known/openid-configuration`.
    func discoverOIDC() async throws -> OIDCConfiguration
    /// IAM, `POST /identity/token`, grant `urn:ibm:params:oauth:grant-type:apikey`, Basic `bx:bx`
    /// so a refresh token comes back.
    func token(apiKey: Secret) async throws -> IAMToken
    /// IAM, `POST /identity/token`, grant `urn:ibm:params:oauth:grant-type:passcode`, Basic `bx:bx`.
    func token(passcode: Secret) async throws -> IAMToken
    /// IAM, `POST /identity/token`, grant `password` (IBMid users who are not federated), with
    /// `security_code` and `vendor=TOTP` when a second factor is given; Basic `bx:bx`.
    func token(username: String, password: Secret, securityCode: Secret?) async throws -> IAMToken
    /// IAM, `POST /identity/token`, grant `refresh_token`, Basic `bx:bx`, with `account=<guid>` when given.
    func refresh(_ refreshToken: Secret, accountID: String?) async throws -> IAMToken
    /// Accounts, `GET /coe/v2/accounts`, following `next_url` to the end.
    func accounts(token: IAMToken) async throws -> [Account]
    /// Resource Manager, `GET /v2/resource_groups?account_id=`. Account-scoped token.
    func resourceGroups(accountID: String, token: IAMToken) async throws -> [ResourceGroup]
    /// Resource Controller, `GET /v2/resource_instances`, Key Protect only, every page.
    /// `resourceGroupID` narrows to one group when given. Account-scoped token.
    func keyProtectInstances(accountID: String, resourceGroupID: String?, token: IAMToken) async throws -> [KeyProtectInstance]
    /// IAM Identity, `GET /v1/serviceids/?account_id=&name=`: service IDs with exactly this name.
    func serviceIDs(named name: String, accountID: String, token: IAMToken) async throws -> [ServiceID]
    /// IAM Identity, `POST /v1/serviceids/` (201).
    func createServiceID(name: String, description: String, accountID: String, token: IAMToken) async throws -> ServiceID
    /// IAM Policy Management, `GET /v2/roles?service_name=kms&account_id=` (`service_roles`).
    func keyProtectRoles(accountID: String, token: IAMToken) async throws -> [ServiceRole]
    /// IAM Policy Management, `POST /v1/policies` (201): `type` access, subject `iam_id`, resource
    /// `accountId` + `serviceName` kms + the scope's attribute.
    func createAccessPolicy(subjectIAMID: String, roleCRN: String, accountID: String, scope: PolicyScope, token: IAMToken) async throws -> AccessPolicy
    /// IAM Identity, `POST /v1/apikeys` (201) for a service ID (`iam_id` = the service ID's IAM ID).
    func createAPIKey(name: String, description: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> ServiceAPIKey
    /// IAM Identity, `GET /v1/apikeys?account_id=&iam_id=` (all pages): the service ID's keys named `name`, without values.
    func apiKeys(named name: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> [APIKeyInfo]
    /// IAM Identity, `DELETE /v1/serviceids/{id}` (204; its API keys go with it; 404 counts as gone).
    func deleteServiceID(id: String, token: IAMToken) async throws
    /// IAM Policy Management, `DELETE /v1/policies/{id}` (204; 404 counts as gone).
    func deleteAccessPolicy(id: String, token: IAMToken) async throws
    /// IAM Identity, `DELETE /v1/apikeys/{id}` (204; 404 counts as already gone).
    func deleteAPIKey(id: String, token: IAMToken) async throws
    /// Key Protect, `GET <region endpoint>/api/v2/keys` with `bluemix-instance: <guid>`.
    func listKeys(region: String, instanceGUID: String, token: IAMToken) async throws -> KeyList
}
