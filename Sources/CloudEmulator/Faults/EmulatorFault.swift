import Foundation

/// A deliberate misbehaviour of the emulator, for testing a client's error handling.
///
/// Text form (`--fault` option and `POST /_emulator/faults`): `ROUTE=KIND[:ARG][@COUNT]`
/// - `ROUTE`: a path prefix such as `/identity/token` or `/kms/us-south/api/v2/keys`; `*` matches
///   every path. For `KIND` `propagation` the route is ignored (write `policy`).
/// - `KIND`: `429[:RETRY_AFTER_SECONDS]` (default 1), `500`, `503[:RETRY_AFTER_SECONDS]`,
///   `slow:SECONDS` (answers normally after the delay), `drop` (closes the connection without an answer),
///   `malformed` (200 with a body that is not JSON), `propagation:SECONDS` (Key Protect ignores policies
///   younger than SECONDS), `expire` (every access and refresh token issued so far expires, as when a
///   login session ends; the request is then answered normally, so a call with an old token gets the
///   service's own 401), `lost` (the request is carried out, then the connection is closed before the
///   answer: a create that happened although the client never heard).
/// - `@COUNT`: the fault fires COUNT times, then removes itself. Without it, it stays until cleared.
public struct EmulatorFault: Sendable, Equatable, CustomStringConvertible {
    /// What the faulty route does.
    public enum Kind: Sendable, Equatable {
        /// 429 Too Many Requests with `Retry-After: seconds`, in the service's error envelope.
        case tooManyRequests(retryAfter: Int)
        /// 500 in the service's error envelope.
        case internalServerError
        /// 503 with `Retry-After: seconds`, in the service's error envelope.
        case serviceUnavailable(retryAfter: Int)
        /// Waits `seconds`, then answers normally.
        case slow(seconds: Double)
        /// Closes the connection without answering.
        case dropConnection
        /// Answers 200 with a body that is not valid JSON.
        case malformedJSON
        /// Key Protect ignores access policies younger than `seconds` (policy propagation delay).
        case policyPropagationDelay(seconds: Int)
        /// Every access token and refresh token issued so far expires now; then the request is
        /// answered normally (a bearer call with an old token gets the service's 401 for an expired token).
        case sessionExpired
        /// Carries the request out, then closes the connection without sending the answer.
        case lostResponse
    }

    /// Path prefix the fault applies to (`*` for all paths).
    public var route: String
    /// The misbehaviour.
    public var kind: Kind
    /// How many requests it affects before removing itself; `nil` for unlimited.
    public var count: Int?

    /// Creates a fault.
    public init(route: String, kind: Kind, count: Int? = nil) {
        self.route = route
        self.kind = kind
        self.count = count
    }

    /// Errors from `parse(_:)`.
    public struct ParseError: Error, CustomStringConvertible {
        /// What is wrong with the text.
        public let description: String
    }

    /// Parses the text form `ROUTE=KIND[:ARG][@COUNT]` described on the type.
    public static func parse(_ text: String) throws -> EmulatorFault {
        guard let equals = text.lastIndex(of: "=") else {
            throw ParseError(description: "fault '\(text)' must look like ROUTE=KIND[:ARG][@COUNT]")
        }
        let route = String(text[..<equals])
        var spec = String(text[text.index(after: equals)...])
        var count: Int?
        if let at = spec.firstIndex(of: "@") {
            guard let n = Int(spec[spec.index(after: at)...]), n > 0 else {
                throw ParseError(description: "fault '\(text)': COUNT after @ must be a positive integer")
            }
            count = n
            spec = String(spec[..<at])
        }
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.first?.lowercased() ?? ""
        let argument = parts.count > 1 ? parts[1] : nil
        func number(_ fallback: Double?) throws -> Double {
            if let argument {
                guard let value = Double(argument), value >= 0 else {
                    throw ParseError(description: "fault '\(text)': '\(argument)' is not a number of seconds")
                }
                return value
            }
            guard let fallback else { throw ParseError(description: "fault '\(text)': \(name) needs :SECONDS") }
            return fallback
        }
        let kind: Kind
        switch name {
        case "429": kind = .tooManyRequests(retryAfter: Int(try number(1)))
        case "500": kind = .internalServerError
        case "503": kind = .serviceUnavailable(retryAfter: Int(try number(1)))
        case "slow": kind = .slow(seconds: try number(nil))
        case "drop": kind = .dropConnection
        case "malformed": kind = .malformedJSON
        case "propagation": kind = .policyPropagationDelay(seconds: Int(try number(nil)))
        case "expire": kind = .sessionExpired
        case "lost": kind = .lostResponse
        default:
            throw ParseError(description: "fault '\(text)': unknown kind '\(name)' (429, 500, 503, slow, drop, malformed, propagation, expire, lost)")
        }
        guard !route.isEmpty else { throw ParseError(description: "fault '\(text)': ROUTE is empty") }
        return EmulatorFault(route: route, kind: kind, count: count)
    }

    /// The text form.
    public var description: String {
        let kindText: String
        switch kind {
        case .tooManyRequests(let s): kindText = "429:\(s)"
        case .internalServerError: kindText = "500"
        case .serviceUnavailable(let s): kindText = "503:\(s)"
        case .slow(let s): kindText = "slow:\(s)"
        case .dropConnection: kindText = "drop"
        case .malformedJSON: kindText = "malformed"
        case .policyPropagationDelay(let s): kindText = "propagation:\(s)"
        case .sessionExpired: kindText = "expire"
        case .lostResponse: kindText = "lost"
        }
        return "\(route)=\(kindText)" + (count.map { "@\($0)" } ?? "")
    }
}
