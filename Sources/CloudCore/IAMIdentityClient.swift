import Foundation

/// IAM Identity API: service IDs and service-ID API keys. Source: API reference §9, §11.
public struct IAMIdentityClient: Sendable {
    let http: CloudHTTP
    let endpoints: Endpoints

    public init(transport: any HTTPTransport, endpoints: Endpoints, options: CloudClientOptions = CloudClientOptions()) {
        self.http = CloudHTTP(transport: transport, options: options); self.endpoints = endpoints
    }

    /// `GET /v1/serviceids/?account_id=<acct>&name=<name>&pagesize=100`, following `next` (its
    /// `pagetoken` is sent back with the original query; a `next` without one is followed as is)
    /// to the last page. Returns only IDs whose `name` equals `name` exactly (IAM allows duplicates).
    /// Throws ``CloudError``.
    public func serviceIDs(named name: String, accountID: String, token: IAMToken) async throws -> [ServiceID] {
        let query = [("account_id", accountID), ("name", name), ("pagesize", "100")]
        let base = endpoints.iam.appendingAPIPath("/v1/serviceids/")
        var url = endpoints.iam.appendingAPIPath("/v1/serviceids/", query: query)
        var seen: Set<String> = [url.absoluteString]
        var result: [ServiceID] = []
        for _ in 0..<Pagination.maxPages {
            let request = http.request("GET", url, headers: ["Authorization": token.authorizationValue.exposedValue])
            let page = try await http.sendJSON(request, service: .iamIdentity, idempotent: true)
            for item in try page.objects("serviceids") ?? [] {
                let serviceID = try Self.parseServiceID(item)
                if serviceID.name == name.sanitizedForDisplay { result.append(serviceID) }
            }
            guard let next = page.link("next") else { return result }
            if let pageToken = Pagination.queryValue("pagetoken", in: next) {
                url = endpoints.iam.appendingAPIPath("/v1/serviceids/", query: query + [("pagetoken", pageToken)])
            } else {
                url = try Pagination.resolve(next, against: base, service: .iamIdentity)
            }
            guard seen.insert(url.absoluteString).inserted else { throw Pagination.loopError(.iamIdentity) }
        }
        throw Pagination.tooManyPages(.iamIdentity)
    }

    /// `POST /v1/serviceids/` with `{"account_id","name","description"}`; expects 201. Never retried.
    /// Throws ``CloudError``.
    public func createServiceID(name: String, description: String, accountID: String, token: IAMToken) async throws -> ServiceID {
        struct Body: Encodable { let account_id: String; let name: String; let description: String }
        let request = http.request(
            "POST", endpoints.iam.appendingAPIPath("/v1/serviceids/"),
            headers: ["Authorization": token.authorizationValue.exposedValue, "Content-Type": "application/json"],
            body: try CloudHTTP.jsonBody(Body(account_id: accountID, name: name, description: description))
        )
        return try Self.parseServiceID(try await http.sendJSON(request, service: .iamIdentity, idempotent: false))
    }

    /// `POST /v1/apikeys` with `{"name","description","iam_id","account_id","store_value":false}`;
    /// expects 201 with the value in `apikey` (returned only now). Never retried. Throws ``CloudError``.
    public func createAPIKey(name: String, description: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> ServiceAPIKey {
        struct Body: Encodable {
            let name: String; let description: String; let iam_id: String; let account_id: String; let store_value: Bool
        }
        let request = http.request(
            "POST", endpoints.iam.appendingAPIPath("/v1/apikeys"),
            headers: ["Authorization": token.authorizationValue.exposedValue, "Content-Type": "application/json"],
            body: try CloudHTTP.jsonBody(Body(name: name, description: description, iam_id: serviceIAMID, account_id: accountID, store_value: false))
        )
        let json = try await http.sendJSON(request, service: .iamIdentity, idempotent: false)
        guard let value = json.rawString("apikey"), !value.isEmpty else {
            throw CloudError.decoding(service: .iamIdentity, failure: .missingField("apikey"))
        }
        return ServiceAPIKey(
            id: try json.requireString("id"),
            name: json.string("name") ?? name.sanitizedForDisplay,
            description: json.string("description") ?? "",
            apiKey: Secret(value),
            iamID: json.string("iam_id") ?? serviceIAMID,
            accountID: json.string("account_id") ?? accountID,
            crn: json.string("crn") ?? "",
            createdAt: json.string("created_at") ?? "",
            locked: json.bool("locked") ?? false
        )
    }

    /// `GET /v1/apikeys?account_id=<acct>&iam_id=<service iam_id>&pagesize=100`, following `next`
    /// (its `pagetoken`) to the last page. Returns the keys whose `name` equals `name` exactly (no
    /// values: IAM returns a key's value only on create). Throws ``CloudError``.
    public func apiKeys(named name: String, serviceIAMID: String, accountID: String, token: IAMToken) async throws -> [APIKeyInfo] {
        let query = [("account_id", accountID), ("iam_id", serviceIAMID), ("pagesize", "100")]
        let base = endpoints.iam.appendingAPIPath("/v1/apikeys")
        var url = endpoints.iam.appendingAPIPath("/v1/apikeys", query: query)
        var seen: Set<String> = [url.absoluteString]
        var result: [APIKeyInfo] = []
        for _ in 0..<Pagination.maxPages {
            let request = http.request("GET", url, headers: ["Authorization": token.authorizationValue.exposedValue])
            let page = try await http.sendJSON(request, service: .iamIdentity, idempotent: true)
            for item in try page.objects("apikeys") ?? [] {
                let key = APIKeyInfo(id: try item.requireString("id"), name: item.string("name") ?? "",
                    iamID: item.string("iam_id") ?? "", createdAt: item.string("created_at") ?? "")
                if key.name == name.sanitizedForDisplay, key.iamID == serviceIAMID { result.append(key) }
            }
            guard let next = page.link("next") else { return result }
            if let pageToken = Pagination.queryValue("pagetoken", in: next) {
                url = endpoints.iam.appendingAPIPath("/v1/apikeys", query: query + [("pagetoken", pageToken)])
            } else {
                url = try Pagination.resolve(next, against: base, service: .iamIdentity)
            }
            guard seen.insert(url.absoluteString).inserted else { throw Pagination.loopError(.iamIdentity) }
        }
        throw Pagination.tooManyPages(.iamIdentity)
    }

    /// `DELETE /v1/apikeys/{id}`; expects 204. Retried (deleting twice is harmless: a second
    /// delete of a gone key is 404, which is taken as done). Throws ``CloudError``.
    public func deleteAPIKey(id: String, token: IAMToken) async throws {
        let request = http.request("DELETE", endpoints.iam.appendingAPIPath("/v1/apikeys/\(id)"),
            headers: ["Authorization": token.authorizationValue.exposedValue])
        do {
            _ = try await http.send(request, service: .iamIdentity, idempotent: true)
        } catch let error as CloudError where error.status == 404 {
            return
        }
    }

    /// `DELETE /v1/serviceids/{id}`; expects 204. IAM deletes the service ID's API keys with it.
    /// A 404 (already gone) counts as done. Throws ``CloudError``.
    public func deleteServiceID(id: String, token: IAMToken) async throws {
        let request = http.request("DELETE", endpoints.iam.appendingAPIPath("/v1/serviceids/\(id)"),
            headers: ["Authorization": token.authorizationValue.exposedValue])
        do {
            _ = try await http.send(request, service: .iamIdentity, idempotent: true)
        } catch let error as CloudError where error.status == 404 {
            return
        }
    }

    static func parseServiceID(_ json: JSONObject) throws -> ServiceID {
        ServiceID(
            id: try json.requireString("id"),
            iamID: try json.requireString("iam_id"),
            name: json.string("name") ?? "",
            description: json.string("description") ?? "",
            crn: json.string("crn") ?? "",
            entityTag: json.string("entity_tag") ?? "",
            createdAt: json.string("created_at") ?? ""
        )
    }
}
