import Foundation

/// Reads the claims of an IAM access token (a JWS `header.payload.signature`) without checking the
/// signature: base64url-decodes the middle segment (padding restored) and reads `iam_id` (or `id`),
/// `sub`, `sub_type`, `account.bss`, `iat`, `exp` (Unix seconds) and `name`. See API reference §5.
public enum JWTClaimsDecoder {
    /// Decodes `token`. Throws ``CloudError/decoding(service:failure:)`` (service IAM) when it is not
    /// three dot-separated segments, the payload is not base64url JSON, or `iam_id`/`exp` is missing.
    public static func decode(_ token: String) throws -> TokenClaims {
        let segments = token.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, !segments[1].isEmpty else {
            throw CloudError.decoding(service: .iam, failure: .unreadableToken(part: "segments"))
        }
        guard let data = base64URLDecode(String(segments[1])) else {
            throw CloudError.decoding(service: .iam, failure: .unreadableToken(part: "payload"))
        }
        let claims: JSONObject
        do { claims = try JSONObject.parse(data, service: .iam) } catch {
            throw CloudError.decoding(service: .iam, failure: .unreadableToken(part: "payload"))
        }
        guard let iamID = nonEmpty(claims.string("iam_id")) ?? nonEmpty(claims.string("id")) else {
            throw CloudError.decoding(service: .iam, failure: .unreadableToken(part: "iam_id"))
        }
        guard let exp = claims.int("exp") else {
            throw CloudError.decoding(service: .iam, failure: .unreadableToken(part: "exp"))
        }
        return TokenClaims(
            iamID: iamID,
            subject: claims.string("sub") ?? "",
            subjectType: claims.string("sub_type") ?? "",
            accountID: claims.object("account")?.string("bss") ?? "",
            issuedAt: claims.int("iat") ?? 0,
            expiresAt: exp,
            name: claims.string("name") ?? ""
        )
    }

    /// Decodes the token held in `secret`; see ``decode(_:)-swift.type.method``.
    public static func decode(_ secret: Secret) throws -> TokenClaims { try decode(secret.exposedValue) }

    /// Base64url (RFC 4648 §5) to bytes, accepting missing padding; nil when invalid.
    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        switch base64.count % 4 {
        case 0: break
        case 2: base64 += "=="
        case 3: base64 += "="
        default: return nil
        }
        return Data(base64Encoded: base64)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
