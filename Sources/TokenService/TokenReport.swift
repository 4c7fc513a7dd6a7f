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

/// Reads a token file: IAM's `POST /identity/token` response as JSON (the wizard's `token.json`,
/// `token --format json`), or a file holding the bare JWT (`token > FILE`).
public enum TokenFileReader {
    /// Largest token file read, in bytes (1 MiB).
    public static let maxBytes = 1 << 20

    /// The access token in the file at `path`.
    /// - Throws: ``TokenFileError``: missing, unreadable (with the system's reason, e.g. `EISDIR`),
    ///   or not a token.
    public static func accessToken(at path: String) throws(TokenFileError) -> Secret {
        let expanded = (path as NSString).expandingTildeInPath
        let fd = open(expanded, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw errno == ENOENT ? .missing(path: path) : .unreadable(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, errno: EISDIR) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count <= maxBytes {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { throw .unreadable(path: path, errno: errno) }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        guard data.count <= maxBytes else { throw .notAToken(path: path) }
        struct Response: Decodable { var access_token: String }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let candidate = (try? JSONDecoder().decode(Response.self, from: Data(text.utf8)))?.access_token ?? text
        guard (try? JWTClaimsDecoder.decode(candidate)) != nil else { throw .notAToken(path: path) }
        return Secret(candidate)
    }
}
