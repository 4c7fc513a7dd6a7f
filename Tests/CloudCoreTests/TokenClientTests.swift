import Foundation
import Testing

@testable import CloudCore

@Suite struct TokenClientTests {
    @Test func apiKeyGrantWireFormat() async throws {
        let stub = StubTransport(responses: [json(200, tokenBody())])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let token = try await client.token(apiKey: Secret("  ab+c&d=e/f g%h \n"))
        let request = try #require(stub.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://iam.cloud.ibm.com/identity/token")
        #expect(request.header("authorization") == "Basic Yng6Yng=")
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
        #expect(request.header("accept") == "application/json")
        #expect(request.bodyText == "grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=ab%2Bc%26d%3De%2Ff%20g%25h&response_type=cloud_iam")
        let decoded = FormEncoding.decode(request.bodyText)
        #expect(decoded.first { $0.0 == "apikey" }?.1 == "ab+c&d=e/f g%h")
        #expect(token.claims.iamID == "IBMid-270006XXXX")
        #expect(token.refreshToken?.exposedValue == "rt-123")
        #expect(token.expiresIn == 3600)
        #expect(token.expiration == 1767225600)
        #expect(token.tokenType == "Bearer")
        #expect(token.rawResponse.exposedValue == tokenBody())
        #expect(token.authorizationValue.exposedValue == "Bearer " + token.accessToken.exposedValue)
    }

    @Test func passcodeGrantWireFormat() async throws {
        let stub = StubTransport(responses: [json(200, tokenBody())])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        _ = try await client.token(passcode: Secret("Ab12Cd34"))
        let request = try #require(stub.requests.first)
        #expect(request.header("Authorization") == "Basic Yng6Yng=")
        #expect(request.bodyText == "grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Apasscode&passcode=Ab12Cd34&response_type=cloud_iam")
    }

    @Test func refreshGrantWithAccount() async throws {
        let stub = StubTransport(responses: [json(200, tokenBody())])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        _ = try await client.refresh(Secret("r/t+1="), accountID: accountGUID)
        let request = try #require(stub.requests.first)
        #expect(request.header("Authorization") == "Basic Yng6Yng=")
        #expect(request.bodyText == "grant_type=refresh_token&refresh_token=r%2Ft%2B1%3D&account=\(accountGUID)&response_type=cloud_iam")
        _ = try await client.refresh(Secret("rt"), accountID: nil)
        #expect(stub.requests[1].bodyText == "grant_type=refresh_token&refresh_token=rt&response_type=cloud_iam")
    }

    @Test func refusesEmptyOrJSONKeysAndNotSupportedRefresh() async throws {
        let stub = StubTransport(responses: [json(200, tokenBody())])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        for bad in ["", "   ", #"{"apikey":"x"}"#, #""abc""#] {
            let error = await cloudError { _ = try await client.token(apiKey: Secret(bad)) }
            guard case .invalidRequest = error else { Issue.record("\(String(describing: error))"); continue }
        }
        let error = await cloudError { _ = try await client.refresh(Secret("not_supported"), accountID: nil) }
        guard case .invalidRequest = error else { Issue.record("\(String(describing: error))"); return }
        #expect(stub.requests.isEmpty)
    }

    @Test func malformedAccessTokenIsDecodingError() async throws {
        let stub = StubTransport(responses: [json(200, #"{"access_token":"not-a-jwt","token_type":"Bearer","expires_in":3600}"#)])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.token(apiKey: Secret("k")) }
        guard case .decoding(.iam, _) = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func tokenErrorEnvelope() async throws {
        let body = #"{"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found.","context":{"requestId":"req-1","requestType":"incoming.Identity_Token","url":"https://iam.cloud.ibm.com"}}"#
        let stub = StubTransport(responses: [json(400, body)])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.token(apiKey: Secret("k")) }
        #expect(error == .server(service: .iam, status: 400, code: "BXNIM0415E", message: "Provided API key could not be found.", requestID: "req-1"))
    }

    @Test func tokenErrorPrefersErrorDetails() {
        let body = #"{"errorCode":"BXNIM0400E","errorMessage":"External authentication failed.","errorDetails":"MFA required","context":{"requestId":"r"}}"#
        let error = CloudErrorMapper.map(service: .iam, response: json(401, body))
        #expect(error == .server(service: .iam, status: 401, code: "BXNIM0400E", message: "MFA required", requestID: "r"))
    }

    @Test func oidcDiscovery() async throws {
        let body = #"{"authorization_endpoint":"https://identity-1.us-south.iam.cloud.ibm.com/identity/authorize","token_endpoint":"https://iam.cloud.ibm.com/identity/token","passcode_endpoint":"https://identity-1.us-south.iam.cloud.ibm.com/identity/passcode","jwks_uri":"https://iam.cloud.ibm.com/identity/keys"}"#
        let stub = StubTransport(responses: [json(200, body)])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let config = try await client.discoverOIDC()
        #expect(stub.requests[0].method == "GET")
        #expect(stub.requests[0].url.absoluteString == "https://iam.cloud.ibm.com/identity/.well-known/openid-configuration")
        #expect(stub.requests[0].header("authorization") == nil)
        #expect(config.passcodeEndpoint.absoluteString == "https://identity-1.us-south.iam.cloud.ibm.com/identity/passcode")
        #expect(config.tokenEndpoint?.absoluteString == "https://iam.cloud.ibm.com/identity/token")
    }

    @Test func oidcWithoutPasscodeEndpointFails() async throws {
        let stub = StubTransport(responses: [json(200, #"{"token_endpoint":"https://iam.cloud.ibm.com/identity/token"}"#)])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: noRetry())
        let error = await cloudError { _ = try await client.discoverOIDC() }
        guard case .decoding(.iam, _) = error else { Issue.record("\(String(describing: error))"); return }
    }
}

@Suite struct JWTTests {
    @Test func decodesServiceIDToken() throws {
        let claims = try JWTClaimsDecoder.decode(makeJWT(serviceClaims))
        #expect(claims == TokenClaims(iamID: "iam-ServiceId-2222", subject: "ServiceId-2222", subjectType: "ServiceId", accountID: accountGUID, issuedAt: 1767222000, expiresAt: 1767225600, name: "kp-wizard"))
    }

    @Test func decodesUserTokenWithoutSubType() throws {
        let claims = try JWTClaimsDecoder.decode(Secret(makeJWT(userClaims)))
        #expect(claims.subjectType == "")
        #expect(claims.accountID == accountGUID)
        #expect(claims.name == "A B")
    }

    @Test func restoresPaddingAndURLAlphabet() throws {
        // Payload lengths that need one and two padding characters, and bytes mapping to - and _.
        for name in ["a", "ab", "abc", "??>>"] {
            var claims = serviceClaims
            claims["name"] = name
            #expect(try JWTClaimsDecoder.decode(makeJWT(claims)).name == name)
        }
    }

    @Test func sanitizesClaims() throws {
        var claims = serviceClaims
        claims["name"] = "evil\u{1B}[2Jname\u{07}"
        #expect(try JWTClaimsDecoder.decode(makeJWT(claims)).name == "evilname")
    }

    @Test(arguments: ["", "abc", "a.b", "a.!!!.c", "a..c", "a.\(base64URL(Data("[1]".utf8))).c", "a.\(base64URL(Data(#"{"exp":1}"#.utf8))).c", "a.b.c.d"])
    func malformedTokensThrowDecoding(_ token: String) {
        #expect(throws: CloudError.self) { try JWTClaimsDecoder.decode(token) }
        do { _ = try JWTClaimsDecoder.decode(token) } catch let error as CloudError {
            guard case .decoding(.iam, _) = error else { Issue.record("\(error)"); return }
        } catch { Issue.record("\(error)") }
    }
}
