import Foundation
import Hummingbird

/// Account listing (COE accounts API, reference §6 option A):
/// - `GET /coe/v2/accounts[?limit=N&start=TOKEN]`: the caller's accounts (any valid token of the user,
///   whatever account it is scoped to), `{"next_url","total_results","resources":[{metadata,entity}]}`.
///   Default page size 100; `next_url` is a relative path (or `null` on the last page).
/// - `GET /coe/v2/accounts/{guid}`: one account (`{metadata, entity}`), 403 if not a member.
/// Errors use the Resource Controller envelope (a choice, see docs/emulator.md).
struct AccountRoutes {
    let core: EmulatorCore

    func register(on router: Router<EmulatorRequestContext>) {
        router.get("/coe/v2/accounts") { request, _ in try await list(request) }
        router.get("/coe/v2/accounts/:guid") { request, context in
            try await single(request, guid: context.parameters.get("guid") ?? "")
        }
    }

    private func authenticate(_ request: Request) async throws -> AccessClaims {
        try await core.authenticate(request.bearerToken) { _ in
            .resourceController(.unauthorized, "not_authorized", "The provided token is invalid or expired.")
        }
    }

    private func list(_ request: Request) async throws -> Response {
        let claims = try await authenticate(request)
        let query = request.query
        var limit = 100
        if let text = query["limit"] {
            guard let value = Int(text), value >= 1 else {
                throw EmulatorError.resourceController(.badRequest, "invalid_parameter", "limit must be a positive integer.")
            }
            limit = min(value, 100)
        }
        var offset = 0
        if let start = query["start"] {
            guard let token = PageToken.decode(start) else {
                throw EmulatorError.resourceController(.badRequest, "invalid_parameter", "start is not a valid page token.")
            }
            offset = token.offset
        }
        let (total, page, members, nextOffset) = core.state.withLock { state in
            let ids: [String]
            switch state.principal(iamID: claims.iamID) {
            case .user(let user): ids = user.accountIDs
            case .serviceID(let serviceID): ids = [serviceID.accountID]
            case nil: ids = []
            }
            let page = ids.dropFirst(offset).prefix(limit).compactMap { state.account(id: $0) }
            var members: [String: [EmulatorWorld.User]] = [:]
            for account in page { members[account.id] = state.world.users.filter { $0.accountIDs.contains(account.id) } }
            return (ids.count, page, members, min(ids.count, offset + limit))
        }
        let nextURL: JSONValue =
            nextOffset < total
            ? .string(buildURL("/coe/v2/accounts", [("limit", String(limit)), ("start", PageToken.encode(offset: nextOffset, filters: [:]))]))
            : .null
        return .json([
            "next_url": nextURL,
            "total_results": .int(total),
            "resources": .array(page.map { Self.resource($0, members: members[$0.id] ?? []) }),
        ])
    }

    private func single(_ request: Request, guid: String) async throws -> Response {
        let claims = try await authenticate(request)
        let found = try core.state.withLock { state -> (EmulatorWorld.Account, [EmulatorWorld.User]) in
            guard let account = state.account(id: guid) else {
                throw EmulatorError.resourceController(.notFound, "not_found", "Account \(guid) was not found.")
            }
            guard state.isMember(claims.iamID, of: guid) else {
                throw EmulatorError.resourceController(.forbidden, "forbidden", "You are not a member of account \(guid).")
            }
            return (account, state.world.users.filter { $0.accountIDs.contains(guid) })
        }
        return .json(Self.resource(found.0, members: found.1))
    }

    /// One account as `{metadata, entity}`.
    static func resource(_ account: EmulatorWorld.Account, members: [EmulatorWorld.User]) -> JSONValue {
        let owner = members.first { $0.iamID == account.ownerIAMID }
        let created = WireDate.milliseconds(account.createdAt)
        return [
            "metadata": [
                "guid": .string(account.id),
                "url": .string("/coe/v2/accounts/\(account.id)"),
                "created_at": .string(created),
                "updated_at": .string(created),
            ],
            "entity": [
                "name": .string(account.name),
                "type": .string(account.type),
                "state": .string(account.state),
                "owner": .string(account.ownerIAMID),
                "owner_userid": .optional(owner?.email),
                "owner_unique_id": .string(account.ownerIAMID),
                "customer_id": .string(String(account.id.suffix(8))),
                "country_code": "USA",
                "currency_code": "USD",
                "organizations_region": [],
                "members": .array(
                    members.map { ["guid": .string($0.iamID), "user_id": .string($0.email), "unique_id": .string($0.iamID)] }),
            ],
        ]
    }
}
