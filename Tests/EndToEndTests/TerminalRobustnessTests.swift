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

    func wizardCommand(_ emulator: EmulatorProcess, directory: String? = nil) -> String {
        "\(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory ?? self.directory)"
    }

    /// After the wizard died of a signal: the shell saw 128 + signal, `stty -a` shows canonical
    /// mode and echo back on, and the pane is off the alternate screen with the cursor shown.
    func expectRestored(_ tmux: TmuxSession, status: Int32, _ context: String) throws {
        let screen = try tmux.waitFor("EXIT=")
        let exitLine = screen.split(separator: "\n").first { $0.hasPrefix("EXIT=") }.map(String.init) ?? ""
        #expect(exitLine.trimmingCharacters(in: .whitespaces) == "EXIT=\(status)", "exit status, \(context)")
        let restored = try tmux.waitFor("echoctl")
        let words = restored.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        #expect(words.contains("icanon") && words.contains("echo"), "termios restored, \(context)")
        #expect(!words.contains("-icanon") && !words.contains("-echo"), "termios restored, \(context)")
        #expect(try tmux.paneFormat("#{alternate_on}") == "0", "left the alternate screen, \(context)")
        #expect(try tmux.paneFormat("#{cursor_flag}") == "1", "cursor shown, \(context)")
    }

    @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP), ("INT", SIGINT)])
    func killedAtLoginOrRegionTheTerminalIsRestored(signal: (name: String, number: Int32)) throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        for atRegion in [false, true] {
            let tmux = try TmuxSession(command: wizardCommand(emulator))
            defer { tmux.kill() }
            try tmux.waitFor("Log in to IBM Cloud")
            if atRegion {
                try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
                try tmux.send("Enter")
                try tmux.waitFor("Choose the region")
            }
            kill(try tmux.wizardPID(), signal.number)
            try expectRestored(tmux, status: 128 + signal.number, "SIG\(signal.name) at \(atRegion ? "region" : "login")")
            #expect(try !tmux.screen().contains("Log in to IBM Cloud"), "left the alternate screen")
        }
    }

    /// A Swift runtime trap ends the process with SIGILL (x86-64 `ud2`) or SIGTRAP (arm64 `brk`);
    /// `abort()` and failed preconditions in C code with SIGABRT; a bad pointer with SIGSEGV. Each
    /// is sent to the real binary at the login screen, and so are the other handled ones (SIGQUIT,
    /// SIGBUS, SIGFPE). `ulimit -c 0`: no core file in the repo.
    @Test(arguments: [("ILL", SIGILL), ("TRAP", SIGTRAP), ("ABRT", SIGABRT), ("SEGV", SIGSEGV),
                      ("QUIT", SIGQUIT), ("BUS", SIGBUS), ("FPE", SIGFPE)])
    func crashSignalAtLoginRestoresTheTerminal(signal: (name: String, number: Int32)) throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: "sh -c 'ulimit -c 0; exec \(wizardCommand(emulator))'")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        kill(try tmux.wizardPID(), signal.number)
        try expectRestored(tmux, status: 128 + signal.number, "SIG\(signal.name) at login")
    }

    /// SIGTERM at every later step (login and region are covered above; the account is chosen
    /// automatically for an API key login).
    static let laterSteps: [(name: String, title: String, keysToNext: [String])] = [
        ("resource group", "Choose the resource group", ["Enter"]),
        ("instance", "Choose the Key Protect instance", ["Enter"]),
        ("service ID", "A service ID is the identity", ["Enter", "Enter"]),
        ("role", "Key Protect role for the service ID", ["Enter"]),
        ("API key", "Save key to", ["Enter", "Enter", "Enter", "Enter"]),
        ("plan", "Nothing is created until you press Enter", ["Enter"]),
        ("final", "Your Key Protect bearer token", []),
    ]

    @Test(arguments: laterSteps.map(\.name))
    func killedLaterTheTerminalIsRestored(step: String) throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator, directory: directory + "/" + step.replacingOccurrences(of: " ", with: "-")))
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.send("Enter")
        for stage in Self.laterSteps {
            // The only instance in Default is chosen for the user; the instance screen shows for
            // a group without one (security, in us-south).
            if stage.name == "instance" && step != "instance" { continue }
            try tmux.waitFor(stage.title)
            if stage.name == "role" { try tmux.waitFor("› Reader") }
            if stage.name == step { break }
            if stage.name == "resource group" && step == "instance" { try tmux.type("secu") }
            for key in stage.keysToNext { try tmux.send(key) }
        }
        let title = try #require(Self.laterSteps.first { $0.name == step }).title
        #expect(try tmux.screen().contains(title), "at the \(step) step")
        kill(try tmux.wizardPID(), SIGTERM)
        try expectRestored(tmux, status: 143, "SIGTERM at \(step)")
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
        try tmux.resize(columns: 60, rows: 20)
        try tmux.waitFor("Make the window larger.")
        try tmux.resize(columns: 80, rows: 24)
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("still-works")
        try tmux.waitFor("11 characters, hidden")
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
    }

    /// The window shrinks below 80×24 and grows back while a request runs (the emulator answers
    /// the resource group list after 6 s): once the answer arrives, the next screen is drawn whole
    /// at 80×24, with nothing left of the "too small" screen.
    @Test func resizeWhileARequestRunsThenTheNextScreenIsWhole() throws {
        let emulator = try EmulatorProcess(directory: directory, extraArguments: ["--fault", "/v2/resource_groups=slow:6@1"])
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: wizardCommand(emulator), columns: 80, rows: 24)
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.type("sandbox-user-apikey-0000000000000000000000000001")
        try tmux.send("Enter")
        try tmux.waitFor("Choose the region")
        try tmux.send("Enter")
        try tmux.waitFor("Loading resource groups…")
        try tmux.resize(columns: 60, rows: 20)
        try tmux.waitUntil("the too-small screen", timeout: 3) { $0.contains("Make the window larger.") && $0.contains("60×20") }
        try tmux.resize(columns: 80, rows: 24)
        // Back at full size while the request still runs: the spinner is redrawn.
        let during = try tmux.waitUntil("the spinner at 80×24", timeout: 3) { $0.contains("Loading resource groups…") }
        #expect(during.contains("Working…"), "the resize happened while the request ran")
        #expect(!during.contains("Make the window larger."))
        let next = try tmux.waitUntil("the resource group screen") {
            $0.contains("Choose the resource group") && !$0.contains("Working…")
        }
        let rows = next.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(try tmux.paneFormat("#{pane_width}x#{pane_height}") == "80x24")
        #expect(rows.count >= 24)
        #expect(rows[0].contains("TokenWizard · IBM Cloud Key Protect bearer token"), "title bar: \(rows[0])")
        #expect(rows[3].contains("Choose the resource group"))
        #expect(rows[23].contains("↑↓ move · type to filter · Enter choose"), "help bar: \(rows[23])")
        #expect(next.contains("Default"))
        for leftover in ["Make the window larger.", "TokenWizard needs", "this one is", "Ctrl-C quits.", "Loading resource groups…"] {
            #expect(!next.contains(leftover), "\(leftover.debugDescription) left on screen:\n\(next)")
        }
        // Still usable: the list takes keys.
        try tmux.type("secu")
        try tmux.waitFor("1 of 3 resource groups")
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
