import CloudCore
import Foundation

/// One IAM access token kept in the token cache: IAM's own fields (never the refresh token) and
/// when this machine received it. Stored as JSON in `<cache>/<key hash>.json`, mode 0600.
public struct CachedToken: Sendable, Hashable {
    /// Hex SHA-256 of the IAM endpoint and the API key (see ``TokenCache/keyHash(apiKey:iam:)``);
    /// the file name carries the same value, so a file copied from another key is noticed.
    public var keyHash: String
    /// The IAM base URL the token came from, e.g. `https://iam.cloud.ibm.com`.
    public var iam: String
    /// When this machine received the token, Unix seconds (local clock).
    public var fetchedAt: Int
    /// IAM's `access_token`: the JWT sent as `Authorization: Bearer …`.
    public var accessToken: Secret
    /// IAM's `token_type`, normally `Bearer`.
    public var tokenType: String
    /// IAM's `expires_in`, seconds (the whole lifetime, normally 3600).
    public var expiresIn: Int
    /// IAM's `expiration`, Unix seconds (IAM's clock).
    public var expiration: Int

    /// Creates a cache entry from IAM's answer received at `fetchedAt` (Unix seconds).
    public init(keyHash: String, iam: String, fetchedAt: Int, token: IAMToken) {
        self.init(keyHash: keyHash, iam: iam, fetchedAt: fetchedAt, accessToken: token.accessToken,
            tokenType: token.tokenType.isEmpty ? "Bearer" : token.tokenType, expiresIn: token.expiresIn, expiration: token.expiration)
    }

    /// Creates a cache entry from its fields.
    public init(keyHash: String, iam: String, fetchedAt: Int, accessToken: Secret, tokenType: String, expiresIn: Int, expiration: Int) {
        self.keyHash = keyHash; self.iam = iam; self.fetchedAt = fetchedAt; self.accessToken = accessToken
        self.tokenType = tokenType; self.expiresIn = expiresIn; self.expiration = expiration
    }

    /// When the token stops being served from the cache, Unix seconds: at 80 % of its lifetime
    /// (IBM's SDK rule, `expiration − 0.2 × expires_in`), or 60 s before it expires if that is
    /// sooner. Measured on the local clock from ``fetchedAt``, so a skewed clock does not matter.
    public var refreshAt: Int { fetchedAt + min(expiresIn * 8 / 10, expiresIn - 60) }

    /// When the token expires on the local clock, Unix seconds (``fetchedAt`` + ``expiresIn``).
    public var expiresAt: Int { fetchedAt + expiresIn }

    /// True while the cached token may be served without asking IAM: before ``refreshAt``, and not
    /// from the future (a clock set back by more than 5 minutes makes the entry untrusted).
    public func isFresh(now: Int) -> Bool { now < refreshAt && now >= fetchedAt - 300 }

    /// Seconds the token is still valid for at `now` (0 once expired).
    public func secondsLeft(now: Int) -> Int { max(0, expiresAt - now) }
}

/// The cache file's JSON, with IAM's field names for the token.
struct CachedTokenFile: Codable {
    var version: Int
    var keySHA256: String
    var iam: String
    var fetchedAt: Int
    var accessToken: String
    var tokenType: String
    var expiresIn: Int
    var expiration: Int

    static let currentVersion = 1

    enum CodingKeys: String, CodingKey {
        case version
        case keySHA256 = "key_sha256"
        case iam
        case fetchedAt = "fetched_at"
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case expiration
    }

    init(_ token: CachedToken) {
        version = Self.currentVersion; keySHA256 = token.keyHash; iam = token.iam; fetchedAt = token.fetchedAt
        accessToken = token.accessToken.exposedValue; tokenType = token.tokenType; expiresIn = token.expiresIn
        expiration = token.expiration
    }

    var token: CachedToken {
        CachedToken(keyHash: keySHA256, iam: iam, fetchedAt: fetchedAt, accessToken: Secret(accessToken),
            tokenType: tokenType, expiresIn: expiresIn, expiration: expiration)
    }
}
