import Foundation
import Hummingbird

/// IAM Identity API keys (reference §11):
/// - `POST /v1/apikeys` → 201; the secret `apikey` is in the answer only here (or later with `store_value`)
/// - `GET /v1/apikeys/{id}` (no secret), `GET /v1/apikeys/details` (header `IAM-ApiKey`)
/// - `GET /v1/apikeys?account_id=&iam_id=&pagesize=&pagetoken=` → `{offset,limit,first,next?,apikeys}`
/// - `DELETE /v1/apikeys/{id}` → 204
/// A service-ID key then works with the apikey grant and yields a service-ID token.
struct APIKeyRoutes {
    let core: EmulatorCore

    /// Body of `POST /v1/apikeys`.
    private struct CreateBody: Decodable {
        var name: String?
        var iam_id: String?
        var description: String?
        var account_id: String?
        var apikey: String?
        var store_value: Bool?
        var action_when_leaked: String?
        var support_sessions: Bool?
    }

    func register(on router: Router<EmulatorRequestContext>) {
        // Hummingbird ignores a trailing slash, so "/v1/apikeys/" reaches these too.
        router.get("/v1/apikeys") { request, _ in try await list(request) }
        router.post("/v1/apikeys") { request, _ in try await create(request) }
        router.get("/v1/apikeys/details") { request, _ in try await details(request) }
        router.get("/v1/apikeys/:id") { request, context in try await get(request, id: context.parameters.get("id") ?? "") }
        router.delete("/v1/apikeys/:id") { request, context in try await delete(request, id: context.parameters.get("id") ?? "") }
    }

    /// A fresh 44-character URL-safe API key value.
    static func newValue() -> String { IAMTokenRoutes.randomToken(bytes: 33) }

    private func create(_ request: Request) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        let body = try await IdentitySupport.decode(CreateBody.self, from: request)
        guard let name = body.name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw EmulatorError.identity(.badRequest, "invalid_body", "name is required.")
        }
        guard let iamID = body.iam_id, !iamID.isEmpty else {
            throw EmulatorError.identity(.badRequest, "invalid_body", "iam_id is required.")
        }
        if let value = body.apikey, value.count < 32 {
            throw EmulatorError.identity(.badRequest, "invalid_body", "apikey must be at least 32 characters long.")
        }
        if let action = body.action_when_leaked, !["none", "disable", "delete"].contains(action) {
            throw EmulatorError.identity(.badRequest, "invalid_body", "action_when_leaked must be none, disable or delete.")
        }
        let accountID = body.account_id ?? claims.account.bss
        try IdentitySupport.requireScope(claims, accountID: accountID)
        let now = core.clock.now
        let key: EmulatorWorld.APIKey = try core.state.withLock { state in
            switch state.principal(iamID: iamID) {
            case .serviceID(let serviceID):
                guard serviceID.accountID == accountID else {
                    throw EmulatorError.identity(.forbidden, "forbidden", "Service ID \(serviceID.id) is not in account \(accountID).")
                }
            case .user(let user):
                guard user.iamID == claims.iamID else {
                    throw EmulatorError.identity(.forbidden, "forbidden", "You can only create API keys for yourself.")
                }
                if body.store_value == true {
                    throw EmulatorError.identity(.badRequest, "invalid_body", "store_value is allowed only for service ID API keys.")
                }
            case nil:
                throw EmulatorError.identity(.badRequest, "invalid_body", "iam_id \(iamID) does not exist.")
            }
            let value = body.apikey ?? Self.newValue()
            guard !state.world.apiKeys.contains(where: { $0.value == value }) else {
                throw EmulatorError.identity(.conflict, "apikey_conflict", "An API key with this value already exists.")
            }
            let key = EmulatorWorld.APIKey(
                id: "ApiKey-" + IdentitySupport.newUUID(), value: value, iamID: iamID, accountID: accountID, name: name,
                description: body.description, createdBy: claims.iamID, storeValue: body.store_value ?? false,
                locked: request.header("Entity-Lock") == "true", disabled: request.header("Entity-Disable") == "true",
                actionWhenLeaked: body.action_when_leaked ?? "disable", createdAt: now)
            state.world.apiKeys.append(key)
            return key
        }
        var headers = HTTPFields()
        headers[.eTag] = IdentitySupport.entityTag(id: key.id, version: key.version)
        return .json(IdentitySupport.apiKey(key, revealValue: true), status: .created, headers: headers)
    }

    private func get(_ request: Request, id: String) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        guard let key = core.state.withLock({ $0.world.apiKeys.first { $0.id == id } }) else {
            throw EmulatorError.identity(.notFound, "not_found", "API key \(id) not found.")
        }
        try IdentitySupport.requireScope(claims, accountID: key.accountID)
        var headers = HTTPFields()
        headers[.eTag] = IdentitySupport.entityTag(id: key.id, version: key.version)
        return .json(IdentitySupport.apiKey(key, revealValue: false), headers: headers)
    }

    private func details(_ request: Request) async throws -> Response {
        _ = try await IdentitySupport.authenticate(request, core: core)
        guard let value = request.header("IAM-ApiKey"), !value.isEmpty else {
            throw EmulatorError.identity(.badRequest, "missing_header", "The IAM-ApiKey header is required.")
        }
        guard let key = core.state.withLock({ $0.world.apiKeys.first { $0.value == value } }) else {
            throw EmulatorError.identity(.notFound, "not_found", "API key not found.")
        }
        return .json(IdentitySupport.apiKey(key, revealValue: false))
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
            filters["account_id"] = query["account_id"] ?? claims.account.bss
            if let iamID = query["iam_id"] { filters["iam_id"] = iamID }
        }
        let accountID = filters["account_id"] ?? ""
        try IdentitySupport.requireScope(claims, accountID: accountID)
        let matching = core.state.withLock { state in
            state.world.apiKeys.filter { key in key.accountID == accountID && (filters["iam_id"].map { key.iamID == $0 } ?? true) }
                .sorted { $0.createdAt < $1.createdAt }
        }
        let page = Array(matching.dropFirst(offset).prefix(pageSize))
        let base = core.baseURL + "/v1/apikeys"
        let nextOffset = offset + page.count
        let next: JSONValue? =
            nextOffset < matching.count
            ? .string(buildURL(base, [("pagetoken", PageToken.encode(offset: nextOffset, filters: filters)), ("pagesize", String(pageSize))]))
            : nil
        return .json(
            .compact([
                ("offset", .int(offset)),
                ("limit", .int(pageSize)),
                ("first", .string(buildURL(base, [("account_id", accountID), ("iam_id", filters["iam_id"]), ("pagesize", String(pageSize))]))),
                ("next", next),
                ("apikeys", .array(page.map { IdentitySupport.apiKey($0, revealValue: false) })),
            ]))
    }

    private func delete(_ request: Request, id: String) async throws -> Response {
        let claims = try await IdentitySupport.authenticate(request, core: core)
        guard let key = core.state.withLock({ $0.world.apiKeys.first { $0.id == id } }) else {
            throw EmulatorError.identity(.notFound, "not_found", "API key \(id) not found.")
        }
        try IdentitySupport.requireScope(claims, accountID: key.accountID)
        guard !key.locked else { throw EmulatorError.identity(.badRequest, "entity_locked", "API key \(id) is locked.") }
        core.state.withLock { $0.world.apiKeys.removeAll { $0.id == id } }
        return Response(status: .noContent)
    }
}
