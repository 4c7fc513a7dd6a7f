import Foundation
import Logging
import Testing

@testable import CloudCore

@Suite struct RetryTests {
    @Test func retriesAfter429HonouringRetryAfter() async throws {
        let recorder = SleepRecorder()
        let stub = StubTransport(responses: [json(429, #"{"errorCode":"x"}"#, headers: ["Retry-After": "3"]), json(200, tokenBody())])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints, options: CloudClientOptions(retryPolicy: recorder.policy))
        _ = try await client.token(apiKey: Secret("k"))
        #expect(stub.requests.count == 2)
        #expect(recorder.sleeps == [.seconds(3)])
    }

    @Test func exponentialBackoffOn503ThenGivesUp() async throws {
        let recorder = SleepRecorder()
        let stub = StubTransport(responses: [HTTPResponse(status: 503, headers: ["Content-Type": "text/html"], body: Data("<html>down</html>".utf8))])
        let client = AccountsClient(transport: stub, endpoints: testEndpoints, options: CloudClientOptions(retryPolicy: recorder.policy))
        let error = await cloudError { _ = try await client.accounts(token: try userToken()) }
        #expect(error == .server(service: .accounts, status: 503, code: "", message: "", requestID: ""))
        #expect(stub.requests.count == 4)
        #expect(recorder.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test func notImplementedIsNotRetried() async throws {
        let recorder = SleepRecorder()
        let stub = StubTransport(responses: [json(501, "{}")])
        let client = AccountsClient(transport: stub, endpoints: testEndpoints, options: CloudClientOptions(retryPolicy: recorder.policy))
        let error = await cloudError { _ = try await client.accounts(token: try userToken()) }
        #expect(error?.status == 501)
        #expect(stub.requests.count == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test func createsAreNeverRetried() async throws {
        let recorder = SleepRecorder()
        let options = CloudClientOptions(retryPolicy: recorder.policy)
        let stub = StubTransport(responses: [json(503, "{}", headers: ["Retry-After": "0"])])
        let identity = IAMIdentityClient(transport: stub, endpoints: testEndpoints, options: options)
        let policy = IAMPolicyClient(transport: stub, endpoints: testEndpoints, options: options)
        let token = try userToken()
        _ = await cloudError { _ = try await identity.createServiceID(name: "n", description: "d", accountID: accountGUID, token: token) }
        _ = await cloudError { _ = try await identity.createAPIKey(name: "n", description: "d", serviceIAMID: "i", accountID: accountGUID, token: token) }
        _ = await cloudError { _ = try await policy.createAccessPolicy(subjectIAMID: "s", roleCRN: "r", accountID: accountGUID, scope: .instance(guid: "g"), token: token) }
        _ = await cloudError { _ = try await IAMTokenClient(transport: stub, endpoints: testEndpoints, options: options).token(passcode: Secret("123456")) }
        #expect(stub.requests.count == 4)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test func transportErrorsAreRetriedForGET() async throws {
        let recorder = SleepRecorder()
        let stub = StubTransport { _, index in
            if index == 0 { throw HTTPTransportError.connection(.connectionRefused) }
            return json(200, #"{"resources":[]}"#)
        }
        let client = ResourceControllerClient(transport: stub, endpoints: testEndpoints, options: CloudClientOptions(retryPolicy: recorder.policy))
        let groups = try await client.resourceGroups(accountID: accountGUID, token: try userToken())
        #expect(groups.isEmpty)
        #expect(stub.requests.count == 2)
    }

    @Test func tlsErrorsAreNotRetried() async throws {
        let recorder = SleepRecorder()
        let stub = StubTransport { _, _ in throw HTTPTransportError.tls("certificate verify failed") }
        let client = ResourceControllerClient(transport: stub, endpoints: testEndpoints, options: CloudClientOptions(retryPolicy: recorder.policy))
        let error = await cloudError { _ = try await client.resourceGroups(accountID: accountGUID, token: try userToken()) }
        guard case .transport(.resourceController, let failure) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(failure == .tls(detail: "certificate verify failed"))
        #expect(stub.requests.count == 1)
    }

    @Test func retryAfterBeyondBudgetStops() async throws {
        let recorder = SleepRecorder()
        let stub = StubTransport(responses: [json(429, "{}", headers: ["Retry-After": "120"])])
        let client = AccountsClient(transport: stub, endpoints: testEndpoints, options: CloudClientOptions(retryPolicy: recorder.policy))
        let error = await cloudError { _ = try await client.accounts(token: try userToken()) }
        #expect(error?.status == 429)
        #expect(stub.requests.count == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test func retryAfterParsing() {
        #expect(RetryPolicy.parseRetryAfter("5") == 5)
        #expect(RetryPolicy.parseRetryAfter(nil) == nil)
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
        let now = Date(timeIntervalSince1970: 1_767_225_600)  // Thu, 01 Jan 2026 00:00:00 GMT
        #expect(RetryPolicy.parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now: now) == 10)
    }

    @Test func jitterStaysInRange() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 8, jitter: 0.5, random: { 1 })
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil) == 0.5)
        #expect(policy.delay(beforeRetry: 10, retryAfter: nil) == 4)
        #expect(RetryPolicy(jitter: 0).delay(beforeRetry: 3, retryAfter: nil) == 2)
    }
}

@Suite struct ErrorMappingTests {
    @Test func htmlBodyFallsBackToStatusText() {
        let error = CloudErrorMapper.map(service: .iamIdentity, response: HTTPResponse(status: 502, headers: ["content-type": "text/html", "X-Request-ID": "rq"], body: Data("<html><body>Bad gateway</body></html>".utf8)))
        #expect(error == .server(service: .iamIdentity, status: 502, code: "", message: "", requestID: "rq"))
    }

    @Test func emptyBodyAndUnknownStatus() {
        #expect(CloudErrorMapper.map(service: .keyProtect, response: HTTPResponse(status: 599)) == .server(service: .keyProtect, status: 599, code: "", message: "", requestID: ""), "no message of its own: the front end shows the reason phrase")
    }

    @Test func stripsEscapesFromServerStrings() {
        let body = #"{"errors":[{"code":"bad\u001b]0;title\u0007code","message":"line1\nline2\u001b[31m red\u009b1m\u007f"}],"trace":"t\u0000r"}"#
        let error = CloudErrorMapper.map(service: .iamPolicy, response: json(400, body))
        #expect(error == .server(service: .iamPolicy, status: 400, code: "badcode", message: "line1 line2 red", requestID: "tr"))
    }

    @Test func redirectIsAnError() {
        let error = CloudErrorMapper.map(service: .accounts, response: HTTPResponse(status: 302, headers: ["Location": "https://elsewhere"]))
        #expect(error.status == 302)
        #expect(error.isRetryable == false)
    }
}

@Suite struct SanitizeTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a\u{1B}[1;31mred\u{1B}[0m", "ared"),
        ("title\u{1B}]0;pwned\u{07}after", "titleafter"),
        ("osc-st\u{1B}]8;;http://x\u{1B}\\link", "osc-stlink"),
        ("c1\u{9B}2Jx\u{85}y", "c1xy"),
        ("tab\there\r\nnext", "tab here  next"),
        ("del\u{7F}x\u{00}", "delx"),
        ("bidi\u{202E}txt\u{2066}", "biditxt"),
        ("esc-c\u{1B}cX", "esc-cX"),
        ("unicode ✓ ü 中", "unicode ✓ ü 中"),
        ("trailing\u{1B}", "trailing"),
    ])
    func sanitizes(_ input: String, _ expected: String) {
        #expect(input.sanitizedForDisplay == expected)
    }

    @Test func formEncoding() {
        #expect(FormEncoding.percentEncode("a+b&c=d e/f:g~h.i_j-k%") == "a%2Bb%26c%3Dd%20e%2Ff%3Ag~h.i_j-k%25")
        #expect(FormEncoding.percentEncode("ü") == "%C3%BC")
    }
}

@Suite struct SecretTests {
    @Test func neverPrintsValue() {
        let secret = Secret("super-secret-value")
        #expect(!"\(secret)".contains("super"))
        #expect(!String(describing: secret).contains("super"))
        #expect(!String(reflecting: secret).contains("super"))
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("super"))
        let key = ServiceAPIKey(id: "ApiKey-1", name: "n", description: "d", apiKey: secret, iamID: "i", accountID: "a")
        var dumpedKey = ""
        dump(key, to: &dumpedKey)
        #expect(!dumpedKey.contains("super"))
        #expect(!"\(key)".contains("super"))
    }

    @Test func tokenDoesNotPrintSecrets() throws {
        let token = try userToken()
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains("eyJ"))
        #expect(!dumped.contains("rt-123"))
        #expect(!"\(token)".contains("eyJ"))
    }
}

@Suite struct TracingTests {
    final class Capture: LogHandler, @unchecked Sendable {
        let lock = NSLock()
        var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lock.withLock { lines.append("\(event.message) \(event.metadata ?? [:])") }
        }
    }

    @Test func traceRedactsCredentials() async throws {
        let capture = Capture()
        let logger = Logger(label: "test") { _ in capture }
        let stub = StubTransport(responses: [json(200, tokenBody())])
        let options = CloudClientOptions(retryPolicy: .none, logger: logger)
        let token = try await IAMTokenClient(transport: stub, endpoints: testEndpoints, options: options).token(apiKey: Secret("my-api-key-value"))
        _ = try? await KeyProtectClient(transport: StubTransport(responses: [json(200, "{}")]), endpoints: testEndpoints, options: options).listKeys(region: "us-south", instanceGUID: "1111", token: token)
        let all = capture.lock.withLock { capture.lines.joined(separator: "\n") }
        #expect(all.contains("POST https://iam.cloud.ibm.com/identity/token -> 200"))
        #expect(all.contains("GET https://us-south.kms.cloud.ibm.com/api/v2/keys -> 200"))
        #expect(all.contains("<redacted>"))
        #expect(!all.contains("my-api-key-value"))
        #expect(!all.contains("Yng6Yng="))
        #expect(!all.contains(token.accessToken.exposedValue))
        #expect(!all.contains("rt-123"))
    }

    @Test func redactsSensitiveQueryValues() {
        let url = URL(string: "https://x.example/p?apikey=abc&name=ok&refresh_token=zzz")!
        #expect(TraceRedaction.redact(url: url) == "https://x.example/p?apikey=<redacted>&name=ok&refresh_token=<redacted>")
    }
}

@Suite struct EndpointsTests {
    @Test func loadsEndpointsFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("endpoints-\(UUID().uuidString).json").path
        try Data(#"{"iam":"http://127.0.0.1:4567","accounts":"http://127.0.0.1:4567/","resource_controller":"http://localhost:4567","key_protect":"http://[::1]:4567/kms/{region}"}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let endpoints = try Endpoints.load(from: path)
        #expect(endpoints.iam.absoluteString == "http://127.0.0.1:4567")
        #expect(endpoints.accounts.absoluteString == "http://127.0.0.1:4567")
        #expect(try endpoints.keyProtectBaseURL(region: "us-south").absoluteString == "http://[::1]:4567/kms/us-south")
        #expect(endpoints.isIBMCloud == false)
        #expect(endpoints.accounts.appendingAPIPath("/coe/v2/accounts").absoluteString == "http://127.0.0.1:4567/coe/v2/accounts")
    }

    @Test func productionDefaults() throws {
        #expect(Endpoints.ibmCloud.isIBMCloud)
        try Endpoints.ibmCloud.validate()
        #expect(try Endpoints.ibmCloud.keyProtectBaseURL(region: "eu-de").absoluteString == "https://eu-de.kms.cloud.ibm.com")
        let data = try JSONEncoder().encode(Endpoints.ibmCloud)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(Set(object.keys) == ["iam", "accounts", "resource_controller", "key_protect"])
        #expect(try Endpoints.parse(data) == Endpoints.ibmCloud)
    }

    @Test(arguments: [
        #"{"iam":"http://example.com","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example"}"#,
        #"{"iam":"http://128.0.0.1","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example"}"#,
        #"{"iam":"http://127.0.0.1.evil.com","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example"}"#,
        #"{"iam":"https://i.example","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://k.example"}"#,
        #"{"iam":"https://i.example","accounts":"https://a.example","resource_controller":"https://r.example"}"#,
        #"{"iam":"https://i.example","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example","extra":"x"}"#,
        #"{"iam":"ftp://i.example","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example"}"#,
        #"{"iam":"https://user:pw@i.example","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example"}"#,
        #"{"iam":"i.example","accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example"}"#,
        #"{"iam":42,"accounts":"https://a.example","resource_controller":"https://r.example","key_protect":"https://{region}.k.example"}"#,
        #"[]"#,
        #"not json"#,
    ])
    func rejectsBadFiles(_ text: String) {
        #expect(throws: CloudError.self) { try Endpoints.parse(Data(text.utf8)) }
    }

    @Test func missingFileIsInvalidRequest() {
        #expect(throws: CloudError.self) { try Endpoints.load(from: "/nonexistent/endpoints.json") }
    }

    @Test func loopbackHosts() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "LOCALHOST"] { #expect(Endpoints.isLoopbackHost(host), "\(host)") }
        for host in ["128.0.0.1", "127.0.0.1.nip.io", "localhost.evil.com", "127.0.0", "::2", "0.0.0.0"] { #expect(!Endpoints.isLoopbackHost(host), "\(host)") }
    }

    @Test func nonIBMHostIsFlagged() {
        var endpoints = Endpoints.ibmCloud
        endpoints.iam = URL(string: "https://iam.cloud.ibm.com.evil.example")!
        #expect(!endpoints.isIBMCloud)
        endpoints = Endpoints.ibmCloud
        endpoints.keyProtect = "https://{region}.kms.example.com"
        #expect(!endpoints.isIBMCloud)
    }
}

@Suite struct TransportTests {
    @Test func noProxyMatching() {
        let rule = NoProxyRule(" .example.com, internal.corp:8080 ,10.0.0.1,[::2]")
        #expect(rule.matches(host: "example.com"))
        #expect(rule.matches(host: "api.example.com"))
        #expect(rule.matches(host: "internal.corp"))
        #expect(rule.matches(host: "10.0.0.1"))
        #expect(rule.matches(host: "::2"))
        #expect(!rule.matches(host: "notexample.com"))
        #expect(!rule.matches(host: "iam.cloud.ibm.com"))
        #expect(NoProxyRule("*").matches(host: "anything"))
        #expect(!NoProxyRule("").matches(host: "anything"))
    }

    @Test func proxyParsing() {
        #expect(ProxySetting.parse("http://proxy.corp:3128")?.display == "proxy.corp:3128")
        #expect(ProxySetting.parse("proxy.corp:8080")?.display == "proxy.corp:8080")
        #expect(ProxySetting.parse("http://u:p%40ss@proxy.corp")?.proxy.authorization != nil)
        #expect(ProxySetting.parse("socks5://s.corp")?.display == "socks5 s.corp:1080")
        #expect(ProxySetting.parse("https://tls-proxy.corp") == nil)
    }

    @Test func liveTransportReportsRefusedConnectionAndShutsDown() async throws {
        let transport = LiveHTTPTransport(environment: ["HTTPS_PROXY": "http://proxy.invalid:3128", "NO_PROXY": "example.com"])
        #expect(transport.proxyDescription == ["https via proxy.invalid:3128"])
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:1/x")!, timeout: 5))
            Issue.record("expected a failure")
        } catch let error as HTTPTransportError {
            #expect(error.isRetryable)
            guard case .connection(let failure) = error else { Issue.record("\(error)"); return }
            #expect(failure == .connectionRefused)
        }
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: URL(string: "file:///etc/passwd")!))
            Issue.record("expected a failure")
        } catch let error as HTTPTransportError {
            #expect(error == .invalidRequest("file:///etc/passwd"))
        }
        try await transport.shutdown()
    }
}
