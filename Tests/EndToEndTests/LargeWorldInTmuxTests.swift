import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Thousands of entries: a generated world with 3,000 accounts, an SSO login (which lists them
/// all, page by page), and the account list filtered by typing, in the real binary. Correctness
/// only; how fast it is belongs in benchmarks.
@Suite("A large account list in tmux")
struct LargeWorldInTmuxTests {
    @Test func threeThousandAccountsAreListedAndFilterAsYouType() async throws {
        let directory = NSTemporaryDirectory() + "tw-large-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let world = try ChildProcess.run(TestProcess.binDirectory + "/ibmcloud-emulator",
            ["generate-world", "--accounts", "3000", "--resource-groups", "3000", "--instances", "400", "--keys-per-instance", "1"],
            timeout: 60).output
        try world.write(toFile: directory + "/world.json", atomically: true, encoding: .utf8)
        let emulator = try EmulatorProcess(directory: directory, extraArguments: ["--world", directory + "/world.json"])
        defer { emulator.stop() }
        var request = URLRequest(url: URL(string: emulator.baseURL + "/identity/passcode")!)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, _) = try await URLSession.shared.data(for: request)
        let passcode = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["passcode"] as? String)

        let tmux = try TmuxSession(command: "\(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type(passcode)
        try tmux.send("Enter")
        try tmux.waitFor("3000 of 3000 accounts", timeout: 60)
        try tmux.type("2999")
        // Wait for the typed filter to be drawn: the count line was already there before typing.
        let filtered = try tmux.waitFor("Filter: 2999")
        let line = try #require(filtered.split(separator: "\n").first { $0.contains("of 3000 accounts") })
        let shown = Int(line.split(separator: " ").first { Int($0) != nil } ?? "") ?? -1
        #expect(shown >= 1 && shown < 3000, "typing filters: \(line)")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region", timeout: 60)
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
    }
}
