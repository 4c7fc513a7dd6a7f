import Foundation
import Hummingbird

/// IAM Identity service IDs (reference §9), with or without a trailing slash:
/// - `GET /v1/serviceids/?account_id=&name=&pagesize=&pagetoken=` → `{offset,limit,first,next?,serviceids}`
/// - `POST /v1/serviceids/` → 201 (names are not unique: a second create makes a second ID)
/// - `GET`, `PUT` (`If-Match` required; `*` allowed; 412 on mismatch), `DELETE` `/v1/serviceids/{id}`
struct ServiceIDRoutes {
    let core: EmulatorCore

    /// Body of `POST /v1/serviceids/`.
    private struct CreateBody: Decodable {
        struct NestedAPIKey: Decodable {
            var name: String?
            var description: String?
            var apikey: String?
            var store_value: Bool?
        }
        var account_id: String?
        var name: String?
        var description: String?
        var unique_instance_crns: [String]?
        var apikey: NestedAPIKey?
    }

    /// Body of `PUT /v1/serviceids/{id}`.
    private struct UpdateBody: Decodable {
        var name: String?
        var description: String?
        var unique_instance_crns: [String]?
    }

    func register(on router: Router<EmulatorRequestContext>) {
        // Hummingbird ignores a trailing slash, so "/v1/serviceids/" reaches these too.
        router.get("/v1/serviceids") { request, _ in try await list(request) }
        router.post("/v1/serviceids") { request, _ in try await create(request) }
        router.get("/v1/serviceids/:id") { request, context in try await get(request, id: context.parameters.get("id") ?? "") }
        router.put("/v1/serviceids/:id") { request, context in try await update(request, id: context.parameters.get("id") ?? "") }
        router.delete("/v1/serviceids/:id") { request, context in try await delete(request, id: context.parameters.get("id") ?? "") }
    }

    private func list(_ request: Request) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        let query = request.query
        let pageSize = try IdentitySupport.pageSize(query)
        var offset = 0
        var filters: [String: String] = [:]
        if let pageToken = query["pagetoken"] {
            guard let token = PageToken.decode(pageToken) else {
                throw EmulatorError.identity(.badRequest, "invalid_parameter", "pagetoken is not valid.")
            }
            offset = token.offset
            filters = token.filters
        } else {
            guard let accountID = query["account_id"], !accountID.isEmpty else {
                throw EmulatorError.identity(.badRequest, "missing_required_query_parameter", "account_id is required.")
            }
            filters["account_id"] = accountID
            if let name = query["name"] { filters["name"] = name }
            if let sort = query["sort"] { filters["sort"] = sort }
            if let order = query["order"] { filters["order"] = order }
        }
        let accountID = filters["account_id"] ?? ""
        try IdentitySupport.requireScope(claims, accountID: accountID)
        var matching = core.state.withLock { state in
            state.world.serviceIDs.filter { serviceID in serviceID.accountID == accountID && (filters["name"].map { serviceID.name == $0 } ?? true) }
        }
        switch filters["sort"] {
        case "name": matching.sort { $0.name < $1.name }
        case "description": matching.sort { ($0.description ?? "") < ($1.description ?? "") }
        case "modified_at": matching.sort { $0.modifiedAt < $1.modifiedAt }
        default: matching.sort { $0.createdAt < $1.createdAt }
        }
        if filters["order"] == "desc" { matching.reverse() }
        let page = Array(matching.dropFirst(offset).prefix(pageSize))
        let base = core.baseURL + "/v1/serviceids/"
        var firstQuery: [(String, String?)] = [("account_id", accountID), ("name", filters["name"])]
        firstQuery.append(("pagesize", String(pageSize)))
        let nextOffset = offset + page.count
        let next: JSONValue? =
            nextOffset < matching.count
            ? .string(buildURL(base, [("pagetoken", PageToken.encode(offset: nextOffset, filters: filters)), ("pagesize", String(pageSize))]))
            : nil
        return .json(
            .compact([
                ("offset", .int(offset)),
                ("limit", .int(pageSize)),
                ("first", .string(buildURL(base, firstQuery))),
                ("next", next),
                ("serviceids", .array(page.map { IdentitySupport.serviceID($0) })),
            ]))
    }

    private func create(_ request: Request) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        let body = try await IdentitySupport.decode(CreateBody.self, from: request)
        guard let accountID = body.account_id, !accountID.isEmpty else {
            throw EmulatorError.identity(.badRequest, "invalid_body", "account_id is required.")
        }
        guard let name = body.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw EmulatorError.identity(.badRequest, "invalid_body", "name is required.")
        }
        try IdentitySupport.requireScope(claims, accountID: accountID)
        let now = core.clock.now
        let serviceID = EmulatorWorld.ServiceID(
            id: "ServiceId-" + IdentitySupport.newUUID(), accountID: accountID, name: name, description: body.description,
            uniqueInstanceCRNs: body.unique_instance_crns ?? [], locked: request.header("Entity-Lock") == "true", createdAt: now)
        var nestedKey: EmulatorWorld.APIKey?
        if let apikey = body.apikey {
            guard let keyName = apikey.name, !keyName.isEmpty else {
                throw EmulatorError.identity(.badRequest, "invalid_body", "apikey.name is required.")
            }
            nestedKey = EmulatorWorld.APIKey(
                id: "ApiKey-" + IdentitySupport.newUUID(), value: apikey.apikey ?? APIKeyRoutes.newValue(),
                iamID: serviceID.iamID, accountID: accountID, name: keyName, description: apikey.description,
                createdBy: claims.iamID, storeValue: apikey.store_value ?? false, createdAt: now)
        }
        try core.state.withLock { state in
            if let nestedKey, state.world.apiKeys.contains(where: { $0.value == nestedKey.value }) {
                throw EmulatorError.identity(.conflict, "apikey_conflict", "An API key with this value already exists.")
            }
            state.world.serviceIDs.append(serviceID)
            if let nestedKey { state.world.apiKeys.append(nestedKey) }
        }
        let keyJSON = nestedKey.map { IdentitySupport.apiKey($0, revealValue: true) }
        var headers = HTTPFields()
        headers[.eTag] = IdentitySupport.entityTag(id: serviceID.id, version: serviceID.version)
        return .json(IdentitySupport.serviceID(serviceID, apiKey: keyJSON), status: .created, headers: headers)
    }

    /// The service ID `id` in the token's account, or 404/403.
    private func find(_ id: String, claims: AccessClaims) throws -> EmulatorWorld.ServiceID {
        guard let serviceID = core.state.withLock({ $0.serviceID(id: id) }) else {
            throw EmulatorError.identity(.notFound, "not_found", "Service ID \(id) not found.")
        }
        try IdentitySupport.requireScope(claims, accountID: serviceID.accountID)
        return serviceID
    }

    private func get(_ request: Request, id: String) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        let serviceID = try find(id, claims: claims)
        var headers = HTTPFields()
        headers[.eTag] = IdentitySupport.entityTag(id: serviceID.id, version: serviceID.version)
        return .json(IdentitySupport.serviceID(serviceID), headers: headers)
    }

    private func update(_ request: Request, id: String) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        guard let ifMatch = request.header("If-Match"), !ifMatch.isEmpty else {
            throw EmulatorError.identity(.badRequest, "missing_if_match", "The If-Match header is required.")
        }
        let body = try await IdentitySupport.decode(UpdateBody.self, from: request)
        _ = try find(id, claims: claims)
        let updated: EmulatorWorld.ServiceID = try core.state.withLock { state in
            guard let index = state.world.serviceIDs.firstIndex(where: { $0.id == id }) else {
                throw EmulatorError.identity(.notFound, "not_found", "Service ID \(id) not found.")
            }
            var serviceID = state.world.serviceIDs[index]
            let current = IdentitySupport.entityTag(id: serviceID.id, version: serviceID.version)
            guard ifMatch == "*" || ifMatch == current else {
                throw EmulatorError.identity(
                    .preconditionFailed, "entity_tag_mismatch", "If-Match '\(ifMatch)' does not match the current entity tag '\(current)'.")
            }
            guard !serviceID.locked else {
                throw EmulatorError.identity(.badRequest, "entity_locked", "Service ID \(id) is locked.")
            }
            if let name = body.name {
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw EmulatorError.identity(.badRequest, "invalid_body", "name must not be empty.")
                }
                serviceID.name = name
            }
            if let description = body.description { serviceID.description = description }
            if let crns = body.unique_instance_crns { serviceID.uniqueInstanceCRNs = crns }
            serviceID.version += 1
            serviceID.modifiedAt = core.clock.now
            state.world.serviceIDs[index] = serviceID
            return serviceID
        }
        var headers = HTTPFields()
        headers[.eTag] = IdentitySupport.entityTag(id: updated.id, version: updated.version)
        return .json(IdentitySupport.serviceID(updated), headers: headers)
    }

    private func delete(_ request: Request, id: String) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        let serviceID = try find(id, claims: claims)
        guard !serviceID.locked else {
            throw EmulatorError.identity(.badRequest, "entity_locked", "Service ID \(id) is locked.")
        }
        core.state.withLock { state in
            state.world.serviceIDs.removeAll { $0.id == id }
            state.world.apiKeys.removeAll { $0.iamID == serviceID.iamID }
            state.world.policies.removeAll { $0.subjectIAMID == serviceID.iamID }
            state.refreshTokens = state.refreshTokens.filter { $0.value.iamID != serviceID.iamID }
        }
        return Response(status: .noContent)
    }
}
