import Foundation

/// Which IBM Cloud service an error came from.
public enum CloudService: String, Sendable, Hashable {
    case iam = "IAM"
    case iamIdentity = "IAM Identity"
    case iamPolicy = "IAM Policy Management"
    case accounts = "Accounts"
    case resourceController = "Resource Controller"
    case keyProtect = "Key Protect"
}

/// A failed IBM Cloud call, with what the server said and what the user can do next.
public enum CloudError: Error, Sendable, Hashable {
    /// The server answered with an error status. `code` is the service's own error code
    /// (`BXNIM0415E`, `policy_conflict_error`, `UNAUTHORIZED_ERR`, …) or empty; `message` is the
    /// server's message (already stripped of control characters); `requestID` is what support asks for.
    case server(service: CloudService, status: Int, code: String, message: String, requestID: String)
    /// No usable answer: connection refused or dropped, DNS, TLS, or the timeout (seconds) ran out.
    case transport(service: CloudService, reason: String)
    /// The answer was not the JSON the contract describes.
    case decoding(service: CloudService, reason: String)
    /// A local problem before anything was sent (bad endpoint, bad input).
    case invalidRequest(reason: String)

    /// True for IAM's answer to a password login of a federated user, who must use SSO (a one-time
    /// passcode) or an API key. UNVERIFIED wording: IAM's text mentions "federated" (docs/DECISIONS.md).
    public var isFederatedUser: Bool {
        guard case .server(.iam, 400, _, let message, _) = self else { return false }
        return message.lowercased().contains("federated")
    }

    /// True when IAM asks a password login for a second factor (`security_code`). UNVERIFIED wording:
    /// IAM's text mentions the security code or MFA (docs/DECISIONS.md).
    public var needsSecondFactor: Bool {
        guard case .server(.iam, 400, _, let message, _) = self else { return false }
        let text = message.lowercased()
        return text.contains("security_code") || text.contains("security code") || text.contains("mfa")
            || text.contains("multi-factor") || text.contains("second factor")
    }

    /// HTTP status for `.server`, otherwise nil.
    public var status: Int? {
        if case .server(_, let status, _, _, _) = self { return status }
        return nil
    }

    /// The service's error code for `.server`, otherwise nil.
    public var code: String? {
        if case .server(_, _, let code, _, _) = self { return code }
        return nil
    }

    /// True when trying the same call again may succeed: 429, 5xx except 501, transport errors.
    public var isRetryable: Bool {
        switch self {
        case .server(_, let status, _, _, _): return status == 429 || (status >= 500 && status != 501)
        case .transport: return true
        case .decoding, .invalidRequest: return false
        }
    }

    /// One line for the user: what went wrong, from the server's own words where there are some.
    public var summary: String {
        switch self {
        case .server(let service, let status, let code, let message, _):
            let codePart = code.isEmpty ? "" : " \(code)"
            return "\(service.rawValue) said \(status)\(codePart): \(message.isEmpty ? "no message" : message)"
        case .transport(let service, let reason):
            return "Could not reach \(service.rawValue): \(reason)"
        case .decoding(let service, let reason):
            return "\(service.rawValue) sent an answer that could not be read: \(reason)"
        case .invalidRequest(let reason):
            return reason
        }
    }
}
