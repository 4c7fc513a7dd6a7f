import Foundation
import HTTPTypes
import Hummingbird

/// Resource Controller: `GET /v2/resource_instances` and `GET /v2/resource_instances/{id}` (reference §8).
///
/// Lists the instances of the token's account. Filters: `guid`, `name`, `resource_group_id`,
/// `resource_id`, `resource_plan_id`, `type`, `sub_type`, `state` (default: active and provisioning).
/// `limit` defaults to and is capped at 100. `start` is an opaque page token that carries the original
/// filters (other parameters are then ignored); `next_url` is relative and keeps `limit`.
/// Every answer carries a `Transaction-Id` header; errors use `{"error_code","message","status_code","transaction_id"}`.
struct ResourceInstanceRoutes {
    let core: EmulatorCore
    private static let filterNames = ["guid", "name", "resource_group_id", "resource_id", "resource_plan_id", "type", "sub_type", "state"]

    func register(on router: Router<EmulatorRequestContext>) {
        router.get("/v2/resource_instances") { request, _ in try await list(request) }
        router.get("/v2/resource_instances/:id") { request, context in
            try await single(request, id: context.parameters.get("id") ?? "")
        }
    }

    // MARK: Shared by Resource Controller and Resource Manager

    static func authenticate(_ request: Request, core: EmulatorCore) async throws -> AccessClaims {
        try await core.authenticate(request.bearerToken) { reason in
            .resourceController(
                .unauthorized, "RC-InvalidToken",
                reason == .expired ? "The IAM token has expired. Log in again." : "The IAM token is missing or invalid.")
        }
    }

    /// 403 unless the token is scoped to `accountID`.
    static func requireScope(_ claims: AccessClaims, accountID: String) throws {
        guard claims.account.bss == accountID else {
            throw EmulatorError.resourceController(
                .forbidden, "RC-Forbidden", "You are not authorized to access '\(accountID)': the token is scoped to account \(claims.account.bss).")
        }
    }

    static func transactionHeaders() -> HTTPFields {
        var headers = HTTPFields()
        headers[.transactionID] = EmulatorError.newTraceID()
        return headers
    }

    // MARK: Routes

    private func list(_ request: Request) async throws -> Response {
        let claims = try await Self.authenticate(request, core: core)
        let query = request.query
        var limit = 100
        if let text = query["limit"] {
            guard let value = Int(text), value >= 1 else {
                throw EmulatorError.resourceController(.badRequest, "RC-InvalidParameter", "limit must be a positive integer.")
            }
            limit = min(value, 100)
        }
        var offset = 0
        var filters: [String: String] = [:]
        if let start = query["start"] {
            guard let token = PageToken.decode(start) else {
                throw EmulatorError.resourceController(.badRequest, "RC-InvalidParameter", "start is not a valid page token.")
            }
            offset = token.offset
            filters = token.filters
        } else {
            for name in Self.filterNames { if let value = query[name] { filters[name] = value } }
        }
        let accountID = claims.account.bss
        let states = Set((filters["state"] ?? "active,provisioning").split(separator: ",").map(String.init))
        let matching = core.state.withLock { state in
            state.world.instances.filter { instance in
                instance.accountID == accountID && states.contains(instance.state)
                    && Self.matches(filters["guid"], instance.guid) && Self.matches(filters["name"], instance.name)
                    && Self.matches(filters["resource_group_id"], instance.resourceGroupID)
                    && Self.matches(filters["resource_id"], instance.resourceID)
                    && Self.matches(filters["resource_plan_id"], instance.resourcePlanID)
                    && Self.matches(filters["type"], "service_instance")
                    && Self.matches(filters["sub_type"], instance.subType ?? "")
            }
        }
        let page = matching.dropFirst(offset).prefix(limit)
        let nextOffset = offset + page.count
        let nextURL: JSONValue =
            nextOffset < matching.count
            ? .string(buildURL("/v2/resource_instances", [("limit", String(limit)), ("start", PageToken.encode(offset: nextOffset, filters: filters))]))
            : .null
        return .json(
            ["rows_count": .int(page.count), "next_url": nextURL, "resources": .array(page.map(Self.resource))],
            headers: Self.transactionHeaders())
    }

    private func single(_ request: Request, id: String) async throws -> Response {
        let claims = try await Self.authenticate(request, core: core)
        let instance = core.state.withLock { state in
            state.world.instances.first { $0.guid == id || $0.crn == id }
        }
        guard let instance else {
            throw EmulatorError.resourceController(.notFound, "RC-NotFound", "Instance \(id) was not found.")
        }
        try Self.requireScope(claims, accountID: instance.accountID)
        return .json(Self.resource(instance), headers: Self.transactionHeaders())
    }

    private static func matches(_ filter: String?, _ value: String) -> Bool { filter.map { $0 == value } ?? true }

    /// One instance (reference §8.2 fields).
    static func resource(_ instance: EmulatorWorld.ServiceInstance) -> JSONValue {
        let crn = instance.crn
        let date = WireDate.milliseconds(instance.createdAt)
        let escaped = queryEscape(crn)
        let groupCRN = "crn:v1:bluemix:public:resource-controller::a/\(instance.accountID)::resource-group:\(instance.resourceGroupID)"
        return [
            "id": .string(crn),
            "guid": .string(instance.guid),
            "url": .string("/v2/resource_instances/\(escaped)"),
            "created_at": .string(date),
            "updated_at": .string(date),
            "deleted_at": .null,
            "created_by": .string("IBMid-6650000SBX"),
            "updated_by": .string(""),
            "deleted_by": .string(""),
            "scheduled_reclamation_at": .null,
            "restored_at": .null,
            "restored_by": .string(""),
            "scheduled_reclamation_by": .string(""),
            "name": .string(instance.name),
            "region_id": .string(instance.regionID),
            "account_id": .string(instance.accountID),
            "reseller_channel_id": .string(""),
            "resource_plan_id": .string(instance.resourcePlanID),
            "resource_group_id": .string(instance.resourceGroupID),
            "resource_group_crn": .string(groupCRN),
            "target_crn": .string("crn:v1:bluemix:public:globalcatalog::::deployment:\(instance.resourcePlanID):\(instance.regionID)"),
            "allow_cleanup": false,
            "crn": .string(crn),
            "state": .string(instance.state),
            "type": "service_instance",
            "sub_type": .optional(instance.subType),
            "resource_id": .string(instance.resourceID),
            "dashboard_url": .string("https://cloud.ibm.com/services/\(instance.serviceName)/\(escaped)"),
            "last_operation": [
                "type": "create", "state": "succeeded", "async": false, "description": "Completed create instance operation",
                "cancelable": false, "poll": false,
            ],
            "resource_aliases_url": .string("/v2/resource_instances/\(instance.guid)/resource_aliases"),
            "resource_bindings_url": .string("/v2/resource_instances/\(instance.guid)/resource_bindings"),
            "resource_keys_url": .string("/v2/resource_instances/\(instance.guid)/resource_keys"),
            "plan_history": [["resource_plan_id": .string(instance.resourcePlanID), "start_date": .string(date)]],
            "migrated": false,
            "extensions": [:],
            "controlled_by": .string(""),
            "locked": false,
            "onetime_credentials": false,
        ]
    }
}
