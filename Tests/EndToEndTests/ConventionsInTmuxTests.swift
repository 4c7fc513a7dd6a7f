import Foundation
import Testing

/// IBM Cloud's environment variables in the wizard itself, the real binary in tmux.
@Suite("IBMCLOUD_TRACE and IBMCLOUD_HTTP_TIMEOUT in the wizard", .serialized)
struct ConventionsInTmuxTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tw-conv-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func traceToStandardErrorWaitsUntilTheScreenIsRestored() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: "env IBMCLOUD_TRACE=true \(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.send("Tab")  // the passcode tab looks up the passcode page: one HTTP call
        try tmux.waitFor("/identity/passcode")  // the page was found: the call is over
        #expect(!(try tmux.visibleScreen().contains("openid-configuration")), "nothing is written over the wizard's screen")
        try tmux.send("C-c")
        let after = try tmux.waitFor("EXIT=1")
        #expect(after.contains("GET \(emulator.baseURL)/identity/.well-known/openid-configuration -> 200"))
    }

    @Test func aBadTimeoutStopsBeforeTheScreenOpens() throws {
        let tmux = try TmuxSession(command: "env IBMCLOUD_HTTP_TIMEOUT=soon \(TestProcess.binDirectory)/token-wizard --sandbox")
        defer { tmux.kill() }
        let screen = try tmux.waitFor("EXIT=2")
        #expect(screen.contains("IBMCLOUD_HTTP_TIMEOUT must be a number of seconds"))
    }
}
