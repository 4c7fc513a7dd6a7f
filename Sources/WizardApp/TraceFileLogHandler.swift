import Foundation
import Logging
import Synchronization

/// Trace lines kept in memory while curses owns the terminal (`IBMCLOUD_TRACE=true` in the wizard),
/// written to standard error by ``flush()`` once the terminal is restored.
public final class TraceBuffer: Sendable {
    private let lines = Mutex<[String]>([])
    public init() {}
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    /// How many lines are kept.
    public var count: Int { lines.withLock { $0.count } }
    /// Writes the kept lines to standard error and forgets them.
    public func flush() {
        let kept = lines.withLock { lines in defer { lines.removeAll() }; return lines }
        for line in kept { FileHandle.standardError.write(Data(line.utf8)) }
    }
}

/// A swift-log handler that writes one line per message, for `--trace` and `IBMCLOUD_TRACE`: to a
/// file created 0600, to standard error, or to a ``TraceBuffer``. It writes what CloudCore logs:
/// method, redacted URL and headers, status, time; never bodies.
public struct TraceFileLogHandler: LogHandler {
    final class Sink: Sendable {
        enum Target { case descriptor(Int32, owned: Bool), buffer(TraceBuffer) }
        let target: Target
        let lock = Mutex(())
        init(_ target: Target) { self.target = target }
        func write(_ line: String) {
            switch target {
            case .descriptor(let descriptor, _):
                lock.withLock { _ in
                    var bytes = Array(line.utf8)
                    _ = Foundation.write(descriptor, &bytes, bytes.count)
                }
            case .buffer(let buffer): buffer.append(line)
            }
        }
        deinit { if case .descriptor(let descriptor, owned: true) = target { close(descriptor) } }
    }

    private let sink: Sink
    public var logLevel: Logger.Level = .trace
    public var metadata: Logger.Metadata = [:]

    /// Opens (or creates, mode 0600) `path` for appending.
    /// - Throws: ``SecretFileWriter/WriteError`` when the file cannot be opened.
    public init(path: String) throws {
        let fd = open((path as NSString).expandingTildeInPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SecretFileWriter.WriteError(description: "cannot open the trace file \(path): \(SecretFileWriter.reason(errno))") }
        sink = Sink(.descriptor(fd, owned: true))
    }

    /// Writes to an open descriptor it does not own (2 for standard error).
    public init(descriptor: Int32) { sink = Sink(.descriptor(descriptor, owned: false)) }

    /// Keeps the lines in `buffer`.
    public init(buffer: TraceBuffer) { sink = Sink(.buffer(buffer)) }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(event.level) \(event.message)\(extra)\n")
    }
}
