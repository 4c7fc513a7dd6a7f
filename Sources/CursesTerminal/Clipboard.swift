import Foundation

/// Puts text on the clipboard: OSC 52 through the terminal (works over SSH and in tmux with
/// `set-clipboard on`), then wl-copy, xclip or xsel when a display is there, or pbcopy. The text goes to the
/// tools through standard input, never through arguments.
enum Clipboard {
    /// Returns the name of what was used, or nil when nothing could be tried.
    static func copy(_ text: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        let base64 = Data(text.utf8).base64EncodedString()
        TerminalRestorer.writeRaw("\u{1B}]52;c;\(base64)\u{07}")
        var used = ["OSC 52"]
        let candidates: [(String, [String], String?)] = [
            ("wl-copy", [], "WAYLAND_DISPLAY"),
            ("xclip", ["-selection", "clipboard"], "DISPLAY"),
            ("xsel", ["--clipboard", "--input"], "DISPLAY"),
            ("pbcopy", [], nil),  // macOS: no display variable
        ]
        for (tool, args, variable) in candidates where variable.map({ env[$0] != nil }) ?? true {
            if let path = which(tool), run(path, args, input: text) {
                used.append(tool)
                break
            }
        }
        return used.joined(separator: " and ")
    }

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ path: String, _ args: [String], input: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
            // Bounded: Foundation's Process can miss a child's exit (seen in our CI, where
            // waitUntilExit() hung on a zombie); the wizard must never freeze on a copy.
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return !process.isRunning && process.terminationStatus == 0
        } catch {
            return false
        }
    }
}
