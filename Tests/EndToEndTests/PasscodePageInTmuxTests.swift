import Foundation
import Testing

/// Ctrl-O on the passcode tab, in the real binary: over SSH the page is shown as a QR code
/// (qrencode, installed by scripts/prerequisites); with a display it is opened with xdg-open.
@Suite("Passcode page: QR code over SSH, browser on a desktop", .serialized)
struct PasscodePageInTmuxTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "tw-qr-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func overSSHCtrlOShowsAQRCodeAndAnyKeyReturns() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        let tmux = try TmuxSession(command: "env SSH_CONNECTION='10.0.0.1 50000 10.0.0.2 22' \(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.send("Tab")
        try tmux.waitFor("Ctrl-O shows it as a QR code")
        try tmux.send("C-o")
        let qr = try tmux.waitFor("Scan to open the passcode page")
        #expect(qr.contains("█▀▀▀▀▀█") || qr.contains("█ ▄▄▄▄▄ █"), "finder patterns are drawn")
        #expect(qr.contains(emulator.baseURL + "/identity/passcode"))
        try tmux.send("x")
        try tmux.waitFor("2. Paste the one-time passcode it shows:")
        #expect(!(try tmux.screen().contains("Scan to open")))
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
    }

    @Test func withADisplayCtrlOOpensTheBrowser() throws {
        let emulator = try EmulatorProcess(directory: directory)
        defer { emulator.stop() }
        // A stand-in xdg-open that writes down what it was asked to open.
        let bin = directory + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let opened = directory + "/opened.txt"
        try "#!/bin/sh\necho \"$@\" >> \(opened)\n".write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/xdg-open")
        let tmux = try TmuxSession(command: "env -u SSH_CONNECTION -u SSH_TTY -u SSH_CLIENT DISPLAY=:99 PATH=\(bin):/usr/bin:/bin \(TestProcess.binDirectory)/token-wizard --endpoints \(emulator.endpointsFile) --directory \(directory)")
        defer { tmux.kill() }
        try tmux.waitFor("Log in to IBM Cloud")
        try tmux.send("Tab")
        try tmux.waitFor("Ctrl-O opens it in your browser.")
        try tmux.send("C-o")
        try tmux.waitFor("The passcode page is opening in your browser.")
        let deadline = Date().addingTimeInterval(10)
        var text = ""
        while Date() < deadline {
            text = (try? String(contentsOfFile: opened, encoding: .utf8)) ?? ""
            if !text.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == emulator.baseURL + "/identity/passcode")
        try tmux.send("C-c")
        try tmux.waitFor("EXIT=1")
    }
}
