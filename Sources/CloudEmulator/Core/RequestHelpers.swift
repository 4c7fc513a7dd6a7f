import Foundation
import HTTPTypes
import Hummingbird

/// Parses `application/x-www-form-urlencoded` text (also used for URL queries): `+` is a space,
/// `%XX` escapes are decoded. A repeated name keeps its first value.
func parseFormEncoded(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        func decode(_ s: Substring) -> String {
            let spaced = s.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        let name = decode(parts[0])
        let value = parts.count > 1 ? decode(parts[1]) : ""
        if result[name] == nil { result[name] = value }
    }
    return result
}

/// Percent-encodes a query value (everything but unreserved characters).
func queryEscape(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}

/// Builds `path?name=value&…` from ordered pairs, skipping `nil` values.
func buildURL(_ path: String, _ query: [(String, String?)]) -> String {
    let items = query.compactMap { name, value in value.map { "\(name)=\(queryEscape($0))" } }
    return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
}

extension Request {
    /// The decoded query parameters.
    var query: [String: String] { parseFormEncoded(uri.query ?? "") }

    /// A request header by (case-insensitive) name.
    func header(_ name: String) -> String? {
        guard let fieldName = HTTPField.Name(name) else { return nil }
        return headers[fieldName]
    }

    /// The request body, at most 1 MiB.
    func bodyData() async throws -> Data {
        let buffer = try await body.collect(upTo: 1 << 20)
        return Data(buffer.readableBytesView)
    }

    /// The bearer token of `Authorization: Bearer <jwt>`, or `nil` if the header is missing or not
    /// of that form (the scheme is case-insensitive).
    var bearerToken: String? {
        guard let value = header("Authorization")?.trimmingCharacters(in: .whitespaces) else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

extension Response {
    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value.serialized())))
    }
}

extension HTTPField.Name {
    static let transactionID = HTTPField.Name("Transaction-Id")!
    static let correlationID = HTTPField.Name("correlation-id")!
    static let keyTotal = HTTPField.Name("Key-Total")!
    static let retryAfter = HTTPField.Name("Retry-After")!
}
