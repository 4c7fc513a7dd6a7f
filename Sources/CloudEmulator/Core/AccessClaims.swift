import JWTKit

/// The claims of an emulated IAM access token (reference §5).
///
/// Users: `realmid` `IBMid`, no `sub_type`, profile names. Service IDs: `realmid` `iam`,
/// `sub_type` `ServiceId`, only `name`. Expiry is checked against the injectable `EmulatorClock`
/// by `TokenAuthority`, not here.
struct AccessClaims: JWTPayload, Equatable {
    struct AccountClaim: Codable, Sendable, Equatable {
        var bss: String
        var valid: Bool
        var frozen: Bool?
    }

    struct AuthnClaim: Codable, Sendable, Equatable {
        var sub: String
        var iamID: String
        var name: String?
        var givenName: String?
        var familyName: String?
        var email: String?
        var subType: String?

        enum CodingKeys: String, CodingKey {
            case sub, name, email
            case iamID = "iam_id"
            case givenName = "given_name"
            case familyName = "family_name"
            case subType = "sub_type"
        }
    }

    var iamID: String
    var id: String
    var realmID: String
    var jti: String
    var identifier: String
    var givenName: String?
    var familyName: String?
    var name: String?
    var email: String?
    var sub: String
    var subType: String?
    var authn: AuthnClaim
    var account: AccountClaim
    var sessionID: String?
    var iat: Int
    var exp: Int
    var iss: String
    var grantType: String
    var scope: String
    var clientID: String
    var acr: Int
    var amr: [String]

    enum CodingKeys: String, CodingKey {
        case id, jti, identifier, name, email, sub, authn, account, iat, exp, iss, scope, acr, amr
        case iamID = "iam_id"
        case realmID = "realmid"
        case givenName = "given_name"
        case familyName = "family_name"
        case subType = "sub_type"
        case sessionID = "session_id"
        case grantType = "grant_type"
        case clientID = "client_id"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// Whether the subject is a service ID.
    var isServiceID: Bool { subType == "ServiceId" }
}
