import Foundation
import Hummingbird

/// Resource Manager: `GET /v2/resource_groups?account_id=&name=&default=` (reference §7).
/// The token must be scoped to `account_id` (403 otherwise); without `account_id` the token's account
/// is used. Answers `{"resources":[group…]}` (no paging), Resource Controller error envelope.
struct ResourceGroupRoutes {
    let core: EmulatorCore

    func register(on router: Router<EmulatorRequestContext>) {
        router.get("/v2/resource_groups") { request, _ in try await list(request) }
        router.get("/v2/resource_groups/:id") { request, context in
            try await single(request, id: context.parameters.get("id") ?? "")
        }
    }

    private func list(_ request: Request) async throws -> Response {
        let claims = try await ResourceInstanceRoutes.authenticate(request, core: core)
        let query = request.query
        let accountID = query["account_id"] ?? claims.account.bss
        try ResourceInstanceRoutes.requireScope(claims, accountID: accountID)
        let groups = core.state.withLock { state in
            state.world.resourceGroups.filter { group in
                group.accountID == accountID && (query["name"].map { $0 == group.name } ?? true)
                    && (query["default"].map { ($0 == "true") == group.isDefault } ?? true)
            }
        }
        return .json(["resources": .array(groups.map(Self.resource))], headers: ResourceInstanceRoutes.transactionHeaders())
    }

    private func single(_ request: Request, id: String) async throws -> Response {
        let claims = try await ResourceInstanceRoutes.authenticate(request, core: core)
        guard let group = core.state.withLock({ $0.resourceGroup(id: id) }) else {
            throw EmulatorError.resourceController(.notFound, "RG-NotFound", "Resource group \(id) was not found.")
        }
        try ResourceInstanceRoutes.requireScope(claims, accountID: group.accountID)
        return .json(Self.resource(group), headers: ResourceInstanceRoutes.transactionHeaders())
    }

    /// One resource group (reference §7 fields).
    static func resource(_ group: EmulatorWorld.ResourceGroup) -> JSONValue {
        let date = WireDate.milliseconds(group.createdAt)
        let quotaID = "a3d7b8d01e261c24677937c29ab33f3c"
        return [
            "id": .string(group.id),
            "crn": .string("crn:v1:bluemix:public:resource-controller::a/\(group.accountID)::resource-group:\(group.id)"),
            "account_id": .string(group.accountID),
            "name": .string(group.name),
            "state": "ACTIVE",
            "default": .bool(group.isDefault),
            "quota_id": .string(quotaID),
            "quota_url": .string("/v2/quota_definitions/\(quotaID)"),
            "payment_methods_url": .string("/v2/resource_groups/\(group.id)/payment_methods"),
            "resource_linkages": [],
            "teams_url": .string("/v2/resource_groups/\(group.id)/teams"),
            "created_at": .string(date),
            "updated_at": .string(date),
        ]
    }
}
