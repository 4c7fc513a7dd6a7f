import Foundation
import Testing

/// A token shown with `v` must not survive in the terminal's history after the wizard exits,
/// even when the window was too small at first and grown later.
@Suite("Nothing shown stays in the scrollback", .serialized)
struct ScrollbackTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tw-scroll-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func aShownTokenIsGoneFromTheHistoryAfterExit() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(
            command: "\(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)",
            columns: 60, rows: 15)
        defer { tmux.kill() }
        try tmux.waitUntil("the too-small screen") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try tmux.resize(columns: 100, rows: 30)
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the resource group")
        try tmux.send("Enter")
        try tmux.waitFor("Ctrl-O uses your own")
        try tmux.send("C-o")
        try tmux.waitFor("your own user token")
        try tmux.send("v")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/token.json"))) as? [String: Any]
        let token = try #require(object?["access_token"] as? String)
        try tmux.waitUntil("the token on screen") { $0.contains(String(token.prefix(30))) }
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        let history = try tmux.scrollback(lines: 5000).replacingOccurrences(of: "\n", with: "")
        for start in stride(from: 0, to: token.count - 24, by: 24) {
            let piece = String(token.dropFirst(start).prefix(24))
            #expect(!history.contains(piece), "a piece of the token is left in the history")
        }
    }
}
