import CryptoExtras
import Foundation
import JWTKit

/// Signs and verifies the emulator's RS256 access tokens and publishes the public key as a JWKS.
///
/// One 2048-bit RSA key pair is generated per process (generation is slow in debug builds, and
/// every server in a test run can share it). Its `kid` is derived from the public key.
final class TokenAuthority: Sendable {
    /// Why a bearer token was refused.
    enum Failure: Error, Equatable {
        case malformed
        case badSignature
        case expired
    }

    /// The issuer written into `iss` (and the OIDC `issuer`): the real IAM issuer, see "Choices".
    static let issuer = "https://iam.cloud.ibm.com/identity"

    private static let sharedKey: JWTKit.Insecure.RSA.PrivateKey = {
        // 2048 bits is JWTKit's minimum for RSA.
        let backing = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
        return try! JWTKit.Insecure.RSA.PrivateKey(backing: backing)
    }()

    let kid: String
    let jwks: JSONValue
    private let keys: JWTKeyCollection
    private let clock: EmulatorClock
    /// `jti`s of the access tokens signed so far, and of those made to expire early (`expire` fault).
    private let jtis = Locked<(issued: Set<String>, expired: Set<String>)>(([], []))

    init(clock: EmulatorClock) async throws {
        let privateKey = Self.sharedKey
        let primitives = try privateKey.publicKey.getKeyPrimitives()
        let modulus = primitives.modulus.base64URLEncoded()
        let exponent = primitives.publicExponent.base64URLEncoded()
        let kid = "emulator-" + String(modulus.suffix(12)).replacingOccurrences(of: "-", with: "x")
            .replacingOccurrences(of: "_", with: "y")
        self.kid = kid
        self.jwks = [
            "keys": [["kty": "RSA", "n": .string(modulus), "e": .string(exponent), "alg": "RS256", "kid": .string(kid), "use": "sig"]]
        ]
        self.clock = clock
        self.keys = JWTKeyCollection()
        await keys.add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
    }

    /// Signs claims into a compact JWT.
    func sign(_ claims: AccessClaims) async throws -> String {
        jtis.withLock { _ = $0.issued.insert(claims.jti) }
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }

    /// Makes every access token signed so far verify as expired.
    func expireIssuedTokens() {
        jtis.withLock { $0.expired.formUnion($0.issued) }
    }

    /// Verifies signature and expiry (against the emulator clock) of a compact JWT.
    func verify(_ token: String) async -> Result<AccessClaims, Failure> {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return .failure(.malformed) }
        let claims: AccessClaims
        do {
            claims = try await keys.verify(token, as: AccessClaims.self)
        } catch {
            return .failure(.badSignature)
        }
        guard claims.exp > clock.unixSeconds, !jtis.current.expired.contains(claims.jti) else { return .failure(.expired) }
        return .success(claims)
    }
}

extension Data {
    /// Base64url without padding (RFC 7515).
    func base64URLEncoded() -> String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
