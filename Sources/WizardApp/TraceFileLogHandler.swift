import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends one line per message to a file created 0600, for `--trace`.
/// It writes what CloudCore logs: method, redacted URL and headers, status, time; never bodies.
public struct TraceFileLogHandler: LogHandler {
    final class Sink: Sendable {
        let descriptor: Int32
        let lock = Mutex(())
        init(descriptor: Int32) { self.descriptor = descriptor }
        func write(_ line: String) {
            lock.withLock { _ in
                var bytes = Array(line.utf8)
                _ = Foundation.write(descriptor, &bytes, bytes.count)
            }
        }
        deinit { close(descriptor) }
    }

    private let sink: Sink
    public var logLevel: Logger.Level = .trace
    public var metadata: Logger.Metadata = [:]

    /// Opens (or creates, mode 0600) `path` for appending.
    /// - Throws: ``SecretFileWriter/WriteError`` when the file cannot be opened.
    public init(path: String) throws {
        let fd = open((path as NSString).expandingTildeInPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SecretFileWriter.WriteError(description: "cannot open the trace file \(path): \(SecretFileWriter.reason(errno))") }
        sink = Sink(descriptor: fd)
    }

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
