import Foundation

/// The IAM token service: `POST /identity/token` for the apikey, passcode and refresh_token grants,
/// and OIDC discovery. Every grant is sent form-urlencoded with `Authorization: Basic Yng6Yng=`
/// (client `bx:bx`, as the IBM Cloud CLI does, so a real refresh token comes back) and
/// `response_type=cloud_iam`. Source: API reference §3, §4.
public struct IAMTokenClient: Sendable {
    /// `Basic base64("bx:bx")`.
    public static let basicAuthorization = "Basic Yng6Yng="
    static let apiKeyGrant = "urn:ibm:params:oauth:grant-type:apikey"
    static let passcodeGrant = "urn:ibm:params:oauth:grant-type:passcode"

    let http: CloudHTTP
    let endpoints: Endpoints

    public init(transport: any HTTPTransport, endpoints: Endpoints, options: CloudClientOptions = CloudClientOptions()) {
        self.http = CloudHTTP(transport: transport, options: options); self.endpoints = endpoints
    }

    /// `GET /identity/.well-known/openid-configuration` (no authentication). Reads
    /// `passcode_endpoint` (required) and `token_endpoint`. Throws ``CloudError``.
    public func discoverOIDC() async throws -> OIDCConfiguration {
        let url = endpoints.iam.appendingAPIPath("/identity/.well-known/openid-configuration")
        let json = try await http.sendJSON(http.request("GET", url), service: .iam, idempotent: true)
        guard let passcodeText = json.string("passcode_endpoint"), let passcode = URL(string: passcodeText),
            let scheme = passcode.scheme?.lowercased(), scheme == "https" || scheme == "http"
        else {
            throw CloudError.decoding(service: .iam, failure: .missingField("passcode_endpoint"))
        }
        return OIDCConfiguration(passcodeEndpoint: passcode, tokenEndpoint: json.string("token_endpoint").flatMap(URL.init(string:)))
    }

    /// Apikey grant: `grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey=…`. The key is cleaned
    /// with ``APIKeyText/clean(_:)`` first: surrounding whitespace and invisible characters inside
    /// (zero-width spaces, bidi controls, control characters) are removed. Retried per policy.
    /// Throws ``CloudError`` (e.g. 400 `BXNIM0415E` for an unknown key; `.invalidRequest` for an
    /// empty key, one longer than ``APIKeyText/maxLength``, or a pasted JSON document).
    public func token(apiKey: Secret) async throws -> IAMToken {
        let key = APIKeyText.clean(apiKey.exposedValue).key
        guard !key.isEmpty else { throw CloudError.invalidRequest(.emptyAPIKey) }
        guard key.count <= APIKeyText.maxLength else { throw CloudError.invalidRequest(.apiKeyTooLong(limit: APIKeyText.maxLength)) }
        if let first = key.first, let last = key.last, "{}\"".contains(first) || "{}\"".contains(last) {
            throw CloudError.invalidRequest(.apiKeyLooksLikeJSON)
        }
        return try await grant([("grant_type", Self.apiKeyGrant), ("apikey", key)], idempotent: true)
    }

    /// Passcode grant: `grant_type=urn:ibm:params:oauth:grant-type:passcode&passcode=…`. Not retried
    /// (a one-time code cannot be sent twice). Throws ``CloudError``.
    public func token(passcode: Secret) async throws -> IAMToken {
        let code = passcode.exposedValue.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty else { throw CloudError.invalidRequest(.emptyPasscode) }
        return try await grant([("grant_type", Self.passcodeGrant), ("passcode", code)], idempotent: false)
    }

    /// Password grant for IBMid users who are not federated: `grant_type=password&username=…&password=…`,
    /// plus `security_code=…&vendor=TOTP` when the account asks for a second factor (API reference
    /// §3.1). Retried per policy (a grant creates nothing). Throws ``CloudError``: 400 when the
    /// credentials are wrong, when a second factor is needed, or when the user is federated (then
    /// SSO or an API key is the way in); see `CloudError.isFederatedUser` / `needsSecondFactor`.
    public func token(username: String, password: Secret, securityCode: Secret?) async throws -> IAMToken {
        let user = username.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !user.isEmpty else { throw CloudError.invalidRequest(.emptyIBMid) }
        guard !password.isEmpty else { throw CloudError.invalidRequest(.emptyPassword) }
        var fields = [("grant_type", "password"), ("username", user), ("password", password.exposedValue)]
        if let code = securityCode?.exposedValue.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            fields += [("security_code", code), ("vendor", "TOTP")]
        }
        return try await grant(fields, idempotent: true)
    }

    /// Refresh grant: `grant_type=refresh_token&refresh_token=…[&account=<guid>]`, which scopes the
    /// new token to that account. Retried per policy. Throws ``CloudError`` (400 `BXNIM0408E` when the
    /// refresh token expired: log in again).
    public func refresh(_ refreshToken: Secret, accountID: String?) async throws -> IAMToken {
        guard !refreshToken.isEmpty, refreshToken.exposedValue != "not_supported" else {
            throw CloudError.invalidRequest(.noRefreshToken)
        }
        var fields = [("grant_type", "refresh_token"), ("refresh_token", refreshToken.exposedValue)]
        if let accountID, !accountID.isEmpty { fields.append(("account", accountID)) }
        return try await grant(fields, idempotent: true)
    }

    private func grant(_ fields: [(String, String)], idempotent: Bool) async throws -> IAMToken {
        let body = FormEncoding.encode(fields + [("response_type", "cloud_iam")])
        let request = http.request(
            "POST", endpoints.iam.appendingAPIPath("/identity/token"),
            headers: [
                "Authorization": Self.basicAuthorization,
                "Content-Type": "application/x-www-form-urlencoded",
            ],
            body: Data(body.utf8)
        )
        let response = try await http.send(request, service: .iam, idempotent: idempotent)
        return try Self.parseToken(response.body)
    }

    /// Builds an ``IAMToken`` from a 200 body of `POST /identity/token`: `access_token` (required,
    /// a JWT), `refresh_token`, `token_type` (default `Bearer`), `expires_in` (s), `expiration`
    /// (Unix s; computed from `exp` when absent). Keeps the body verbatim in `rawResponse`.
    /// Throws ``CloudError/decoding(service:failure:)``.
    public static func parseToken(_ body: Data) throws -> IAMToken {
        let json = try JSONObject.parse(body, service: .iam)
        guard let access = json.rawString("access_token"), !access.isEmpty else {
            throw CloudError.decoding(service: .iam, failure: .missingField("access_token"))
        }
        let claims = try JWTClaimsDecoder.decode(access)
        let refresh = json.rawString("refresh_token").flatMap { $0.isEmpty ? nil : Secret($0) }
        let expiresIn = json.int("expires_in") ?? max(0, claims.expiresAt - claims.issuedAt)
        let expiration = json.int("expiration") ?? claims.expiresAt
        return IAMToken(
            accessToken: Secret(access),
            refreshToken: refresh,
            tokenType: json.string("token_type") ?? "Bearer",
            expiresIn: expiresIn,
            expiration: expiration,
            claims: claims,
            rawResponse: Secret(String(decoding: body, as: UTF8.self))
        )
    }
}
