import Foundation
import Hummingbird

/// IAM discovery and SSO helpers (reference §4, §5):
/// - `GET /identity/.well-known/openid-configuration` (no auth), URLs on this server;
/// - `GET /identity/keys`: JWKS with the RS256 public key that signs access tokens;
/// - `GET /identity/passcode[?user=<email>]`: a fresh single-use one-time passcode (10 characters,
///   A–Z and 0–9). HTML with a line `One-time passcode: XXXXXXXXXX`, or `{"passcode":"…"}` when the
///   request accepts `application/json`.
struct IAMDiscoveryRoutes {
    let core: EmulatorCore

    func register(on router: Router<EmulatorRequestContext>) {
        router.get("/identity/.well-known/openid-configuration") { _, _ in openIDConfiguration() }
        router.get("/identity/keys") { _, _ in Response.json(core.tokens.jwks) }
        router.get("/identity/passcode") { request, _ in try passcode(request) }
    }

    private func openIDConfiguration() -> Response {
        let base = core.baseURL + "/identity"
        return .json([
            "issuer": .string(TokenAuthority.issuer),
            "authorization_endpoint": .string(base + "/authorize"),
            "token_endpoint": .string(base + "/token"),
            "passcode_endpoint": .string(base + "/passcode"),
            "userinfo_endpoint": .string(base + "/userinfo"),
            "jwks_uri": .string(base + "/keys"),
            "public_hosts": ["127.0.0.1"],
            "response_types_supported": ["cloud_iam", "uaa", "cloud_iam uaa", "code", "id_token", "token"],
            "grant_types_supported": [
                "authorization_code", "password", "refresh_token", "urn:ibm:params:oauth:grant-type:apikey",
                "urn:ibm:params:oauth:grant-type:passcode",
            ],
            "scopes_supported": ["openid"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        ])
    }

    private func passcode(_ request: Request) throws -> Response {
        let email = request.query["user"] ?? EmulatorWorld.sandboxUserEmail
        let expiresAt = core.clock.now.addingTimeInterval(TimeInterval(core.configuration.passcodeTTL))
        let code: String = try core.state.withLock { state in
            guard let user = state.user(email: email) else {
                throw EmulatorError.iam(.notFound, "BXNIM0404E", "User '\(email)' is not known to this emulator.")
            }
            // Drop expired passcodes so the table does not grow without bound.
            let now = core.clock.now
            state.passcodes = state.passcodes.filter { $0.value.expiresAt > now }
            var code = Self.newPasscode()
            while state.passcodes[code] != nil { code = Self.newPasscode() }
            state.passcodes[code] = PasscodeRecord(userIAMID: user.iamID, expiresAt: expiresAt)
            return code
        }
        if request.header("Accept")?.contains("application/json") == true {
            return .json(["passcode": .string(code)])
        }
        let html = """
            <!DOCTYPE html>
            <html><head><title>IBM Cloud one-time passcode (emulator)</title></head>
            <body>
            <p>User: \(email)</p>
            <pre>
            One-time passcode: \(code)
            </pre>
            <p>The passcode can be used once and expires in \(core.configuration.passcodeTTL) seconds.</p>
            </body></html>

            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func newPasscode() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<10).map { _ in alphabet.randomElement()! })
    }
}
