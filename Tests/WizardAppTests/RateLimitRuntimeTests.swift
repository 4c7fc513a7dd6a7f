import CloudCore
import CloudEmulator
import Foundation
import Synchronization
import Testing
import TerminalUI
import WizardCore
@testable import WizardApp

/// A long 429 wait on a create, through the real runtime, effect runner and HTTP.
@Suite("429 countdown in the runtime")
struct RateLimitRuntimeTests {
    /// A 429 with a Retry-After longer than the retry budget on the API key create: the screen
    /// counts down, and the create is sent again by itself when the wait is over.
    @Test func a429WithALongRetryAfterOnTheKeyCreateIsCountedDownAndSentAgain() async throws {
        let server = try await EmulatorServer.start(EmulatorConfiguration(
            faults: [EmulatorFault(route: "/v1/apikeys", kind: .tooManyRequests(retryAfter: 45), count: 1)]))
        let transport = LiveHTTPTransport()
        let directory = NSTemporaryDirectory() + "tw-429-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoints = try Endpoints.parse(Data(server.endpointsFile().utf8))
        // The wizard's clock: real time plus a jump, so the 45 s wait passes at once when the
        // countdown has been seen.
        let jump = ClockJump()
        let clock: @Sendable () -> Double = { Date().timeIntervalSince1970 + jump.seconds }
        let terminal = StepTerminal(script: RuntimeHarness.toThePlan + [
            ("↻ Sending it again in 4", [], { @Sendable in jump.add(60) }),
            ("Your Key Protect bearer token", [.key(.character("q"))], nil),
        ])
        let state = await RuntimeHarness.run(terminal, EffectRunner(api: LiveCloudAPI(endpoints: endpoints, transport: transport)),
            WizardEnvironment(workingDirectory: directory), clock: clock)
        let world = server.world
        try? await transport.shutdown()
        await server.shutdown()

        #expect(terminal.screensSeen.contains { $0.contains("asked to wait 45 s") })
        #expect(state.step == .done, "last screen:\n\(terminal.screen)")
        #expect(terminal.scriptDone)
        let serviceIAMID = try #require(state.serviceID?.iamID)
        #expect(world.apiKeys.filter { $0.iamID == serviceIAMID }.count == 1)
    }
}

/// Seconds added to the wizard's clock by a test.
final class ClockJump: Sendable {
    private let value = Mutex(0.0)
    var seconds: Double { value.withLock { $0 } }
    func add(_ seconds: Double) { value.withLock { $0 += seconds } }
}
