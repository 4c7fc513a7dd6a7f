import CloudEmulator
import Foundation
import Synchronization
import Testing

@testable import CloudCore

/// Issue 9: 429 is retried for creates too (the server did nothing), and waits are reported for a
/// countdown.
@Suite(.serialized) struct RateLimitTests {
    /// Starts an emulator, runs `body` with a live API on it (sleeps recorded, not slept), shuts down.
    func withEmulator(_ body: (LiveCloudAPI, EmulatorServer, SleepRecorder) async throws -> Void) async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration())
        let transport = LiveHTTPTransport(environment: [:])
        let recorder = SleepRecorder()
        do {
            let endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8), source: "emulator")
            let api = LiveCloudAPI(endpoints: endpoints, transport: transport, options: CloudClientOptions(retryPolicy: recorder.policy, timeout: 10))
            try await body(api, server, recorder)
        } catch {
            try? await transport.shutdown()
            await server.shutdown()
            throw error
        }
        try await transport.shutdown()
        await server.shutdown()
    }

    @Test func a429OnEveryCreateIsSentAgainAfterRetryAfterAndMakesOneOfEach() async throws {
        try await withEmulator { api, server, recorder in
            let token = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            let account = token.claims.accountID
            server.install(EmulatorFault(route: "/v1/serviceids", kind: .tooManyRequests(retryAfter: 2), count: 1))
            let serviceID = try await api.createServiceID(name: "rate-limited", description: "", accountID: account, token: token)
            server.install(EmulatorFault(route: "/v1/policies", kind: .tooManyRequests(retryAfter: 3), count: 1))
            _ = try await api.createAccessPolicy(subjectIAMID: serviceID.iamID, roleCRN: "crn:v1:bluemix:public:iam::::serviceRole:Reader",
                accountID: account, scope: .instance(guid: EmulatorWorld.StandardIDs.devKeyProtectUSSouth), token: token)
            server.install(EmulatorFault(route: "/v1/apikeys", kind: .tooManyRequests(retryAfter: 4), count: 1))
            let key = try await api.createAPIKey(name: "rate-limited-key", description: "", serviceIAMID: serviceID.iamID,
                accountID: account, token: token)
            #expect(!key.apiKey.isEmpty)
            #expect(recorder.sleeps == [.seconds(2), .seconds(3), .seconds(4)], "each waited as the server asked")
            let world = server.world
            #expect(world.serviceIDs.filter { $0.name == "rate-limited" }.count == 1)
            #expect(world.apiKeys.filter { $0.name == "rate-limited-key" }.count == 1)
        }
    }

    @Test func aCreateAnswered503IsStillNotSentAgain() async throws {
        try await withEmulator { api, server, recorder in
            let token = try await api.token(apiKey: Secret(EmulatorWorld.sandboxUserAPIKey))
            server.install(EmulatorFault(route: "/v1/serviceids", kind: .serviceUnavailable(retryAfter: 0), count: 1))
            let error = await cloudError { _ = try await api.createServiceID(name: "x", description: "", accountID: token.claims.accountID, token: token) }
            #expect(error?.status == 503)
            #expect(recorder.sleeps.isEmpty)
        }
    }

    @Test func waitsAreReportedAndALongRetryAfterIsHandedBack() async throws {
        let waits = WaitLog()
        let recorder = SleepRecorder()
        let stub = StubTransport(responses: [json(429, "{}", headers: ["Retry-After": "5"]), json(429, "{}", headers: ["Retry-After": "30"])])
        let client = IAMIdentityClient(transport: stub, endpoints: testEndpoints, options: CloudClientOptions(retryPolicy: recorder.policy))
        let token = try userToken()
        let error = await RetryWaitObserver.$current.withValue({ wait in waits.append(wait) }) {
            await cloudError { _ = try await client.createServiceID(name: "n", description: "d", accountID: accountGUID, token: token) }
        }
        #expect(error?.status == 429)
        #expect(stub.requests.count == 2, "sent again once; the 30 s wait does not fit the 30 s budget after 5 s")
        #expect(waits.all == [
            RetryWait(status: 429, seconds: 5, fromServer: true, willRetry: true),
            RetryWait(status: 429, seconds: 30, fromServer: true, willRetry: false),
        ])
    }
}

/// The waits reported to ``RetryWaitObserver``.
final class WaitLog: Sendable {
    private let waits = Mutex<[RetryWait]>([])
    var all: [RetryWait] { waits.withLock { $0 } }
    func append(_ wait: RetryWait) { waits.withLock { $0.append(wait) } }
}
