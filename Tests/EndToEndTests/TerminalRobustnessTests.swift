import Foundation
import TestSupport
import Testing

/// The terminal is given back intact however the wizard ends, and odd terminals get a clear answer.
@Suite("Terminal restored on signals, resize, no TTY", .serialized)
struct TerminalRobustnessTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tw-term-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The PID of token-wizard running in the pane (a child of the pane's shell).
    func wizardPID(_ tmux: TmuxSession) throws -> Int32 {
        let shell = try TestProcess.run(tmux.tmux, ["list-panes", "-t", tmux.name, "-F", "#{pane_pid}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try TestProcess.run("/usr/bin/pgrep", ["-P", shell, "token-wizard"]).output
        return try #require(Int32(children.split(separator: "\n").first ?? ""), "token-wizard under pane \(shell)")
    }

    @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP), ("INT", SIGINT)])
    func killedAtLoginOrRegionTheTerminalIsRestored(signal: (name: String, number: Int32)) throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        for atRegion in [false, true] {
            let tmux = try TmuxSession(command: "\(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)")
            defer { tmux.kill() }
            try tmux.waitFor("Log in to IBM Cloud")
            if atRegion {
                try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
                try tmux.send("Enter")
                try tmux.waitFor("Choose the region")
            }
            kill(try wizardPID(tmux), signal.number)
            let screen = try tmux.waitFor("EXIT=")
            #expect(screen.contains("EXIT=\(128 + signal.number)"), "died of SIG\(signal.name)")
            let restored = try tmux.waitFor("echoctl")
            let words = restored.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
            #expect(words.contains("icanon") && words.contains("echo"), "SIG\(signal.name) at \(atRegion ? "region" : "login")")
            #expect(!restored.contains("Log in to IBM Cloud"), "left the alternate screen")
        }
    }

    /// SIGTERM at later steps too: the service ID form, the API key form, and the final screen.
    @Test(arguments: ["service ID", "API key", "final"])
    func killedLaterTheTerminalIsRestored(step: String) throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let dir = directory + "/" + step.replacingOccurrences(of: " ", with: "-")
        let tmux = try TmuxSession(command: "\(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(dir)")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        for screen in ["Choose the region", "Choose the resource group", "Choose the Key Protect instance"] {
            try tmux.waitFor(screen)
            try tmux.send("Enter")
        }
        try tmux.waitFor("A service ID is the identity")
        if step != "service ID" {
            try tmux.send("Enter")
            try tmux.send("Enter")
            try tmux.waitFor("› Reader")
            try tmux.send("Enter")
            try tmux.waitFor("Save key to")
        }
        if step == "final" {
            for _ in 0..<4 { try tmux.send("Enter") }
            try tmux.waitFor("Your Key Protect bearer token")
        }
        kill(try wizardPID(tmux), SIGTERM)
        let screen = try tmux.waitFor("EXIT=")
        #expect(screen.contains("EXIT=143"))
        let restored = try tmux.waitFor("echoctl")
        let words = restored.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        #expect(words.contains("icanon") && words.contains("echo"), "SIGTERM at \(step)")
    }

    @Test func noColorAndAMonochromeTerminalStillWork() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: "env NO_COLOR=1 TERM=vt100 \(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
    }

    @Test func resizeBelowTheMinimumAndBack() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: "\(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try TestProcess.run(tmux.tmux, ["resize-window", "-t", tmux.name, "-x", "60", "-y", "20"], captureOutput: false)
        try tmux.waitFor("Make the window larger.")
        try TestProcess.run(tmux.tmux, ["resize-window", "-t", tmux.name, "-x", "80", "-y", "24"], captureOutput: false)
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("still-works")
        try tmux.waitFor("11 characters, hidden")
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
    }

    @Test func withoutATerminalItSaysSoInsteadOfDrawing() throws {
        let process = try ChildProcess(TestProcess.binDirectory + "/token-wizard", ["--sandbox"],
                                       stdin: .null, stdout: .pipe, stderr: .pipe)
        let deadline = Date().addingTimeInterval(30)
        let err = String(decoding: try process.readToEnd(process.standardError!, until: deadline), as: UTF8.self)
        let out = try process.readToEnd(process.standardOutput!, until: deadline)
        let status = try process.wait(timeout: 30)
        #expect(status == 2)
        #expect(err.contains("needs an interactive terminal"))
        #expect(!out.contains(0x1B), "no escape codes written to a pipe")
    }

    @Test(arguments: ["dumb", "no-such-terminal-xyz"])
    func unusableTermIsExplained(term: String) throws {
        let tmux = try TmuxSession(command: "env TERM=\(term) \(TestProcess.binDirectory)/token-wizard --sandbox")
        defer { tmux.kill() }
        let screen = try tmux.waitFor("EXIT=")
        #expect(screen.contains("EXIT=2"))
        #expect(screen.contains("TERM=xterm-256color"))
    }
}
