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

/// A failed IBM Cloud call, as values: what the server said (its own words), or why no usable
/// answer came, or what was wrong before anything was sent. The front ends put it into words
/// (TerminalUI's strings tables); nothing here is a sentence for the user.
public enum CloudError: Error, Sendable, Hashable {
    /// The server answered with an error status. `code` is the service's own error code
    /// (`BXNIM0415E`, `policy_conflict_error`, `UNAUTHORIZED_ERR`, …) or empty; `message` is the
    /// server's own message (already stripped of control characters), empty when it gave none (the
    /// front end then shows the HTTP reason phrase); `requestID` is what support asks for.
    case server(service: CloudService, status: Int, code: String, message: String, requestID: String)
    /// No usable answer: connection refused or dropped, DNS, TLS, or the time limit ran out.
    case transport(service: CloudService, failure: TransportFailure)
    /// The answer was not the JSON the contract describes.
    case decoding(service: CloudService, failure: DecodingFailure)
    /// A local problem before anything was sent (bad endpoint, bad input).
    case invalidRequest(InputProblem)

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
}

/// Why no HTTP answer arrived.
public enum TransportFailure: Sendable, Hashable {
    /// The time limit, in seconds, ran out.
    case timedOut(seconds: Double)
    /// The server refused the connection (nothing listens there).
    case connectionRefused
    /// The connection was reset or closed before the answer was complete.
    case connectionReset
    /// The host name could not be resolved (DNS).
    case hostNotFound
    /// No route to the host, or the network is unreachable.
    case networkUnreachable
    /// TLS failed, e.g. the certificate did not verify; `detail` is the TLS library's own text.
    case tls(detail: String)
    /// What came back was not HTTP (another protocol on that port, or a broken proxy).
    case notHTTP
    /// The answer was larger than the transport accepts, in bytes.
    case responseTooLarge(limit: Int)
    /// The URL cannot be sent (scheme, host); `detail` names it.
    case unsupportedURL(detail: String)
    /// Another failure; `detail` is the network library's own text (technical, not a sentence of ours).
    case other(detail: String)
}

/// What was wrong with an answer that did arrive.
public enum DecodingFailure: Sendable, Hashable {
    /// The body is not JSON.
    case notJSON
    /// The body is JSON but not an object.
    case notJSONObject
    /// A required field is missing or empty; the dotted path, e.g. `resources[0].guid`.
    case missingField(String)
    /// A field is not an array; its path.
    case notAnArray(String)
    /// An element is not an object; its path, e.g. `errors[2]`.
    case notAnObject(String)
    /// The access token is not a JWT the wizard can read (three base64url segments, a JSON payload
    /// with `iam_id` and `exp`); the claim or part at fault, e.g. `exp`.
    case unreadableToken(part: String)
    /// A `next` page link that is not a URL.
    case nextPageNotURL
    /// A `next` page link to another host (its host): never followed with the token.
    case nextPageOtherHost(String)
    /// The same `next` link twice: a loop.
    case nextPageLoop
    /// More pages than the limit; listing stopped.
    case tooManyPages(limit: Int)
}

/// A local problem found before anything was sent.
public enum InputProblem: Sendable, Hashable {
    /// The API key is empty.
    case emptyAPIKey
    /// The API key starts or ends with `{`, `}` or `"`: a JSON document was pasted instead of the key.
    case apiKeyLooksLikeJSON
    /// The API key holds invisible characters (zero-width, bidi, control) that IAM would refuse.
    case apiKeyHasInvisibleCharacters(count: Int)
    /// The API key is longer than any IBM Cloud API key (limit in characters).
    case apiKeyTooLong(limit: Int)
    /// The one-time passcode is empty.
    case emptyPasscode
    /// The IBMid is empty.
    case emptyIBMid
    /// The password is empty.
    case emptyPassword
    /// The login has no refresh token (so it cannot be renewed or moved to another account).
    case noRefreshToken
    /// Not a region ID such as `us-south`.
    case badRegionID(String)
    /// Not a Key Protect instance GUID.
    case badInstanceGUID(String)
    /// The Key Protect endpoint built for a region is not a URL.
    case badKeyProtectURL(String)
    /// A request body could not be encoded (a program error; `detail` is technical).
    case unencodableBody(detail: String)
    /// The endpoints file cannot be used; `source` names the file.
    case endpoints(source: String, EndpointsProblem)
}

/// Why an endpoints file cannot be used.
public enum EndpointsProblem: Sendable, Hashable {
    /// The file cannot be read.
    case unreadable
    /// Not a JSON object.
    case notJSONObject
    /// Keys other than `iam`, `accounts`, `resource_controller`, `key_protect`.
    case unknownKeys([String])
    /// A key is missing or not a non-empty string.
    case notAString(key: String)
    /// A value is not an absolute URL.
    case notAURL(key: String, value: String)
    /// A URL holds a user name or password.
    case hasCredentials(key: String)
    /// A URL holds a query or fragment.
    case hasQuery(key: String)
    /// `http` to a host that is not loopback.
    case insecureHTTP(key: String)
    /// A scheme other than https/http.
    case notHTTPS(key: String)
    /// `key_protect` lacks `{region}`.
    case noRegionPlaceholder
}
