import Foundation
import Hummingbird

/// IAM token service: `POST /identity/token` (alias `POST /oidc/token`), reference §3.
///
/// Grants: `urn:ibm:params:oauth:grant-type:apikey`, `urn:ibm:params:oauth:grant-type:passcode`,
/// `password`, `refresh_token` (with optional `account`/`bss_account` scoping). A real refresh token
/// is returned only to the CLI client (`Authorization: Basic bx:bx`); otherwise `"not_supported"`.
struct IAMTokenRoutes {
    static let apiKeyGrant = "urn:ibm:params:oauth:grant-type:apikey"
    static let passcodeGrant = "urn:ibm:params:oauth:grant-type:passcode"

    let core: EmulatorCore

    func register(on router: Router<EmulatorRequestContext>) {
        router.post("/identity/token") { request, _ in try await token(request) }
        router.post("/oidc/token") { request, _ in try await token(request) }
    }

    /// What a successful grant resolved to.
    private struct Grant {
        let principal: Principal
        let accountID: String
        let sessionID: String?
    }

    private func token(_ request: Request) async throws -> Response {
        let form = parseFormEncoded(String(decoding: try await request.bodyData(), as: UTF8.self))
        let clientID = try client(of: request)
        guard let grantType = nonEmpty(form["grant_type"]) else { throw missing("grant_type") }
        let requestedAccount = nonEmpty(form["account"]) ?? nonEmpty(form["bss_account"])
        let now = core.clock.now

        let grant: Grant = try core.state.withLock { state in
            switch grantType {
            case Self.apiKeyGrant:
                guard let value = nonEmpty(form["apikey"]) else { throw missing("apikey") }
                guard let key = state.world.apiKeys.first(where: { $0.value == value }), !key.disabled,
                    let principal = state.principal(iamID: key.iamID)
                else {
                    throw EmulatorError.iam(.badRequest, "BXNIM0415E", "Provided API key could not be found.")
                }
                if let requestedAccount, requestedAccount != key.accountID {
                    throw Self.notInAccount(requestedAccount)
                }
                return Grant(principal: principal, accountID: key.accountID, sessionID: nil)

            case Self.passcodeGrant:
                guard let passcode = nonEmpty(form["passcode"]) else { throw missing("passcode") }
                guard let record = state.passcodes.removeValue(forKey: passcode), record.expiresAt > now,
                    let user = state.user(iamID: record.userIAMID)
                else {
                    throw EmulatorError.iam(
                        .badRequest, "BXNIM0400E", "Provided passcode is invalid, expired or has already been used.")
                }
                return Grant(principal: .user(user), accountID: try Self.account(requestedAccount, for: user, in: state), sessionID: newSessionID())

            case "password":
                guard let username = nonEmpty(form["username"]) else { throw missing("username") }
                guard let password = nonEmpty(form["password"]) else { throw missing("password") }
                if let user = state.user(email: username), user.federated == true {
                    throw EmulatorError.iam(.badRequest, "BXNIM0602E",
                        "The user '\(username)' is federated: log in with a one-time passcode (SSO) or an API key.")
                }
                guard let user = state.user(email: username), let expected = user.password, expected == password else {
                    throw EmulatorError.iam(.badRequest, "BXNIM0602E", "The credentials you entered for the user '\(username)' are incorrect.")
                }
                if user.mfa != nil {
                    guard let code = nonEmpty(form["security_code"]), nonEmpty(form["vendor"]) != nil else {
                        throw EmulatorError.iam(.badRequest, "BXNIM0601E",
                            "The account requires multi-factor authentication: send security_code and vendor.")
                    }
                    guard code == user.totpCode else {
                        throw EmulatorError.iam(.badRequest, "BXNIM0602E", "The security code for the user '\(username)' is incorrect.")
                    }
                }
                return Grant(principal: .user(user), accountID: try Self.account(requestedAccount, for: user, in: state), sessionID: newSessionID())

            case "refresh_token":
                guard let refreshToken = nonEmpty(form["refresh_token"]) else { throw missing("refresh_token") }
                guard let record = state.refreshTokens[refreshToken], record.clientID == clientID,
                    let principal = state.principal(iamID: record.iamID)
                else {
                    throw EmulatorError.iam(.badRequest, "BXNIM0407E", "Provided refresh token is invalid.")
                }
                guard record.expiresAt > now else {
                    throw EmulatorError.iam(.badRequest, "BXNIM0408E", "Provided refresh token is expired.")
                }
                let accountID = requestedAccount ?? record.accountID
                guard state.isMember(principal.iamID, of: accountID) else { throw Self.notInAccount(accountID) }
                return Grant(principal: principal, accountID: accountID, sessionID: record.sessionID)

            default:
                throw EmulatorError.iam(.badRequest, "BXNIM0103E", "Unsupported grant type: \(grantType).")
            }
        }
        return try await issue(grant, grantType: grantType, clientID: clientID)
    }

    /// Mints the access token (and a refresh token for client `bx`) and writes the token response.
    private func issue(_ grant: Grant, grantType: String, clientID: String) async throws -> Response {
        let now = core.clock.unixSeconds
        let ttl = core.configuration.tokenTTL
        let claims = Self.claims(
            for: grant.principal, accountID: grant.accountID, sessionID: grant.sessionID, grantType: grantType,
            clientID: clientID, issuedAt: now, expiresAt: now + ttl)
        let accessToken = try await core.tokens.sign(claims)

        var refreshToken = "not_supported"
        var refreshExpiration: Int?
        if clientID == "bx" {
            refreshToken = Self.randomToken(bytes: 48)
            let expiresAt = core.clock.now.addingTimeInterval(TimeInterval(core.configuration.refreshTokenTTL))
            refreshExpiration = Int(expiresAt.timeIntervalSince1970)
            core.state.withLock {
                $0.refreshTokens[refreshToken] = RefreshRecord(
                    iamID: grant.principal.iamID, accountID: grant.accountID, clientID: clientID,
                    sessionID: grant.sessionID, expiresAt: expiresAt)
            }
        }
        var imsUserID: JSONValue?
        if case .user(let user) = grant.principal { imsUserID = .int(user.imsUserID) }
        return .json(
            .compact([
                ("access_token", .string(accessToken)),
                ("refresh_token", .string(refreshToken)),
                ("ims_user_id", imsUserID),
                ("token_type", "Bearer"),
                ("expires_in", .int(ttl)),
                ("expiration", .int(now + ttl)),
                ("refresh_token_expiration", refreshExpiration.map(JSONValue.int)),
                ("scope", "ibm openid"),
                ("session_id", grant.sessionID.map(JSONValue.string)),
            ]))
    }

    /// The JWT claims for a principal (reference §5).
    static func claims(
        for principal: Principal, accountID: String, sessionID: String?, grantType: String, clientID: String,
        issuedAt: Int, expiresAt: Int
    ) -> AccessClaims {
        switch principal {
        case .user(let user):
            let fullName = "\(user.givenName) \(user.familyName)"
            return AccessClaims(
                iamID: user.iamID, id: user.iamID, realmID: "IBMid", jti: UUID().uuidString.lowercased(),
                identifier: user.identifier, givenName: user.givenName, familyName: user.familyName, name: fullName,
                email: user.email, sub: user.email, subType: nil,
                authn: .init(
                    sub: user.email, iamID: user.iamID, name: fullName, givenName: user.givenName,
                    familyName: user.familyName, email: user.email, subType: nil),
                account: .init(bss: accountID, valid: true, frozen: nil), sessionID: sessionID,
                iat: issuedAt, exp: expiresAt, iss: TokenAuthority.issuer, grantType: grantType, scope: "ibm openid",
                clientID: clientID, acr: 1, amr: ["pwd"])
        case .serviceID(let serviceID):
            return AccessClaims(
                iamID: serviceID.iamID, id: serviceID.iamID, realmID: "iam", jti: UUID().uuidString.lowercased(),
                identifier: serviceID.id, givenName: nil, familyName: nil, name: serviceID.name, email: nil,
                sub: serviceID.id, subType: "ServiceId",
                authn: .init(
                    sub: serviceID.id, iamID: serviceID.iamID, name: serviceID.name, givenName: nil, familyName: nil,
                    email: nil, subType: "ServiceId"),
                account: .init(bss: accountID, valid: true, frozen: true), sessionID: sessionID,
                iat: issuedAt, exp: expiresAt, iss: TokenAuthority.issuer, grantType: grantType, scope: "ibm openid",
                clientID: clientID, acr: 1, amr: ["pwd"])
        }
    }

    /// `bx` for `Authorization: Basic bx:bx`, `default` without credentials; other credentials are refused.
    private func client(of request: Request) throws -> String {
        guard let value = request.header("Authorization") else { return "default" }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            String(decoding: decoded, as: UTF8.self) == "bx:bx"
        else {
            throw EmulatorError.iam(.badRequest, "BXNIM0108E", "Client ID or client secret is invalid.")
        }
        return "bx"
    }

    /// The account a user logs in to: the requested one (if a member) or their first account.
    private static func account(_ requested: String?, for user: EmulatorWorld.User, in state: WorldState) throws -> String {
        if let requested {
            guard user.accountIDs.contains(requested) else { throw notInAccount(requested) }
            return requested
        }
        guard let first = user.accountIDs.first else {
            throw EmulatorError.iam(.badRequest, "BXNIM0514E", "The user is not a member of any account.")
        }
        return first
    }

    private static func notInAccount(_ accountID: String) -> EmulatorError {
        .iam(.forbidden, "BXNIM0513E", "You are not authorized to use account \(accountID).")
    }

    private func missing(_ property: String) -> EmulatorError {
        .iam(.badRequest, "BXNIM0109E", "Property missing or empty. Property: \(property)")
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private func newSessionID() -> String { "C-" + UUID().uuidString.lowercased() }

    static func randomToken(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return data.base64URLEncoded()
    }
}
