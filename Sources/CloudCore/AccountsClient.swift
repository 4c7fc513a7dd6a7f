import Foundation

/// Accounts (COE) API: the accounts the (possibly unscoped) user token can see. Source: API reference §6.
public struct AccountsClient: Sendable {
    let http: CloudHTTP
    let endpoints: Endpoints

    public init(transport: any HTTPTransport, endpoints: Endpoints, options: CloudClientOptions = CloudClientOptions()) {
        self.http = CloudHTTP(transport: transport, options: options); self.endpoints = endpoints
    }

    /// `GET /coe/v2/accounts`, then each `next_url` (relative to the accounts host, or absolute on the
    /// same host) until it is null or missing; at most 1000 pages, a repeated link is an error.
    /// Reads `resources[].metadata.guid` (required) and `entity.name`, `entity.state`, `entity.type`.
    /// Throws ``CloudError``.
    public func accounts(token: IAMToken) async throws -> [Account] {
        var url = endpoints.accounts.appendingAPIPath("/coe/v2/accounts")
        var seen: Set<String> = [url.absoluteString]
        var result: [Account] = []
        for _ in 0..<Pagination.maxPages {
            let request = http.request("GET", url, headers: ["Authorization": token.authorizationValue.exposedValue])
            let page = try await http.sendJSON(request, service: .accounts, idempotent: true)
            for resource in try page.objects("resources") ?? [] {
                guard let metadata = resource.object("metadata") else {
                    throw CloudError.decoding(service: .accounts, failure: .missingField("\(resource.path).metadata"))
                }
                let entity = resource.object("entity")
                result.append(Account(
                    id: try metadata.requireString("guid"),
                    name: entity?.string("name") ?? "",
                    state: entity?.string("state") ?? "",
                    type: entity?.string("type") ?? ""
                ))
            }
            guard let next = page.link("next_url") else { return result }
            url = try Pagination.resolve(next, against: endpoints.accounts, service: .accounts)
            guard seen.insert(url.absoluteString).inserted else { throw Pagination.loopError(.accounts) }
        }
        throw Pagination.tooManyPages(.accounts)
    }
}
