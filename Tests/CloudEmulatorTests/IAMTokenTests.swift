import Foundation
import JWTKit
import Testing

@testable import CloudEmulator

@Suite("IAM token endpoint")
struct IAMTokenTests {
    @Test("API key grant returns IAM's fields and a user token scoped to the key's account")
    func apiKeyGrant() async throws {
        try await withEmulator(tokenTTL: 1200) { cloud in
            let reply = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", EmulatorWorld.sandboxUserAPIKey)])
            #expect(reply.status == 200)
            let json = reply.json
            #expect(json["token_type"] as? String == "Bearer")
            #expect(json["expires_in"] as? Int == 1200)
            #expect(json["expiration"] as? Int == cloud.clock.unixSeconds + 1200)
            #expect(json["scope"] as? String == "ibm openid")
            #expect(json["refresh_token"] as? String == "not_supported")
            #expect(json["ims_user_id"] as? Int == 7_000_001)

            let claims = try jwtClaims(try #require(json["access_token"] as? String))
            #expect(claims["iam_id"] as? String == EmulatorWorld.sandboxUserIAMID)
            #expect(claims["id"] as? String == EmulatorWorld.sandboxUserIAMID)
            #expect(claims["realmid"] as? String == "IBMid")
            #expect(claims["identifier"] as? String == "6650000SBX")
            #expect(claims["sub"] as? String == EmulatorWorld.sandboxUserEmail)
            #expect(claims["email"] as? String == EmulatorWorld.sandboxUserEmail)
            #expect(claims["sub_type"] == nil)
            #expect(claims["client_id"] as? String == "default")
            #expect(claims["grant_type"] as? String == Cloud.apiKeyGrant)
            #expect(claims["iss"] as? String == "https://iam.cloud.ibm.com/identity")
            #expect((claims["exp"] as? Int).map { $0 - (claims["iat"] as? Int ?? 0) } == 1200)
            let account = try #require(claims["account"] as? [String: Any])
            #expect(account["bss"] as? String == Cloud.devAccount)
            #expect(account["valid"] as? Bool == true)
        }
    }

    @Test("Basic bx:bx yields a real refresh token and client_id bx")
    func basicBXGivesRefreshToken() async throws {
        try await withEmulator { cloud in
            let reply = try await cloud.tokenRequest(
                [("grant_type", Cloud.apiKeyGrant), ("apikey", EmulatorWorld.sandboxUserAPIKey)], basic: true)
            #expect(reply.status == 200)
            let refresh = try #require(reply.json["refresh_token"] as? String)
            #expect(refresh != "not_supported" && refresh.count > 20)
            #expect(try jwtClaims(reply.json["access_token"] as! String)["client_id"] as? String == "bx")
        }
    }

    @Test("A wrong API key is 400 BXNIM0415E in the IAM envelope; a padded key is wrong too")
    func wrongAPIKey() async throws {
        try await withEmulator { cloud in
            for key in ["not-a-key", " " + EmulatorWorld.sandboxUserAPIKey] {
                let reply = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant), ("apikey", key)])
                #expect(reply.status == 400)
                #expect(reply.json["errorCode"] as? String == "BXNIM0415E")
                #expect(reply.json["errorMessage"] as? String == "Provided API key could not be found.")
                let context = try #require(reply.json["context"] as? [String: Any])
                #expect((context["requestId"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("Missing parameters and unknown grants are 400 with IAM codes")
    func missingParameters() async throws {
        try await withEmulator { cloud in
            let noKey = try await cloud.tokenRequest([("grant_type", Cloud.apiKeyGrant)])
            #expect(noKey.status == 400)
            #expect(noKey.json["errorCode"] as? String == "BXNIM0109E")
            let noGrant = try await cloud.tokenRequest([("apikey", "x")])
            #expect(noGrant.json["errorCode"] as? String == "BXNIM0109E")
            let unknown = try await cloud.tokenRequest([("grant_type", "client_credentials")])
            #expect(unknown.status == 400)
            #expect(unknown.json["errorCode"] as? String == "BXNIM0103E")
        }
    }

    @Test("The passcode page shows a single-use 10-character passcode that logs in to the first account")
    func passcodeIsSingleUse() async throws {
        try await withEmulator { cloud in
            let page = try await cloud.send(.get, "/identity/passcode")
            #expect(page.status == 200)
            let line = try #require(page.text.split(separator: "\n").first { $0.hasPrefix("One-time passcode: ") })
            let passcode = String(line.dropFirst("One-time passcode: ".count))
            #expect(passcode.count == 10)
            #expect(passcode.allSatisfy { $0.isLetter || $0.isNumber })

            let first = try await cloud.tokenRequest([("grant_type", Cloud.passcodeGrant), ("passcode", passcode)], basic: true)
            #expect(first.status == 200)
            #expect((first.json["session_id"] as? String)?.isEmpty == false)
            let claims = try jwtClaims(try #require(first.json["access_token"] as? String))
            #expect(claims["grant_type"] as? String == Cloud.passcodeGrant)
            #expect((claims["account"] as? [String: Any])?["bss"] as? String == Cloud.devAccount)

            let again = try await cloud.tokenRequest([("grant_type", Cloud.passcodeGrant), ("passcode", passcode)], basic: true)
            #expect(again.status == 400)
            #expect(again.json["errorCode"] as? String == "BXNIM0400E")
        }
    }

    @Test("A passcode expires after 300 seconds")
    func passcodeExpires() async throws {
        try await withEmulator { cloud in
            let passcode = try await cloud.passcode()
            cloud.clock.advance(by: 301)
            let reply = try await cloud.tokenRequest([("grant_type", Cloud.passcodeGrant), ("passcode", passcode)], basic: true)
            #expect(reply.status == 400)
            #expect(reply.json["errorCode"] as? String == "BXNIM0400E")
        }
    }

    @Test("Refresh with account= scopes to another of the user's accounts; a foreign account is 403")
    func refreshWithAccountScoping() async throws {
        try await withEmulator { cloud in
            let login = try await cloud.tokenRequest([("grant_type", Cloud.passcodeGrant), ("passcode", try await cloud.passcode())], basic: true)
            let refresh = try #require(login.json["refresh_token"] as? String)

            let scoped = try await cloud.tokenRequest(
                [("grant_type", "refresh_token"), ("refresh_token", refresh), ("account", Cloud.prodAccount)], basic: true)
            #expect(scoped.status == 200)
            let claims = try jwtClaims(try #require(scoped.json["access_token"] as? String))
            #expect((claims["account"] as? [String: Any])?["bss"] as? String == Cloud.prodAccount)
            #expect(claims["session_id"] as? String == login.json["session_id"] as? String)

            let viaBSS = try await cloud.tokenRequest(
                [("grant_type", "refresh_token"), ("refresh_token", refresh), ("bss_account", EmulatorWorld.StandardIDs.stagingAccount)],
                basic: true)
            #expect(viaBSS.status == 200)
            #expect(
                (try jwtClaims(viaBSS.json["access_token"] as! String)["account"] as? [String: Any])?["bss"] as? String
                    == EmulatorWorld.StandardIDs.stagingAccount)

            let foreign = try await cloud.tokenRequest(
                [("grant_type", "refresh_token"), ("refresh_token", refresh), ("account", Cloud.otherAccount)], basic: true)
            #expect(foreign.status == 403)
            #expect(foreign.json["errorCode"] as? String == "BXNIM0513E")

            let bogus = try await cloud.tokenRequest([("grant_type", "refresh_token"), ("refresh_token", "bogus")], basic: true)
            #expect(bogus.status == 400)
            #expect(bogus.json["errorCode"] as? String == "BXNIM0407E")

            let otherClient = try await cloud.tokenRequest([("grant_type", "refresh_token"), ("refresh_token", refresh)])
            #expect(otherClient.status == 400)
            #expect(otherClient.json["errorCode"] as? String == "BXNIM0407E")
        }
    }

    @Test("An expired refresh token is BXNIM0408E")
    func refreshTokenExpires() async throws {
        try await withEmulator { cloud in
            let login = try await cloud.tokenRequest(
                [("grant_type", Cloud.apiKeyGrant), ("apikey", EmulatorWorld.sandboxUserAPIKey)], basic: true)
            let refresh = try #require(login.json["refresh_token"] as? String)
            cloud.clock.advance(by: 31 * 86_400)
            let reply = try await cloud.tokenRequest([("grant_type", "refresh_token"), ("refresh_token", refresh)], basic: true)
            #expect(reply.status == 400)
            #expect(reply.json["errorCode"] as? String == "BXNIM0408E")
        }
    }

    @Test("Password grant accepts the user's password and refuses a wrong one")
    func passwordGrant() async throws {
        try await withEmulator { cloud in
            let ok = try await cloud.tokenRequest(
                [("grant_type", "password"), ("username", EmulatorWorld.sandboxUserEmail), ("password", EmulatorWorld.sandboxUserPassword)],
                basic: true)
            #expect(ok.status == 200)
            let bad = try await cloud.tokenRequest(
                [("grant_type", "password"), ("username", EmulatorWorld.sandboxUserEmail), ("password", "nope")], basic: true)
            #expect(bad.status == 400)
            #expect(bad.json["errorCode"] as? String == "BXNIM0602E")
        }
    }

    @Test("Password grant: a second factor when the user has MFA; federated users are refused")
    func passwordGrantMFAAndFederated() async throws {
        try await withEmulator { cloud in
            let base = [("grant_type", "password"), ("username", EmulatorWorld.mfaUserEmail), ("password", EmulatorWorld.mfaUserPassword)]
            let asked = try await cloud.tokenRequest(base, basic: true)
            #expect(asked.status == 400)
            #expect((asked.json["errorMessage"] as? String)?.contains("security_code") == true)
            let wrong = try await cloud.tokenRequest(base + [("security_code", "000000"), ("vendor", "TOTP")], basic: true)
            #expect(wrong.status == 400)
            let ok = try await cloud.tokenRequest(base + [("security_code", EmulatorWorld.mfaUserCode), ("vendor", "TOTP")], basic: true)
            #expect(ok.status == 200)
            let federated = try await cloud.tokenRequest(
                [("grant_type", "password"), ("username", EmulatorWorld.federatedUserEmail), ("password", "anything")], basic: true)
            #expect(federated.status == 400)
            #expect((federated.json["errorMessage"] as? String)?.contains("federated") == true)
        }
    }

    @Test("Wrong Basic client credentials are refused")
    func wrongClient() async throws {
        try await withEmulator { cloud in
            let reply = try await cloud.send(
                .post, "/identity/token",
                headers: ["Authorization": "Basic " + Data("cf:".utf8).base64EncodedString()],
                body: "grant_type=\(queryEscape(Cloud.apiKeyGrant))&apikey=\(EmulatorWorld.sandboxUserAPIKey)")
            #expect(reply.status == 400)
            #expect(reply.json["errorCode"] as? String == "BXNIM0108E")
        }
    }
}

/// Just enough claims to let JWTKit check the signature.
private struct SignedClaims: JWTPayload {
    var iam_id: String
    var exp: Int
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

@Suite("IAM discovery and keys")
struct IAMDiscoveryTests {
    @Test("Access tokens verify against the JWKS at /identity/keys; a tampered token does not")
    func tokensVerifyAgainstJWKS() async throws {
        try await withEmulator { cloud in
            let jwks = try await cloud.send(.get, "/identity/keys")
            #expect(jwks.status == 200)
            let key = try #require((jwks.json["keys"] as? [[String: Any]])?.first)
            #expect(key["kty"] as? String == "RSA")
            #expect(key["alg"] as? String == "RS256")
            let token = try await cloud.userToken()
            let header = try #require(Data(base64Encoded: String(token.split(separator: ".")[0]) + "=="))
            #expect(String(decoding: header, as: UTF8.self).contains("\"kid\":\"\(key["kid"] as! String)\""))

            let collection = try await JWTKeyCollection().add(jwksJSON: jwks.text)
            let verified = try await collection.verify(token, as: SignedClaims.self)
            #expect(verified.iam_id == EmulatorWorld.sandboxUserIAMID)

            var parts = token.split(separator: ".").map(String.init)
            var payload = try jwtClaims(token)
            payload["iam_id"] = "IBMid-ATTACKER"
            parts[1] = try JSONSerialization.data(withJSONObject: payload).base64URLEncoded()
            await #expect(throws: (any Error).self) {
                _ = try await collection.verify(parts.joined(separator: "."), as: SignedClaims.self)
            }
        }
    }

    @Test("OpenID configuration points at this server")
    func openIDConfiguration() async throws {
        try await withEmulator { cloud in
            let reply = try await cloud.send(.get, "/identity/.well-known/openid-configuration")
            #expect(reply.status == 200)
            let json = reply.json
            #expect(json["token_endpoint"] as? String == "http://127.0.0.1:9999/identity/token")
            #expect(json["passcode_endpoint"] as? String == "http://127.0.0.1:9999/identity/passcode")
            #expect(json["jwks_uri"] as? String == "http://127.0.0.1:9999/identity/keys")
            #expect(json["authorization_endpoint"] as? String == "http://127.0.0.1:9999/identity/authorize")
            #expect(json["userinfo_endpoint"] as? String == "http://127.0.0.1:9999/identity/userinfo")
            #expect((json["grant_types_supported"] as? [String])?.contains(Cloud.passcodeGrant) == true)
            #expect(json["issuer"] as? String == "https://iam.cloud.ibm.com/identity")
            #expect(json["scopes_supported"] != nil && json["response_types_supported"] != nil)
        }
    }

    @Test("The passcode page serves another user with ?user= and 404s an unknown one")
    func passcodeForUser() async throws {
        try await withEmulator { cloud in
            let other = try await cloud.send(.get, "/identity/passcode?user=\(EmulatorWorld.otherUserEmail)", headers: ["Accept": "application/json"])
            let passcode = try #require(other.json["passcode"] as? String)
            let login = try await cloud.tokenRequest([("grant_type", Cloud.passcodeGrant), ("passcode", passcode)], basic: true)
            #expect(try jwtClaims(login.json["access_token"] as! String)["iam_id"] as? String == EmulatorWorld.otherUserIAMID)
            let unknown = try await cloud.send(.get, "/identity/passcode?user=nobody@example.com")
            #expect(unknown.status == 404)
        }
    }
}
