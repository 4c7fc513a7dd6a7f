import Foundation
import Logging

/// Settings shared by every client: retries, tracing and the per-request time limit.
public struct CloudClientOptions: Sendable {
    /// Retry rules for idempotent calls (see ``RetryPolicy``).
    public var retryPolicy: RetryPolicy
    /// When set, each exchange is logged at `trace` level: method, URL (secret query values
    /// redacted), status, milliseconds and attempt. Headers are logged with `Authorization`,
    /// `IAM-ApiKey` and other credentials redacted. Bodies are never logged.
    public var logger: Logger?
    /// Time limit per request, seconds.
    public var timeout: TimeInterval
    /// `User-Agent` sent with every request.
    public var userAgent: String

    public init(retryPolicy: RetryPolicy = .standard, logger: Logger? = nil, timeout: TimeInterval = HTTPRequest.defaultTimeout, userAgent: String = "token-wizard/1.0") {
        self.retryPolicy = retryPolicy; self.logger = logger; self.timeout = timeout; self.userAgent = userAgent
    }
}

/// Redaction rules for traces.
public enum TraceRedaction {
    /// Header and query names whose values are never logged (compared case-insensitively).
    public static let sensitiveNames: Set<String> = [
        "authorization", "proxy-authorization", "iam-apikey", "apikey", "passcode", "refresh_token",
        "access_token", "password", "cookie", "set-cookie", "client_secret", "token",
    ]

    /// `url` with the values of sensitive query parameters replaced by `<redacted>`.
    public static func redact(url: URL) -> String {
        let text = url.absoluteString
        guard let question = text.firstIndex(of: "?") else { return text }
        var query = String(text[text.index(after: question)...])
        var fragment = ""
        if let hash = query.firstIndex(of: "#") {
            fragment = String(query[hash...]); query = String(query[..<hash])
        }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            return sensitiveNames.contains(name.lowercased()) ? "\(parts[0])=<redacted>" : String(pair)
        }
        return String(text[..<question]) + "?" + pairs.joined(separator: "&") + fragment
    }

    /// `headers` as `name: value` lines, sorted by name, sensitive values shown as `<redacted>`.
    public static func redact(headers: [String: String]) -> String {
        headers.sorted { $0.key.lowercased() < $1.key.lowercased() }.map { name, value in
            "\(name): \(sensitiveNames.contains(name.lowercased()) ? "<redacted>" : value)"
        }.joined(separator: ", ")
    }
}

/// The shared request machinery: retries, tracing, status check and error mapping.
struct CloudHTTP: Sendable {
    let transport: any HTTPTransport
    let options: CloudClientOptions

    /// Builds a request with the common headers.
    func request(_ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil) -> HTTPRequest {
        var all: [String: String] = ["Accept": "application/json", "User-Agent": options.userAgent]
        for (name, value) in headers {
            if let existing = all.keys.first(where: { $0.lowercased() == name.lowercased() }) { all.removeValue(forKey: existing) }
            all[name] = value
        }
        return HTTPRequest(method: method, url: url, headers: all, body: body, timeout: options.timeout)
    }

    /// Sends `request`, retrying per policy: any call after a 429 (the server did nothing), and
    /// `idempotent` calls after the other retryable failures. Waits and given-up retries are told
    /// to ``RetryWaitObserver/current``. Returns a 2xx response or throws ``CloudError``
    /// (`CancellationError` passes through).
    func send(_ request: HTTPRequest, service: CloudService, idempotent: Bool) async throws -> HTTPResponse {
        let policy = options.retryPolicy
        var attempt = 1
        var budgetUsed: TimeInterval = 0
        let clock = ContinuousClock()
        while true {
            try Task.checkCancellation()
            let started = clock.now
            let error: CloudError
            var retryAfter: TimeInterval? = nil
            var retryable: Bool
            do {
                let response = try await transport.send(request)
                let elapsed = started.duration(to: clock.now)
                budgetUsed += elapsed.seconds
                trace(request, status: "\(response.status)", elapsed: elapsed, attempt: attempt)
                if response.isSuccess { return response }
                error = CloudErrorMapper.map(service: service, response: response)
                retryable = error.isRetryable
                retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"))
            } catch is CancellationError {
                throw CancellationError()
            } catch let failure as HTTPTransportError {
                let elapsed = started.duration(to: clock.now)
                budgetUsed += elapsed.seconds
                trace(request, status: "failed (\(failure))", elapsed: elapsed, attempt: attempt)
                error = .transport(service: service, failure: failure.failure)
                retryable = failure.isRetryable
            } catch let failure as CloudError {
                throw failure
            } catch {
                let elapsed = started.duration(to: clock.now)
                budgetUsed += elapsed.seconds
                let text = String(describing: error).sanitizedForDisplay
                trace(request, status: "failed (\(text))", elapsed: elapsed, attempt: attempt)
                throw CloudError.transport(service: service, failure: .other(detail: text))
            }
            let rateLimited = error.status == 429
            guard idempotent || rateLimited, retryable else { throw error }
            let wait = policy.delay(beforeRetry: attempt, retryAfter: retryAfter)
            let observer = RetryWaitObserver.current
            guard attempt < policy.maxAttempts, budgetUsed + wait <= policy.maxTotalTime else {
                observer?(RetryWait(status: error.status, seconds: wait, fromServer: retryAfter != nil, willRetry: false))
                throw error
            }
            observer?(RetryWait(status: error.status, seconds: wait, fromServer: retryAfter != nil, willRetry: true))
            options.logger?.trace("retrying \(request.method) \(TraceRedaction.redact(url: request.url)) in \(String(format: "%.2f", wait)) s")
            try await policy.sleep(.milliseconds(Int64((wait * 1000).rounded())))
            budgetUsed += wait
            attempt += 1
        }
    }

    private func trace(_ request: HTTPRequest, status: String, elapsed: Duration, attempt: Int) {
        guard let logger = options.logger else { return }
        let ms = Int((elapsed.seconds * 1000).rounded())
        logger.trace(
            "\(request.method) \(TraceRedaction.redact(url: request.url)) -> \(status) (\(ms) ms, attempt \(attempt))",
            metadata: ["headers": .string(TraceRedaction.redact(headers: request.headers))]
        )
    }

    /// Sends and parses a JSON object body.
    func sendJSON(_ request: HTTPRequest, service: CloudService, idempotent: Bool) async throws -> JSONObject {
        let response = try await send(request, service: service, idempotent: idempotent)
        return try JSONObject.parse(response.body, service: service)
    }

    /// A JSON request body; encoding our own Encodable types cannot fail in practice.
    static func jsonBody<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(value) } catch {
            throw CloudError.invalidRequest(.unencodableBody(detail: String(describing: error)))
        }
    }
}

extension Duration {
    var seconds: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}

/// A parsed JSON object with lenient typed accessors. Strings read with ``string(_:)`` are
/// sanitized for display.
struct JSONObject: @unchecked Sendable {
    let raw: [String: Any]
    let service: CloudService
    /// Dotted path of this object inside the body, for error messages.
    let path: String

    static func parse(_ data: Data, service: CloudService) throws -> JSONObject {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw CloudError.decoding(service: service, failure: .notJSON)
        }
        guard let object = value as? [String: Any] else {
            throw CloudError.decoding(service: service, failure: .notJSONObject)
        }
        return JSONObject(raw: object, service: service, path: "")
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Raw (unsanitized) string value; numbers are rendered as text.
    func rawString(_ key: String) -> String? {
        switch raw[key] {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }
    func string(_ key: String) -> String? { rawString(key)?.sanitizedForDisplay }
    func requireString(_ key: String) throws -> String {
        guard let value = string(key), !value.isEmpty else {
            throw CloudError.decoding(service: service, failure: .missingField(name(key)))
        }
        return value
    }
    func int(_ key: String) -> Int? {
        switch raw[key] {
        case let n as NSNumber: return Int(exactly: n.doubleValue.rounded(.towardZero)) ?? n.intValue
        case let s as String: return Int(s)
        default: return nil
        }
    }
    func bool(_ key: String) -> Bool? {
        switch raw[key] {
        case let b as Bool: return b
        case let s as String: return s == "true" ? true : (s == "false" ? false : nil)
        default: return nil
        }
    }
    func object(_ key: String) -> JSONObject? {
        (raw[key] as? [String: Any]).map { JSONObject(raw: $0, service: service, path: name(key)) }
    }
    /// Array of objects; nil when absent or `null`; non-object elements are a decoding error.
    func objects(_ key: String) throws -> [JSONObject]? {
        guard let value = raw[key], !(value is NSNull) else { return nil }
        guard let array = value as? [Any] else {
            throw CloudError.decoding(service: service, failure: .notAnArray(name(key)))
        }
        return try array.enumerated().map { index, element in
            guard let object = element as? [String: Any] else {
                throw CloudError.decoding(service: service, failure: .notAnObject("\(name(key))[\(index)]"))
            }
            return JSONObject(raw: object, service: service, path: "\(name(key))[\(index)]")
        }
    }
    func strings(_ key: String) -> [String] {
        ((raw[key] as? [Any]) ?? []).compactMap { ($0 as? String)?.sanitizedForDisplay }
    }
}
