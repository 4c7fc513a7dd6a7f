import Foundation

/// Key Protect API v2: list keys. Source: API reference §12.
public struct KeyProtectClient: Sendable {
    let http: CloudHTTP
    let endpoints: Endpoints

    public init(transport: any HTTPTransport, endpoints: Endpoints, options: CloudClientOptions = CloudClientOptions()) {
        self.http = CloudHTTP(transport: transport, options: options); self.endpoints = endpoints
    }

    /// `GET <key protect base for region>/api/v2/keys` with `authorization: Bearer …`,
    /// `bluemix-instance: <instanceGUID>`, `accept: application/json` and a fresh `correlation-id`
    /// (UUID). Reads `metadata.collectionTotal` and `resources[]` (`id` required, `name`, `state`,
    /// `extractable`); an empty instance has no `resources` field. Throws ``CloudError`` (401
    /// `UNAUTHORIZED_ERR` when the token's identity has no role on the instance).
    public func listKeys(region: String, instanceGUID: String, token: IAMToken) async throws -> KeyList {
        let base = try endpoints.keyProtectBaseURL(region: region)
        guard !instanceGUID.isEmpty, instanceGUID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw CloudError.invalidRequest(.badInstanceGUID(instanceGUID.sanitizedForDisplay))
        }
        let request = http.request(
            "GET", base.appendingAPIPath("/api/v2/keys"),
            headers: [
                "authorization": token.authorizationValue.exposedValue,
                "bluemix-instance": instanceGUID,
                "accept": "application/json",
                "correlation-id": UUID().uuidString.lowercased(),
            ]
        )
        let json = try await http.sendJSON(request, service: .keyProtect, idempotent: true)
        let keys = try (json.objects("resources") ?? []).map { key in
            KeyProtectKey(
                id: try key.requireString("id"),
                name: key.string("name") ?? "",
                state: key.int("state") ?? 0,
                extractable: key.bool("extractable") ?? false
            )
        }
        return KeyList(collectionTotal: json.object("metadata")?.int("collectionTotal") ?? keys.count, keys: keys)
    }
}
