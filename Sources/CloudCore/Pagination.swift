import Foundation

/// Shared rules for following `next` links.
enum Pagination {
    /// Most pages followed in one listing before giving up.
    static let maxPages = 1000

    /// Resolves a `next_url`/`next` value (absolute, or relative to `base`) and checks it stays on the
    /// same scheme, host and port as `base`, so the bearer token is never sent elsewhere.
    static func resolve(_ next: String, against base: URL, service: CloudService) throws -> URL {
        guard let url = URL(string: next, relativeTo: base)?.absoluteURL else {
            throw CloudError.decoding(service: service, failure: .nextPageNotURL)
        }
        guard url.scheme?.lowercased() == base.scheme?.lowercased(),
            url.host?.lowercased() == base.host?.lowercased(),
            effectivePort(url) == effectivePort(base)
        else {
            throw CloudError.decoding(service: service, failure: .nextPageOtherHost(url.host ?? ""))
        }
        return url
    }

    /// Value of query parameter `name` in `link` (absolute or relative); nil when absent. A literal
    /// `+` is kept (page tokens are often base64), only `%XX` escapes are decoded.
    static func queryValue(_ name: String, in link: String) -> String? {
        guard let question = link.firstIndex(of: "?") else { return nil }
        var query = String(link[link.index(after: question)...])
        if let hash = query.firstIndex(of: "#") { query = String(query[..<hash]) }
        return FormEncoding.decode(query, plusAsSpace: false).first { $0.0 == name }?.1
    }

    private static func effectivePort(_ url: URL) -> Int? {
        if let port = url.port { return port }
        switch url.scheme?.lowercased() {
        case "https": return 443
        case "http": return 80
        default: return nil
        }
    }

    static func loopError(_ service: CloudService) -> CloudError {
        .decoding(service: service, failure: .nextPageLoop)
    }
    static func tooManyPages(_ service: CloudService) -> CloudError {
        .decoding(service: service, failure: .tooManyPages(limit: maxPages))
    }
}

extension JSONObject {
    /// A `next`-style link that may be a string, `null`, or an object with `href`.
    func link(_ key: String) -> String? {
        if let text = rawString(key), !text.isEmpty { return text }
        if let object = object(key), let href = object.rawString("href"), !href.isEmpty { return href }
        return nil
    }
}
