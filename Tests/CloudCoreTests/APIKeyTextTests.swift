import CloudEmulator
import Foundation
import Testing

@testable import CloudCore

/// Issue 9: API keys are cleaned of invisible characters (zero-width spaces, bidi and control
/// characters) before they are sent, and an over-long key is refused.
@Suite(.serialized) struct APIKeyTextTests {
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

    @Test func invisibleCharactersAreRemovedFromAKey() {
        let invisible: [Unicode.Scalar] = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{200E}",
            "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{0000}", "\u{0007}", "\u{007F}", "\u{0085}", "\u{009F}", "\u{2028}"]
        for scalar in invisible {
            let (key, removed) = APIKeyText.clean("ab\(Character(scalar))cd")
            #expect(key == "abcd", "U+\(String(scalar.value, radix: 16))")
            #expect(removed == 1)
        }
        let plain = APIKeyText.clean("  plain-Key_0123\n")
        #expect(plain.key == "plain-Key_0123")
        #expect(plain.removedInvisible == 0, "surrounding whitespace is not counted")
        #expect(APIKeyText.clean("\u{FEFF}key\u{200B}").key == "key")
        #expect(APIKeyText.invisibleCodes(in: "a\u{200B}b\u{200B}c\u{FEFF}") == ["U+200B", "U+FEFF"])
        #expect(APIKeyText.maxLength == 512)
    }

    @Test func iamAcceptsAKeyWithAZeroWidthSpaceInside() async throws {
        try await withEmulator { api, _, _ in
            let key = EmulatorWorld.sandboxUserAPIKey
            let middle = key.index(key.startIndex, offsetBy: key.count / 2)
            let pasted = String(key[..<middle]) + "\u{200B}" + String(key[middle...]) + "\u{FEFF}"
            let token = try await api.token(apiKey: Secret(pasted))
            #expect(!token.claims.accountID.isEmpty)
        }
    }

    @Test func aKeyLongerThanTheLimitIsRefusedBeforeSending() async throws {
        let stub = StubTransport(responses: [json(200, tokenBody())])
        let client = IAMTokenClient(transport: stub, endpoints: testEndpoints)
        let error = await cloudError { _ = try await client.token(apiKey: Secret(String(repeating: "k", count: 513))) }
        #expect(error == .invalidRequest(.apiKeyTooLong(limit: APIKeyText.maxLength)))
        #expect(stub.requests.isEmpty)
    }
}
