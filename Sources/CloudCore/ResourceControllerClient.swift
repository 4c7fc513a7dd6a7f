import Foundation

/// Resource Controller and Resource Manager: resource groups and Key Protect instances.
/// Source: API reference §7, §8.
public struct ResourceControllerClient: Sendable {
    /// Global Catalog offering ID of Key Protect, sent as `resource_id` (third-party source; the
    /// client also filters on the CRN service segment `kms`).
    public static let keyProtectResourceID = "ee41347f-b18e-4ca6-bf80-b5467c63f9a6"

    let http: CloudHTTP
    let endpoints: Endpoints

    public init(transport: any HTTPTransport, endpoints: Endpoints, options: CloudClientOptions = CloudClientOptions()) {
        self.http = CloudHTTP(transport: transport, options: options); self.endpoints = endpoints
    }

    /// `GET /v2/resource_groups?account_id=<acct>` with an account-scoped token. Reads
    /// `resources[]`: `id` (required), `name`, `default`, `state`, `crn`. Follows `next_url` if a
    /// server ever sends one. Throws ``CloudError``.
    public func resourceGroups(accountID: String, token: IAMToken) async throws -> [ResourceGroup] {
        let first = endpoints.resourceController.appendingAPIPath("/v2/resource_groups", query: [("account_id", accountID)])
        return try await pages(first: first, token: token) { next in
            try Pagination.resolve(next, against: endpoints.resourceController, service: .resourceController)
        } map: { resource in
            ResourceGroup(
                id: try resource.requireString("id"),
                name: resource.string("name") ?? "",
                isDefault: resource.bool("default") ?? false,
                state: resource.string("state") ?? "",
                crn: resource.string("crn") ?? ""
            )
        }
    }

    /// `GET /v2/resource_instances?resource_id=<Key Protect id>[&resource_group_id=<id>]&limit=100`
    /// with an account-scoped token (`accountID` is implied by the token and not sent), following every page: the `start` token from `next_url`
    /// is sent back with the original query (as the Go SDK pager does); a `next_url` without `start`
    /// is followed as is. Keeps only instances whose CRN service segment (5th field) is `kms` and whose scope (7th field),
    /// when present, is `a/<accountID>`.
    /// Reads `guid` (or the CRN's 8th field), `crn` (or `id`), `name`, `region_id` (or the CRN's 6th
    /// field), `resource_group_id`, `state`. Throws ``CloudError``.
    public func keyProtectInstances(accountID: String, resourceGroupID: String?, token: IAMToken) async throws -> [KeyProtectInstance] {
        var query = [("resource_id", Self.keyProtectResourceID)]
        if let resourceGroupID, !resourceGroupID.isEmpty { query.append(("resource_group_id", resourceGroupID)) }
        query.append(("limit", "100"))
        let first = endpoints.resourceController.appendingAPIPath("/v2/resource_instances", query: query)
        let all = try await pages(first: first, token: token) { next in
            guard let start = Pagination.queryValue("start", in: next) else {
                return try Pagination.resolve(next, against: endpoints.resourceController, service: .resourceController)
            }
            return endpoints.resourceController.appendingAPIPath("/v2/resource_instances", query: query + [("start", start)])
        } map: { resource -> KeyProtectInstance? in
            let crn = resource.string("crn") ?? resource.string("id") ?? ""
            let segments = crn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard segments.count >= 8, segments[0] == "crn", segments[4] == "kms" else { return nil }
            if !accountID.isEmpty, !segments[6].isEmpty, segments[6] != "a/\(accountID)" { return nil }
            guard let guid = resource.string("guid") ?? (segments[7].isEmpty ? nil : segments[7]) else {
                throw CloudError.decoding(service: .resourceController, failure: .missingField("\(resource.path).guid"))
            }
            return KeyProtectInstance(
                guid: guid,
                crn: crn,
                name: resource.string("name") ?? "",
                regionID: resource.string("region_id") ?? segments[5],
                resourceGroupID: resource.string("resource_group_id") ?? "",
                state: resource.string("state") ?? ""
            )
        }
        return all.compactMap { $0 }
    }

    private func pages<T>(
        first: URL, token: IAMToken, next nextURL: (String) throws -> URL, map: (JSONObject) throws -> T
    ) async throws -> [T] {
        var url = first
        var seen: Set<String> = [first.absoluteString]
        var result: [T] = []
        for _ in 0..<Pagination.maxPages {
            let request = http.request("GET", url, headers: ["Authorization": token.authorizationValue.exposedValue])
            let page = try await http.sendJSON(request, service: .resourceController, idempotent: true)
            for resource in try page.objects("resources") ?? [] { result.append(try map(resource)) }
            guard let next = page.link("next_url") else { return result }
            url = try nextURL(next)
            guard seen.insert(url.absoluteString).inserted else { throw Pagination.loopError(.resourceController) }
        }
        throw Pagination.tooManyPages(.resourceController)
    }
}
