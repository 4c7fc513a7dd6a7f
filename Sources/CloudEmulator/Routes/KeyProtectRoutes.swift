import Foundation
import HTTPTypes
import Hummingbird

/// Key Protect, one emulated endpoint per region under `/kms/{region}` (reference §12):
/// `GET /kms/{region}/api/v2/keys` and `HEAD` (count in `Key-Total`).
///
/// Checks, in order: `Authorization: Bearer <jwt>` well-formed (else 400 `BEARER_SUB_EXTRACTION_ERR`);
/// `bluemix-instance` present and a GUID (else 400 `BAD_HEADER_ERR`); token signature and expiry;
/// instance exists, is Key Protect, lives in `{region}`, belongs to the token's account; the token's
/// `iam_id` holds a role granting `kms.secrets.list` on the instance, its resource group or the whole
/// account's `kms`. Every failure after the header checks is 401 `UNAUTHORIZED_ERR`.
/// Query: `limit` (default 200, max 5000), `offset`, `state` (e.g. `1,5`; default 0,1,2,3), `extractable`.
/// The `correlation-id` request header is echoed (or one is generated).
struct KeyProtectRoutes {
    let core: EmulatorCore
    static let keyType = "application/vnd.ibm.kms.key+json"

    func register(on router: Router<EmulatorRequestContext>) {
        router.get("/kms/:region/api/v2/keys") { request, context in
            try await withCorrelationID(request) { try await keys(request, region: context.parameters.get("region") ?? "", head: false) }
        }
        router.head("/kms/:region/api/v2/keys") { request, context in
            try await withCorrelationID(request) { try await keys(request, region: context.parameters.get("region") ?? "", head: true) }
        }
    }

    private func withCorrelationID(_ request: Request, _ body: () async throws -> Response) async throws -> Response {
        let correlationID = request.header("correlation-id") ?? UUID().uuidString.lowercased()
        do {
            var response = try await body()
            response.headers[.correlationID] = correlationID
            return response
        } catch var error as EmulatorError {
            error.headers[.correlationID] = correlationID
            throw error
        }
    }

    private func keys(_ request: Request, region: String, head: Bool) async throws -> Response {
        guard let bearer = request.bearerToken, bearer.split(separator: ".", omittingEmptySubsequences: false).count == 3 else {
            throw EmulatorError.keyProtect(
                .badRequest, errorMsg: "Bad Request: Token is invalid", code: "BEARER_SUB_EXTRACTION_ERR",
                message: "The 'Authorization' header must hold 'Bearer <IAM access token>'.")
        }
        guard let instanceID = request.header("bluemix-instance")?.trimmingCharacters(in: .whitespaces), !instanceID.isEmpty else {
            throw EmulatorError.keyProtect(
                .badRequest, errorMsg: "Bad Request: bluemix-instance header is missing", code: "BAD_HEADER_ERR",
                message: "The 'bluemix-instance' header must hold the instance GUID.")
        }
        guard UUID(uuidString: instanceID) != nil else {
            throw EmulatorError.keyProtect(
                .badRequest, errorMsg: "Bad Request: bluemix-instance header is not valid", code: "BAD_HEADER_ERR",
                message: "The 'bluemix-instance' header must hold the instance GUID, not '\(instanceID)'.")
        }
        let claims = try await core.authenticate(bearer) { reason in
            .keyProtectUnauthorized(reason == .expired ? "The IAM token has expired." : "The IAM token is not valid.")
        }
        // IBM's SDKs send unset parameters as empty values (`?state=`): treat those as absent.
        let query = request.query.filter { !$0.value.isEmpty }
        let limit = try Self.integer(query["limit"], name: "limit", default: 200, range: 1...5000)
        let offset = try Self.integer(query["offset"], name: "offset", default: 0, range: 0...Int.max)
        var states: Set<Int> = [0, 1, 2, 3]
        if let text = query["state"] {
            let parsed = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0.map { [0, 1, 2, 3, 5].contains($0) } ?? false }) else {
                throw Self.badQuery("state must be comma-separated key states (0,1,2,3,5) without spaces.")
            }
            states = Set(parsed.compactMap { $0 })
        }
        var extractable: Bool?
        if let text = query["extractable"] {
            guard text == "true" || text == "false" else { throw Self.badQuery("extractable must be true or false.") }
            extractable = text == "true"
        }

        let now = core.clock.now
        let delay = core.faults.policyPropagationDelay
        let keys: [EmulatorWorld.Key] = try core.state.withLock { state in
            guard let instance = state.instance(guid: instanceID.lowercased()) ?? state.instance(guid: instanceID),
                instance.serviceName == "kms"
            else {
                throw EmulatorError.keyProtectUnauthorized("Instance \(instanceID) does not exist.")
            }
            guard instance.regionID == region else {
                throw EmulatorError.keyProtectUnauthorized(
                    "Instance \(instanceID) is not in region \(region) (it is in \(instance.regionID)).")
            }
            guard instance.accountID == claims.account.bss else {
                throw EmulatorError.keyProtectUnauthorized("The token is scoped to another account than the instance's.")
            }
            guard state.isAllowed(claims.iamID, action: RoleCatalog.listKeysAction, on: instance, now: now, propagationDelay: delay) else {
                throw EmulatorError.keyProtectUnauthorized("\(claims.iamID) has no role granting \(RoleCatalog.listKeysAction) on this instance.")
            }
            return state.world.keys.filter {
                key in key.instanceGUID == instance.guid && states.contains(key.state) && (extractable.map { key.extractable == $0 } ?? true)
            }
            .sorted { $0.creationDate < $1.creationDate }
        }

        if head {
            var headers = HTTPFields()
            headers[.keyTotal] = String(keys.count)
            return Response(status: .ok, headers: headers)
        }
        let page = Array(keys.dropFirst(offset).prefix(limit))
        let metadata: JSONValue = ["collectionType": .string(Self.keyType), "collectionTotal": .int(page.count)]
        let body: JSONValue =
            page.isEmpty
            ? ["metadata": metadata]
            : ["metadata": metadata, "resources": .array(page.map { Self.key($0, region: region, accountID: claims.account.bss) })]
        return .json(body)
    }

    private static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let parsed = Int(text), range.contains(parsed) else {
            throw badQuery("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return parsed
    }

    private static func badQuery(_ message: String) -> EmulatorError {
        .keyProtect(.badRequest, errorMsg: "Bad Request: \(message)", code: "BAD_QUERY_PARAM_ERR", message: message)
    }

    /// One key (reference §12.2 fields; never key material).
    static func key(_ key: EmulatorWorld.Key, region: String, accountID: String) -> JSONValue {
        let date = WireDate.seconds(key.creationDate)
        return .compact([
            ("id", .string(key.id)),
            ("type", .string(keyType)),
            ("name", .string(key.name)),
            ("description", key.description.map(JSONValue.string)),
            ("state", .int(key.state)),
            ("crn", .string("crn:v1:bluemix:public:kms:\(region):a/\(accountID):\(key.instanceGUID):key:\(key.id)")),
            ("createdBy", .string(key.createdBy)),
            ("creationDate", .string(date)),
            ("lastUpdateDate", .string(date)),
            ("algorithmMetadata", ["bitLength": "256", "mode": "CBC_PAD"]),
            ("algorithmType", "AES"),
            ("algorithmMode", "CBC_PAD"),
            ("algorithmBitSize", 256),
            ("extractable", .bool(key.extractable)),
            ("imported", false),
            ("keyRingID", .string(key.keyRingID)),
            ("dualAuthDelete", ["enabled": false]),
            ("deleted", .bool(key.state == 5)),
            ("keyVersion", ["id": .string(key.id), "creationDate": .string(date)]),
        ])
    }
}
