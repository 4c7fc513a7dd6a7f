import Foundation

/// IAM Policy Management: Key Protect roles and access policies. Source: API reference §10.
public struct IAMPolicyClient: Sendable {
    let http: CloudHTTP
    let endpoints: Endpoints

    public init(transport: any HTTPTransport, endpoints: Endpoints, options: CloudClientOptions = CloudClientOptions()) {
        self.http = CloudHTTP(transport: transport, options: options); self.endpoints = endpoints
    }

    /// `GET /v2/roles?service_name=kms&account_id=<acct>`; returns `service_roles[]` (`display_name`,
    /// `description`, `crn` required, `actions`). May be empty. Throws ``CloudError``.
    public func keyProtectRoles(accountID: String, token: IAMToken) async throws -> [ServiceRole] {
        let url = endpoints.iam.appendingAPIPath("/v2/roles", query: [("service_name", "kms"), ("account_id", accountID)])
        let request = http.request("GET", url, headers: ["Authorization": token.authorizationValue.exposedValue])
        let json = try await http.sendJSON(request, service: .iamPolicy, idempotent: true)
        return try (json.objects("service_roles") ?? []).map { role in
            ServiceRole(
                displayName: role.string("display_name") ?? "",
                description: role.string("description") ?? "",
                crn: try role.requireString("crn"),
                actions: role.strings("actions")
            )
        }
    }

    /// `POST /v1/policies` (201) with the v1 body:
    /// `{"type":"access","subjects":[{"attributes":[{"name":"iam_id","value":<subject>}]}],
    /// "roles":[{"role_id":<role CRN>}],"resources":[{"attributes":[{"name":"accountId","value":<acct>},
    /// {"name":"serviceName","value":"kms"},{"name":"serviceInstance"|"resourceGroupId","value":…}]}]}`.
    /// Never retried. A duplicate gives `.server` with code `policy_conflict_error`. Throws ``CloudError``.
    public func createAccessPolicy(subjectIAMID: String, roleCRN: String, accountID: String, scope: PolicyScope, token: IAMToken) async throws -> AccessPolicy {
        let request = http.request(
            "POST", endpoints.iam.appendingAPIPath("/v1/policies"),
            headers: ["Authorization": token.authorizationValue.exposedValue, "Content-Type": "application/json"],
            body: try Self.policyBody(subjectIAMID: subjectIAMID, roleCRN: roleCRN, accountID: accountID, scope: scope)
        )
        let json = try await http.sendJSON(request, service: .iamPolicy, idempotent: false)
        let roles = try (json.objects("roles") ?? []).compactMap { $0.string("role_id") }
        let subject = try (json.objects("subjects") ?? []).first.flatMap { subject in
            try (subject.objects("attributes") ?? []).first { $0.string("name") == "iam_id" }?.string("value")
        }
        return AccessPolicy(
            id: try json.requireString("id"),
            roleIDs: roles.isEmpty ? [roleCRN] : roles,
            subjectIAMID: subject ?? subjectIAMID,
            state: json.string("state") ?? "active"
        )
    }

    /// The JSON body of ``createAccessPolicy(subjectIAMID:roleCRN:accountID:scope:token:)``.
    static func policyBody(subjectIAMID: String, roleCRN: String, accountID: String, scope: PolicyScope) throws -> Data {
        struct Attribute: Encodable { let name: String; let value: String }
        struct Attributes: Encodable { let attributes: [Attribute] }
        struct Role: Encodable { let role_id: String }
        struct Body: Encodable { let type: String; let subjects: [Attributes]; let roles: [Role]; let resources: [Attributes] }
        let scopeAttribute: Attribute
        switch scope {
        case .instance(let guid): scopeAttribute = Attribute(name: "serviceInstance", value: guid)
        case .resourceGroup(let id): scopeAttribute = Attribute(name: "resourceGroupId", value: id)
        }
        return try CloudHTTP.jsonBody(Body(
            type: "access",
            subjects: [Attributes(attributes: [Attribute(name: "iam_id", value: subjectIAMID)])],
            roles: [Role(role_id: roleCRN)],
            resources: [Attributes(attributes: [
                Attribute(name: "accountId", value: accountID),
                Attribute(name: "serviceName", value: "kms"),
                scopeAttribute,
            ])]
        ))
    }

    /// `DELETE /v1/policies/{id}`; expects 204. A 404 (already gone) counts as done.
    /// Throws ``CloudError`` (403 without the Administrator role).
    public func deleteAccessPolicy(id: String, token: IAMToken) async throws {
        let request = http.request("DELETE", endpoints.iam.appendingAPIPath("/v1/policies/\(id)"),
            headers: ["Authorization": token.authorizationValue.exposedValue])
        do {
            _ = try await http.send(request, service: .iamPolicy, idempotent: true)
        } catch let error as CloudError where error.status == 404 {
            return
        }
    }
}
