import Foundation
import Testing

@testable import CloudCore

/// A scripted transport: records every request and answers from a handler.
final class StubTransport: HTTPTransport, @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest, Int) throws -> HTTPResponse
    private let lock = NSLock()
    private var _requests: [HTTPRequest] = []
    private let handler: Handler

    /// `handler` gets the request and its 0-based index.
    init(_ handler: @escaping Handler) { self.handler = handler }

    /// Answers with `responses` in order (the last one repeats).
    convenience init(responses: [HTTPResponse]) {
        self.init { _, index in responses[min(index, responses.count - 1)] }
    }

    var requests: [HTTPRequest] { lock.withLock { _requests } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = lock.withLock { () -> Int in _requests.append(request); return _requests.count - 1 }
        return try handler(request, index)
    }
}

/// Records requested sleeps instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _sleeps: [Duration] = []
    var sleeps: [Duration] { lock.withLock { _sleeps } }
    var policy: RetryPolicy {
        RetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 10, maxTotalTime: 30, jitter: 0,
                    sleep: { [self] d in lock.withLock { _sleeps.append(d) } }, random: { 0 })
    }
}

func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> HTTPResponse {
    var all = ["Content-Type": "application/json"]
    for (k, v) in headers { all[k] = v }
    return HTTPResponse(status: status, headers: all, body: Data(text.utf8))
}

func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

func makeJWT(_ claims: [String: Any]) -> String {
    let header = base64URL(Data(#"{"alg":"RS256","kid":"test"}"#.utf8))
    let payload = base64URL(try! JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
    return "\(header).\(payload).c2lnbmF0dXJl"
}

let accountGUID = "0123456789abcdef0123456789abcdef"
nonisolated(unsafe) let userClaims: [String: Any] = [
    "iam_id": "IBMid-270006XXXX", "id": "IBMid-270006XXXX", "realmid": "IBMid", "identifier": "270006XXXX",
    "given_name": "A", "family_name": "B", "name": "A B", "email": "a@example.com", "sub": "a@example.com",
    "account": ["bss": accountGUID], "iat": 1516174603, "exp": 1516178203,
    "iss": "https://iam.bluemix.net/identity", "grant_type": "password", "scope": "openid", "client_id": "bx",
]
nonisolated(unsafe) let serviceClaims: [String: Any] = [
    "iam_id": "iam-ServiceId-2222", "id": "iam-ServiceId-2222", "realmid": "iam", "identifier": "ServiceId-2222",
    "name": "kp-wizard", "sub": "ServiceId-2222", "sub_type": "ServiceId",
    "authn": ["sub": "ServiceId-2222", "iam_id": "iam-ServiceId-2222", "sub_type": "ServiceId", "name": "kp-wizard"],
    "account": ["valid": true, "bss": accountGUID, "frozen": true], "iat": 1767222000, "exp": 1767225600,
    "iss": "https://iam.cloud.ibm.com/identity", "grant_type": "urn:ibm:params:oauth:grant-type:apikey",
    "scope": "ibm openid", "client_id": "default", "acr": 1, "amr": ["pwd"],
]

func tokenBody(_ claims: [String: Any] = userClaims, refresh: String = "rt-123") -> String {
    #"{"access_token":"\#(makeJWT(claims))","refresh_token":"\#(refresh)","ims_user_id":1234567,"token_type":"Bearer","expires_in":3600,"expiration":1767225600,"scope":"ibm openid"}"#
}

func userToken() throws -> IAMToken { try IAMTokenClient.parseToken(Data(tokenBody().utf8)) }

let testEndpoints = Endpoints(
    iam: URL(string: "https://iam.cloud.ibm.com")!,
    accounts: URL(string: "https://accounts.cloud.ibm.com")!,
    resourceController: URL(string: "https://resource-controller.cloud.ibm.com")!,
    keyProtect: "https://{region}.kms.cloud.ibm.com"
)

func noRetry() -> CloudClientOptions { CloudClientOptions(retryPolicy: .none) }

extension HTTPRequest {
    var bodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }
    var bodyJSON: NSDictionary? { body.flatMap { try? JSONSerialization.jsonObject(with: $0) as? NSDictionary } }
    var queryPairs: [(String, String)] { url.query.map { FormEncoding.decode($0) } ?? [] }
    func query(_ name: String) -> String? { queryPairs.first { $0.0 == name }?.1 }
}

/// Runs `body` and returns the CloudError it throws; records a test failure otherwise.
func cloudError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> CloudError? {
    do {
        try await body()
        Issue.record("expected a CloudError", sourceLocation: sourceLocation)
    } catch let error as CloudError {
        return error
    } catch {
        Issue.record("expected a CloudError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
