import Foundation
import Hummingbird

/// What the IAM Identity routes (service IDs, API keys) share: authentication, account scoping,
/// entity tags, paging and the wire form of their objects (reference §9, §11).
enum IdentitySupport {
    static func authenticate(_ request: Request, core: EmulatorCore) async throws -> AccessClaims {
        try await core.authenticate(request.bearerToken) { reason in
            .identity(
                .unauthorized, "invalid_access_token",
                reason == .expired ? "The provided access token is expired." : "The provided access token provided is invalid.")
        }
    }

    /// 403 unless the token is scoped to `accountID`.
    static func requireScope(_ claims: AccessClaims, accountID: String) throws {
        guard claims.account.bss == accountID else {
            throw EmulatorError.identity(
                .forbidden, "forbidden",
                "You are not authorized to access account \(accountID): the token is scoped to account \(claims.account.bss).")
        }
    }

    /// `"<version>-<32 hex>"`, stable for an ID and version.
    static func entityTag(id: String, version: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var hash2: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in "\(id)#\(version)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            hash2 = (hash2 ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 7
        }
        return "\(version)-" + String(format: "%016llx%016llx", hash, hash2)
    }

    /// Page size from `pagesize` (1–100, default 20).
    static func pageSize(_ query: [String: String]) throws -> Int {
        guard let text = query["pagesize"] else { return 20 }
        guard let value = Int(text), (1...100).contains(value) else {
            throw EmulatorError.identity(.badRequest, "invalid_parameter", "pagesize must be an integer from 1 to 100.")
        }
        return value
    }

    static func newUUID() -> String { UUID().uuidString.lowercased() }

    // MARK: Wire forms

    static func serviceID(_ serviceID: EmulatorWorld.ServiceID, apiKey: JSONValue? = nil) -> JSONValue {
        .compact([
            ("id", .string(serviceID.id)),
            ("iam_id", .string(serviceID.iamID)),
            ("entity_tag", .string(entityTag(id: serviceID.id, version: serviceID.version))),
            ("crn", .string("crn:v1:bluemix:public:iam-identity::a/\(serviceID.accountID)::serviceid:\(serviceID.id)")),
            ("locked", .bool(serviceID.locked)),
            ("created_at", .string(WireDate.identity(serviceID.createdAt))),
            ("modified_at", .string(WireDate.identity(serviceID.modifiedAt))),
            ("account_id", .string(serviceID.accountID)),
            ("name", .string(serviceID.name)),
            ("description", serviceID.description.map(JSONValue.string)),
            ("unique_instance_crns", .array(serviceID.uniqueInstanceCRNs.map(JSONValue.string))),
            ("apikey", apiKey),
        ])
    }

    /// An API key; `apikey` holds the secret only when `revealValue` (on create) or for `store_value` keys, else `""`.
    static func apiKey(_ key: EmulatorWorld.APIKey, revealValue: Bool) -> JSONValue {
        .compact([
            ("id", .string(key.id)),
            ("entity_tag", .string(entityTag(id: key.id, version: key.version))),
            ("crn", .string("crn:v1:bluemix:public:iam-identity::a/\(key.accountID)::apikey:\(key.id)")),
            ("locked", .bool(key.locked)),
            ("disabled", .bool(key.disabled)),
            ("created_at", .string(WireDate.identity(key.createdAt))),
            ("created_by", .string(key.createdBy)),
            ("modified_at", .string(WireDate.identity(key.modifiedAt))),
            ("name", .string(key.name)),
            ("support_sessions", false),
            ("action_when_leaked", .string(key.actionWhenLeaked)),
            ("description", key.description.map(JSONValue.string)),
            ("iam_id", .string(key.iamID)),
            ("account_id", .string(key.accountID)),
            // IBM's SDK models require the property; it is empty unless the value may be shown.
            ("apikey", .string(revealValue || key.storeValue ? key.value : "")),
        ])
    }

    /// Decodes a JSON request body, answering 400 in the Identity envelope if it does not parse.
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        let data = try await request.bodyData()
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch {
            throw EmulatorError.identity(.badRequest, "invalid_body", "The request body is not valid: \(error)")
        }
    }
}
