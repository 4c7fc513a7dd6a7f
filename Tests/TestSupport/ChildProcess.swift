#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process for tests, started with `posix_spawn` and reaped with `waitpid`.
///
/// Foundation's `Process` learns that a child ended from a SIGCHLD handler on a run-loop thread;
/// under the parallel test runner it sometimes never notices, and `waitUntilExit()` then blocks
/// for ever on a zombie (seen in CI: a `tmux new-session` client left `<defunct>` and the run hung
/// until the 90-minute limit). Here every wait polls `waitpid(pid, WNOHANG)` against a deadline and
/// kills the child when the deadline passes, so a test fails instead of hanging.
///
/// Pipes are created close-on-exec, so a daemon started by another test (tmux's server) never
/// inherits them; the child starts with no signals blocked and default dispositions.
public final class ChildProcess: @unchecked Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// A pipe whose other end this object keeps (`standardOutput` / `standardError` / `standardInput`).
        case pipe
        /// This process's own stream of the same number.
        case inherit
    }

    /// What a test waiting on a child can fail with.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// The child's process ID.
    public let pid: pid_t
    /// Our end of the child's standard input pipe, when `.pipe` was asked for.
    public let standardInput: Int32?
    /// Our end of the child's standard output pipe, when `.pipe` was asked for.
    public let standardOutput: Int32?
    /// Our end of the child's standard error pipe, when `.pipe` was asked for.
    public let standardError: Int32?
    private let lock = NSLock()
    private static let spawnLock = NSLock()
    private var status: Int32?

    /// Starts `executable` (an absolute path) with `arguments`.
    /// - Parameter environment: the child's whole environment; nil passes this process's own.
    /// - Throws: `Failure` when the pipe or `posix_spawn` fails (the message names the errno).
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                stdin: Stream = .null, stdout: Stream = .pipe, stderr: Stream = .null) throws {
        ChildProcess.spawnLock.lock()
        defer { ChildProcess.spawnLock.unlock() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var ours: [Int32?] = [nil, nil, nil]
        var theirs: [Int32] = []
        defer { theirs.forEach { close($0) } }
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .inherit:
                continue
            case .null:
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .pipe:
                var ends: [Int32] = [-1, -1]
                // pipe2(O_CLOEXEC) is not imported; pipe + FD_CLOEXEC under `spawnLock`, which
                // every spawn here holds, so no sibling child can inherit the ends in between.
                guard pipe(&ends) == 0 else {
                    ours.compactMap { $0 }.forEach { close($0) }
                    throw Failure("pipe2: \(String(cString: strerror(errno)))")
                }
                _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
                _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
                let (childEnd, ourEnd) = fd == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
                posix_spawn_file_actions_adddup2(&actions, childEnd, fd)
                theirs.append(childEnd)
                ours[Int(fd)] = ourEnd
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, env)
        guard result == 0 else {
            ours.compactMap { $0 }.forEach { close($0) }
            throw Failure("posix_spawn \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
        standardInput = ours[0]
        standardOutput = ours[1]
        standardError = ours[2]
    }

    deinit {
        [standardInput, standardOutput, standardError].compactMap { $0 }.forEach { close($0) }
    }

    /// Runs a command to the end and returns its exit status and standard output.
    /// - Parameters:
    ///   - captureOutput: false for commands that leave a daemon behind (tmux's server), whose
    ///     output then goes to `/dev/null`.
    ///   - timeout: seconds before the command is killed and `Failure` thrown.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = true,
                           timeout: TimeInterval = 30) throws -> (status: Int32, output: String) {
        let child = try ChildProcess(executable, arguments, stdout: captureOutput ? .pipe : .null)
        let deadline = Date().addingTimeInterval(timeout)
        let output = captureOutput ? try child.readToEnd(child.standardOutput!, until: deadline) : Data()
        let status = try child.wait(until: deadline)
        return (status, String(decoding: output, as: UTF8.self))
    }

    /// Sends `signal` to the child (nothing once it has been reaped).
    public func signal(_ signal: Int32) {
        lock.lock(); defer { lock.unlock() }
        if status == nil { kill(pid, signal) }
    }

    /// The exit status once the child has ended (128 + N for a child killed by signal N), else nil.
    public var exitStatus: Int32? {
        lock.lock(); defer { lock.unlock() }
        return reapLocked(block: false)
    }

    /// Waits for the child to end; returns its exit status (128 + N when killed by signal N).
    /// - Throws: `Failure` after `timeout` seconds, having killed the child with SIGKILL.
    @discardableResult
    public func wait(timeout: TimeInterval = 30) throws -> Int32 {
        try wait(until: Date().addingTimeInterval(timeout))
    }

    func wait(until deadline: Date) throws -> Int32 {
        while Date() < deadline {
            if let status = exitStatus { return status }
            usleep(10_000)
        }
        signal(SIGKILL)
        lock.lock(); _ = reapLocked(block: true); lock.unlock()
        throw Failure("pid \(pid) did not end in time and was killed")
    }

    /// Stops the child: SIGTERM, then SIGKILL if it is still there after `grace` seconds.
    public func stop(grace: TimeInterval = 5) {
        signal(SIGTERM)
        if (try? wait(timeout: grace)) == nil { _ = exitStatus }
    }

    /// Reads `fd` until end of file or `deadline`.
    /// - Throws: `Failure` when the deadline passes first.
    public func readToEnd(_ fd: Int32, until deadline: Date) throws -> Data {
        var data = Data()
        while try readSome(fd, until: deadline, into: &data) {}
        return data
    }

    /// Reads `fd` until `data` holds a newline (returns the first line, without it) or EOF.
    /// - Throws: `Failure` when `timeout` seconds pass first.
    public func readLine(_ fd: Int32, timeout: TimeInterval = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            var byte = Data()
            // One byte at a time so nothing after the line is consumed.
            guard try readSome(fd, until: deadline, into: &byte, limit: 1) else { break }
            data.append(byte)
        }
        if data.last == UInt8(ascii: "\n") { data.removeLast() }
        return String(decoding: data, as: UTF8.self)
    }

    /// One read of at most `limit` bytes, waiting with poll(2); false at end of file.
    private func readSome(_ fd: Int32, until deadline: Date, into data: inout Data, limit: Int = 65536) throws -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { throw Failure("reading from pid \(pid) timed out") }
        let ready = poll(&descriptor, 1, Int32(min(left, 1) * 1000))
        if ready < 0 { if errno == EINTR { return true }; throw Failure("poll: \(String(cString: strerror(errno)))") }
        if ready == 0 { return true }
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = read(fd, &buffer, limit)
        if count < 0 { if errno == EINTR || errno == EAGAIN { return true }; throw Failure("read: \(String(cString: strerror(errno)))") }
        if count == 0 { return false }
        data.append(contentsOf: buffer[0..<count])
        return true
    }

    private func reapLocked(block: Bool) -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, block ? 0 : WNOHANG)
        guard result == pid else { return nil }
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros are not imported into Swift.
        let code = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        status = code
        return code
    }
}
