import Foundation
import Hummingbird

/// IAM Policy Management (reference §10):
/// - `GET /v2/roles?service_name=&account_id=` → `{custom_roles, service_roles, system_roles}`
/// - `POST /v1/policies` (v1 body) → 201; validated (type `access`, subject `iam_id` known in the account,
///   roles known, resource with `accountId` plus `serviceName`/`serviceType`/`resourceGroupId`/`service_group_id`);
///   the caller must be Administrator on the target; a duplicate (same subject, roles and resource) → 409
///   `policy_conflict_error` with `details.conflicts_with`.
/// - `GET /v1/policies?account_id=&iam_id=&type=&limit=&start=`, `GET`/`DELETE /v1/policies/{id}`
/// Errors: `{"trace","errors":[{"code","message","details"?}],"status_code"}`.
struct PolicyRoutes {
    let core: EmulatorCore

    private struct Attribute: Decodable {
        var name: String?
        var value: String?
        var `operator`: String?
    }
    private struct AttributeSet: Decodable { var attributes: [Attribute]? }
    private struct RoleRef: Decodable { var role_id: String? }
    private struct CreateBody: Decodable {
        var type: String?
        var description: String?
        var subjects: [AttributeSet]?
        var roles: [RoleRef]?
        var resources: [AttributeSet]?
    }

    func register(on router: Router<EmulatorRequestContext>) {
        router.get("/v2/roles") { request, _ in try await roles(request) }
        router.get("/v1/policies") { request, _ in try await list(request) }
        router.post("/v1/policies") { request, _ in try await create(request) }
        router.get("/v1/policies/:id") { request, context in try await get(request, id: context.parameters.get("id") ?? "") }
        router.delete("/v1/policies/:id") { request, context in try await delete(request, id: context.parameters.get("id") ?? "") }
    }

    private func authenticate(_ request: Request) async throws -> AccessClaims {
        try await core.authenticate(request.bearerToken) { reason in
            .policy(.unauthorized, "invalid_token", reason == .expired ? "The access token has expired." : "The access token is missing or invalid.")
        }
    }

    private func requireScope(_ claims: AccessClaims, accountID: String) throws {
        guard claims.account.bss == accountID else {
            throw EmulatorError.policy(
                .forbidden, "insufficent_permissions",
                "You are not allowed to access account \(accountID): the token is scoped to account \(claims.account.bss).")
        }
    }

    // MARK: Roles

    private func roles(_ request: Request) async throws -> Response {
        let claims = try await authenticate(request)
        let query = request.query
        if let accountID = query["account_id"] { try requireScope(claims, accountID: accountID) }
        let serviceName = query["service_name"]
        let serviceRoles = serviceName == nil ? [] : RoleCatalog.serviceRoles(for: serviceName)
        return .json([
            "custom_roles": [],
            "service_roles": .array(serviceRoles.map(Self.role)),
            "system_roles": .array(RoleCatalog.systemRoles.map(Self.role)),
        ])
    }

    static func role(_ role: RoleCatalog.Role) -> JSONValue {
        [
            "display_name": .string(role.displayName), "description": .string(role.description),
            "actions": .array(role.actions.map(JSONValue.string)), "crn": .string(role.crn),
        ]
    }

    // MARK: Policies

    private func create(_ request: Request) async throws -> Response {
        let claims = try await authenticate(request)
        let body: CreateBody
        do {
            body = try JSONDecoder().decode(CreateBody.self, from: try await request.bodyData())
        } catch {
            throw EmulatorError.policy(.badRequest, "invalid_body", "The request body is not valid JSON for a v1 policy.")
        }
        guard body.type == "access" else {
            throw EmulatorError.policy(.badRequest, "invalid_body", "type must be 'access'.")
        }
        guard let subjects = body.subjects, subjects.count == 1,
            let subjectAttributes = subjects[0].attributes, subjectAttributes.count == 1,
            subjectAttributes[0].name == "iam_id", let subjectIAMID = subjectAttributes[0].value, !subjectIAMID.isEmpty
        else {
            throw EmulatorError.policy(.badRequest, "invalid_body", "subjects must hold exactly one subject with one iam_id attribute.")
        }
        guard let resources = body.resources, resources.count == 1, let attributes = resources[0].attributes, !attributes.isEmpty else {
            throw EmulatorError.policy(.badRequest, "invalid_body", "resources must hold exactly one resource with attributes.")
        }
        var resource: [String: String] = [:]
        for attribute in attributes {
            guard let name = attribute.name, let value = attribute.value, (1...1000).contains(value.count) else {
                throw EmulatorError.policy(.badRequest, "invalid_body", "Every resource attribute needs a name and a value of 1 to 1000 characters.")
            }
            if let op = attribute.operator, op != "stringEquals", op != "stringMatch" {
                throw EmulatorError.policy(.badRequest, "invalid_body", "Unsupported operator '\(op)'.")
            }
            resource[name] = value
        }
        guard let accountID = resource["accountId"] else {
            throw EmulatorError.policy(.badRequest, "invalid_body", "The resource must contain an accountId attribute.")
        }
        guard ["serviceName", "serviceType", "resourceGroupId", "service_group_id"].contains(where: { resource[$0] != nil }) else {
            throw EmulatorError.policy(
                .badRequest, "invalid_body", "The resource must contain one of serviceName, serviceType, resourceGroupId or service_group_id.")
        }
        let roleIDs = (body.roles ?? []).compactMap(\.role_id)
        guard !roleIDs.isEmpty, roleIDs.count == body.roles?.count else {
            throw EmulatorError.policy(.badRequest, "invalid_body", "roles must hold at least one role_id.")
        }
        for roleID in roleIDs where RoleCatalog.role(crn: roleID, serviceName: resource["serviceName"]) == nil {
            throw EmulatorError.policy(.badRequest, "role_not_found", "Role '\(roleID)' does not exist for this resource.")
        }
        try requireScope(claims, accountID: accountID)

        let now = core.clock.now
        let policy: EmulatorWorld.Policy = try core.state.withLock { state in
            guard state.isAdministrator(claims.iamID, accountID: accountID, serviceName: resource["serviceName"]) else {
                throw EmulatorError.policy(
                    .forbidden, "insufficent_permissions", "You need the Administrator role on the target to assign access.")
            }
            guard state.principal(iamID: subjectIAMID) != nil, state.isMember(subjectIAMID, of: accountID) else {
                throw EmulatorError.policy(.badRequest, "invalid_body", "Subject iam_id '\(subjectIAMID)' does not exist in account \(accountID).")
            }
            if let existing = state.world.policies.first(where: {
                $0.accountID == accountID && $0.subjectIAMID == subjectIAMID && $0.resource == resource
                    && Set($0.roleCRNs) == Set(roleIDs)
            }) {
                let conflict: JSONValue = [
                    "conflicts_with": [
                        "etag": .string(IdentitySupport.entityTag(id: existing.id, version: existing.version)),
                        "role": .null,
                        "policy": policyJSON(existing),
                    ]
                ]
                throw EmulatorError.policy(
                    .conflict, "policy_conflict_error", "Failed to create policy: a policy with the same subject, roles and resource already exists.",
                    details: conflict)
            }
            let policy = EmulatorWorld.Policy(
                id: IdentitySupport.newUUID(), accountID: accountID, subjectIAMID: subjectIAMID, roleCRNs: roleIDs,
                resource: resource, description: body.description, createdBy: claims.iamID, createdAt: now)
            state.world.policies.append(policy)
            return policy
        }
        return .json(policyJSON(policy), status: .created, headers: etagHeader(policy))
    }

    private func list(_ request: Request) async throws -> Response {
        let claims = try await authenticate(request)
        let query = request.query
        var filters: [String: String] = [:]
        var offset = 0
        if let start = query["start"] {
            guard let token = PageToken.decode(start) else {
                throw EmulatorError.policy(.badRequest, "invalid_body", "start is not a valid page token.")
            }
            offset = token.offset
            filters = token.filters
        } else {
            guard let accountID = query["account_id"], !accountID.isEmpty else {
                throw EmulatorError.policy(.badRequest, "missing_required_query_parameter", "account_id is required.")
            }
            filters["account_id"] = accountID
            if let iamID = query["iam_id"] { filters["iam_id"] = iamID }
            if let type = query["type"] { filters["type"] = type }
        }
        var limit = 50
        if let text = query["limit"] {
            guard let value = Int(text), (1...100).contains(value) else {
                throw EmulatorError.policy(.badRequest, "invalid_body", "limit must be an integer from 1 to 100.")
            }
            limit = value
        }
        let accountID = filters["account_id"] ?? ""
        try requireScope(claims, accountID: accountID)
        let matching = core.state.withLock { state in
            state.world.policies.filter {
                policy in policy.accountID == accountID && (filters["iam_id"].map { policy.subjectIAMID == $0 } ?? true)
                    && (filters["type"].map { $0 == "access" } ?? true)
            }
        }
        let page = matching.dropFirst(offset).prefix(limit)
        let base = core.baseURL + "/v1/policies"
        let nextOffset = offset + page.count
        var next: JSONValue?
        if nextOffset < matching.count {
            let start = PageToken.encode(offset: nextOffset, filters: filters)
            next = ["href": .string(buildURL(base, [("start", start), ("limit", String(limit))])), "start": .string(start)]
        }
        return .json(
            .compact([
                ("limit", .int(limit)),
                ("first", ["href": .string(buildURL(base, [("account_id", accountID), ("iam_id", filters["iam_id"]), ("limit", String(limit))]))]),
                ("next", next),
                ("policies", .array(page.map(policyJSON))),
            ]))
    }

    private func find(_ id: String, claims: AccessClaims) throws -> EmulatorWorld.Policy {
        guard let policy = core.state.withLock({ $0.world.policies.first { $0.id == id } }) else {
            throw EmulatorError.policy(.notFound, "policy_not_found", "Policy \(id) was not found.")
        }
        try requireScope(claims, accountID: policy.accountID)
        return policy
    }

    private func get(_ request: Request, id: String) async throws -> Response {
        let claims = try await authenticate(request)
        let policy = try find(id, claims: claims)
        return .json(policyJSON(policy), headers: etagHeader(policy))
    }

    private func delete(_ request: Request, id: String) async throws -> Response {
        let claims = try await authenticate(request)
        let policy = try find(id, claims: claims)
        try core.state.withLock { state in
            guard state.isAdministrator(claims.iamID, accountID: policy.accountID, serviceName: policy.resource["serviceName"]) else {
                throw EmulatorError.policy(.forbidden, "insufficent_permissions", "You need the Administrator role on the target to remove access.")
            }
            state.world.policies.removeAll { $0.id == id }
        }
        return Response(status: .noContent)
    }

    private func etagHeader(_ policy: EmulatorWorld.Policy) -> HTTPFields {
        var headers = HTTPFields()
        headers[.eTag] = IdentitySupport.entityTag(id: policy.id, version: policy.version)
        return headers
    }

    /// One policy, v1 shape (reference §10.3).
    func policyJSON(_ policy: EmulatorWorld.Policy) -> JSONValue {
        let order = ["accountId", "serviceType", "serviceName", "resourceGroupId", "serviceInstance", "region", "resourceType", "resource", "keyRing"]
        let names = policy.resource.keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        let date = WireDate.milliseconds(policy.createdAt)
        return .compact([
            ("id", .string(policy.id)),
            ("type", "access"),
            ("description", policy.description.map(JSONValue.string)),
            ("subjects", [["attributes": [["name": "iam_id", "value": .string(policy.subjectIAMID)]]]]),
            ("roles", .array(policy.roleCRNs.map { crn in
                let role = RoleCatalog.anyRole(crn: crn)
                return .compact([
                    ("role_id", .string(crn)),
                    ("display_name", role.map { .string($0.displayName) }),
                    ("description", role.map { .string($0.description) }),
                ])
            })),
            ("resources", [["attributes": .array(names.map { ["name": .string($0), "value": .string(policy.resource[$0]!), "operator": "stringEquals"] })]]),
            ("href", .string(core.baseURL + "/v1/policies/" + policy.id)),
            ("created_at", .string(date)),
            ("created_by_id", .string(policy.createdBy)),
            ("last_modified_at", .string(date)),
            ("last_modified_by_id", .string(policy.createdBy)),
            ("state", "active"),
        ])
    }
}
