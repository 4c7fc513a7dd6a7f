import Foundation

/// Runs a helper program the wizard may use when it is installed (`xdg-open`, `qrencode`), with
/// a bounded wait: Foundation's `Process` can miss a child's exit, so the wait polls `isRunning`
/// against a deadline and never blocks the wizard for longer than `timeout` seconds.
/// Arguments carry no secrets (a URL of IAM's passcode page at most).
enum ExternalTool {
    /// Why a tool could not be used; the message is shown to the user.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The tool's path in `PATH`, or nil.
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `name` with `arguments`; returns its standard output (empty when not waited for).
    /// - Parameters:
    ///   - timeout: seconds to wait for the tool to end.
    ///   - waitForExit: false for tools that may stay running (a browser opener).
    /// - Throws: `Failure` when the tool is not installed, cannot start, fails or takes too long.
    @discardableResult
    static func run(_ name: String, _ arguments: [String], timeout: TimeInterval, waitForExit: Bool = true) throws -> String {
        guard let path = find(name) else { throw Failure(description: "\(name) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = waitForExit ? output : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(description: "\(name) could not start: \(error.localizedDescription)") }
        guard waitForExit else { return "" }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "\(name) did not finish in \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0 else { throw Failure(description: "\(name) failed (exit \(process.terminationStatus))") }
        return String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    }
}
