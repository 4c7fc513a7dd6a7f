import Foundation

/// One HTTP request as the clients build it: method, absolute URL, headers, optional body and a
/// timeout. Plain value, so tests can compare what would go on the wire.
public struct HTTPRequest: Sendable, Hashable {
    /// The HTTP method, upper case: `GET`, `POST`, `HEAD`, …
    public var method: String
    /// The absolute URL including the percent-encoded query.
    public var url: URL
    /// Header fields. Names are compared case-insensitively by HTTP; use ``header(_:)`` to read one.
    public var headers: [String: String]
    /// The body bytes, or nil for none.
    public var body: Data?
    /// Time limit for the whole exchange (connect, send, receive), in seconds.
    public var timeout: TimeInterval

    /// Default time limit, in seconds (the Key Protect and go-sdk-core clients use 30 s).
    public static let defaultTimeout: TimeInterval = 30

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = HTTPRequest.defaultTimeout) {
        self.method = method; self.url = url; self.headers = headers; self.body = body; self.timeout = timeout
    }

    /// The value of header `name`, compared case-insensitively; nil when absent.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.key.lowercased() == wanted }?.value
    }

    /// True for methods the retry policy may repeat on its own (`GET`, `HEAD`, `OPTIONS`).
    public var isSafeMethod: Bool { ["GET", "HEAD", "OPTIONS"].contains(method.uppercased()) }
}

/// One HTTP response: status, headers and the whole body.
public struct HTTPResponse: Sendable, Hashable {
    /// HTTP status code, e.g. 200.
    public var status: Int
    /// Header fields with **lower-cased** names; repeated fields are joined with `", "`.
    public var headers: [String: String]
    /// The full response body (may be empty).
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        var lowered: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            if let existing = lowered[key] { lowered[key] = existing + ", " + value } else { lowered[key] = value }
        }
        self.headers = lowered
        self.body = body
    }

    /// The value of header `name`, compared case-insensitively; nil when absent.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// True for 200–299.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Sends one ``HTTPRequest`` and returns the ``HTTPResponse``, whatever its status.
///
/// Implementations throw ``HTTPTransportError`` (or any other error, which the clients report as
/// ``CloudError/transport(service:reason:)``) only when no HTTP response was received.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and waits for the full response or for `request.timeout` seconds to pass.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Why a transport got no HTTP response.
public enum HTTPTransportError: Error, Sendable, Hashable {
    /// The time limit (seconds) ran out.
    case timedOut(seconds: TimeInterval)
    /// Could not connect, or the connection dropped (DNS, refused, reset, proxy failure).
    case connection(TransportFailure)
    /// TLS failed, e.g. the server certificate did not verify (the TLS library's text). Never retried.
    case tls(String)
    /// The URL cannot be sent (unsupported scheme, no host). Never retried.
    case invalidRequest(String)
    /// The response body was larger than the transport accepts (bytes).
    case responseTooLarge(limit: Int)

    /// The same, as the ``TransportFailure`` a ``CloudError`` carries.
    public var failure: TransportFailure {
        switch self {
        case .timedOut(let seconds): return .timedOut(seconds: seconds)
        case .connection(let failure): return failure
        case .tls(let detail): return .tls(detail: detail.sanitizedForDisplay)
        case .invalidRequest(let detail): return .unsupportedURL(detail: detail.sanitizedForDisplay)
        case .responseTooLarge(let limit): return .responseTooLarge(limit: limit)
        }
    }

    /// True when sending the same request again may help.
    public var isRetryable: Bool {
        switch self {
        case .timedOut, .connection: return true
        case .tls, .invalidRequest, .responseTooLarge: return false
        }
    }
}
