import Foundation
import TestSupport

/// Small helpers to run the real binaries and tmux from tests.
enum TestProcess {
    /// The folder with the built executables: $TOKEN_WIZARD_BIN_DIR, else .build/debug of this package.
    static var binDirectory: String {
        if let dir = ProcessInfo.processInfo.environment["TOKEN_WIZARD_BIN_DIR"] { return dir }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug").path
    }

    /// Runs a command to completion (killed after `timeout` seconds); returns its exit status and
    /// standard output. See `ChildProcess` for why this is not Foundation's `Process`.
    /// - Parameter captureOutput: false for commands that leave a daemon behind (tmux's server
    ///   would inherit the pipe and the read would never end).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = true,
                    timeout: TimeInterval = 30) throws -> (status: Int32, output: String) {
        try ChildProcess.run(executable, arguments, captureOutput: captureOutput, timeout: timeout)
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// `ibmcloud-emulator serve --port 0` as a child process, stopped on `stop()`.
final class EmulatorProcess {
    let process: ChildProcess
    let baseURL: String
    let endpointsFile: String

    init(directory: String, extraArguments: [String] = []) throws {
        endpointsFile = directory + "/endpoints.json"
        process = try ChildProcess(TestProcess.binDirectory + "/ibmcloud-emulator",
                                   ["serve", "--port", "0", "--write-endpoints", endpointsFile] + extraArguments)
        // The first line is "listening on http://127.0.0.1:PORT".
        let text = try process.readLine(process.standardOutput!)
        guard text.hasPrefix("listening on http://127.0.0.1:") else {
            process.stop()
            throw TestFailure("emulator said \(text.debugDescription) instead of listening on …")
        }
        baseURL = String(text.dropFirst("listening on ".count))
    }

    func stop() { process.stop() }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One tmux session running a command in a real pseudo-terminal.
final class TmuxSession {
    let name: String
    let tmux: String

    init(command: String, columns: Int = 100, rows: Int = 30) throws {
        guard let tmux = TestProcess.which("tmux") else { throw TestFailure("tmux is not installed (apt-get install tmux)") }
        self.tmux = tmux
        name = "tw-e2e-\(UUID().uuidString.prefix(8))"
        let (status, _) = try TestProcess.run(tmux, ["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
            "env TERM=xterm-256color \(command); echo EXIT=$?; stty -a; sleep 120"], captureOutput: false)
        guard status == 0 else { throw TestFailure("tmux new-session failed") }
    }

    func send(_ keys: String...) throws {
        try TestProcess.run(tmux, ["send-keys", "-t", name] + keys, captureOutput: false)
    }

    /// Types text literally (no key names).
    func type(_ text: String) throws {
        try TestProcess.run(tmux, ["send-keys", "-t", name, "-l", text], captureOutput: false)
    }

    func screen() throws -> String {
        try TestProcess.run(tmux, ["capture-pane", "-p", "-J", "-S", "-200", "-t", name]).output
    }

    /// Waits until the screen contains `text`; bounded (30 s) so a broken run fails instead of hanging.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestFailure("Timed out waiting for \(text.debugDescription). Screen:\n\(last)")
    }

    /// Waits until `predicate` holds for the visible screen; bounded like `waitFor`.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 30, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try visibleScreen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestFailure("Timed out waiting for \(what). Screen:\n\(last)")
    }

    /// Only the rows now on screen (no scrollback), one string per row.
    func visibleScreen() throws -> String {
        try TestProcess.run(tmux, ["capture-pane", "-p", "-t", name]).output
    }

    /// Everything the pane holds: scrollback (up to `lines`) and screen, wrapped lines joined.
    func scrollback(lines: Int = 2000) throws -> String {
        try TestProcess.run(tmux, ["capture-pane", "-p", "-J", "-S", "-\(lines)", "-t", name]).output
    }

    /// A tmux format for the pane, e.g. `#{alternate_on}`.
    func paneFormat(_ format: String) throws -> String {
        try TestProcess.run(tmux, ["display-message", "-p", "-t", name, format]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(columns: Int, rows: Int) throws {
        try TestProcess.run(tmux, ["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"], captureOutput: false)
    }

    /// The PID of token-wizard running in the pane (a child of the pane's shell).
    func wizardPID() throws -> Int32 {
        let shell = try paneFormat("#{pane_pid}")
        let children = try TestProcess.run("/usr/bin/pgrep", ["-P", shell, "token-wizard"]).output
        guard let pid = Int32(children.split(separator: "\n").first ?? "") else {
            throw TestFailure("no token-wizard under pane shell \(shell)")
        }
        return pid
    }

    func kill() { _ = try? TestProcess.run(tmux, ["kill-session", "-t", name], captureOutput: false) }
}
