import AsyncHTTPClient
import Foundation

/// The real ``HTTPTransport``: AsyncHTTPClient over TLS with full certificate verification.
///
/// - One shared `HTTPClient` (connection pool) for direct requests, plus one per proxy configured in
///   the environment: `HTTPS_PROXY`/`https_proxy` for `https` URLs and `HTTP_PROXY`/`http_proxy`
///   for `http` URLs (`http://[user:pass@]host[:port]` or `socks5://host[:port]`).
///   `NO_PROXY`/`no_proxy` (comma-separated hosts, `.domain` suffixes, `*`) and loopback hosts
///   always go direct.
/// - Redirects are not followed (a 3xx comes back as a response; the clients report it as an error),
///   so a bearer token never follows a `Location` header to another host.
/// - Each request has its own time limit, ``HTTPRequest/timeout`` seconds (default 30).
///
/// Call ``shutdown()`` once when done; using the transport afterwards throws.
public final class LiveHTTPTransport: HTTPTransport {
    /// Largest response body accepted, in bytes (10 MiB).
    public static let maxResponseBytes = 10 * 1024 * 1024

    private let direct: HTTPClient
    private let httpsProxied: HTTPClient?
    private let httpProxied: HTTPClient?
    private let noProxy: NoProxyRule
    /// One line per proxy in use, e.g. `https via proxy.example.com:3128`, for the UI or a trace; empty when direct.
    public let proxyDescription: [String]

    /// Creates the clients. `environment` is read for the proxy variables only (default: this process's).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.direct = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.configuration(proxy: nil))
        func env(_ names: String...) -> String? {
            for name in names { if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value } }
            return nil
        }
        var described: [String] = []
        if let raw = env("HTTPS_PROXY", "https_proxy"), let proxy = ProxySetting.parse(raw) {
            self.httpsProxied = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.configuration(proxy: proxy.proxy))
            described.append("https via \(proxy.display)")
        } else {
            self.httpsProxied = nil
        }
        if let raw = env("HTTP_PROXY", "http_proxy"), let proxy = ProxySetting.parse(raw) {
            self.httpProxied = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: Self.configuration(proxy: proxy.proxy))
            described.append("http via \(proxy.display)")
        } else {
            self.httpProxied = nil
        }
        self.noProxy = NoProxyRule(env("NO_PROXY", "no_proxy") ?? "")
        self.proxyDescription = described
    }

    private static func configuration(proxy: HTTPClient.Configuration.Proxy?) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.proxy = proxy
        configuration.timeout = .init(connect: .seconds(15))
        // Fail fast with the real reason (e.g. connection refused); RetryPolicy decides about retries.
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    /// Sends `request`. Throws ``HTTPTransportError`` when no response arrives within
    /// `request.timeout` seconds, the connection fails, or TLS verification fails.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let scheme = request.url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = request.url.host, !host.isEmpty
        else {
            throw HTTPTransportError.invalidRequest(request.url.absoluteString)
        }
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = .init(rawValue: request.method.uppercased())
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(Array(body)) }
        let client = self.client(scheme: scheme, host: host)
        let millis = Int64(max(0.001, request.timeout) * 1000)
        do {
            let response = try await client.execute(outgoing, timeout: .milliseconds(millis))
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                if let existing = headers[key] { headers[key] = existing + ", " + value } else { headers[key] = value }
            }
            let buffer = try await response.body.collect(upTo: Self.maxResponseBytes)
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
        } catch let error as HTTPClientError {
            throw Self.map(error, timeout: request.timeout)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let typeName = String(describing: type(of: error))
            if typeName.contains("SSL") || typeName.contains("TLS") {
                throw HTTPTransportError.tls(String(describing: error))
            }
            if typeName.contains("TooMany") || String(describing: error).contains("tooManyBytes") {
                throw HTTPTransportError.responseTooLarge(limit: Self.maxResponseBytes)
            }
            throw HTTPTransportError.connection(Self.describe(error))
        }
    }

    /// The kind of a common socket error, else the library's own text as `.other`.
    static func describe(_ error: any Error) -> TransportFailure {
        let text = String(describing: error)
        for (needle, failure) in [
            ("Connection refused", TransportFailure.connectionRefused), ("Connection reset", .connectionReset),
            ("No route to host", .networkUnreachable), ("Network is unreachable", .networkUnreachable),
            ("Name or service not known", .hostNotFound), ("nodename nor servname", .hostNotFound),
            ("remoteConnectionClosed", .connectionReset), ("HTTPParserError", .notHTTP),
            ("invalid constant string", .notHTTP), ("invalidStatus", .notHTTP),
        ] where text.contains(needle) || String(describing: type(of: error)).contains(needle) {
            return failure
        }
        return .other(detail: text.sanitizedForDisplay)
    }

    /// True when a request to `url` goes through a proxy from the environment (`NO_PROXY` and
    /// loopback hosts go direct).
    func usesProxy(for url: URL) -> Bool {
        client(scheme: url.scheme?.lowercased() ?? "", host: url.host ?? "") !== direct
    }

    private func client(scheme: String, host: String) -> HTTPClient {
        let proxied = scheme == "https" ? httpsProxied : httpProxied
        guard let proxied else { return direct }
        if Endpoints.isLoopbackHost(host) || noProxy.matches(host: host) { return direct }
        return proxied
    }

    private static func map(_ error: HTTPClientError, timeout: TimeInterval) -> HTTPTransportError {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
            return .timedOut(seconds: timeout)
        case .tlsHandshakeTimeout:
            return .timedOut(seconds: timeout)
        case .invalidURL, .emptyHost, .emptyScheme:
            return .invalidRequest(String(describing: error))
        case .cancelled:
            return .connection(.other(detail: "cancelled"))
        default:
            return .connection(describe(error))
        }
    }

    /// Shuts the HTTP clients down, waiting for in-flight requests to finish or fail.
    public func shutdown() async throws {
        try await direct.shutdown()
        if let httpsProxied { try await httpsProxied.shutdown() }
        if let httpProxied { try await httpProxied.shutdown() }
    }
}

/// A proxy setting parsed from an environment variable value.
struct ProxySetting {
    var proxy: HTTPClient.Configuration.Proxy
    var display: String

    /// Parses `http://[user:pass@]host[:port]`, `host:port`, or `socks5://host[:port]`. Other schemes
    /// (e.g. `https://` TLS-to-proxy, unsupported by AsyncHTTPClient) give nil.
    static func parse(_ raw: String) -> ProxySetting? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if !text.contains("://") { text = "http://" + text }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else { return nil }
        switch components.scheme?.lowercased() {
        case "http":
            let port = components.port ?? 80
            var authorization: HTTPClient.Authorization?
            if let user = components.user {
                authorization = .basic(username: user.removingPercentEncoding ?? user, password: components.password?.removingPercentEncoding ?? "")
            }
            return ProxySetting(proxy: .server(host: host, port: port, authorization: authorization), display: "\(host):\(port)")
        case "socks5", "socks5h", "socks":
            let port = components.port ?? 1080
            return ProxySetting(proxy: .socksServer(host: host, port: port), display: "socks5 \(host):\(port)")
        default:
            return nil
        }
    }
}

/// `NO_PROXY` matching: `*` matches everything; `example.com` and `.example.com` match that host
/// and its subdomains; a `:port` suffix on an entry is ignored; IP addresses match exactly.
struct NoProxyRule: Sendable {
    private let entries: [String]
    init(_ raw: String) {
        entries = raw.split(separator: ",").map { entry -> String in
            var value = entry.trimmingCharacters(in: .whitespaces).lowercased()
            if value.hasPrefix("[") , let close = value.firstIndex(of: "]") {
                value = String(value[value.index(after: value.startIndex)..<close])
            } else if let colon = value.lastIndex(of: ":"), value.filter({ $0 == ":" }).count == 1 {
                value = String(value[..<colon])
            }
            while value.hasPrefix("*.") || value.hasPrefix(".") { value.removeFirst(value.hasPrefix("*.") ? 2 : 1) }
            return value
        }.filter { !$0.isEmpty || $0 == "*" }
    }
    func matches(host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        for entry in entries {
            if entry == "*" { return true }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }
}
