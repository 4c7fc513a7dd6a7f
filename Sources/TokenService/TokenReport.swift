import CloudCore
import Foundation

/// What `token-wizard status` reports about one access token: whose it is and how long it lasts.
public struct TokenReport: Sendable, Hashable {
    /// Where the token was read from.
    public enum Origin: Sendable, Hashable {
        /// A token file: IAM's response as the wizard saves it (`token.json`).
        case tokenFile(String)
        /// The token cache entry for a key (the file path).
        case cache(String)
    }

    /// Where the token was read from.
    public var origin: Origin
    /// The token's claims: `iam_id`, `sub`, `sub_type`, `account.bss`, `iat`, `exp`.
    public var claims: TokenClaims
    /// Seconds until `exp` at the time of the report; negative once expired.
    public var secondsLeft: Int

    /// True while the token has not expired.
    public var isValid: Bool { secondsLeft > 0 }

    /// Builds the report for `accessToken` at `now` (Unix seconds).
    /// - Throws: ``CloudError/decoding(service:reason:)`` when the token is not an IAM JWT.
    public init(origin: Origin, accessToken: Secret, now: Int) throws {
        self.origin = origin
        self.claims = try JWTClaimsDecoder.decode(accessToken)
        self.secondsLeft = claims.expiresAt - now
    }
}

/// Why a token file gave no report.
public enum TokenFileError: Error, Sendable, Hashable {
    /// No file at that path.
    case missing(path: String)
    /// It could not be read (`errno`).
    case unreadable(path: String, errno: Int32)
    /// Not IAM's token response, or its `access_token` is not an IAM JWT.
    case notAToken(path: String)
}

/// Reads a token file: IAM's `POST /identity/token` response as JSON (the wizard's `token.json`).
public enum TokenFileReader {
    /// The `access_token` field of the file at `path`.
    /// - Throws: ``TokenFileError``.
    public static func accessToken(at path: String) throws(TokenFileError) -> Secret {
        let expanded = (path as NSString).expandingTildeInPath
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: expanded))
        } catch {
            if !FileManager.default.fileExists(atPath: expanded) { throw .missing(path: path) }
            throw .unreadable(path: path, errno: EACCES)
        }
        struct Response: Decodable { var access_token: String }
        guard data.count <= 1 << 20, let response = try? JSONDecoder().decode(Response.self, from: data),
            (try? JWTClaimsDecoder.decode(response.access_token)) != nil
        else { throw .notAToken(path: path) }
        return Secret(response.access_token)
    }
}
